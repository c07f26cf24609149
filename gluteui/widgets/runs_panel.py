"""Progress's answer to "were my check-ins lower on runs after an activation?": the estimate
with its interval and yardstick, the adjusted figure beside it, the readings kept at
milestones, the latest runs and a plot over time.

The sums (core/stats/comparison.py) are worked out on a thread after the panel is drawn,
and the panel says so until then; a failure is said where the answer would have been.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static
from textual.worker import Worker

from gluteui.core.stats.answer_words import figure
from gluteui.core.stats.comparison import Comparison, comparison_of
from gluteui.core.stats.estimate import MIN_RUNS_EACH
from gluteui.core.stats.milestones import MILESTONES
from gluteui.core.stats.run_log import RunsView
from gluteui.core.text import distance
from gluteui.widgets.checkin_list import SIDE_WORDS, score_pair
from gluteui.widgets.work import ReportsFailure

SIDES = ((True, "after an activation", "dot", "cyan"), (False, "without", "x", "orange"))
"""How the plot marks each side: activated runs apart from the others, in shape and colour."""
SCORE_TICKS = [float(score) for score in range(0, 11, 2)]
"""Check-ins are whole numbers 0-10: so are the plot's marks on that axis."""


def day_ticks(last: int, count: int = 5) -> list[float]:
    """Whole days from 0 to `last` for the plot's other axis, at most `count` of them."""
    step = max(1, -(-last // (count - 1)))
    return [float(day) for day in range(0, last + 1, step)]


NARROW = 72
"""Below this many columns the runs table drops the weekday and closes up its gaps, so
the run's name keeps some room."""


@dataclass(frozen=True)
class RecentRuns:
    """The latest runs, one line each at the width given: the fixed columns never wrap and
    the run's name (data: never markup) takes what is left, cut with an ellipsis."""

    view: RunsView
    zone: tzinfo | None

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield recent_table(self.view, self.zone, options.max_width)


def recent_table(view: RunsView, zone: tzinfo | None, width: int) -> Table:
    narrow = width < NARROW
    gap = 1 if narrow else 2
    when = "%d %b %H:%M" if narrow else "%a %d %b %H:%M"
    headers = ("When", "", "", "Back · hamstrings")
    fixed = [(f"{row.run.start.astimezone(zone):{when}}", distance(row.run.distance_m), SIDE_WORDS[row.activated],
              score_pair(row.checkin, row.hamstrings)) for row in view.recent]
    widths = [max(cell_len(cell) for cell in column) for column in zip(headers, *fixed, strict=True)]
    table = Table(box=None, padding=(0, gap), collapse_padding=True, pad_edge=False, show_edge=False,
                  header_style="bold dim")
    for header, justify in zip(headers, ("left", "right", "left", "center"), strict=True):
        table.add_column(header, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    # The name takes what the fixed columns leave, so rich never squeezes those instead.
    table.add_column("Run", no_wrap=True, overflow="ellipsis", max_width=max(4, width - sum(widths) - gap * len(widths)))
    for row, (start, length, side, scores) in zip(view.recent, fixed, strict=True):
        table.add_row(Text(start), Text(length), Text(side, style="bold" if row.activated else "dim"), Text(scores),
                      Text(row.run.name, overflow="ellipsis", no_wrap=True))
    return table


def readings_text(comparison: Comparison, zone: tzinfo | None) -> str:
    """The readings kept so far, one a line, or when the first will be kept."""
    kept = comparison.history_words(zone)
    marks = ", ".join(str(milestone) for milestone in MILESTONES[:-1]) + f" and {MILESTONES[-1]}"
    head = f"Readings kept at {marks} answered runs a side, so the answer does not change on every visit:"
    if not kept:
        return f"{head} none yet (the first at {MIN_RUNS_EACH} a side)."
    return "\n".join([head, *(f"  {line}" for line in kept)])


def plot_caption(comparison: Comparison | None) -> str:
    """Under the plot: what the marks are, and the interval once worked out."""
    marks = "Dots: runs after an activation; x: without."
    estimate = comparison.estimate if comparison else None
    if estimate is None or estimate.difference is None or estimate.interval is None:
        return marks
    told = figure(estimate.difference, estimate.interval)
    return f"{marks} After activating minus without: {told}" + ("" if estimate.verdict_allowed else ", too few runs for a verdict") + "."


class RunsPanel(ReportsFailure, Vertical):
    """The runs part of Progress, given the view of them (core/stats/run_log.runs_view)."""

    DEFAULT_CSS = """
    RunsPanel { height: auto; }
    RunsPanel #runs-plot { height: 16; }
    RunsPanel .runs-title { text-style: bold; margin: 1 0 0 0; }
    RunsPanel #runs-adjusted, RunsPanel #runs-hamstrings, RunsPanel #runs-readings, RunsPanel #runs-recent {
        margin: 1 0 0 0;
    }
    RunsPanel #runs-plot-caption { color: $text-muted; }
    """

    def __init__(self, view: RunsView, zone: tzinfo | None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = view
        self.zone = zone
        self.comparison: Comparison | None = None

    def compose(self) -> ComposeResult:
        view = self.view
        yield Static(Text(f"Runs: {view.total}, {view.activated} after an activation"), classes="runs-title")
        if not view.total:
            yield Static(Text("No runs imported yet: i on Progress (or `gluteui runs import FOLDER`) reads "
                              "your watch's GPX, TCX or FIT files, or a Strava export."), id="runs-answer")
            return
        yield Static(Text("Working out the comparison..."), id="runs-answer")
        yield Static(id="runs-adjusted")
        if view.hamstrings:
            yield Static(Text(view.hamstrings), id="runs-hamstrings")
        yield Static(id="runs-readings")
        yield Static(RecentRuns(view, self.zone), id="runs-recent")
        if len(view.answers) >= 2:
            # plotext is slow to import: only when a plot is drawn.
            from textual_plotext import PlotextPlot

            yield PlotextPlot(id="runs-plot")
            yield Static(Text(plot_caption(None)), id="runs-plot-caption")

    def on_mount(self) -> None:
        if self.view.total:
            self.run_worker(self._compare, name="Working out the comparison", thread=True, exit_on_error=False)
        if self.query("#runs-plot"):
            self._plot()

    def _compare(self) -> None:
        comparison = comparison_of(self.view.answers)
        self.app.call_from_thread(self._show, comparison)

    def worker_failed(self, worker: Worker[object]) -> None:
        self.query_one("#runs-answer", Static).update(Text(f"The comparison could not be worked out: {worker.error}"))

    def _show(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.query_one("#runs-answer", Static).update(Text(" ".join(comparison.estimate_words())))
        adjusted = comparison.adjusted_words()
        self.query_one("#runs-adjusted", Static).update(Text(" ".join(adjusted)))
        self.query_one("#runs-adjusted").display = bool(adjusted)
        self.query_one("#runs-readings", Static).update(Text(readings_text(comparison, self.zone)))
        if self.query("#runs-plot-caption"):
            self.query_one("#runs-plot-caption", Static).update(Text(plot_caption(comparison)))

    def _plot(self) -> None:
        from textual_plotext import PlotextPlot

        plot = self.query_one("#runs-plot", PlotextPlot)
        plt = plot.plt
        answers = self.view.answers
        first = answers[0].start.date()
        for activated, label, marker, color in SIDES:
            side = [answer for answer in answers if answer.activated is activated]
            if side:
                days = [(answer.start.date() - first).days for answer in side]
                plt.scatter(days, [answer.score for answer in side], label=label, marker=marker, color=color)
        plt.title("Lower back on each run (0 no discomfort, 10 worst imaginable)")
        plt.xlabel(f"days since {first:%d %b %Y}")
        plt.ylim(-0.5, 10.5)  # half a point either side: one row of the plot for each score
        plt.yticks(SCORE_TICKS)
        plt.xticks(day_ticks((answers[-1].start.date() - first).days))
