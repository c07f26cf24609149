"""The core and the data subcommands must never pull in Textual (or playsound3's probing)."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import pytest

import gluteui.core

CORE_MODULES = sorted(
    info.name for info in pkgutil.walk_packages(gluteui.core.__path__, "gluteui.core.")
    if not info.ispkg
)
HEAVY = ("textual", "playsound3")


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_core_has_modules():
    assert "gluteui.core.content.load" in CORE_MODULES
    assert "gluteui.core.stats.streaks" in CORE_MODULES


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module: str):
    loaded = loaded_after(f"import {module}")
    assert module in loaded
    assert not [name for name in loaded if name.split(".")[0] in HEAVY]


def test_cli_module_does_not_import_textual():
    loaded = loaded_after("import gluteui.cli")
    assert not [name for name in loaded if name.split(".")[0] in HEAVY]


def test_check_content_runs_without_textual():
    code = (
        "import sys\nfrom gluteui.cli import main\nrc = main(['check-content'])\n"
        "assert rc == 0, rc"
    )
    loaded = loaded_after(code)
    assert "gluteui.core.content.load" in loaded
    assert not [name for name in loaded if name.split(".")[0] in HEAVY]
