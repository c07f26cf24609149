"""Every screen is reachable from the keyboard, and Esc comes back."""

from __future__ import annotations

import re

import pytest

from gluteui.core.history.store import Store
from gluteui.screens.destinations import DESTINATIONS as DESTINATION_TABLE
from gluteui.screens.help import HelpScreen
from gluteui.screens.home import HomeScreen
from tests.factory import advance_clock, make_app, screen_text, shown, visible

# key on Home -> the screen class name it opens
DESTINATIONS = {
    "l": "LessonsScreen",
    "s": "QuizScreen",
    "r": "RoutinesScreen",
    "p": "ProgressScreen",
    "enter": "PlayerScreen",
}


async def test_home_shows_start_activation_and_welcome_first(app):
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#welcome")
        menu_text = str(app.screen.query_one("#menu").get_option_at_index(0).prompt)
        assert "Start activation" in menu_text
        await pilot.press("d")
        assert not app.screen.query("#welcome")
        assert "Start activation" in str(app.screen.query_one("#menu").get_option_at_index(0).prompt)


async def test_welcome_is_not_shown_again(data_dir, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
    again = make_app(data_dir, store=Store.open(data_dir))
    async with again.run_test(size=(80, 24)):
        assert not again.screen.query("#welcome")


@pytest.mark.parametrize("key,screen_name", DESTINATIONS.items())
async def test_each_screen_opens_from_home_and_esc_returns(app, key: str, screen_name: str):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert type(app.screen).__name__ == screen_name
        await pilot.press("escape")
        await pilot.pause()
        if type(app.screen).__name__ != "HomeScreen":  # the routine asks before stopping
            await pilot.press("s")
            await pilot.pause()
            assert type(app.screen).__name__ == "SummaryScreen"  # nothing done, nothing saved
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_menu_moves_with_vim_keys_and_enter_opens(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "j", "j", "j", "k", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "RoutinesScreen"


async def test_help_lists_the_keys_of_the_screen_underneath(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = shown(app.screen.query_one("#help-keys"))
        assert "Rest day" in keys and "Back" in keys
        places = shown(app.screen.query_one("#help-places"))
        assert "Routines — " in places and " r " not in f" {places} ", "r is Rest day here, not Routines"
        assert all(line.split()[0] == "Ctrl+P" for line in places.splitlines() if "—" in line), places
        await pilot.press("escape")
        assert type(app.screen).__name__ == "ProgressScreen"


async def test_command_palette_offers_every_screen(app):
    async with app.run_test(size=(80, 24)):
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Start activation", "Lessons", "Squeeze test", "Routines", "Progress", "Theme",
                "Health check questions"} <= titles


@pytest.mark.parametrize("keys", [(), ("p",), ("l",), ("s",), ("r",), ("enter",)])
async def test_command_palette_lists_each_action_once_saying_what_it_does(app, keys):
    """Over every screen: no title twice (there were two Quits), no "Key: q" for a help line."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        commands = list(app.get_system_commands(app.screen))
        titles = [command.title for command in commands]
        assert len(titles) == len(set(titles)), titles
        for command in commands:
            assert command.help and command.help != command.title, command.title
            assert not command.help.startswith("Key:"), command.title
        assert "Keys" not in titles and titles.count("Help") == 1


@pytest.mark.parametrize("keys", [(), ("r",)])
async def test_help_shows_the_way_to_every_destination_once(app, keys):
    """Over Home the keys are the places, each saying what it is for; elsewhere Going places
    lists them all. Either way each destination is there once."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys, "question_mark")
        await pilot.pause()
        listed = shown(app.screen.query_one("#help-keys"))
        if app.screen.query("#help-places"):
            listed += shown(app.screen.query_one("#help-places"))
        for destination in DESTINATION_TABLE:
            assert listed.count(f"{destination.title} — ") == 1, (destination.title, listed)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_help_taller_than_the_terminal_says_how_to_scroll_and_scrolls_to_its_end(
    data_dir, store: Store, size
):
    """Over the summary the help holds more than 60x20 shows: the footer offers ↑↓ Scroll,
    and the keys bring its last line into view."""
    store.set_setting("welcome_seen", True)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")
        await advance_clock(pilot, 400.0)
        await pilot.press("question_mark")
        await pilot.pause()
        body = app.screen.query_one("#help-box")
        offers_scroll = "↑↓ Scroll" in screen_text(app)
        assert offers_scroll == (body.max_scroll_y > 0)
        if size == (60, 20):
            assert offers_scroll, screen_text(app)
        for _ in range(30):  # ↓ until the box has scrolled as far as it goes
            if body.scroll_y >= body.max_scroll_y:
                break
            await pilot.press("down")
        await pilot.pause()
        assert "see a professional if pain persists" in visible(screen_text(app))
        await pilot.press("escape")
        assert type(app.screen).__name__ == "SummaryScreen"


async def test_help_names_the_screen_it_is_about(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Keys on this screen — Home" in screen_text(app)
        await pilot.press("escape", "r", "question_mark")
        await pilot.pause()
        assert "Keys on this screen — Routines" in screen_text(app)


FOOTER_KEYS = [
    ((), "Home with the welcome", ("d Hide welcome", "q Quit", "? Help", "Ctrl+P palette")),
    (("r",), "Routines", ("Esc Back", "q Quit", "? Help", "Ctrl+P palette")),
    (("question_mark",), "Help", ("Esc Close help",)),
]


@pytest.mark.parametrize("keys,where,expected", FOOTER_KEYS, ids=[where for _, where, _ in FOOTER_KEYS])
async def test_every_footer_key_fits_at_80_columns(app, keys, where, expected):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        for key in expected:
            assert key in footer, f"{where}: {key!r} cut from {footer!r}"


async def test_home_keeps_its_destination_keys_in_the_menu_not_the_footer(app):
    """The menu shows each key beside its place; the footer keeps room for the rest."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        for destination in DESTINATION_TABLE:
            beside = rf"{re.escape(destination.title)} +{re.escape(destination.key_display)} │"
            assert re.search(beside, text), destination.title
        assert "l Lessons" not in text.splitlines()[-1]
        await pilot.press("l")  # the key still works
        await pilot.pause()
        assert type(app.screen).__name__ == "LessonsScreen"


async def test_theme_choice_is_remembered(data_dir, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert Store.open(data_dir).setting("theme") == "nord"
    again = make_app(data_dir, store=Store.open(data_dir))
    async with again.run_test(size=(80, 24)):
        assert again.theme == "nord"


async def test_the_theme_flag_is_for_one_run_and_a_choice_then_is_saved(data_dir, store: Store):
    store.set_setting("theme", "nord")
    app = make_app(data_dir, store=store, theme="catppuccin-latte")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "catppuccin-latte"
    assert Store.open(data_dir).setting("theme") == "nord", "--theme is for this run only"
    app = make_app(data_dir, store=Store.open(data_dir), theme="catppuccin-latte")
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "gruvbox"  # the palette's theme picker
        await pilot.pause()
    assert Store.open(data_dir).setting("theme") == "gruvbox"


async def test_everything_fits_at_80x24(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        menu = app.screen.query_one("#menu")
        assert menu.region.bottom <= 23  # above the footer
        assert menu.option_count == 5


async def test_the_weekly_target_is_set_from_progress(data_dir, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "t")
        await pilot.pause()
        assert "4 days" in str(app.screen.query_one("#progress-streaks").render())
    assert Store.open(data_dir).setting("weekly_target") == 4


def stack(app) -> list[str]:
    return [type(screen).__name__ for screen in app.screen_stack]


async def test_jumping_between_places_never_piles_screens_up(app):
    """Seven jumps through the palette, then Esc once: back on Home, not seven screens back."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        for name in ("lessons", "progress", "routines", "progress", "lessons", "routines", "progress"):
            app.action_open(name)
            await pilot.pause()
            assert len(app.screen_stack) == 2, stack(app)
        assert stack(app) == ["HomeScreen", "ProgressScreen"]
        await pilot.press("escape")
        await pilot.pause()
        assert stack(app) == ["HomeScreen"]


async def test_a_place_opened_mid_routine_leaves_the_routine_paused_under_it(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "enter")
        await pilot.pause()
        player = app.screen
        for name in ("lessons", "progress", "lessons"):
            app.action_open(name)
            await pilot.pause()
        assert stack(app) == ["HomeScreen", "PlayerScreen", "LessonsScreen"]
        assert player.workout.stopwatch.paused, "another screen on top holds the routine still"
        app.action_open("player")  # a routine is already under way: no second one
        await pilot.pause()
        assert stack(app) == ["HomeScreen", "PlayerScreen", "LessonsScreen"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is player


async def test_a_destination_already_open_is_come_back_to_not_opened_twice(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "s")
        await pilot.pause()
        quiz = app.screen
        app.action_open("lessons")
        await pilot.pause()
        assert stack(app) == ["HomeScreen", "QuizScreen", "LessonsScreen"], "the test under way stays"
        app.action_open("quiz")
        await pilot.pause()
        assert app.screen is quiz and stack(app) == ["HomeScreen", "QuizScreen"]
