"""`gluteui experiment`: the randomised self-experiment from the command line. Alone it says
what is running; `start`, `stop` and `report` do what they say (core/stats/trial_today.py)."""

from __future__ import annotations

import argparse
import json
from datetime import datetime

from gluteui.cli_data.output import say
from gluteui.core.history.experiment import MAX_WEEKS, MIN_WEEKS, SelfExperiment
from gluteui.core.history.store import Store
from gluteui.core.stats import trial_today
from gluteui.core.stats.schedule import days_text, parse_days
from gluteui.errors import UserError

ABOUT = (
    "On each planned run day GluteUI draws \"activate\" or \"skip\", one of each in every pair of run days,",
    "and at the end compares your back check-ins on the two kinds of day. It is optional, it never asks",
    "you to skip the run day after pain, and `gluteui experiment stop` stops it at any time.",
)


def cmd_experiment(store: Store, args: argparse.Namespace, now: datetime) -> int:
    command = args.experiment_command
    if command == "start":
        return _start(store, args, now)
    if command == "stop":
        return _stop(store, now)
    if command == "report":
        return _report(store, args, now)
    return _show(store, now)


def _today_line(store: Store, now: datetime) -> str:
    history = store.history()
    assignment = trial_today.today_assignment(history, history.day_of(now))
    if assignment is None:
        return "Today: no run planned in the experiment."
    return trial_today.assignment_words(assignment) + "."


def _show(store: Store, now: datetime) -> int:
    history = store.history()
    today = history.day_of(now)
    experiment = trial_today.running(history, today)
    found = trial_today.standing(history, today)
    if experiment is None or found is None:
        say("No self-experiment is running. `gluteui experiment start` starts one:")
        for line in ABOUT:
            say(f"  {line}")
        if found is not None:
            say("The last one has ended: `gluteui experiment report` shows its report.")
        return 0
    say(_today_line(store, now))
    say(found.running_line())
    say(f"Run days: {days_text(experiment.run_days)}. `gluteui experiment stop` stops it at any time.")
    return 0


def _start(store: Store, args: argparse.Namespace, now: datetime) -> int:
    history = store.history()
    weeks = trial_today.DEFAULT_WEEKS if args.weeks is None else args.weeks
    if not MIN_WEEKS <= weeks <= MAX_WEEKS:
        raise UserError(f"--weeks {weeks} must be from {MIN_WEEKS} to {MAX_WEEKS}")
    if args.days is None:
        days = trial_today.default_run_days(history, now)
    else:
        try:
            days = tuple(parse_days(args.days))
        except ValueError as error:
            raise UserError(f"--days: {error}") from None
    try:
        experiment = trial_today.start(history, now, weeks, days, trial_today.fresh_seed())
    except ValueError as error:
        raise UserError(str(error)) from None
    store.save_experiment(experiment)
    say(f"Started a self-experiment: {weeks} weeks from {experiment.started_on:%a %d %b}, "
        f"on {days_text(experiment.run_days)}.")
    for line in ABOUT:
        say(f"  {line}")
    say(_today_line(store, now))
    return 0


def _stop(store: Store, now: datetime) -> int:
    history = store.history()
    today = history.day_of(now)
    experiment = trial_today.running(history, today)
    if experiment is None:
        raise UserError("no self-experiment is running: nothing to stop")
    stopped: SelfExperiment = trial_today.stop(experiment, today)
    store.save_experiment(stopped)
    say(f"Stopped the self-experiment started on {experiment.started_on:%a %d %b}. "
        "The days before today are kept: `gluteui experiment report` shows what they say.")
    return 0


def _report(store: Store, args: argparse.Namespace, now: datetime) -> int:
    history = store.history()
    found = trial_today.standing(history, history.day_of(now))
    if args.json:
        print(json.dumps(None if found is None else found.to_dict()))
        return 0
    if found is None:
        say("No self-experiment yet: `gluteui experiment start` starts one.")
        return 0
    # As Progress says it: while it runs, its progress only. A verdict read after every run
    # day would be the peeking the milestone readings exist to stop.
    for sentence in found.words():
        say(sentence)
    return 0
