"""Another GluteUI holding the data file's lock, for the writer's tests and benchmark.

    python -m tests.lock_holder DATA_DIR WORK_DIR
        take the lock between running copies, print "held", and keep it until a line
        arrives on stdin (or stdin closes), then release it and exit
"""

from __future__ import annotations

import sys
from pathlib import Path

from gluteui.core.history import storage


def main(data_dir: Path, work_dir: Path) -> None:
    lock = storage.file_lock(storage.work_folder(data_dir / storage.FILE_NAME, work_dir))
    with lock:
        print("held", flush=True)
        sys.stdin.readline()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
