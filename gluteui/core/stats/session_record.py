"""A session's record, as lines of words: the reps planned and done on each side, the sets
skipped or ended early, the pauses, what hurt and the user's note. Progress shows them for
the day chosen on its calendar.
"""

from __future__ import annotations

from collections.abc import Mapping

from gluteui.core.history.records import Session
from gluteui.core.pain import PLACES
from gluteui.core.sides import UNSIDED
from gluteui.core.text import clock

SIDE_LETTERS = {"left": "L", "right": "R", UNSIDED: ""}
PAIN_WORDS = {
    "easier": "went on with an easier version",
    "skipped": "skipped the move",
    "carried on": "carried on",
}
"""What was done after "it hurts" (Session.pain), as the record says it."""

RecordLine = tuple[str, str]
"""(label, words): "Sets skipped: ", "Clamshell R". The label is ours, the words may hold
the user's own (a note) and are shown as plain text."""


def _name(names: Mapping[str, str], exercise_id: str) -> str:
    return names.get(exercise_id, exercise_id)


def rep_lines(session: Session, names: Mapping[str, str]) -> list[str]:
    """A line per move: "Clamshell  L 12/12  R 10/12", or "Bridge  20/20" done on both
    sides at once. A session kept before the plan was kept per side shows the reps done only."""
    exercises = list(dict.fromkeys([*session.reps, *session.planned]))
    rows = []
    for exercise in exercises:
        done, planned = session.reps.get(exercise, {}), session.planned.get(exercise, {})
        figures = []
        for side in (s for s in SIDE_LETTERS if s in done or s in planned):
            count = f"{done.get(side, 0)}/{planned[side]}" if side in planned else str(done.get(side, 0))
            figures.append(f"{SIDE_LETTERS[side]} {count}".strip())
        rows.append((_name(names, exercise), figures))
    # In columns: the moves' names, then each side's figures, one under the other.
    name_width = max((len(name) for name, _ in rows), default=0)
    figure_width = max((len(figure) for _, figures in rows for figure in figures), default=0)
    return [
        f"{name:<{name_width}}  " + "  ".join(f"{figure:<{figure_width}}" for figure in figures).rstrip()
        for name, figures in rows
    ]


def _sets(found: dict[str, dict[str, int]], names: Mapping[str, str]) -> str:
    """ "Clamshell L R, Bridge (2 sets)": each move with the sides its sets were on, and how
    many sets when that is more than the sides say."""
    moves = []
    for exercise, sides in found.items():
        counts = {side: count for side, count in sides.items() if count}
        if not counts:
            continue
        total = sum(counts.values())
        words = [_name(names, exercise), *filter(None, (SIDE_LETTERS.get(side, side) for side in counts))]
        moves.append(" ".join(words) + (f" ({total} sets)" if total > len(counts) else ""))
    return ", ".join(moves)


def _pauses(session: Session) -> str:
    times = "once" if session.pauses == 1 else f"{session.pauses} times"
    return f"{times}, {clock(session.paused_s)}" + (" in all" if session.pauses > 1 else "")


def _hurt(session: Session, exercise: str, names: Mapping[str, str]) -> str:
    report = session.hurt.get(exercise, {})
    where = report.get("where", "unsaid")
    words = [_name(names, exercise)]
    if where != "unsaid" and where in PLACES:
        words.append(PLACES[where].lower())
    side = report.get("side", UNSIDED)
    said = ", ".join(words) + (f" ({side} side)" if side != UNSIDED else "")
    done = PAIN_WORDS.get(session.pain.get(exercise, ""), "")
    if exercise in session.easier and session.pain.get(exercise) == "easier":
        done += f" ({session.easier[exercise]})"
    return f"{said}: {done}" if done else said


def record_lines(session: Session, names: Mapping[str, str]) -> list[RecordLine]:
    """What `session` kept of how it went; `names` maps exercise ids to the names shown."""
    lines: list[RecordLine] = [("", line) for line in rep_lines(session, names)]
    if session.skipped:
        lines.append(("Sets skipped: ", _sets(session.skipped, names)))
    if session.shortened:
        lines.append(("Sets ended early: ", _sets(session.shortened, names)))
    if session.pauses:
        lines.append(("Paused: ", _pauses(session)))
    for exercise in dict.fromkeys([*session.pain, *session.hurt]):
        lines.append(("It hurt: ", _hurt(session, exercise, names)))
    if session.note:
        lines.append(("Note: ", session.note))
    return lines

