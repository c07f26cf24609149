"""The squeeze self-assessment: its content (content/quiz.toml), one go through it, and scoring.

The scoring rules are data in quiz.toml (thresholds, gap, ladder); this module only
applies them. Everything here is pure: the caller passes clocks, ids and dates in.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from gluteui.core.fields import Entry, Problems
from gluteui.core.records import QuizResult

FILE = "quiz.toml"
SIDES = ("left", "right")
STEP_SIDES = ("left", "right", "none")
INSTRUCTIONS_MAX = 320
"""Characters; longer instructions would push the answers off an 80x24 screen."""
LABEL_MAX = 60
MAX_OPTIONS = 9
"""Answers are picked with the number keys 1-9."""


@dataclass(frozen=True)
class Option:
    label: str
    score: int
    red_flag: bool
    note: str | None
    """A tip shown with the result when this answer was given."""


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    side: str
    """"left" or "right" (scores count for that side) or "none" (sitting load)."""
    instructions: str
    hold_s: float | None
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Verdict:
    id: str
    title: str
    min_score: int
    """The lower side's score must reach this."""
    routine: str
    text: str


@dataclass(frozen=True)
class Rules:
    weaker_side_gap: int
    weaker_side_routine: str
    step_up_at: int
    ladder: tuple[str, ...]
    step_up_note: str
    weaker_side_note: str
    """May use {side} and {gap}."""


@dataclass(frozen=True)
class Safety:
    reminder: str
    title: str
    text: str


@dataclass(frozen=True)
class Quiz:
    steps: tuple[Step, ...]
    verdicts: tuple[Verdict, ...]
    """Highest min_score first: the first one the lower side reaches applies."""
    rules: Rules
    safety: Safety

    @property
    def max_score(self) -> int:
        """The most one side can score (the loader makes sure both sides agree)."""
        return _side_max(self.steps, "left")

    def title_of(self, verdict_id: str) -> str:
        """A stored verdict id as the user reads it, e.g. "amnesia" -> "Gluteal amnesia"."""
        return next((v.title for v in self.verdicts if v.id == verdict_id), verdict_id)


@dataclass(frozen=True)
class Recommendation:
    routine_id: str
    extra_set_side: str | None
    reasons: tuple[str, ...]
    """Why it differs from the verdict's own routine, one sentence each."""


@dataclass(frozen=True)
class Assessment:
    scores: dict[str, int]
    verdict: Verdict
    weaker_side: str | None
    red_flag: bool
    recommendation: Recommendation | None
    """None after a red-flag answer: the user should see a professional instead."""
    tips: tuple[str, ...]


def _side_max(steps: Sequence[Step], side: str) -> int:
    return sum(max((o.score for o in step.options), default=0) for step in steps if step.side == side)


# Scoring.


def recommend(rules: Rules, verdict: Verdict, sitting_load: int, scores: dict[str, int]) -> Recommendation:
    """The routine for this verdict, stepped up for long sitting, switched for a weaker side."""
    routine = verdict.routine
    reasons: list[str] = []
    if sitting_load >= rules.step_up_at and routine in rules.ladder[:-1]:
        routine = rules.ladder[rules.ladder.index(routine) + 1]
        reasons.append(rules.step_up_note)
    weaker = weaker_side(rules, scores)
    if weaker is not None:
        routine = rules.weaker_side_routine
        gap = abs(scores["left"] - scores["right"])
        reasons.append(rules.weaker_side_note.format(side=weaker, gap=gap))
    return Recommendation(routine, weaker, tuple(reasons))


def weaker_side(rules: Rules, scores: dict[str, int]) -> str | None:
    """The lower-scoring side when the gap reaches rules.weaker_side_gap, else None."""
    if abs(scores["left"] - scores["right"]) < rules.weaker_side_gap:
        return None
    return "left" if scores["left"] < scores["right"] else "right"


def assess(quiz: Quiz, answers: Sequence[int]) -> Assessment:
    """Score answers (option indexes, in step order; fewer when a red flag stopped the test)."""
    picks = [(step, step.options[index]) for step, index in zip(quiz.steps, answers)]
    scores = {side: sum(o.score for s, o in picks if s.side == side) for side in SIDES}
    sitting_load = sum(o.score for s, o in picks if s.side == "none")
    lower = min(scores.values())
    verdict = next((v for v in quiz.verdicts if lower >= v.min_score), quiz.verdicts[-1])
    red_flag = any(o.red_flag for _, o in picks)
    return Assessment(
        scores=scores,
        verdict=verdict,
        weaker_side=weaker_side(quiz.rules, scores),
        red_flag=red_flag,
        recommendation=None if red_flag else recommend(quiz.rules, verdict, sitting_load, scores),
        tips=tuple(dict.fromkeys(o.note for _, o in picks if o.note)),
    )


