"""Text from the data file, an import or content is shown as written, never read as markup.

Every kind of outside text gets `[/]` and `[red]x` in it (an exercise name, a lesson title,
a squeeze-test answer, a routine id and a verdict in the data file, a damaged entry's value
quoted in a notice, the data folder's path), then every screen is opened. Textual raises
on a stray `[/]` read as markup, and `[red]x` read as markup would lose its brackets.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import timedelta
from pathlib import Path

from gluteui import locations
from gluteui.core.history.records import QuizResult, Session
from gluteui.core.history.store import Store
from tests.factory import FROZEN_NOW, advance_clock, make_app

MARKUP = "[/] [red]x"


def tampered_content(folder: Path) -> Path:
    """The bundled content with MARKUP added to names, titles, answers and tips."""
    shutil.copytree(locations.content_dir(), folder)
    exercises = folder / "exercises.toml"
    text = exercises.read_text(encoding="utf-8")
    # Names, targets, how each side is done, how to switch, the setup lines and every cue.
    text = re.sub(r'^(name|feel_check|target|switch_hint|sides\.left|sides\.right) = "(.*)"$',
                  rf'\1 = "\2 {MARKUP}"', text, flags=re.M)
    text = re.sub(r'^(    "[^"]*)",$', rf'\1 {MARKUP}",', text, flags=re.M)
    text = re.sub(r'^(cues\.\w+ = \[")', rf'\1{MARKUP} ', text, flags=re.M)
    exercises.write_text(text, encoding="utf-8")
    routines = folder / "routines.toml"
    routines.write_text(
        re.sub(r'^(name|summary) = "(.*)"$', rf'\1 = "\2 {MARKUP}"',
               routines.read_text(encoding="utf-8"), flags=re.M),
        encoding="utf-8",
    )
    quiz = folder / "quiz.toml"
    quiz.write_text(
        re.sub(r'^(title|label) = "(.*)"$', rf'\1 = "\2 {MARKUP}"',
               quiz.read_text(encoding="utf-8"), flags=re.M),
        encoding="utf-8",
    )
    for lesson in (folder / "lessons").glob("*.md"):
        lesson.write_text(
            re.sub(r'^(title|takeaway) = "(.*)"$', rf'\1 = "\2 {MARKUP}"',
                   lesson.read_text(encoding="utf-8"), flags=re.M),
            encoding="utf-8",
        )
    return folder


def tampered_store(folder: Path) -> Store:
    """A data folder whose path, records and one damaged entry all hold MARKUP."""
    folder.mkdir(parents=True)
    store = Store.open(folder)
    yesterday = FROZEN_NOW - timedelta(days=1)
    store.save_session(Session(
        id="s1", local_date=yesterday.date(), started_at=yesterday, routine_id=f"gone {MARKUP}",
        planned_reps=10, done_reps=10, reps={"clamshell": {"left": 5, "right": 5}},
        duration_s=60.0, source="import", feel={},
    ))
    store.record_quiz(QuizResult(
        id="q1", local_date=yesterday.date(), taken_at=yesterday, scores={"left": 5, "right": 5},
        verdict=f"renamed {MARKUP}", weaker_side=None, red_flag=False,
    ), {"recommended_routine": f"gone {MARKUP}"})
    raw = json.loads(store.path.read_text(encoding="utf-8"))
    raw["checkins"]["9"] = {"id": "c9", "local_date": "2026-11-20", "score": MARKUP,
                            "recorded_at": "2026-11-20T19:00:00+00:00"}
    store.path.write_text(json.dumps(raw), encoding="utf-8")
    return Store.open(folder)


async def test_outside_text_is_shown_as_written_on_every_screen(tmp_path: Path):
    content = tampered_content(tmp_path / "content")
    data = tmp_path / f"data {MARKUP}"
    app = make_app(data, store=tampered_store(data), content_dir=content)
    notices: list[str] = []
    as_markup: list[str] = []
    async with app.run_test(size=(100, 40)) as pilot:
        original_notify = app.notify

        def notify(message: str, **options: object) -> None:
            # Headless runs draw no toasts, so check how each would be drawn instead.
            notices.append(message)
            if MARKUP in message and options.get("markup", True):
                as_markup.append(message)
            original_notify(message, **options)

        app.notify = notify  # type: ignore[method-assign]
        await pilot.pause()
        assert type(app.screen).__name__ == "CheckinDialog"  # yesterday's activation asks
        await pilot.press("escape")
        await pilot.pause()
        home = app.screen
        assert MARKUP in str(home.query_one("#next-routine").render())
        assert f"renamed {MARKUP}" in str(home.query_one("#today").render())
        assert any(MARKUP in notice and "checkins" in notice for notice in notices), notices

        await pilot.press("p", "up")  # Progress, on yesterday
        await pilot.pause()
        assert f"gone {MARKUP}" in str(app.screen.query_one("#progress-day").render())
        assert f"renamed {MARKUP}" in str(app.screen.query_one("#progress-trend").render())
        await pilot.press("escape", "l")
        await pilot.pause()
        assert MARKUP in str(app.screen.query_one("#lesson-heading").render())
        await pilot.press("escape", "r")
        await pilot.pause()
        assert MARKUP in str(app.screen.query_one("#routines-menu").get_option_at_index(0).prompt)
        await pilot.press("escape", "s")
        await pilot.pause()
        assert MARKUP in str(app.screen.query_one("#quiz-heading").render())
        await pilot.press(*"1111111")
        await pilot.pause()
        assert MARKUP in str(app.screen.query_one("#quiz-verdict").render())
        await pilot.press("escape", "enter")  # Start activation, then straight to its end
        await pilot.pause()
        assert type(app.screen).__name__ == "PlanDialog"  # the clean test's single-leg bridge
        await pilot.press("enter")
        await pilot.pause()
        player = app.screen
        assert MARKUP in str(player.query_one("#exercise-name").render())
        assert str(player.query_one("#break-text").render()).count(MARKUP) >= 2  # side and setup
        first_up = next(p for p in player.workout.timeline.phases if p.kind == "up")
        await advance_clock(pilot, first_up.start + 1.0)  # into the first rep: its cue and what LEFT means
        assert MARKUP in str(player.query_one("#cue").render())
        assert MARKUP in str(player.query_one("#side-note").render())
        await advance_clock(pilot, player.workout.timeline.total + 1)
        assert type(app.screen).__name__ == "SummaryScreen"
        assert MARKUP in str(app.screen.query_one("#summary-feel").render())
        await pilot.press("1")
        await pilot.pause()
    assert not app.return_code
    assert not as_markup, "notifications quoting outside text must not be read as markup"

