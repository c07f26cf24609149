"""Routines: content/routines.toml, validated. Each step names a ladder and its reps a side."""

from __future__ import annotations

from pathlib import Path

from gluteui.core.content.exercises import (
    POSITION_MAX_S,
    REPS_MAX,
    REST_MAX_S,
    Routine,
    RoutineStep,
)
from gluteui.core.content.fields import Entry, Problems, read_toml
from gluteui.core.content.ladders import Ladder

FILE = "routines.toml"


def load_routines(folder: Path, ladders: dict[str, Ladder], problems: Problems) -> dict[str, Routine]:
    """Every routine, its steps on their ladders' first rungs."""
    routines: dict[str, Routine] = {}
    for routine_id, data in (read_toml(folder / FILE, problems) or {}).items():
        entry = Entry(FILE, routine_id, data, problems)
        steps = []
        raw_steps = entry.tables("steps")
        if not raw_steps:
            entry.fail("steps", "must list at least one exercise")
        for number, raw in enumerate(raw_steps, start=1):
            item = Entry(FILE, f"{routine_id}.steps[{number}]", raw, problems)
            ladder_id = item.text("ladder")
            ladder = ladders.get(ladder_id)
            reps = item.integer("reps", minimum=1, maximum=REPS_MAX)
            item.finish()
            if ladder is None or not ladder.rungs:
                item.fail("ladder", f"unknown ladder {ladder_id!r}")
                continue
            first = ladder.rungs[0]
            steps.append(RoutineStep(first.exercise, reps, first.tempo, first.band, ladder.id))
        routines[routine_id] = Routine(
            id=routine_id,
            name=entry.text("name"),
            summary=entry.text("summary"),
            get_ready_s=entry.number("get_ready_s", maximum=POSITION_MAX_S),
            switch_s=entry.number("switch_s", maximum=POSITION_MAX_S),
            rest_s=entry.number("rest_s", maximum=REST_MAX_S),
            steps=tuple(steps),
            extra_set_on_weaker_side=entry.boolean("extra_set_on_weaker_side", default=False),
        )
        entry.finish()
    if not routines and not problems.lines:
        problems.add(FILE, "", "", "defines no routine")
    return routines
