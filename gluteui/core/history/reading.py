"""Turning the store's raw tables into records: each kind parsed, sorted, damage skipped.

One bad document must not hide the rest: it is skipped, stays in the file as it is, and
a one-line notice says which it was and why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TypeVar

from gluteui.core.desk import is_desk
from gluteui.core.history.experiment import SelfExperiment
from gluteui.core.history.records import (
    Checkin,
    History,
    QuizResult,
    Session,
)
from gluteui.core.history.tables import Doc, Tables, settings_of
from gluteui.core.runs.dedupe import copies_of_each_run, preference
from gluteui.core.runs.record import Run
from gluteui.core.values import parse_day

_Record = TypeVar("_Record")


class TableReader:
    """Reads records out of one version of the tables, noting damaged documents in `notices`."""

    def __init__(self, tables: Tables, path: Path, notices: list[str]) -> None:
        self.tables = tables
        self.path = path
        self.notices = notices

    def records(self, table: str, parse: Callable[[Doc], _Record]) -> list[_Record]:
        """Every document of `table` that parses; a damaged one is noted once and skipped."""
        records = []
        for doc_id, doc in self.tables.get(table, {}).items():
            try:
                records.append(parse(doc))
            except ValueError as error:
                notice = f"Skipped damaged {table} entry {doc_id} in {self.path}: {error}"
                if notice not in self.notices:
                    self.notices.append(notice)
        return records

    def sessions(self) -> list[Session]:
        """Every session, ordered by started_at."""
        return sorted(self.records("sessions", Session.from_dict), key=lambda s: (s.started_at, s.id))

    def rest_days(self) -> set[date]:
        """Every day marked as a rest day."""
        return set(self.records("rest_days", lambda doc: parse_day("local_date", doc["local_date"])))

    def no_run_days(self) -> set[date]:
        """Every day the user said they did not run on after all."""
        return set(self.records("no_run_days", lambda doc: parse_day("local_date", doc["local_date"])))

    def checkins(self) -> list[Checkin]:
        """Every check-in, ordered by recorded_at; one about a run that shows as another of
        its copies (see runs) is about that copy."""
        moved = self._runs[1]
        found = [replace(checkin, run_id=moved[checkin.run_id]) if checkin.run_id in moved else checkin
                 for checkin in self.records("checkins", Checkin.from_dict)]
        return sorted(found, key=lambda c: (c.recorded_at, c.id))

    def quiz_results(self) -> list[QuizResult]:
        """Every squeeze-test result, ordered by taken_at."""
        results = self.records("quiz_results", QuizResult.from_dict)
        return sorted(results, key=lambda q: (q.taken_at, q.id))

    def runs(self) -> list[Run]:
        """Every imported run, by start, each once: two records of one run (imported from
        different files on two machines before they synced) show as the one an import of
        both would keep (dedupe.py)."""
        return self._runs[0]

    @cached_property
    def _runs(self) -> tuple[list[Run], dict[str, str]]:
        """The runs shown, and the id of each copy not shown -> the id of the one shown."""
        kept: list[Run] = []
        moved: dict[str, str] = {}
        for group in copies_of_each_run(self.records("runs", Run.from_dict)):
            best = min(group, key=preference)
            kept.append(best)
            moved |= {run.id: best.id for run in group if run is not best}
        return sorted(kept, key=lambda r: (r.start, r.id)), moved

    def experiments(self) -> list[SelfExperiment]:
        """Every self-experiment, by when it was started."""
        return sorted(self.records("experiments", SelfExperiment.from_dict), key=lambda e: (e.created_at, e.id))

    def lessons_read(self) -> set[str]:
        """The ids of every lesson marked read."""
        return {doc["lesson_id"] for doc in self.tables.get("lesson_reads", {}).values()}

    def history(self) -> History:
        """Everything, as one History."""
        sessions = self.sessions()
        return History(
            sessions=[s for s in sessions if not is_desk(s.routine_id)],
            rest_days=self.rest_days(),
            checkins=self.checkins(),
            quiz_results=self.quiz_results(),
            lessons_read=self.lessons_read(),
            settings=dict(settings_of(self.tables)),
            runs=self.runs(),
            desk_sessions=[s for s in sessions if is_desk(s.routine_id)],
            experiments=self.experiments(),
            no_run_days=self.no_run_days(),
        )

