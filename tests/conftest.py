from __future__ import annotations

from pathlib import Path

import pytest

from gluteui.cli import main
from gluteui.core.history.store import Store
from tests.factory import FROZEN_NOW, make_app


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store.open(data_dir)


@pytest.fixture
def app(data_dir: Path, store: Store):
    return make_app(data_dir, store=store)


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str]):
    """`gluteui --data-dir data_dir ...` at FROZEN_NOW: (exit code, stdout, stderr)."""
    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(data_dir), *args], now=lambda: FROZEN_NOW)
        out = capsys.readouterr()
        return code, out.out, out.err

    return run
