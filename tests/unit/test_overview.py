"""Home's overview: when the welcome still greets a newcomer."""

from __future__ import annotations

from gluteui.core.stats.overview import overview
from tests.unit.stats_kit import TODAY, at, days_ago, history, quiz, session


def test_the_welcome_shows_until_a_routine_or_a_squeeze_test_or_a_dismissal():
    assert overview(history(), set(), at(TODAY)).welcome
    assert not overview(history([session(days_ago(3))]), set(), at(TODAY)).welcome
    assert not overview(history(quiz_results=[quiz(days_ago(1), "sleepy", red_flag=True)]), set(), at(TODAY)).welcome
    assert not overview(history(settings={"welcome_seen": True}), set(), at(TODAY)).welcome


def test_lessons_read_alone_keep_the_welcome():
    assert overview(history(lessons_read={"safety"}), {"safety"}, at(TODAY)).welcome
