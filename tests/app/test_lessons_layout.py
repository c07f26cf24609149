"""Lessons at every size: whole titles in the list, hanging indents, the keys the footer and
help offer; and the anatomy figure on its own, wide and narrow."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from gluteui import locations
from gluteui.core.anatomy import SETTLE_AT
from gluteui.core.content.load import load_content
from gluteui.screens.help import key_rows
from gluteui.widgets.anatomy import Anatomy
from gluteui.widgets.lesson_list import LessonList, Reader, label_lines
from tests.app.test_lessons import list_lines, open_lessons, words
from tests.factory import screen_text, shown


async def test_the_wide_list_shows_reading_times_and_whole_titles(app):
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_lessons(pilot)
        first, second = list_lines(screen)[:2]
        assert first.startswith("· 1. The runner's paradox") and first.endswith("2 min")
        first_line, *rest = second.splitlines()
        assert first_line.endswith("2 min") and rest, "a long title wraps under itself"
        words = " ".join([first_line.removesuffix("2 min"), *rest]).split()
        assert words[2:] == ["Gluteal", "amnesia:", "what", "it", "is,", "and", "what", "it", "isn't"]


async def test_the_list_shows_every_whole_title_and_the_reader_keeps_its_room(app):
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_lessons(pilot)
        for size in ((60, 20), (80, 24), (120, 40), (200, 50)):  # the terminal grows
            await pilot.resize_terminal(*size)
            await pilot.pause()
            reader = screen.query_one(Reader)
            assert size[0] // 2 <= reader.region.width <= 100, "most of the width, but lines a reader can follow"
            assert reader.region.bottom <= size[1] - 1, "above the footer"
            listed = screen.query_one(LessonList)
            assert listed.region.bottom <= size[1] - 1 and listed.max_scroll_y == 0, "every lesson in view"
            text = screen_text(app)
            for line, lesson in zip(list_lines(screen), app.services.content.lessons, strict=True):
                assert lesson.title in words(line).replace(f" {lesson.minutes} min", ""), ("the whole title", size)
                for part in line.splitlines():
                    assert part.rstrip() in text, ("nothing cut", size)
                    assert len(part) <= listed.scrollable_content_region.width
            if size[1] >= 24:
                assert screen.query_one("#lessons-note").region.bottom <= size[1] - 1, "the safety note is on screen"


async def test_help_lists_every_key_of_the_lessons(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        await pilot.press("2")
        rows = {what: keys for keys, what in key_rows(screen)}
        assert rows["Jump to lesson"] == "1-9"
        assert rows["Previous lesson"] == "← / h" and rows["Next lesson"] == "→ / l"
        assert rows["Scroll down"] == "↓ / j" and rows["Scroll up"] == "↑ / k"
        assert rows["Page down"] == "PgDn / Space" and rows["Page up"] == "PgUp"
        assert rows["Scroll to the top"] == "Home" and rows["Scroll to the end"] == "End"
        assert rows["Mark read"] == "m" and rows["Back"] == "Esc"


async def test_every_lessons_footer_fits_80_columns(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        # The footer offers what a lesson can do (its action, its figure's g) and nothing of
        # the lesson itself: one lesson of each kind shows every footer there is.
        kinds: dict[tuple, int] = {}
        for number, lesson in enumerate(app.services.content.lessons, 1):
            kinds.setdefault((lesson.action, lesson.figure is not None), number)
        for number in kinds.values():
            for keys in ((str(number),), ("g",)):  # the figure either way, where there is one
                await pilot.press(*keys)
                await pilot.pause()
                footer = screen_text(app).splitlines()[-1]
                assert "? Help" in footer, (number, footer)
                offered = [f"{app.get_key_display(active.binding)} {active.binding.description}"
                           for active in screen.active_bindings.values()
                           if active.binding.show and active.enabled and active.binding.group is None]
                assert all(offer in footer for offer in offered), (number, offered, footer)


async def test_wrapped_sources_and_hints_hang_under_their_first_word(app):
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_lessons(pilot)
        await pilot.press("2")
        sources = shown(screen.query_one("#lesson-sources", Static)).splitlines()
        assert sources[0].strip() == "Sources" and len(sources) > len(screen.lesson.sources) + 1, "they wrap"
        assert all(line.startswith(("• ", "  ")) for line in sources[1:] if line.strip()), sources
        hint = shown(screen.query_one("#lesson-next", Static)).splitlines()
        assert hint[0].startswith("→ Next lesson — Who steps in") and hint[1].startswith("  "), hint
        assert "10.1371/journal.pone.0177008" in "".join(line.strip() for line in sources), "a DOI folds, never cut"


def test_list_labels_fit_their_width():
    lesson = load_content(locations.content_dir()).lessons[1]
    wide = label_lines(2, lesson, 40)
    assert wide[0].startswith("2. Gluteal amnesia") and wide[0].endswith("2 min")
    assert all(len(line) <= 38 for line in wide), "room is left for the read mark"
    words = " ".join([wide[0].removesuffix("2 min"), *wide[1:]]).split()
    assert words == ["2.", *lesson.title.split()], "the whole title, wrapped"
    narrow = label_lines(2, lesson, 22)
    assert narrow == ["2. Gluteal amnesia:", "     what it is, and", "     what it isn't"], "wrapped, not cut"
    assert all(len(line) + 2 <= 22 for line in narrow)


# --- the Anatomy widget on its own -------------------------------------------------


class FigureApp(App[None]):
    def __init__(self, state: str = "asleep", animate: bool = False) -> None:
        super().__init__()
        self.start_state = state
        if not animate:
            self.animation_level = "none"

    def compose(self) -> ComposeResult:
        yield Anatomy(self.start_state)  # type: ignore[arg-type]


async def test_the_figure_holds_still_when_animation_is_off():
    app = FigureApp()
    async with app.run_test(size=(60, 20)):
        figure = app.query_one(Anatomy)
        assert not figure.animated and figure.step is None
        figure.state = "firing"
        assert figure.step is None


async def test_the_figure_state_can_change_after_mount():
    app = FigureApp("firing")
    async with app.run_test(size=(60, 20)) as pilot:
        figure = app.query_one(Anatomy)
        assert "Glutes firing" in str(figure.render())
        figure.state = "asleep"
        await pilot.pause()
        assert "Glutes asleep" in str(figure.render())
        with pytest.raises(ValueError, match="state must be one of"):
            figure.state = "awake"  # type: ignore[assignment]


async def test_the_figure_brightens_pulses_and_settles_when_animated():
    app = FigureApp(animate=True)
    async with app.run_test(size=(60, 20)):
        figure = app.query_one(Anatomy)
        assert figure.animated and figure.step == 0
        for _ in range(SETTLE_AT - 1):
            figure.advance()
        assert figure.step == SETTLE_AT - 1
        figure.advance()
        assert figure.step is None, "settled on the still frame"
        figure.state = "firing"
        assert figure.step == 0, "a new state animates again"


@pytest.mark.parametrize("state", ["asleep", "firing"])
async def test_in_a_narrow_column_the_labels_go_under_the_figure_not_through_it(state: str):
    app = FigureApp(state)
    async with app.run_test(size=(30, 30)):
        figure = app.query_one(Anatomy)
        lines = str(figure.render()).splitlines()
        assert figure.size.width <= 30 and max(len(line) for line in lines[:-1]) <= 30
        assert ("gluteus medius — asleep" in lines) == (state == "asleep")
        assert ("gluteus maximus — firing" in lines) == (state == "firing")
        assert "lower back — stepping in" in lines or "lower back — calm" in lines
