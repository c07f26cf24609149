"""Without sound, a cue is a bell plus a short flash; never a flash under reduced motion."""

from __future__ import annotations

from pathlib import Path

import pytest

from gluteui.app import sound_notice
from gluteui.sound.outputs import NO_DEVICE
from tests.factory import make_app


@pytest.mark.parametrize("reduced,flashes", [(False, True), (True, False)])
async def test_a_silent_cue_rings_and_flashes_unless_motion_is_reduced(
    data_dir: Path, reduced: bool, flashes: bool, monkeypatch: pytest.MonkeyPatch
):
    app = make_app(data_dir, run_timers=True, reduced_motion=reduced)
    rings: list[bool] = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(True))
    async with app.run_test(size=(80, 24)):
        app.services.sound.play("rep")  # a rep tick rings but does not flash: the phase bar shows it
        assert rings == [True] and not app.screen.has_class("-flash")
        app.services.sound.play("switch")
        assert rings == [True, True]
        assert app.screen.has_class("-flash") is flashes  # Home has no banner: the screen


async def test_the_routine_flashes_its_side_banner_not_the_whole_screen(data_dir: Path):
    app = make_app(data_dir, run_timers=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.services.sound.play("switch")
        assert app.screen.query_one("#side-band").has_class("-flash")
        assert not app.screen.has_class("-flash")


async def test_muted_cues_are_silent(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    app = make_app(data_dir)
    rings: list[bool] = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(True))
    async with app.run_test(size=(80, 24)):
        app.services.sound.muted = True
        app.services.sound.play("switch")
        assert rings == []


def no_player(sound) -> None:
    """As if the sound thread had looked and found nothing to play with."""
    sound.problem = "no audio player: install alsa-utils"
    sound.ready.set()


async def test_a_missing_audio_player_is_said_once_on_home(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    app = make_app(data_dir, sound=True)
    said: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **options: said.append(message))
    monkeypatch.setattr(app, "bell", lambda: None)
    monkeypatch.setattr(app.services.sound, "start", lambda: no_player(app.services.sound))
    async with app.run_test(size=(80, 24)) as pilot:
        app.services.sound.start()
        app.check_sound()
        await pilot.press("p", "escape")  # back on Home: not said again
        await pilot.pause()
        app.services.sound.play("switch")
    assert said == [sound_notice("no audio player: install alsa-utils")]
    assert "install alsa-utils" in said[0] and "Sound: off" in said[0]


async def test_the_no_sound_notice_waits_for_home_rather_than_cover_a_routine(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
):
    app = make_app(data_dir, sound=True)
    said: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **options: said.append(message))
    monkeypatch.setattr(app.services.sound, "start", lambda: None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "enter")
        await pilot.pause()
        no_player(app.services.sound)
        app.check_sound()
        assert said == []
        await pilot.press("escape", "s")  # stop the routine: the summary, then Home
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
    assert len(said) == 1 and said[0].startswith("No sound")


@pytest.mark.parametrize("told_before", [False, True])
async def test_no_sound_card_is_said_once_per_machine_in_a_runners_words(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, told_before: bool
):
    app = make_app(data_dir, sound=True)
    said: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **options: said.append(message))

    def no_card() -> None:
        app.services.sound.problem = NO_DEVICE
        app.services.sound.new_problem = not told_before
        app.services.sound.ready.set()

    monkeypatch.setattr(app.services.sound, "start", no_card)
    async with app.run_test(size=(80, 24)) as pilot:
        app.start_sound()
        app.check_sound()
        await pilot.pause()
    if told_before:
        assert said == []
    else:
        assert len(said) == 1
        notice = said[0]
        assert "No sound card" in notice and "flash" in notice and '"Sound: off"' in notice
        assert "miniaudio" not in notice and "-401" not in notice, "no library named, no raw error"


SOUND_OFF_LAUNCH = """
import asyncio, sys
from pathlib import Path
from gluteui.core.history.store import Store
from tests.factory import make_app

store = Store.open(Path(sys.argv[1]))
store.set_setting("sound", "off")

async def main():
    app = make_app(Path(sys.argv[1]), store=store, sound=True, run_timers=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(1.0)  # past SOUND_START_S: sound would have started by now
        assert app.services.sound._thread is None
asyncio.run(main())
print(" ".join(name for name in ("playsound3", "miniaudio", "gluteui.sound.outputs") if name in sys.modules))
"""


def test_with_sound_off_saved_no_audio_library_is_loaded(data_dir: Path):
    import subprocess
    import sys

    root = Path(__file__).parents[2]
    out = subprocess.run([sys.executable, "-c", SOUND_OFF_LAUNCH, str(data_dir)], cwd=root,
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