@dataclass
class Attempt:
    """One go through the quiz: the answers so far, as option indexes in step order."""

    quiz: Quiz
    answers: list[int] = field(default_factory=list)

    @property
    def finished(self) -> bool:
        """Every step answered, or a red-flag answer stopped the test."""
        if len(self.answers) >= len(self.quiz.steps):
            return True
        return any(s.options[i].red_flag for s, i in zip(self.quiz.steps, self.answers))

    @property
    def step(self) -> Step | None:
        """The step to answer now; None once finished."""
        return None if self.finished else self.quiz.steps[len(self.answers)]

    def answer(self, index: int) -> None:
        step = self.step
        if step is None:
            raise ValueError("the quiz is already finished")
        if not 0 <= index < len(step.options):
            raise ValueError(f"step {step.id!r} has no answer {index + 1}")
        self.answers.append(index)

    def back(self) -> bool:
        """Undo the last answer; False when there is none."""
        if not self.answers:
            return False
        self.answers.pop()
        return True

    def assessment(self) -> Assessment:
        return assess(self.quiz, self.answers)


def hold_left(hold_s: float, started: float | None, now: float) -> float:
    """Seconds of a timed hold still to go: all of them before it starts, never below 0."""
    if started is None:
        return hold_s
    return max(0.0, hold_s - (now - started))


def seconds_shown(left: float) -> int:
    """What a countdown displays: 0.2 s left still reads 1, so 0 means time is up."""
    return math.ceil(round(left, 6))


def to_record(assessment: Assessment, result_id: str, local_date: date, taken_at: datetime) -> QuizResult:
    """The assessment as the store keeps it."""
    return QuizResult(
        id=result_id, local_date=local_date, taken_at=taken_at, scores=dict(assessment.scores),
        verdict=assessment.verdict.id, weaker_side=assessment.weaker_side, red_flag=assessment.red_flag,
    )


def change_since(previous: QuizResult | None, scores: dict[str, int]) -> str | None:
    """E.g. "Since 01 Nov: left 1 -> 3, right 2 -> 4"; None for a first go."""
    if previous is None:
        return None
    moves = ", ".join(f"{side} {previous.scores.get(side, 0)} -> {scores[side]}" for side in SIDES)
    return f"Since {previous.local_date:%d %b}: {moves}"


# Loading.


def _read_toml(path: Path, problems: Problems) -> dict | None:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        problems.add(path.name, "", "", "file is missing")
    except (OSError, UnicodeDecodeError) as error:
        problems.add(path.name, "", "", f"cannot be read ({error})")
    except tomllib.TOMLDecodeError as error:
        problems.add(path.name, "", "", f"is not valid TOML ({error})")
    return None


def _name(raw: object, fallback: str) -> str:
    """An entry is named by its id when it has a usable one, else by its position."""
    name = raw.get("id") if isinstance(raw, dict) else None
    return name if isinstance(name, str) and name.strip() else fallback


def _table(parent: Entry, name: str) -> Entry:
    parent.seen.add(name)
    return Entry(parent.file, name, parent.data.get(name, {}), parent.problems)


def _load_step(raw: object, number: int, problems: Problems) -> Step:
    name = _name(raw, f"steps[{number}]")
    entry = Entry(FILE, name, raw, problems)
    options = []
    for index, raw_option in enumerate(entry.tables("options"), start=1):
        item = Entry(FILE, f"{name}.options[{index}]", raw_option, problems)
        label = item.text("label")
        if len(label) > LABEL_MAX:
            item.fail("label", f"must fit in {LABEL_MAX} characters, has {len(label)}")
        options.append(Option(label, item.integer("score"), item.boolean("red_flag", default=False),
                              item.optional_text("note")))
        item.finish()
    if not 2 <= len(options) <= MAX_OPTIONS:
        entry.fail("options", f"must list 2 to {MAX_OPTIONS} answers, has {len(options)}")
    instructions = entry.text("instructions")
    if len(instructions) > INSTRUCTIONS_MAX:
        entry.fail("instructions", f"must fit in {INSTRUCTIONS_MAX} characters, has {len(instructions)}")
    step = Step(
        id=entry.text("id"), title=entry.text("title"), side=entry.choice("side", STEP_SIDES),
        instructions=instructions, hold_s=entry.number("hold_s", default=None, minimum=1),
        options=tuple(options),
    )
    entry.finish()
    return step


