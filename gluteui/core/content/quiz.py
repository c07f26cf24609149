"""The squeeze self-assessment as content: content/quiz.toml loaded and validated.

The scoring rules are data here (thresholds, gap, ladder); gluteui.core.quiz.attempt applies them.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gluteui.core.anatomy import STATES, State
from gluteui.core.content.fields import Entry, Problems, read_toml
from gluteui.core.sides import SIDES, Side

FILE = "quiz.toml"
INSTRUCTIONS_MAX = 320
"""Characters; longer instructions would push the answers off an 80x24 screen."""
LABEL_MAX = 60
MAX_OPTIONS = 9
"""Answers are picked with the number keys 1-9."""
SCORE_MAX = 10
"""The most one answer scores: the bundled answers score 0-3, and the result bars give each
point of a side's total at least one cell, so bigger scores soon overflow an 80-column screen."""
THRESHOLD_MAX = 100
"""The most min_score, weaker_side_gap and step_up_at can be: a handful of steps at a few
points each stays far below it. `_check` then holds each to what the steps can reach."""
HOLD_MAX_S = 120
"""Seconds of a timed check (hold_s): the bundled ones last 10-30 s; past two minutes it
tests endurance, not whether the glute switches on."""
DEFAULT_LEAD_IN_S = 10.0
"""Seconds from Space to the start of a timed check when its step gives no lead_in_s:
time to step away from the keyboard and get into position."""
LEAD_IN_MIN_S, LEAD_IN_MAX_S = 3, 60
"""A lead-in ends on a count-in of three seconds (three, two, hold), so it is at least that."""
POSITION_MAX = 40
"""Characters of a position line: it is drawn large and spoken before the count-in."""


@dataclass(frozen=True)
class Option:
    """One answer a squeeze-test step offers, with the score it gives."""

    label: str
    score: int
    red_flag: bool
    note: str | None
    """A tip shown with the result when this answer was given."""
    pain: str | None = None
    """Where it hurt, a key of [safety.pain]: the note for that kind of pain ends the test."""


@dataclass(frozen=True)
class Step:
    """One question or timed check of the squeeze test."""

    id: str
    title: str
    side: Side | None
    """Scores count for that side; a step with no side adds to the sitting load."""
    instructions: str
    hold_s: float | None
    options: tuple[Option, ...]
    lead_in_s: float = DEFAULT_LEAD_IN_S
    """A timed check's seconds from Space to the start of the hold, to get into position."""
    position: str | None = None
    """A timed check's position in a few words ("On your back. Right foot up."), drawn
    large and spoken during the lead-in."""


@dataclass(frozen=True)
class Verdict:
    """A result band of the squeeze test and the routine it suggests."""

    id: str
    title: str
    min_score: int
    """The lower side's score must reach this."""
    routine_id: str
    text: str
    figure: State
    """How the anatomy figure beside the result shows the glutes: "asleep" or "firing"."""


@dataclass(frozen=True)
class Rules:
    """How a result shapes the routine: the weaker-side gap and the routine ladder."""

    weaker_side_gap: int
    weaker_side_routine: str
    step_up_at: int
    ladder: tuple[str, ...]
    step_up_note: str
    weaker_side_note: str
    """May use {side} and {gap}."""


@dataclass(frozen=True)
class Safety:
    """The red-flag reminder and what to do when the test hurts."""

    reminder: str
    title: str
    text: str
    pain: dict[str, str] = field(default_factory=dict)
    """What to do, per kind of pain an answer names (its `pain`)."""


