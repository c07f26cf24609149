"""Claims no stronger than their sources (issue 19, content-audit-2.md): each test fails if an
overclaim the audit removed comes back, in the words a user would read."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from gluteui import locations
from gluteui.core.content.load import Content, load_content
from gluteui.core.demo import demo_history
from gluteui.core.stats.streaks import is_activated
from gluteui.screens.home import WELCOME

ROOT = Path(__file__).resolve().parents[2]
SAFETY_LESSON = "08-safety.md"


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(locations.content_dir())


def user_texts(content: Content) -> dict[str, str]:
    """Every text a user reads, by where it comes from: lessons, the squeeze test's own words,
    the README, the help and Home's welcome."""
    quiz = content.quiz
    texts = {f"lesson {lesson.id}": "\n".join([lesson.takeaway, lesson.body]) for lesson in content.lessons}
    texts["quiz verdicts"] = "\n".join(verdict.text for verdict in quiz.verdicts)
    texts["quiz notes"] = "\n".join(option.note or "" for step in quiz.steps for option in step.options)
    texts["quiz rules"] = "\n".join([quiz.rules.step_up_note, quiz.rules.weaker_side_note])
    texts["README"] = (ROOT / "README.md").read_text(encoding="utf-8")
    texts["help"] = (ROOT / "gluteui" / "screens" / "help.md").read_text(encoding="utf-8")
    texts["Home's welcome"] = WELCOME
    return texts


@pytest.mark.parametrize("phrase", [
    "keeps them awake",  # #64: no study shows an effect during the run
    "hands the work back",  # #70: Lehecka: hamstrings fell, the glute stayed about the same
    "the sign you are after",  # #28: warmth is an unvalidated self-check
    "cheap and low-risk",  # #6: no adverse-event data
    "mostly moderate",  # #47: a ranking across studies
    "does not cancel out a day of sitting",  # #1: unsourced, contradicted for mortality
    "end up doing their work",  # #59: stated as fact
    "leaving their work to",  # #61: the consequence unhedged
    "calmer with activation",  # #85: a causal verdict
    "weaker side.",  # #67: a self-rating, not strength
    "journal not checked",  # section 5 item 12: citations filled in
])
def test_a_removed_overclaim_does_not_come_back(content: Content, phrase: str):
    found = [where for where, text in user_texts(content).items() if phrase in " ".join(text.split())]
    assert found == [], f"{phrase!r} is back in {found}"


def paragraphs(text: str) -> list[str]:
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text)]


def test_dead_butt_syndrome_is_named_as_tendinopathy_never_as_gluteal_amnesia(content: Content):
    """#7: the nickname was popularised for gluteus medius tendinopathy, the condition lesson 2
    says gluteal amnesia is not. Wherever it is mentioned, the same paragraph says so."""
    mentions = 0
    for where, text in user_texts(content).items():
        for paragraph in paragraphs(text):
            if "dead butt" in paragraph.lower():
                mentions += 1
                assert "tendinopathy" in paragraph, f"{where}: {paragraph}"
                assert "also called" not in paragraph and "another name" not in paragraph, f"{where}: {paragraph}"
    assert mentions >= 1, "lesson 2 warns the reader off the nickname"
    lesson = next(lesson for lesson in content.lessons if lesson.id == "gluteal-amnesia")
    assert "lesson 8" in next(p for p in paragraphs(lesson.body) if "dead butt" in p), "points to the safety lesson"


def test_every_place_that_says_dead_butt_is_known(content: Content):
    """A new mention anywhere in the repository needs the same care as lesson 2's."""
    allowed = {Path("content/lessons/02-gluteal-amnesia.md"), Path("content/lessons") / SAFETY_LESSON,
               Path("tests/unit/test_claims.py")}
    found = set()
    for folder in ("content", "gluteui", "tests", "README.md"):
        for path in [ROOT / folder] if (ROOT / folder).is_file() else (ROOT / folder).rglob("*"):
            if path.suffix in {".md", ".toml", ".py"} and "dead butt" in path.read_text(encoding="utf-8").lower():
                found.add(path.relative_to(ROOT))
    assert found <= allowed, f"new mentions: {sorted(found - allowed)}"


def test_the_app_says_its_own_rules_are_its_own_and_scores_are_self_ratings(content: Content):
    rules = content.quiz.rules
    assert "not a study" in rules.step_up_note  # #66
    note = rules.weaker_side_note.format(side="left", gap=2)
    assert "self-check" in note and "weaker" not in note  # #67


def test_the_firing_verdict_claims_nothing_about_the_run_itself(content: Content):
    firing = next(verdict for verdict in content.quiz.verdicts if verdict.id == "firing")
    assert "no study shows" in " ".join(firing.text.split())


def test_readme_and_welcome_hedge_both_the_idea_and_its_consequence():
    """#59, #61: lesson 1 calls it an idea worth testing; lesson 5 finds no effect shown."""
    intro = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split("\n\n")[1].split())
    welcome = " ".join(WELCOME.split())
    for text in (intro, welcome):
        assert text.count("may ") >= 2 and ("not a proven" in text), text


def activation_means(days: int, seed: int) -> tuple[float, float, int, int]:
    """The demo's mean check-in on activated days and on the others, and how many of each."""
    history = demo_history(load_content(locations.content_dir()), date(2026, 11, 26), days, seed=seed)
    activated = {s.local_date for s in history.sessions if is_activated(s.planned_reps, s.done_reps)}
    with_scores = [c.score for c in history.checkins if c.local_date in activated]
    without_scores = [c.score for c in history.checkins if c.local_date not in activated]
    return (sum(with_scores) / len(with_scores), sum(without_scores) / len(without_scores),
            len(with_scores), len(without_scores))


def test_demo_data_has_no_effect_of_activating_written_into_it():
    """#87: the README's screenshots come from the demo; its check-ins must not differ by
    activation. Half a year, as the screenshots show, and a long history where chance is small."""
    with_mean, without_mean, with_count, without_count = activation_means(182, seed=7)
    assert with_count > 50 and without_count > 15
    assert abs(with_mean - without_mean) < 0.5
    with_mean, without_mean, _, _ = activation_means(20 * 365, seed=7)
    assert abs(with_mean - without_mean) < 0.15
