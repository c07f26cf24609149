"""A second GluteUI process for the store reliability tests: it saves sessions.

    python store_writer.py burst DATA_DIR PREFIX COUNT
        print "ready", wait for a line on stdin, then save COUNT sessions
    python store_writer.py loop DATA_DIR PREFIX
        save sessions until killed, printing each id once save_session has returned
    python store_writer.py crash DATA_DIR PREFIX FUNCTION NTH
        save three sessions (printing their ids), then save a fourth and SIGKILL itself
        at the NTH call of os.FUNCTION inside that save
"""

from __future__ import annotations

import os
import signal
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from gluteui.core.history.records import Session
from gluteui.core.history.store import Store

_START = datetime(2024, 1, 1, 7, 0, tzinfo=timezone.utc)


def make_session(prefix: str, n: int) -> Session:
    """A small valid session whose id is `<prefix>-<n>`."""
    started = _START + timedelta(minutes=n)
    return Session(
        id=f"{prefix}-{n}", local_date=started.date(), started_at=started, routine_id="standard",
        planned_reps=20, done_reps=n % 21, reps={"bridge": {"both": n % 21}}, duration_s=60.0,
        source="app", feel={},
    )


def die_on(function: str, nth: int) -> None:
    """Make the nth call of os.<function> from now on kill this process, as a crash would."""
    real = getattr(os, function)
    calls = 0

    def hook(*args: object) -> object:
        nonlocal calls
        calls += 1
        if calls == nth:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args)

    setattr(os, function, hook)


def save_and_print(store: Store, session: Session) -> None:
    store.save_session(session)
    print(session.id, flush=True)


def main(argv: list[str]) -> None:
    mode, folder, prefix = argv[:3]
    store = Store.open(Path(folder))
    if mode == "burst":
        print("ready", flush=True)
        sys.stdin.readline()
        for n in range(int(argv[3])):
            store.save_session(make_session(prefix, n))
        return
    if mode == "crash":
        for n in range(3):
            save_and_print(store, make_session(prefix, n))
        die_on(argv[3], int(argv[4]))
        save_and_print(store, make_session(prefix, 3))
        return
    n = 0
    while True:
        save_and_print(store, make_session(prefix, n))
        n += 1


if __name__ == "__main__":
    main(sys.argv[1:])