@dataclass(frozen=True)
class Quiz:
    """The squeeze test as read from quiz.toml."""

    steps: tuple[Step, ...]
    verdicts: tuple[Verdict, ...]
    """Highest min_score first: the first one the lower side reaches applies."""
    rules: Rules
    safety: Safety

    @property
    def max_score(self) -> int:
        """The most one side can score (the loader makes sure both sides agree)."""
        return side_max(self.steps, "left")

    def title_of(self, verdict_id: str, red_flag: bool = False) -> str:
        """A stored result as the user reads it: "amnesia" -> "Hard to find today".

        A red flag wins: its test stopped early, so the verdict id alone would mislead.
        """
        if red_flag:
            return self.safety.title
        return next((v.title for v in self.verdicts if v.id == verdict_id), verdict_id)


def side_max(steps: Sequence[Step], side: Side | None) -> int:
    """The most `side` can score: the best answer of each of its steps (None: the sitting load)."""
    return sum(max((o.score for o in step.options), default=0) for step in steps if step.side == side)


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
        option = Option(label, item.integer("score", maximum=SCORE_MAX), item.boolean("red_flag", default=False),
                        item.optional_text("note"), item.optional_text("pain"))
        if option.pain is not None and not option.red_flag:
            item.fail("red_flag", "must be true on a pain answer: pain ends the test")
        if option.red_flag and option.pain is None:
            item.fail("pain", "is missing: a red-flag answer names its kind of pain, a key of [safety.pain]")
        options.append(option)
        item.finish()
    if not 2 <= len(options) <= MAX_OPTIONS:
        entry.fail("options", f"must list 2 to {MAX_OPTIONS} answers, has {len(options)}")
    if not any(option.pain for option in options):
        entry.fail("options", "needs a pain answer (pain = \"...\", red_flag = true): any step can hurt")
    instructions = entry.text("instructions")
    if len(instructions) > INSTRUCTIONS_MAX:
        entry.fail("instructions", f"must fit in {INSTRUCTIONS_MAX} characters, has {len(instructions)}")
    hold_s = entry.number("hold_s", default=None, minimum=1, maximum=HOLD_MAX_S)
    lead_in_s = entry.number("lead_in_s", default=DEFAULT_LEAD_IN_S, minimum=LEAD_IN_MIN_S, maximum=LEAD_IN_MAX_S)
    position = entry.optional_text("position")
    if position is not None and len(position) > POSITION_MAX:
        entry.fail("position", f"must fit in {POSITION_MAX} characters, has {len(position)}")
    for name in ("lead_in_s", "position"):
        if "hold_s" not in entry.data and name in entry.data:
            entry.fail(name, "belongs to a timed check: this step has no hold_s")
    step = Step(
        id=entry.text("id"), title=entry.text("title"), side=entry.choice("side", SIDES, default=None),
        instructions=instructions, hold_s=hold_s, options=tuple(options), lead_in_s=lead_in_s, position=position,
    )
    entry.finish()
    return step


def _load_verdict(raw: object, number: int, problems: Problems) -> Verdict:
    entry = Entry(FILE, _name(raw, f"verdicts[{number}]"), raw, problems)
    verdict = Verdict(
        id=entry.text("id"), title=entry.text("title"),
        min_score=entry.integer("min_score", maximum=THRESHOLD_MAX),
        routine_id=entry.text("routine_id"), text=entry.text("text"),
        figure=entry.choice("figure", STATES, default="asleep"),
    )
    entry.finish()
    return verdict


def _load_rules(entry: Entry) -> Rules:
    rules = Rules(
        weaker_side_gap=entry.integer("weaker_side_gap", minimum=1, maximum=THRESHOLD_MAX),
        weaker_side_routine=entry.text("weaker_side_routine"),
        step_up_at=entry.integer("step_up_at", minimum=1, maximum=THRESHOLD_MAX),
        ladder=entry.texts("ladder"),
        step_up_note=entry.text("step_up_note"),
        weaker_side_note=entry.text("weaker_side_note"),
    )
    try:
        rules.weaker_side_note.format(side="left", gap=2)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        entry.fail("weaker_side_note", "may only use the placeholders {side} and {gap}")
    entry.finish()
    return rules


