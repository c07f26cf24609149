"""Lessons from the keyboard: open, page, jump, scroll, mark read, act; and the anatomy figure."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from textual.widgets import Markdown, Static

from gluteui.core.history import storage
from gluteui.core.history.store import Store
from gluteui.screens.home import HomeScreen
from gluteui.screens.lessons import LessonsScreen
from gluteui.widgets.anatomy import Anatomy
from gluteui.widgets.lesson_list import LessonList, Reader
from gluteui.widgets.title_bar import TitleBar
from tests.factory import make_app, shown

SIZES = [(80, 24), (120, 40)]


def reader_text(screen: LessonsScreen) -> str:
    """Everything the reader shows above and below the Markdown, plus the Markdown source."""
    parts = [str(screen.query_one(f"#{name}", Static).render()) for name in ("lesson-heading", "lesson-takeaway")]
    parts += [shown(screen.query_one(f"#{name}", Static)) for name in ("lesson-sources", "lesson-next")]
    return "\n".join([*parts, screen.query_one("#lesson-body", Markdown).source])


def words(text: str) -> str:
    return " ".join(text.split())


def list_lines(screen: LessonsScreen) -> list[str]:
    options = screen.query_one(LessonList).options
    return [str(option.prompt) for option in options]


async def open_lessons(pilot) -> LessonsScreen:
    await pilot.press("l")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LessonsScreen)
    return screen


def current_title(screen: LessonsScreen) -> str:
    return str(screen.query_one("#lesson-heading", Static).render()).splitlines()[0]


@pytest.mark.parametrize("size", SIZES)
async def test_l_on_home_opens_the_list_and_the_first_lesson(app, size):
    async with app.run_test(size=size) as pilot:
        screen = await open_lessons(pilot)
        lines = list_lines(screen)
        assert len(lines) == len(app.services.content.lessons) == 9
        assert lines[0].startswith("· 1. The runner's")
        text = reader_text(screen)
        assert "The runner's paradox" in text and "Lesson 1 of 9 — 2 min read" in text
        assert "Long sitting goes with stiffer hips; that it quiets the glutes is unproven." in text
        assert "Sources" in text and "Boukabache, Preece & Brookes 2021" in words(text)
        note = str(screen.query_one("#lessons-note", Static).render())
        assert "Education, not diagnosis." in note and "Press 8: safety first" in note


async def test_arrows_and_h_l_page_through_the_lessons(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        await pilot.press("right")
        assert current_title(screen) == "Gluteal amnesia: what it is, and what it isn't"
        await pilot.press("l")
        assert current_title(screen) == "Who steps in when the glutes hang back"
        assert screen.query_one(LessonList).highlighted == 2
        await pilot.press("left", "h")
        assert current_title(screen) == "The runner's paradox"
        await pilot.press("left")
        assert current_title(screen) == "The runner's paradox", "no lesson before the first"


async def test_a_digit_jumps_to_that_lesson(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        await pilot.press("8")
        assert current_title(screen) == "Safety first"
        assert "Stop running and get checked soon" in reader_text(screen)
        await pilot.press("9")
        assert current_title(screen) == "Your own trial"
        await pilot.press("right")
        assert current_title(screen) == "Your own trial", "no lesson after the last"
        await pilot.press("4")
        assert current_title(screen) == "The squeeze test"


async def test_j_k_and_page_keys_scroll_the_reader(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        reader = screen.query_one(Reader)
        await pilot.press("j", "j", "j")
        assert reader.scroll_y == 3
        await pilot.press("k")
        assert reader.scroll_y == 2
        await pilot.press("pagedown")
        assert reader.scroll_y > 10
        await pilot.press("pageup")
        assert reader.scroll_y == 2
        await pilot.press("right")
        assert current_title(screen) == "Gluteal amnesia: what it is, and what it isn't"


async def test_m_toggles_read_and_it_persists(data_dir: Path, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        await pilot.press("m")
        assert store.lessons_read() == {"runners-paradox"}
        assert list_lines(screen)[0].startswith("✓ 1.")
        await pilot.pause()
        assert str(screen.query_one(TitleBar).render()) == "Lessons — 1 of 9 read", "the title bar follows"
        await pilot.press("right", "m", "left", "m")
        assert store.lessons_read() == {"gluteal-amnesia"}
        assert list_lines(screen)[0].startswith("· 1.")
    again = make_app(data_dir, store=Store.open(data_dir))
    async with again.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        assert list_lines(screen)[1].startswith("✓ 2.")
        assert current_title(screen) == "The runner's paradox", "opens at the first unread lesson"


async def test_scrolling_to_the_end_marks_the_lesson_read(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_lessons(pilot)
        await pilot.press("pagedown", "right")
        assert app.store.lessons_read() == set(), "leaving halfway does not count"
        await pilot.press("end")
        assert app.store.lessons_read() == {"gluteal-amnesia"}
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Lessons read 1 of 9" in str(app.screen.query_one("#today", Static).render())


async def test_end_then_a_digit_marks_the_lesson_end_was_pressed_on(data_dir: Path):
    app = make_app(data_dir, run_timers=True)  # scrolls glide, as in a terminal
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        first = screen.lesson.id
        screen.query_one(Reader).scroll_end(duration=0.5)  # End, still gliding when 3 is pressed
        await pilot.press("3")
        await pilot.pause(1.0)
        assert app.store.lessons_read() == {first}
        assert current_title(screen).startswith("Who steps in")


async def test_paging_past_lessons_without_reading_them_marks_nothing(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_lessons(pilot)
        await pilot.press("right", "right", "right", "8", "escape")
        assert app.store.lessons_read() == set()


async def test_a_lesson_that_fits_on_screen_counts_as_read_when_you_move_on(app):
    async with app.run_test(size=(160, 120)) as pilot:
        screen = await open_lessons(pilot)
        assert screen.query_one(Reader).max_scroll_y == 0, "the whole lesson is in view"
        assert app.store.lessons_read() == set(), "not just for opening it"
        await pilot.press("right")
        assert app.store.lessons_read() == {"runners-paradox"}


async def test_unmarking_with_m_wins_over_the_automatic_mark(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_lessons(pilot)
        await pilot.press("end")
        assert app.store.lessons_read() == {"runners-paradox"}
        await pilot.press("m", "home", "end")
        assert app.store.lessons_read() == set()


async def test_a_failed_save_shows_an_error_and_the_screen_carries_on(app, monkeypatch):
    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        screen = await open_lessons(pilot)
        monkeypatch.setattr(storage.os, "replace", disk_full)
        await pilot.press("m")
        await pilot.pause()
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert any("no space left on device" in toast for toast in toasts), toasts
        await pilot.press("right")
        assert current_title(screen) == "Gluteal amnesia: what it is, and what it isn't"


async def test_enter_runs_the_lesson_action_and_the_footer_offers_it_only_then(app, monkeypatch):
    # The quiz and routine screens belong to other modules: check the request, not their UI.
    opened: list[str] = []

    def open_screen(name: str) -> None:
        opened.append(name)

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        monkeypatch.setattr(app, "action_open", open_screen)
        assert "enter" not in screen.active_bindings
        await pilot.press("enter")
        assert opened == []
        await pilot.press("4")
        assert screen.active_bindings["enter"].binding.description == "Squeeze test"
        await pilot.press("enter")
        assert opened == ["quiz"]
        await pilot.press("6")
        assert screen.active_bindings["enter"].binding.description == "Start routine"
        await pilot.press("enter")
        assert opened == ["quiz", "player"]


async def test_the_m_key_says_what_it_will_do(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        assert screen.active_bindings["m"].binding.description == "Mark read"
        await pilot.press("m")
        assert screen.active_bindings["m"].binding.description == "Mark unread"


async def test_who_steps_in_shows_the_anatomy_figure_and_g_wakes_the_glutes(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        assert not screen.query(Anatomy), "only the who-steps-in lesson has the figure"
        assert "g" not in screen.active_bindings
        await pilot.press("3")
        figure = screen.query_one(Anatomy)
        assert figure.state == "asleep" and figure.step is None, "still: animation is off in tests"
        assert "stepping in" in str(figure.render())
        await pilot.press("g")
        assert figure.state == "firing"
        assert "Glutes firing" in str(figure.render())
        await pilot.press("g")
        assert figure.state == "asleep"
        await pilot.press("right")
        assert not screen.query(Anatomy)


async def test_enter_on_the_squeeze_test_lesson_opens_the_quiz(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await open_lessons(pilot)
        await pilot.press("4", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "QuizScreen"


async def test_the_app_turns_the_figure_still_for_reduced_motion(data_dir, store):
    app = make_app(data_dir, store=store, run_timers=True, reduced_motion=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        await pilot.press("3")
        assert screen.query_one(Anatomy).step is None


async def test_the_safety_lesson_puts_emergency_care_first_on_screen_at_80x24(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        await pilot.press("8")
        await pilot.pause()
        body = screen.query_one("#lesson-body", Markdown).source
        levels = [body.index(heading) for heading in (
            "## 1. Emergency care now", "## 2. Be seen today", "## 3. Stop running and get checked soon",
            "## 4. Mention it to your GP", "## 5. Look after it yourself",
        )]
        assert levels == sorted(levels), "most urgent first"
        takeaway = screen.query_one("#lesson-takeaway", Static)
        assert "emergency care now" in str(takeaway.render())
        assert takeaway.region.bottom <= 23, "the emergency line is on screen without scrolling"
        for sign in ("when you wipe", "bladder is full or empty", "both legs", "fever", "put weight on the leg",
                     "stress fracture", "below the knee", "3 out of 10", "the next morning"):
            assert sign in body, sign


async def test_every_lesson_ends_with_its_references(app):
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        for number in range(1, len(app.services.content.lessons) + 1):
            await pilot.press(str(number))
            sources = shown(screen.query_one("#lesson-sources", Static))
            assert sources.startswith("Sources"), number
            assert all(words(source) in words(sources) for source in screen.lesson.sources), number