def _load_verdict(raw: object, number: int, problems: Problems) -> Verdict:
    entry = Entry(FILE, _name(raw, f"verdicts[{number}]"), raw, problems)
    verdict = Verdict(
        id=entry.text("id"), title=entry.text("title"), min_score=entry.integer("min_score"),
        routine=entry.text("routine"), text=entry.text("text"),
    )
    entry.finish()
    return verdict


def _load_rules(entry: Entry) -> Rules:
    rules = Rules(
        weaker_side_gap=entry.integer("weaker_side_gap", minimum=1),
        weaker_side_routine=entry.text("weaker_side_routine"),
        step_up_at=entry.integer("step_up_at", minimum=1),
        ladder=entry.texts("ladder"),
        step_up_note=entry.text("step_up_note"),
        weaker_side_note=entry.text("weaker_side_note"),
    )
    try:
        rules.weaker_side_note.format(side="left", gap=2)
    except (KeyError, IndexError, ValueError):
        entry.fail("weaker_side_note", "may only use the placeholders {side} and {gap}")
    entry.finish()
    return rules


def _check(quiz: Quiz, problems: Problems, routine_ids: Collection[str] | None) -> None:
    """Rules that span entries: unique ids, mirrored sides, a verdict for every score."""
    for kind, ids in (("steps", [s.id for s in quiz.steps]), ("verdicts", [v.id for v in quiz.verdicts])):
        for repeated in sorted({i for i in ids if ids.count(i) > 1}):
            problems.add(FILE, repeated, "id", f"is used by more than one of the {kind}")
    left, right = _side_max(quiz.steps, "left"), _side_max(quiz.steps, "right")
    if left != right or left == 0:
        problems.add(FILE, "steps", "side", f"left and right must reach the same score above 0, "
                                            f"they reach {left} and {right}")
    if quiz.verdicts and quiz.verdicts[-1].min_score != 0:
        problems.add(FILE, "verdicts", "min_score", "one verdict needs min_score = 0, so every score has one")
    for verdict in quiz.verdicts:
        if verdict.min_score > left:
            problems.add(FILE, verdict.id, "min_score", f"is above the highest score a side can reach ({left})")
    if routine_ids is None:
        return
    named = [(v.id, "routine", v.routine) for v in quiz.verdicts]
    named += [("rules", "weaker_side_routine", quiz.rules.weaker_side_routine)]
    named += [("rules", "ladder", routine) for routine in quiz.rules.ladder]
    for entry, field_name, routine in named:
        if routine and routine not in routine_ids:
            problems.add(FILE, entry, field_name, f"unknown routine {routine!r}")


def load_quiz(folder: Path, problems: Problems, routine_ids: Collection[str] | None = None) -> Quiz:
    """Read `folder/quiz.toml`, recording every mistake in `problems` (routines checked if given)."""
    data = _read_toml(folder / FILE, problems)
    if data is None:  # the file's own problem is recorded; listing every field too is noise
        return Quiz((), (), Rules(1, "", 1, (), "", ""), Safety("", "", ""))
    top = Entry(FILE, "", data, problems)
    steps = tuple(_load_step(raw, n, problems) for n, raw in enumerate(top.tables("steps", []), start=1))
    verdicts = sorted(
        (_load_verdict(raw, n, problems) for n, raw in enumerate(top.tables("verdicts", []), start=1)),
        key=lambda verdict: -verdict.min_score,
    )
    safety_entry = _table(top, "safety")
    safety = Safety(safety_entry.text("reminder"), safety_entry.text("title"), safety_entry.text("text"))
    safety_entry.finish()
    quiz = Quiz(steps=steps, verdicts=tuple(verdicts), rules=_load_rules(_table(top, "rules")), safety=safety)
    top.finish()
    if not steps:
        top.fail("steps", "must list at least one step")
    if not verdicts:
        top.fail("verdicts", "must list at least one verdict")
    _check(quiz, problems, routine_ids)
    return quiz