def _load_safety(entry: Entry) -> Safety:
    pain_entry = entry.table("pain")
    pain = {kind: pain_entry.text(kind) for kind in pain_entry.data}
    if not pain:
        entry.fail("pain", "must name at least one kind of pain and its note")
    safety = Safety(entry.text("reminder"), entry.text("title"), entry.text("text"), pain)
    entry.finish()
    return safety


def _check(quiz: Quiz, problems: Problems, routine_ids: Collection[str] | None) -> None:
    """Rules that span entries: unique ids, mirrored sides, a verdict for every score."""
    for kind, ids in (("steps", [s.id for s in quiz.steps]), ("verdicts", [v.id for v in quiz.verdicts])):
        for repeated in sorted({i for i in ids if ids.count(i) > 1}):
            problems.add(FILE, repeated, "id", f"is used by more than one of the {kind}")
    left, right = side_max(quiz.steps, "left"), side_max(quiz.steps, "right")
    if left != right or left == 0:
        problems.add(FILE, "steps", "side", f"left and right must reach the same score above 0, "
                                            f"they reach {left} and {right}")
    if quiz.verdicts and quiz.verdicts[-1].min_score != 0:
        problems.add(FILE, "verdicts", "min_score", "one verdict needs min_score = 0, so every score has one")
    for verdict in quiz.verdicts:
        if verdict.min_score > left:
            problems.add(FILE, verdict.id, "min_score", f"is above the highest score a side can reach ({left})")
    if quiz.rules.weaker_side_gap > left:
        problems.add(FILE, "rules", "weaker_side_gap", f"is above the highest score a side can reach ({left})")
    sitting = side_max(quiz.steps, None)
    if sitting and quiz.rules.step_up_at > sitting:  # with no sitting step the ladder is never climbed
        problems.add(FILE, "rules", "step_up_at",
                     f"is above the highest sitting load the steps can reach ({sitting})")
    for step in quiz.steps:
        for index, option in enumerate(step.options, start=1):
            if option.pain is not None and option.pain not in quiz.safety.pain:
                problems.add(FILE, f"{step.id}.options[{index}]", "pain",
                             f"unknown kind {option.pain!r}: [safety.pain] has {', '.join(quiz.safety.pain)}")
    if routine_ids is None:
        return
    named = [(v.id, "routine_id", v.routine_id) for v in quiz.verdicts]
    named += [("rules", "weaker_side_routine", quiz.rules.weaker_side_routine)]
    named += [("rules", "ladder", routine) for routine in quiz.rules.ladder]
    for entry, field_name, routine in named:
        if routine and routine not in routine_ids:
            problems.add(FILE, entry, field_name, f"unknown routine {routine!r}")


def load_quiz(folder: Path, problems: Problems, routine_ids: Collection[str] | None = None) -> Quiz:
    """Read `folder/quiz.toml`, recording every mistake in `problems` (routines checked if given)."""
    data = read_toml(folder / FILE, problems)
    if data is None:  # the file's own problem is recorded; listing every field too is noise
        return Quiz((), (), Rules(1, "", 1, (), "", ""), Safety("", "", ""))
    top = Entry(FILE, "", data, problems)
    steps = tuple(_load_step(raw, n, problems) for n, raw in enumerate(top.tables("steps", []), start=1))
    verdicts = sorted(
        (_load_verdict(raw, n, problems) for n, raw in enumerate(top.tables("verdicts", []), start=1)),
        key=lambda verdict: -verdict.min_score,
    )
    safety = _load_safety(_table(top, "safety"))
    quiz = Quiz(steps=steps, verdicts=tuple(verdicts), rules=_load_rules(_table(top, "rules")), safety=safety)
    top.finish()
    if not steps:
        top.fail("steps", "must list at least one step")
    if not verdicts:
        top.fail("verdicts", "must list at least one verdict")
    _check(quiz, problems, routine_ids)
    return quiz
