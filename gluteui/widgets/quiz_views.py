"""The squeeze test's two views: the answers to a step, and the result of a finished test."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from gluteui.core.content.quiz import Quiz
from gluteui.core.content.triage import Tier, Triage, listed
from gluteui.core.quiz.attempt import Assessment
from gluteui.widgets.anatomy import Anatomy
from gluteui.widgets.menu import Menu
from gluteui.widgets.quiz_text import recommendation_text, tips_table, verdict_line
from gluteui.widgets.scroll_keys import KeyScroll
from gluteui.widgets.side_bars import SideBars
from gluteui.widgets.text import markup, plain


class AnswerList(Menu):
    """A step's answers. The arrows say how they read, so the help screen lists them; the list
    keeps the highlighted answer in view on its own when it has less room than answers."""

    BINDINGS = [
        Binding("down", "cursor_down", "Move down", show=False, key_display="↓"),
        Binding("j", "cursor_down", "Move down", show=False, key_display="j"),
        Binding("up", "cursor_up", "Move up", show=False, key_display="↑"),
        Binding("k", "cursor_up", "Move up", show=False, key_display="k"),
    ]


def tier_lines(tiers: list[Tier]) -> Content:
    """Each tier as one paragraph, the most urgent first: its title, then its signs."""
    return Content("\n").join(
        markup("[b $error]$title[/] if: $signs." if tier.id == "emergency" else "[b]$title[/b] if: $signs.",
               title=tier.title, signs=listed(tier.signs)) for tier in tiers
    )


class ResultView(KeyScroll):
    """The verdict, both sides' scores, the routine it recommends, then why, and the tips.

    After a red flag: the emergency signs first, then the note for that pain; no routine.
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="quiz-result-text"):
            yield Static(id="quiz-verdict")
            yield SideBars(id="quiz-bars")
            yield Static(id="quiz-change")
            yield Static(id="quiz-emergency")
            yield Static(id="quiz-recommendation")
            yield Static(id="quiz-explanation")
            yield Static(id="quiz-tips")
        yield Anatomy(id="quiz-anatomy")

    def show(self, quiz: Quiz, triage: Triage, assessment: Assessment, routine_name: str | None,
             change: str | None, saved: bool) -> None:
        """Fill every part from `assessment`; `routine_name` is its recommendation's name."""
        red_flag = assessment.red_flag
        verdict = self.query_one("#quiz-verdict", Static)
        for known in quiz.verdicts:
            verdict.set_class(known.id == assessment.verdict.id and not red_flag, f"-{known.id}")
        verdict.set_class(red_flag, "-red-flag")
        status = "Saved." if saved else "[b]Not saved[/b] (see the message)."
        # After pain, "retake it any time" would sound like an invitation to test it again.
        then = f"{change}." if change else "" if red_flag else "Retake it any time."
        self.query_one("#quiz-change", Static).update(markup(f"[dim]{status} $then[/dim]", then=then))
        bars = self.query_one(SideBars)
        bars.display = not red_flag
        anatomy = self.query_one(Anatomy)
        anatomy.display = not red_flag
        anatomy.state = assessment.verdict.figure
        emergency = self.query_one("#quiz-emergency", Static)
        emergency.display = red_flag
        explanation = self.query_one("#quiz-explanation", Static)
        if red_flag:
            verdict.update(markup("[b]$title[/b]", title=quiz.safety.title))
            emergency.update(tier_lines(triage.for_pain(assessment.pain or "")))
            said = [text for text in (assessment.pain_note, quiz.safety.text) if text]
            explanation.update(plain("\n\n".join(said)))
        else:
            verdict.update(verdict_line(assessment.verdict.title, assessment.scores, quiz.max_score))
            bars.show(assessment.scores, quiz.max_score, assessment.weaker_side)
            explanation.update(plain(assessment.verdict.text))
        recommendation = self.query_one("#quiz-recommendation", Static)
        recommendation.display = assessment.recommendation is not None and routine_name is not None
        if assessment.recommendation is not None and routine_name is not None:
            recommendation.update(recommendation_text(assessment.recommendation, routine_name))
        tips = self.query_one("#quiz-tips", Static)
        tips.display = bool(assessment.tips) and not red_flag
        tips.update(tips_table(assessment.tips))
        self.scroll_home(animate=False)
