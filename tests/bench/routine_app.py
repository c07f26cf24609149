"""`gluteui` as bench_routine's CPU figure runs it: the real command, which on SIGUSR1 writes
the names of its screens, bottom to top, to a file, so the benchmark can tell that what it
measured was the routine player and not a dialog over it or before it (and, with the phone
remote on, its address to a file beside it).

Run as `python routine_app.py SCREENS_FILE [gluteui's arguments]`.
"""

import signal
import sys
from pathlib import Path

import gluteui.app
from gluteui.cli import main

made: list[gluteui.app.GluteApp] = []
_create_app = gluteui.app.create_app


def create_app(*args, **kwargs) -> gluteui.app.GluteApp:
    app = _create_app(*args, **kwargs)
    made.append(app)
    return app


def tell_screens(signum: int, frame: object) -> None:
    screens = made[-1].screen_stack if made else []
    remote = made[-1].services.remote if made else None
    if remote is not None and remote.url is not None:
        Path(sys.argv[1] + ".url").write_text(remote.url)  # for the bench's phone
    Path(sys.argv[1]).write_text(" ".join(type(screen).__name__ for screen in screens))


if __name__ == "__main__":
    gluteui.app.create_app = create_app  # the CLI builds its app with create_app
    signal.signal(signal.SIGUSR1, tell_screens)
    sys.exit(main(sys.argv[2:]))
