"""Every run "How was your run?" is about, answered or not, in one list: the imported runs
(run_log.run_rows), and the days with an activation, a check-in or a self-experiment's
planned run, but no imported run, where the run is known only by its day.

From it come what still waits for an answer (`missed`, counted per side by
`missed_counts`), what Home asks (core/stats/question.py) and what an answer or a removal
writes (`record_reply`, `remove_answer`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from gluteui.core.history.records import Checkin, History, Session
from gluteui.core.runs.linking import run_day
from gluteui.core.runs.record import Run
from gluteui.core.stats.run_log import RunRow, run_rows
from gluteui.core.stats.runs import run_could_have_followed
from gluteui.core.stats.streaks import is_activated
from gluteui.core.text import distance
from gluteui.core.values import future_reason

if TYPE_CHECKING:
    from gluteui.core.history.store import Store

ANSWER_WINDOW_DAYS = 14
"""How long a run without an answer waits for one. Past two weeks how a run felt is hard
to recall, and a years-long import would otherwise bury the few runs worth asking about."""


@dataclass(frozen=True)
class CheckinReply:
    """What the user said about a run: the lower back and the hamstrings, each 0 (no
    discomfort) to 10 (worst imaginable), the hamstrings None when not answered, or, about
    a run known only by its day, that there was no run that day (`ran` False)."""

    back: int = 0
    hamstrings: int | None = None
    ran: bool = True


@dataclass(frozen=True)
class RunEntry:
    """One run a check-in is about, with its answer when there is one."""

    day: date
    run: Run | None
    """The imported run; None for a run known only by its day (after that day's
    activation, or one the user said they had)."""
    activated: bool
    """An activation came before the run (for a run known only by its day: that day had one)."""
    back: int | None = None
    hamstrings: int | None = None
    about: tuple[str, ...] = ()
    """The ids of every check-in about the run: what a new answer or a removal replaces."""

    @property
    def key(self) -> str:
        """A name for the entry that stays the same between reads: the run's id, or its day."""
        return self.run.id if self.run is not None else f"day-{self.day.isoformat()}"

    @property
    def answered(self) -> bool:
        return self.back is not None

    def described(self, zone: tzinfo | None) -> str | None:
        """The imported run as a question names it ("07:00, 5.4 km"), its time of day in
        `zone`; None for a run known only by its day."""
        if self.run is None:
            return None
        return f"{self.run.start.astimezone(zone):%H:%M}, {distance(self.run.distance_m)}"


def _first_activations(history: History) -> dict[date, Session]:
    """Each day's first activated session: the run after it is timed from it."""
    firsts: dict[date, Session] = {}
    for session in history.sessions:
        if is_activated(session.planned_reps, session.done_reps):
            known = firsts.get(session.local_date)
            if known is None or session.started_at < known.started_at:
                firsts[session.local_date] = session
    return firsts


def _answer(entry: RunEntry, checkins: list[Checkin]) -> RunEntry:
    """`entry` with the latest of `checkins` (by recorded_at) as its answer."""
    if not checkins:
        return entry
    latest = max(checkins, key=lambda checkin: (checkin.recorded_at, checkin.id))
    return RunEntry(entry.day, entry.run, entry.activated, latest.score, latest.hamstrings,
                    tuple(checkin.id for checkin in checkins))


def run_entries(history: History, now: datetime, rows: list[RunRow] | None = None) -> list[RunEntry]:
    """Every run a check-in is or could be about, newest first.

    An imported run is one entry, its check-ins as run_log.run_rows reads them. A day
    with no imported run is one entry when it had an activation a run could have followed
    by `now` (see runs.run_could_have_followed), unless the user said they did not run
    that day, or when a check-in about that day's run was given. A check-in about "the run
    that day" on a day of two imported runs cannot say which: it is that day's own entry.
    An imported run's day is read in `now`'s zone, the user's (see run_log.run_rows);
    `rows` are those runs when the caller has read them already.
    """
    today = history.day_of(now)
    hour = history.day_start_hour
    entries = []
    taken: set[str] = set()
    run_days: set[date] = set()
    for row in run_rows(history, now.tzinfo) if rows is None else rows:
        day = run_day(row.run, now.tzinfo, hour)
        run_days.add(day)
        taken.update(row.about)
        entries.append(RunEntry(day, row.run, row.activated, row.checkin, row.hamstrings, row.about))
    told: dict[date, list[Checkin]] = {}
    for checkin in history.checkins:
        if checkin.id not in taken:
            told.setdefault(checkin.local_date, []).append(checkin)
    firsts = _first_activations(history)
    days = set(told) | {
        day for day, session in firsts.items()
        if day not in run_days and day not in history.no_run_days and run_could_have_followed(session, now, today)
    }
    if history.experiments:
        from gluteui.core.stats.trial_today import planned_run_days

        days |= planned_run_days(history, today) - run_days - history.no_run_days
    entries += [_answer(RunEntry(day, None, day in firsts), told.get(day, [])) for day in days]
    return sorted(entries, key=_newest_first)


