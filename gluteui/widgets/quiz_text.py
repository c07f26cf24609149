"""The squeeze test's words on screen: a step's heading, the result's lines, the tips."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.content import Content

from gluteui.core.content.quiz import Step
from gluteui.core.quiz.attempt import Recommendation
from gluteui.core.text import plural
from gluteui.widgets.text import markup


def step_heading(step: Step, number: int, total: int) -> Content:
    dots = "●" * number + "[dim]" + "○" * (total - number) + "[/dim]"
    hold = f" [dim]— {step.hold_s:g} s hold[/dim]" if step.hold_s else ""
    return markup(f"[dim]Step {number} of {total}[/dim]  {dots}\n[b]$title[/b]{hold}", title=step.title)


def verdict_line(title: str, scores: dict[str, int], max_score: int) -> Content:
    """"Sleepy — your lower side scored 4 of 9", or "both sides" when they scored the same."""
    lower = min(scores.values())
    who = "both sides" if len(set(scores.values())) == 1 else "your lower side"
    return markup(f"[b]$title[/b] [dim]— {who} scored {lower} of {max_score}[/dim]", title=title)


def lost_answers(answers: int) -> str:
    """What leaving a squeeze test part way throws away."""
    return f"Your {answers} {plural(answers, 'answer')} so far"


def leave_question(answers: int) -> str:
    """What Esc asks once some answers are given: they are lost on leaving."""
    return f"Leave the squeeze test? {lost_answers(answers)} will not be saved."


def bulleted(heading: RenderableType | None, items: tuple[str, ...]) -> Table:
    """Items after an optional heading, each with a hanging bullet so wrapped lines stay indented."""
    table = Table.grid(padding=(0, 1))
    table.add_column(style="dim")
    table.add_column()
    if heading is not None:
        table.add_row("", heading)
    for item in items:
        table.add_row("·", Text(item))
    return table


def recommendation_text(recommendation: Recommendation, routine_name: str) -> Table:
    """The routine a result recommends, why, and how to start it."""
    table = Table.grid()
    table.add_column()
    table.add_row(Text.assemble("Recommended: ", (routine_name, "bold")))
    if recommendation.reasons:
        table.add_row(bulleted(None, recommendation.reasons))
    table.add_row(Text("Enter starts it. Start activation on Home now uses it too.", style="dim"))
    return table


def tips_table(tips: tuple[str, ...]) -> Table:
    """Tips under a heading, each with a hanging bullet."""
    return bulleted(Text("From your answers", style="bold"), tips)
