"""Progress's answer to "were my check-ins lower on runs after an activation?": the latest
runs with their activation mark and check-in, the comparison with its interval, and a plot
over time.

The comparison's bootstrap takes a moment on a long history, so it is worked out on a
thread after the panel is drawn, and the line says so until then.
"""

from __future__ import annotations

from datetime import tzinfo

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static
from textual.worker import Worker

from gluteui.core.runs.answer import (
    MIN_IMPORTANT_DIFFERENCE,
    MIN_RUNS_EACH,
    Answer,
    compare_discomfort,
)
from gluteui.core.stats.run_log import RunsView
from gluteui.core.text import distance, plural
from gluteui.widgets.work import ReportsFailure

NOT_A_TRIAL = ("Your own notes, not a controlled trial: you chose when to activate, so a "
               "difference here does not show that activating caused it.")
YARDSTICK = (f"As a yardstick, a change of less than {MIN_IMPORTANT_DIFFERENCE:g} points on a 0-10 "
             "back-pain scale is unlikely to matter (Ostelo et al. 2008, Spine).")


def answer_text(answer: Answer) -> str:
    """The comparison in words: counts on each side, then, from MIN_RUNS_EACH a side, the
    difference, its interval, which way the scores went and the yardstick to read it by."""
    sides = (f"{answer.with_count} {plural(answer.with_count, 'run')} after an activation and "
             f"{answer.without_count} without have a check-in")
    if not answer.enough:
        return f"{sides}: too few to tell ({MIN_RUNS_EACH} on each side are needed). {NOT_A_TRIAL}"
    return (f"{sides}. Back and hamstrings after activating: {answer.mean_with:.1f} of 10; "
            f"without: {answer.mean_without:.1f}. Difference {answer.difference:+.1f} points "
            f"(90% interval {answer.low:+.1f} to {answer.high:+.1f}): {answer.verdict}. "
            f"{YARDSTICK} {NOT_A_TRIAL}")


def recent_table(view: RunsView, zone: tzinfo | None) -> Table:
    grid = Table.grid(padding=(0, 2))
    for _ in range(5):
        grid.add_column()
    for row in view.recent:
        start = row.run.start.astimezone(zone)
        grid.add_row(
            Text(f"{start:%a %d %b %H:%M}"),
            Text(distance(row.run.distance_m)),
            Text("activated" if row.activated else "no activation", style="bold" if row.activated else "dim"),
            Text("back -" if row.checkin is None else f"back {row.checkin}/10"),
            Text(row.run.name, overflow="ellipsis", no_wrap=True),
        )
    return grid


class RunsPanel(ReportsFailure, Vertical):
    """The runs part of Progress, given the view of them (core/stats/run_log.runs_view)."""

    DEFAULT_CSS = """
    RunsPanel { height: auto; }
    RunsPanel #runs-plot { height: 12; min-height: 8; }
    RunsPanel .runs-title { text-style: bold; margin: 1 0 0 0; }
    """

    def __init__(self, view: RunsView, zone: tzinfo | None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = view
        self.zone = zone
        self.answer: Answer | None = None

    def compose(self) -> ComposeResult:
        view = self.view
        yield Static(Text(f"Runs: {view.total}, {view.activated} after an activation"), classes="runs-title")
        if not view.total:
            yield Static(Text("No runs imported yet: `gluteui runs import FOLDER` reads your "
                              "watch's GPX, TCX or FIT files, or a Strava export."), id="runs-answer")
            return
        yield Static(Text("Working out the comparison..."), id="runs-answer")
        yield Static(recent_table(view, self.zone), id="runs-recent")
        if len(view.points) >= 2:
            # plotext is slow to import: only when a plot is drawn.
            from textual_plotext import PlotextPlot

            yield PlotextPlot(id="runs-plot")

    def on_mount(self) -> None:
        if self.view.total:
            self.run_worker(self._compare, name="Working out the comparison", thread=True, exit_on_error=False)
        if self.query("#runs-plot"):
            self._plot()

    def _compare(self) -> None:
        answer = compare_discomfort(self.view.with_scores, self.view.without_scores)
        self.app.call_from_thread(self._show_answer, answer)

    def worker_failed(self, worker: Worker[object]) -> None:
        self.query_one("#runs-answer", Static).update(Text(f"The comparison could not be worked out: {worker.error}"))

    def _show_answer(self, answer: Answer) -> None:
        self.answer = answer
        self.query_one("#runs-answer", Static).update(Text(answer_text(answer)))

    def _plot(self) -> None:
        from textual_plotext import PlotextPlot

        plot = self.query_one("#runs-plot", PlotextPlot)
        plt = plot.plt
        first = self.view.points[0][0]
        for activated, label, marker in ((True, "after an activation", "dot"), (False, "without", "x")):
            points = [(day, score) for day, score, flag in self.view.points if flag is activated]
            if points:
                plt.scatter([(day - first).days for day, _ in points], [score for _, score in points],
                            label=label, marker=marker)
        plt.title("Back and hamstrings on each run (0 fine, 10 very bad)")
        plt.xlabel(f"days since {first:%d %b %Y}")
        plt.ylim(0, 10)
