"""When the app stops to point to a clinician: a squeeze test that flagged pain, a bad run."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from gluteui.core.history.records import Checkin, QuizResult
from gluteui.core.history.settings import check_setting
from gluteui.core.safety import red_flag_to_confirm, run_concern

TODAY = date(2026, 11, 26)


def result(result_id: str, days_ago: int, red_flag: bool) -> QuizResult:
    day = TODAY - timedelta(days=days_ago)
    return QuizResult(
        id=result_id, local_date=day, taken_at=datetime(day.year, day.month, day.day, 7, tzinfo=timezone.utc),
        scores={"left": 5, "right": 5}, verdict="solid", weaker_side=None, red_flag=red_flag,
    )


def checkins(*scores: int) -> list[Checkin]:
    """One check-in a day, the last score today."""
    out = []
    for n, score in enumerate(scores):
        day = TODAY - timedelta(days=len(scores) - 1 - n)
        out.append(Checkin(f"c{n}", day, score, datetime(day.year, day.month, day.day, 19, tzinfo=timezone.utc)))
    return out


class TestRedFlag:
    def test_no_results_or_a_clean_latest_asks_nothing(self):
        assert red_flag_to_confirm([], None) is None
        assert red_flag_to_confirm([result("q1", 1, False)], None) is None

    def test_a_flagged_latest_result_asks(self):
        flagged = result("q1", 1, True)
        assert red_flag_to_confirm([flagged], None) == flagged

    def test_once_said_checked_it_stops_asking(self):
        assert red_flag_to_confirm([result("q1", 1, True)], "q1") is None

    def test_a_later_clean_test_ends_the_question(self):
        assert red_flag_to_confirm([result("q1", 3, True), result("q2", 1, False)], None) is None

    def test_a_new_flag_asks_again_though_an_older_one_was_checked(self):
        newer = result("q2", 1, True)
        assert red_flag_to_confirm([result("q1", 3, True), newer], "q1") == newer


class TestRedFlagSetting:
    def test_the_cleared_setting_holds_an_id(self):
        check_setting("red_flag_cleared", "q1")
        for bad in ("", 3, None):
            with pytest.raises(ValueError, match="red_flag_cleared"):
                check_setting("red_flag_cleared", bad)


class TestRunConcern:
    @pytest.mark.parametrize("scores", [(), (3,), (6,), (0, 1, 2), (2, 5, 5), (6, 3, 5), (1, 3)])
    def test_low_or_steady_runs_say_nothing(self, scores):
        assert run_concern(checkins(*scores)) is None

    @pytest.mark.parametrize("score", [7, 8, 10])
    def test_a_high_run_is_named(self, score):
        concern = run_concern(checkins(2, score))
        assert concern is not None and not concern.rising
        assert f"{score} of 10" in concern.words

    def test_three_rising_runs_are_named_with_their_scores(self):
        concern = run_concern(checkins(0, 2, 3, 5))
        assert concern is not None and concern.rising
        assert concern.scores == (2, 3, 5)
        assert "2 -> 3 -> 5" in concern.words

    def test_only_the_latest_run_counts_for_high(self):
        assert run_concern(checkins(9, 2)) is None

    def test_runs_are_ordered_by_their_day_not_by_when_recorded(self):
        late_entry = Checkin("old", TODAY - timedelta(days=5), 9,
                             datetime(2026, 11, 26, 20, tzinfo=timezone.utc))
        assert run_concern([*checkins(1, 2), late_entry]) is None
