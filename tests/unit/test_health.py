"""The health questions: what each yes holds back, when they are asked again, and the setting."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from gluteui.core.health import (
    ASK_AGAIN_AFTER,
    NO_TO_ALL,
    health_due,
    hold_words,
    is_health_answers,
    settled,
    still_cleared,
    training_hold,
    yes_to,
)
from gluteui.core.history.records import QuizResult
from gluteui.core.history.settings import check_setting, setting_value

NOW = datetime(2026, 11, 26, 7, 30, tzinfo=timezone.utc)


def flagged(at: datetime, red_flag: bool = True) -> QuizResult:
    return QuizResult("q", at.date(), at, {"left": 5, "right": 5}, "sleepy", None, red_flag)


class TestWhatAYesHoldsBack:
    @pytest.mark.parametrize("yes,held", [
        ({}, None), ({"pregnancy": True}, None), ({"bone_stress": True}, None),
        ({"surgery": True}, "surgery"), ({"sciatica": True}, "sciatica"), ({"injury": True}, "injury"),
        # The most urgent first: both legs is an emergency, a fresh injury skips today.
        ({"sciatica": True, "sciatica_both": True, "injury": True}, "sciatica_both"),
        ({"surgery": True, "injury": True}, "injury"),
        # A follow-up counts only with its question.
        ({"sciatica_both": True}, None),
    ])
    def test_the_most_urgent_uncleared_yes_holds_the_routine(self, yes, held):
        hold = training_hold(NO_TO_ALL | yes, [])
        assert (hold.id if hold else None) == held

    def test_a_cleared_yes_holds_nothing_and_the_next_one_comes_up(self):
        answers = NO_TO_ALL | {"surgery": True, "injury": True}
        assert training_hold(answers, ["injury"]).id == "surgery"
        assert training_hold(answers, ["injury", "surgery"]) is None

    def test_clearing_lasts_while_the_yes_does(self):
        before = NO_TO_ALL | {"surgery": True, "sciatica": True}
        after = NO_TO_ALL | {"surgery": True}
        assert still_cleared(["surgery", "sciatica"], before, after) == ["surgery"]
        # A no that becomes a yes is new: the old clearing does not carry over.
        assert still_cleared(["injury"], NO_TO_ALL, NO_TO_ALL | {"injury": True}) == []

    def test_home_words_say_what_waits(self):
        words = {q: hold_words(training_hold(NO_TO_ALL | {q: True, "sciatica": True}, [])) for q in
                 ("sciatica_both", "injury")}
        assert "emergency" in words["sciatica_both"]
        assert "waits until it has been checked" in words["injury"]

    def test_each_yes_gives_its_note_in_order_and_a_hidden_follow_up_none(self):
        notes = [q.note for q in yes_to(NO_TO_ALL | {"pregnancy": True, "surgery": True, "sciatica_both": True})]
        assert len(notes) == 2
        assert "surgeon" in notes[0] and "light-headed" in notes[1] and "Canadian" in notes[1]

    def test_settled_answers_every_question_and_drops_an_orphan_follow_up(self):
        assert settled({"sciatica_both": True}) == NO_TO_ALL


class TestWhenToAskAgain:
    def test_first_and_new_questions(self):
        assert health_due(None, None, [], NOW) == "first"
        older = {key: False for key in NO_TO_ALL if key != "bone_stress"}
        assert health_due(older, NOW, [], NOW) == "new_question"

    def test_a_follow_up_not_asked_is_not_a_new_question(self):
        answers = {key: False for key in NO_TO_ALL if key != "sciatica_both"}
        assert health_due(answers, NOW, [], NOW) is None

    def test_every_three_months_and_when_no_date_was_kept(self):
        assert health_due(NO_TO_ALL, NOW - ASK_AGAIN_AFTER + timedelta(hours=1), [], NOW) is None
        assert health_due(NO_TO_ALL, NOW - ASK_AGAIN_AFTER, [], NOW) == "months"
        assert health_due(NO_TO_ALL, None, [], NOW) == "months"

    def test_after_a_squeeze_test_that_flagged_pain(self):
        asked = NOW - timedelta(days=5)
        assert health_due(NO_TO_ALL, asked, [flagged(NOW - timedelta(days=1))], NOW) == "pain"
        assert health_due(NO_TO_ALL, asked, [flagged(NOW - timedelta(days=1), red_flag=False)], NOW) is None
        assert health_due(NO_TO_ALL, asked, [flagged(NOW - timedelta(days=6))], NOW) is None


class TestTheSettings:
    def test_answers_are_true_or_false_and_a_newer_versions_ids_are_kept(self):
        assert is_health_answers(NO_TO_ALL)
        assert is_health_answers({"surgery": False})
        assert is_health_answers(NO_TO_ALL | {"from_a_newer_version": True})
        assert not is_health_answers(NO_TO_ALL | {"pregnancy": "no"})
        assert not is_health_answers(None)
        with pytest.raises(ValueError, match="health_answers"):
            check_setting("health_answers", {"surgery": "yes"})
        # A hand-edited value reads as unanswered, so the questions are asked again.
        assert setting_value({"health_answers": [True]}, "health_answers", None) is None

    def test_when_asked_and_what_was_cleared(self):
        check_setting("health_asked_at", NOW.isoformat())
        check_setting("health_cleared", ["surgery"])
        for key, bad in (("health_asked_at", "2026-11-26"), ("health_asked_at", "soon"),
                         ("health_cleared", "surgery"), ("health_cleared", [""])):
            with pytest.raises(ValueError, match=key):
                check_setting(key, bad)