def _newest_first(entry: RunEntry) -> tuple[int, float]:
    # A run known only by its day is taken as that day's last.
    moment = entry.run.start.timestamp() if entry.run is not None else float("inf")
    return -entry.day.toordinal(), -moment


def _waiting(entry: RunEntry, now: datetime, today: date) -> bool:
    """Whether `entry` is without an answer, recent enough to ask about and not in the future."""
    if entry.answered or not 0 <= (today - entry.day).days <= ANSWER_WINDOW_DAYS:
        return False
    return entry.run is None or future_reason(entry.run.start, now) is None


def missed(history: History, now: datetime) -> list[RunEntry]:
    """The runs still waiting for an answer, newest first: every entry without one from
    the last ANSWER_WINDOW_DAYS (a run dated in the future, from a watch's wrong clock, is
    left out)."""
    today = history.day_of(now)
    return [entry for entry in run_entries(history, now) if _waiting(entry, now, today)]


@dataclass(frozen=True)
class CheckinView:
    """What Progress shows of the check-ins."""

    entries: list[RunEntry]
    """The runs to answer, change or remove, newest first: those waiting for an answer and
    every answered one."""
    past: int
    """Imported runs with no answer older than ANSWER_WINDOW_DAYS: not asked about, but
    said, so the count of unanswered runs is whole (a season imported at once is mostly
    these)."""


def checkin_view(history: History, now: datetime, rows: list[RunRow]) -> CheckinView:
    """The check-ins as Progress lists them (see CheckinView), from the runs' `rows`
    (run_log.run_rows in `now`'s zone), which Progress has read for its runs panel too."""
    today = history.day_of(now)
    entries, past = [], 0
    for entry in run_entries(history, now, rows):
        if entry.answered or _waiting(entry, now, today):
            entries.append(entry)
        elif entry.run is not None and (today - entry.day).days > ANSWER_WINDOW_DAYS:
            past += 1  # an imported run: a day with only an activation may have had none
    return CheckinView(entries, past)


def missed_counts(entries: list[RunEntry]) -> tuple[int, int]:
    """How many of `entries` without an answer came after an activation, and how many without."""
    waiting = [entry for entry in entries if not entry.answered]
    after = sum(entry.activated for entry in waiting)
    return after, len(waiting) - after


def entry_on(history: History, now: datetime, day: date) -> RunEntry:
    """The run to ask about when the user says they ran on `day`: that day's imported run
    waiting for an answer (the latest), else its latest run, else a run known only by that
    day (already answered, or new)."""
    on_day = [entry for entry in run_entries(history, now) if entry.day == day]
    for entry in [e for e in on_day if not e.answered] + on_day:
        if entry.run is not None:
            return entry
    for entry in on_day:
        return entry
    return RunEntry(day, None, day in _first_activations(history))


def record_reply(store: Store, entry: RunEntry, reply: CheckinReply, now: datetime) -> None:
    """Save what the user said about `entry`'s run, in place of anything said before: a new
    check-in, or that there was no run that day."""
    if not reply.ran:
        store.set_no_run_day(entry.day, True, entry.about)
        return
    run_id = entry.run.id if entry.run is not None else None
    store.replace_checkins(entry.about, Checkin.new(entry.day, reply.back, now, run_id, reply.hamstrings))


def remove_answer(store: Store, entry: RunEntry) -> int:
    """Delete what was said about `entry`'s run (it waits for an answer again, while recent);
    how many check-ins that was."""
    return store.replace_checkins(entry.about)
