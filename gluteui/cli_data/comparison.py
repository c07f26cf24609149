"""The comparison of check-ins on runs with and without an activation, as the command line
tells it: under `gluteui runs` and `gluteui stats`, in Progress's words (core/stats/comparison.py)."""

from __future__ import annotations

from datetime import tzinfo

from gluteui.cli_data.output import say
from gluteui.core.stats.run_log import RunRow


def say_comparison(rows: list[RunRow], zone: tzinfo | None) -> None:
    """The comparison's sentences after a blank line, the hamstrings' own line, then the
    readings kept so far."""
    from gluteui.core.stats.answers import answers_from_rows
    from gluteui.core.stats.comparison import comparison_of
    from gluteui.core.stats.hamstrings import hamstrings_estimate, hamstrings_words

    comparison = comparison_of(answers_from_rows(rows, zone))
    say("")
    for sentence in comparison.words():
        say(sentence)
    hamstrings = hamstrings_words(hamstrings_estimate(rows))
    if hamstrings:
        say(hamstrings)
    readings = comparison.history_words(zone)
    if readings:
        say("")
        say("Readings kept at milestones:")
        for line in readings:
            say(f"  {line}")
