"""Another GluteUI holding the data file's lock, for the writer's tests and benchmark.

    python -m tests.lock_holder DATA_DIR WORK_DIR [open]
        take the lock between running copies (with "open": the lock an open app holds
        for its whole life), print "held", and keep it until a line arrives on stdin
        (or stdin closes), then release it and exit
"""

from __future__ import annotations

import sys
from pathlib import Path

from gluteui.core.history import storage
from gluteui.nudging import hold_open


def main(data_dir: Path, work_dir: Path, which: str = "") -> None:
    folder = storage.work_folder(data_dir / storage.FILE_NAME, work_dir)
    if which == "open":
        lock = hold_open(folder)  # kept in a name: a lock no name holds is let go
        assert lock is not None, "another copy holds it already"
        print("held", flush=True)
        sys.stdin.readline()
        return
    with storage.file_lock(folder):
        print("held", flush=True)
        sys.stdin.readline()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), *sys.argv[3:])
