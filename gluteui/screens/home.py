"""Home: today's status, the welcome on first launch, and the way into everything else."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from gluteui.core.text import plural
from gluteui.screens import messages
from gluteui.screens.base import GluteScreen
from gluteui.screens.destinations import DESTINATIONS
from gluteui.widgets.footer import KeyFooter
from gluteui.widgets.hanging import Hanging, Line
from gluteui.widgets.menu import Menu
from gluteui.widgets.text import markup
from gluteui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from gluteui.core.content.quiz import Quiz
    from gluteui.core.stats.overview import Overview
    from gluteui.core.stats.run_entries import CheckinReply, RunEntry

WELCOME = (
    "[b]Welcome to GluteUI.[/b] After a day in a chair your glutes may be slow to switch on "
    "when you run, and your lower back and hamstrings may do more of their work: an idea, not "
    "a proven fact. A few slow minutes before a run are a chance to find them. New here? "
    "[b]s[/b] runs the squeeze test, which picks your routine; [b]Enter[/b] starts the one below."
)

HEALTH_NOTE = (
    "[dim]Education, not diagnosis. Stop on sharp pain; Lessons has a safety lesson.[/dim]"
)


def status_lines(view: Overview, quiz: Quiz) -> list[Line]:
    """Today, the streaks, this week, lessons read and the last squeeze test, for the status
    box. Each is (head, rest): a line too long for the box wraps under its rest."""
    from gluteui.core.stats.streaks import ACTIVATION_THRESHOLD

    streaks = view.streaks
    if streaks.today_activated and view.today_hurt:
        today = (markup("[b $success]Activated today[/] "), markup("— it hurt: read the safety lesson first"))
    elif view.today_hurt:
        today = (markup("[b $warning]Stopped for pain today[/] "), markup("— read the safety lesson before you run"))
    elif streaks.today_activated:
        today = (markup("[b $success]Activated today[/] "), markup("— go and run"))
    elif streaks.today_rest:
        today = (markup("[b]Rest day[/] "), markup("— your streak is safe"))
    else:
        today = (Content(), markup(
            "[b $warning]Not activated yet today[/] [dim](a day counts from $share of the reps)[/dim]",
            share=f"{ACTIVATION_THRESHOLD:.0%}",
        ))
    verdict = (
        quiz.title_of(view.latest_verdict, view.latest_red_flag) if view.latest_verdict else "not taken yet"
    )
    return [
        today,
        (Content("Streak "), markup(
            "[b]$streak[/] $days (longest $longest)", streak=streaks.current_streak,
            days=plural(streaks.current_streak, "day"), longest=streaks.longest_streak,
        )),
        (Content("This week "), markup(
            "[b]$week[/] of $target $days", week=streaks.week_activated_days,
            target=streaks.weekly_target, days=plural(streaks.weekly_target, "day"),
        )),
        (Content("Lessons read "), markup("$read of $lessons", read=view.lessons_read, lessons=view.lessons_total)),
        (Content("Squeeze test: "), Content(verdict)),
    ]


def menu_option(title: str, key: str, name: str) -> Option:
    """A menu line: the destination's title, and the key that opens it right-aligned."""
    return Option(markup("$title[dim]$key[/dim]", title=f"{title:<18}", key=f"{key:>5}"), id=name)


