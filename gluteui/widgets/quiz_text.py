"""The squeeze test's words on screen: a step's heading, the recommendation, the tips."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.content import Content

from gluteui.core.content.quiz import Step
from gluteui.core.quiz.attempt import Recommendation
from gluteui.widgets.text import markup


def step_heading(step: Step, number: int, total: int) -> Content:
    dots = "●" * number + "[dim]" + "○" * (total - number) + "[/dim]"
    hold = f"  [dim]{step.hold_s:g} s hold[/dim]" if step.hold_s else ""
    return markup(f"[dim]Step {number} of {total}[/dim]  {dots}\n[b]$title[/b]{hold}", title=step.title)


def recommendation_text(recommendation: Recommendation, routine_name: str) -> Content:
    lines = [markup("Recommended: [b]$name[/b]", name=routine_name)]
    lines += [markup("[dim]·[/dim] $reason", reason=reason) for reason in recommendation.reasons]
    lines.append(markup("[dim]Enter starts it; Start activation on Home now uses it too.[/dim]"))
    return Content("\n").join(lines)


def tips_table(tips: tuple[str, ...]) -> Table:
    """Tips under a heading, each with a hanging bullet so wrapped lines stay indented."""
    table = Table.grid(padding=(0, 1))
    table.add_column(style="dim")
    table.add_column()
    table.add_row("", Text("From your answers", style="bold"))
    for tip in tips:
        table.add_row("·", Text(tip))
    return table
