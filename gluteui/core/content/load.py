"""Load `content/` into frozen dataclasses, validating as it goes.

A mistake names the file, the entry and the field; `load_content` gathers every mistake
before raising one `ContentError`, so `gluteui check-content` can list them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gluteui.core.content.exercises import Exercise, Routine, load_exercises
from gluteui.core.content.fields import ContentError, Entry, Problems, read_toml
from gluteui.core.content.ladders import (
    Ladder,
    LadderRules,
    check_tested_by,
    load_ladders,
)
from gluteui.core.content.lessons import Lesson, load_lessons
from gluteui.core.content.quiz import Quiz, load_quiz
from gluteui.core.content.routines import load_routines
from gluteui.core.content.triage import Triage, load_triage
from gluteui.core.phrases import HOLD_KEYS
from gluteui.core.speech import SPOKEN_KEYS

__all__ = ["Content", "ContentError", "load_content"]


@dataclass(frozen=True)
class Content:
    """All of content/, loaded and validated."""

    exercises: dict[str, Exercise]
    routines: dict[str, Routine]
    lessons: tuple[Lesson, ...]
    quiz: Quiz
    phrases: dict[str, str]
    """What the routine and the squeeze test say aloud: clip key -> its words
    (content/voice/phrases.toml, then each move's name, setup lines and switch hint:
    `exercise_phrases`, and each timed check's position: `quiz_phrases`). Every key has a clip."""
    triage: Triage
    ladders: dict[str, Ladder]
    """How each move grows (content/ladders.toml), by ladder id."""
    ladder_rules: LadderRules


PHRASES = "voice/phrases.toml"


def exercise_phrases(exercises: dict[str, Exercise]) -> dict[str, str]:
    """What is said of each move, clip key -> words: its name, each line of its setup and
    its switch hint, so a user on the mat hears what the screen shows."""
    said: dict[str, str] = {}
    for exercise in exercises.values():
        said[f"exercise-{exercise.id}"] = f"{exercise.name}."
        for n, line in enumerate(exercise.setup, 1):
            said[f"setup-{exercise.id}-{n}"] = line
        if exercise.switch_hint:
            said[f"hint-{exercise.id}"] = f"{exercise.switch_hint}."
    return said


def quiz_phrases(quiz: Quiz) -> dict[str, str]:
    """What is said of each timed squeeze-test check, clip key -> words: its position."""
    return {f"position-{step.id}": step.position for step in quiz.steps if step.position}


def load_phrases(folder: Path, problems: Problems) -> dict[str, str]:
    """content/voice/phrases.toml: every phrase the routine and the squeeze test use must be there, as text."""
    data = read_toml(folder / PHRASES, problems, name=PHRASES)
    if data is None:
        return {}
    top = Entry(PHRASES, "", data, problems)
    table = top.table("phrases")
    phrases = {key: table.text(key) for key in table.data}
    for key in (*SPOKEN_KEYS, *HOLD_KEYS):
        if key not in phrases:
            table.fail(key, "is missing")
    top.finish()
    return phrases


def load_content(folder: Path) -> Content:
    """Load and validate every content file in `folder`; raise ContentError listing all mistakes."""
    problems = Problems()
    if not folder.is_dir():
        raise ContentError([f"{folder}: is not a folder"])
    exercises = load_exercises(folder, problems)
    ladders, ladder_rules = load_ladders(folder, exercises, problems)
    routines = load_routines(folder, ladders, problems)
    quiz = load_quiz(folder, problems, routine_ids=routines.keys())
    check_tested_by(ladders, {step.id for step in quiz.steps}, problems)
    triage = load_triage(folder, problems, pain_kinds=quiz.safety.pain.keys())
    lessons = load_lessons(folder / "lessons", problems, triage.markdown())
    phrases = load_phrases(folder, problems) | exercise_phrases(exercises) | quiz_phrases(quiz)
    problems.raise_if_any()
    return Content(
        exercises=exercises, routines=routines, lessons=lessons, quiz=quiz, phrases=phrases, triage=triage,
        ladders=ladders, ladder_rules=ladder_rules,
    )
