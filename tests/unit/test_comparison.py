"""The one comparison Progress and the command line show: the estimate, the adjusted figure
and the milestone readings from the same answered runs, and what `stats --json` prints of it."""

from __future__ import annotations

import json
import random
from datetime import UTC

from gluteui.core.stats.comparison import comparison_of
from gluteui.core.stats.estimate import MIN_IMPORTANT_DIFFERENCE, MIN_RUNS_EACH
from tests.unit.simulated_users import bad_spell_user


def test_the_estimate_the_adjusted_figure_and_the_readings_come_from_the_same_runs():
    season = bad_spell_user(random.Random(5), runs=120, days=200)
    comparison = comparison_of(season)
    activated = sum(answer.activated for answer in season)
    assert (comparison.estimate.with_count, comparison.estimate.without_count) == (activated, 120 - activated)
    assert comparison.adjusted.runs == 120
    assert [reading.milestone for reading in comparison.readings][:2] == [10, 20]
    words = comparison.words()
    assert words[: len(comparison.estimate_words())] == comparison.estimate_words()
    assert words[-2].startswith("Before allowing for anything: ")
    assert len(comparison.history_words(UTC)) == len(comparison.readings)


def test_the_json_holds_the_figures_the_yardstick_and_the_sentences():
    season = bad_spell_user(random.Random(5), runs=120, days=200)
    data = json.loads(json.dumps(comparison_of(season).to_dict(UTC)))
    low, high = data["interval"]
    assert low < data["difference"] < high
    assert data["verdict"] in {"lower", "higher", "unclear"} and data["withheld"] is None
    assert (data["min_runs_each"], data["min_important_difference"]) == (MIN_RUNS_EACH, MIN_IMPORTANT_DIFFERENCE)
    assert data["adjusted"]["fallback"] is None and "calendar time" in data["adjusted"]["allowed_for"]
    assert [reading["milestone"] for reading in data["readings"]][:2] == [10, 20]
    assert data["words"] and data["history"][0].startswith("At 10 a side (")


def test_no_answers_give_no_figures_and_no_verdict():
    data = comparison_of([]).to_dict(UTC)
    assert (data["with_count"], data["difference"], data["interval"], data["verdict"]) == (0, None, None, None)
    assert data["withheld"] == "too few" and data["adjusted"]["fallback"] == "too few"
    assert data["readings"] == [] and data["words"][0] == "0 answered runs after activating and 0 without."
