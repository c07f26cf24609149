from __future__ import annotations

from pathlib import Path

import pytest

from gluteui.core.history.store import Store
from tests.factory import make_app


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
