"""The self-experiment on screen: today's assignment on Home, and on Progress a line while it
runs or its report once it has ended. The words are core/stats/trial_today.py's and
trial_report.py's, shown as plain text."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from gluteui.core.stats.trial import Assignment
from gluteui.core.stats.trial_today import SKIP_DAY, STOP_HINT, Standing, assignment_words
from gluteui.widgets.text import markup, plain


def assignment_line(assignment: Assignment) -> Content:
    """Home's line: what today asks, and that the experiment can be stopped."""
    return markup("[b $accent]$words[/] [dim]$hint[/dim]", words=assignment_words(assignment), hint=STOP_HINT)


def skip_day_line(routine: str) -> Content:
    """In place of Home's offer of `routine` on a skip day: it is still there if wanted."""
    return markup("[dim]$words[/dim]", words=SKIP_DAY.format(routine=routine))


class ExperimentPanel(Static):
    """Progress's part on the self-experiment: one line while it runs, the report once ended."""

    DEFAULT_CSS = "ExperimentPanel { height: auto; margin: 1 0 0 0; }"

    def __init__(self, standing: Standing, id: str | None = None) -> None:
        super().__init__(standing_content(standing), id=id)

    def show(self, standing: Standing) -> None:
        """Say `standing` instead (a check-in answered may have changed the report)."""
        self.update(standing_content(standing))


def standing_content(standing: Standing) -> Content:
    """The standing's words: the first as a heading, the rest as written (never markup)."""
    words = standing.words()
    lines = [markup("[b]$head[/b]", head=words[0]), *(plain(sentence) for sentence in words[1:])]
    return Content("\n").join(lines)