class HomeScreen(GluteScreen):
    offered_checkin = False
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]
    BINDINGS = [
        # Kept out of the footer: the menu shows each key beside its destination.
        *(
            Binding(d.key, f"open('{d.name}')", d.title, id=d.name, tooltip=d.help,
                    show=False, key_display=d.key_display)
            for d in DESTINATIONS if d.key != "enter"
        ),
        Binding("d", "dismiss_welcome", "Hide welcome", id="dismiss_welcome",
                tooltip="Hide the welcome note for good"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="home-body"), Vertical(id="home-column"):
            # Only a cheap setting here: the history read that may take it away again
            # (a routine or a squeeze test done) waits until after the first frame.
            if not self.services.store.setting("welcome_seen", False):
                yield Static(WELCOME, id="welcome")
            with Horizontal(id="home-row"):
                yield Menu(*(menu_option(d.title, d.key_display, d.name) for d in DESTINATIONS), id="menu")
                yield Static(id="today")
            yield Static(id="next-routine")
            yield Static(HEALTH_NOTE, id="home-note")
        yield KeyFooter()

    def on_screen_resume(self) -> None:
        """Shown at launch and on every return: today's status may have changed."""
        if self.services.content_loaded:
            self.show_status()
        else:
            # At launch the menu is drawn first; content/ and the status follow a frame later.
            self.call_after_refresh(self.show_status)

    def show_status(self) -> None:
        from gluteui.core.content.load import ContentError
        from gluteui.core.safety import red_flag_to_confirm
        from gluteui.core.stats.overview import overview
        from gluteui.core.stats.question import run_question

        services = self.services
        try:
            content = services.load_content()
        except ContentError as error:
            self.post_message(messages.ContentFailed(str(error)))
            return
        history = services.store.history()
        self.post_message(messages.HistoryRead())
        now = services.config.now()
        view = overview(history, services.lesson_ids, now)
        if not view.welcome and self.query("#welcome"):
            self.query("#welcome").remove()
            self.refresh_bindings()
        self.query_one("#today", Static).update(Hanging(status_lines(view, content.quiz)))
        unchecked = red_flag_to_confirm(history.quiz_results, history.setting("red_flag_cleared", None))
        self.show_next_routine(view.latest_red_flag, checked=unchecked is None)
        # Only on launch ("the launch after an activation"), and only over Home: a key
        # pressed before this ran may already have opened another screen.
        if not self.offered_checkin and self.app.screen is self:
            self.offered_checkin = True
            question = run_question(history, now)
            if question is not None:
                from gluteui.widgets.checkin import CheckinDialog

                self.app.push_screen(CheckinDialog(question.day, question.described(now.tzinfo),
                                                   activated=question.activated, ran_unsure=question.run is None),
                                     partial(self.save_checkin, question))

    def show_next_routine(self, red_flag: bool, checked: bool) -> None:
        """The routine Enter starts, why when the squeeze test changed it, and any caution."""
        from gluteui.core.routine.progression import retest_due
        from gluteui.core.text import clock

        pick = self.services.routine_pick()
        routine = pick.routine
        plan = self.services.plan(routine)
        lines = [markup(
            "[b]Enter[/b] starts [b]$name[/b] ($minutes min): $moves.",
            name=routine.name, minutes=clock(self.services.routine_seconds(routine, plan)),
            moves=", ".join(plan.moves).lower(),
        )]
        lines = self.experiment_lines(lines[0], routine.name)
        needed = self.services.needs(plan)
        if needed:
            lines.append(markup("Needs [b]$things[/b].", things=" and ".join(needed)))
        if pick.reason:
            lines.append(markup("[dim]$reason[/dim]", reason=pick.reason))
        lines += [markup("[dim]$line[/dim]", line=change.line) for change in plan.changes]
        history = self.services.store.history()
        days = retest_due(history.quiz_results, history.day_of(self.services.config.now()))
        if days is not None:
            lines.append(markup("[dim]Your last squeeze test was $days days ago: [b]s[/b] takes it again, "
                                "to see whether the moves still suit you.[/dim]", days=days))
        if red_flag and checked:
            lines.append(markup("[b $warning]Your last squeeze test flagged pain; you said it was checked.[/]"))
        elif red_flag:
            lines.append(markup(
                "[b $error]Your last squeeze test flagged pain: have it checked before you train it.[/]"
            ))
        lines += self.health_lines()
        self.query_one("#next-routine", Static).update(Content("\n").join(lines))

    def experiment_lines(self, offer: Content, routine: str) -> list[Content]:
        """The offer of `routine`, under today's assignment on a self-experiment's run day; on a
        skip day the offer gives way to a quiet note that Enter still starts it."""
        from gluteui.core.stats.trial_today import today_assignment
        from gluteui.widgets.experiment import assignment_line, skip_day_line

        history = self.services.store.history()
        assignment = today_assignment(history, history.day_of(self.services.config.now()))
        if assignment is None:
            return [offer]
        return [assignment_line(assignment), skip_day_line(routine) if assignment.assigned == "skip" else offer]

    def health_lines(self) -> list[Content]:
        """A yes that holds the routine back, in red until cleared; the notes of the other yeses."""
        from gluteui.core.health import hold_words, training_hold, yes_to

        store = self.services.store
        answers = store.setting("health_answers") or {}
        hold = training_hold(answers, store.setting("health_cleared") or [])
        lines = [markup("[b $error]$words[/]", words=hold_words(hold))] if hold else []
        # A yes is worth a reminder before every routine, not just once.
        notes = " ".join(q.note for q in yes_to(answers) if q.hold is None)
        if notes:
            lines.append(markup("[$warning]$notes[/]", notes=notes))
        return lines

    def save_checkin(self, entry: RunEntry, reply: CheckinReply | None) -> None:
        from gluteui.core.stats.run_entries import record_reply

        store, now = self.services.store, self.services.config.now()
        if reply is None:
            self.save(lambda: store.set_setting("checkin_skipped", entry.day.isoformat()))
        # No toast on saving: it covered the health note, and the dialog said Enter saves
        # (a failed save still says "Not saved").
        elif self.save(lambda: record_reply(store, entry, reply, now)) and reply.ran:
            self.point_to_safety()

    def point_to_safety(self) -> None:
        """After a high or rising run check-in, offer the safety lesson."""
        from gluteui.screens.run_safety import point_to_safety

        point_to_safety(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "dismiss_welcome":
            return bool(self.query("#welcome"))
        return True

    def action_dismiss_welcome(self) -> None:
        self.save(lambda: self.services.store.set_setting("welcome_seen", True))
        self.query("#welcome").remove()
        self.refresh_bindings()

    def action_open(self, name: str) -> None:
        self.post_message(messages.Open(name))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(messages.Open(event.option.id))
