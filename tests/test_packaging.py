"""Build the wheel, install it into a fresh venv, and run the installed command from there."""

from __future__ import annotations

import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

TOUR = """
import asyncio, sys
from pathlib import Path
from gluteui import locations
from gluteui.app import create_app
from gluteui.config import AppConfig

async def tour():
    config = AppConfig(data_dir=Path(sys.argv[1]), content_dir=locations.content_dir(), sound=False)
    app = create_app(config)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("l", "s", "r", "p", "question_mark"):
            await pilot.press(key)
            await pilot.pause()
            print(type(app.screen).__name__)
            if key != "question_mark":
                await pilot.press("escape")
                await pilot.pause()

asyncio.run(tour())
"""

REMOTE = """
import asyncio, urllib.request
from gluteui.remote import page
from gluteui.remote.server import RemoteServer

async def serve():
    server = RemoteServer(lambda name, arg: None)
    url = await server.start("127.0.0.1")
    try:
        return await asyncio.to_thread(lambda: urllib.request.urlopen(url, timeout=10).read().decode())
    finally:
        await server.stop()

print(page.TEMPLATE)
print(asyncio.run(serve()))
"""


@pytest.mark.slow
def test_wheel_installs_and_runs(tmp_path: Path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    wheel = next(dist.glob("gluteui-*.whl"))
    env_dir = tmp_path / "venv"
    # Without a pip of its own (seeding one takes seconds): this pip installs into it.
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # The dependencies come from the test venv through a plain path line, which (unlike a
    # site dir) does not run that venv's editable-install hook: only the wheel is gluteui.
    target = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    Path(target, "test-deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", str(wheel)],
        check=True, capture_output=True, text=True,
    )
    gluteui = env_dir / "bin" / "gluteui"
    version = subprocess.run([str(gluteui), "--version"], check=True, capture_output=True, text=True)
    assert version.stdout.startswith("gluteui 0.")
    # Run from elsewhere so the repo's content/ cannot be picked up by accident.
    checked = subprocess.run(
        [str(gluteui), "check-content"], capture_output=True, text=True, cwd=tmp_path, check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert str(env_dir) in checked.stdout  # the content shipped inside the wheel was used
    assert "exercises" in checked.stdout
    # Every screen opens from the wheel: its stylesheets, help text and content are inside.
    tour = subprocess.run(
        [str(python), "-c", TOUR, str(tmp_path / "data")],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )
    assert tour.returncode == 0, tour.stderr
    # A first launch: the squeeze test asks the health questions first (Esc closes them).
    assert tour.stdout.split() == ["LessonsScreen", "PrescreenDialog", "RoutinesScreen", "ProgressScreen", "HelpScreen"]
    # The phone's page is in the wheel, and the remote serves it from there.
    remote = subprocess.run([str(python), "-c", REMOTE], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert remote.returncode == 0, remote.stderr
    assert remote.stdout.startswith(str(env_dir)) and "<title>GluteUI remote</title>" in remote.stdout
    located = subprocess.run(
        [str(python), "-c", "import gluteui; print(gluteui.__file__)"],
        check=True, capture_output=True, text=True, cwd=tmp_path,
    )
    assert located.stdout.startswith(str(env_dir))
