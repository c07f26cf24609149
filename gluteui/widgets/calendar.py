"""A GitHub-style heatmap of the history, as many weeks as fit: shade = completion, rest days
marked, today in reverse. It scrolls over all of the history as the cursor moves."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from gluteui.core.stats.calendar import (
    SHADES,
    CalendarDay,
    CalendarSpan,
    calendar_weeks,
    earliest,
    last_week,
    month_starts,
    move,
    page,
)
from gluteui.core.stats.streaks import ACTIVATION_THRESHOLD

WEEKDAY_LABELS = ("Mon", "", "Wed", "", "Fri", "", "Sun")
LABEL_WIDTH = 4
CELL_WIDTH = 2
"""A cell and the space after it; a month's name takes two cells."""
LEGEND = (f"[$success]■[/] counts ({ACTIVATION_THRESHOLD:.0%}+)  [$success]□[/] less  "
          "[dim]·[/] none  [$secondary]○[/] rest  [reverse]·[/] today")
"""A day counts once a session reaches ACTIVATION_THRESHOLD of its reps; a day with less is hollow."""

WEEKS = "←/→ h/l"
DAYS = "↑/↓ k/j"
PAGES = "Shift+←/→"


def weeks_that_fit(width: int) -> int:
    """How many week columns a calendar `width` cells wide (inside its border) holds."""
    return max(1, (width - LABEL_WIDTH) // CELL_WIDTH)


def span_words(columns: list[list[CalendarDay]], today: date) -> str:
    """The months the columns cover, with their years: "Jun to Dec 2026"."""
    first, last = columns[0][0].day, min(columns[-1][-1].day, today)
    if first.year == last.year:
        return f"{first:%b} to {last:%b %Y}"
    return f"{first:%b %Y} to {last:%b %Y}"


class CalendarHeatmap(Widget, can_focus=True):
    """Arrow keys (or h/j/k/l) move the cursor over all of the history, the weeks shown
    scrolling with it; each move posts `DaySelected`. Click a day to choose it."""

    DEFAULT_CSS = """
    CalendarHeatmap { width: 1fr; height: auto; }
    CalendarHeatmap > .calendar--empty { color: $foreground 25%; }
    CalendarHeatmap > .calendar--level-1 { color: $success 35%; }
    CalendarHeatmap > .calendar--level-2 { color: $success 55%; }
    CalendarHeatmap > .calendar--level-3 { color: $success 80%; }
    CalendarHeatmap > .calendar--level-4 { color: $success; }
    CalendarHeatmap > .calendar--rest { color: $secondary; }
    CalendarHeatmap > .calendar--today { text-style: bold reverse; }
    CalendarHeatmap > .calendar--cursor { background: $accent 60%; }
    CalendarHeatmap > .calendar--label { color: $text-muted; }
    """
    COMPONENT_CLASSES = {
        "calendar--empty", "calendar--level-1", "calendar--level-2", "calendar--level-3",
        "calendar--level-4", "calendar--rest", "calendar--today", "calendar--cursor",
        "calendar--label",
    }
    # Kept out of the footer; the help lists each pair on one line (one description, one
    # key_display for both keys).
    BINDINGS = [
        Binding("left,h", "move(-7)", "A week back / on", show=False, key_display=WEEKS),
        Binding("right,l", "move(7)", "A week back / on", show=False, key_display=WEEKS),
        Binding("up,k", "move(-1)", "A day back / on", show=False, key_display=DAYS),
        Binding("down,j", "move(1)", "A day back / on", show=False, key_display=DAYS),
        Binding("shift+left", "page(-1)", "A calendar's width back / on", show=False, key_display=PAGES),
        Binding("shift+right", "page(1)", "A calendar's width back / on", show=False, key_display=PAGES),
        Binding("home", "oldest", "The oldest day", show=False, key_display="Home"),
        Binding("end", "today", "Back to today", show=False, key_display="End"),
    ]

    selected: reactive[date] = reactive(date.min, init=False)

    class DaySelected(Message):
        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    def __init__(self, span: CalendarSpan, id: str | None = None) -> None:
        super().__init__(id=id)
        self.span = span
        self.shown = 1
        """Week columns that fit the width; set on every resize."""
        self.newest = span.today
        """The Monday of the newest week shown."""
        self.set_reactive(CalendarHeatmap.selected, span.today)
        self.border_subtitle = LEGEND

    @property
    def columns(self) -> list[list[CalendarDay]]:
        return calendar_weeks(self.span, self.newest, self.shown)

    def show(self, span: CalendarSpan) -> None:
        """Show a new read of the history, the cursor and the weeks shown kept where they are."""
        self.span = span
        self._scroll()

    def _scroll(self) -> None:
        self.newest = last_week(self.selected, self.newest, self.shown, self.span)
        columns = self.columns
        words = span_words(columns, self.span.today)
        # Browsed back: say how to come home, as today is no longer in sight.
        self.border_title = words if columns[-1][-1].day >= self.span.today else f"{words} — End: today"
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.shown = weeks_that_fit(self.size.width)  # the event holds the size with the border
        self._scroll()

    def action_move(self, days: int) -> None:
        self.selected = move(self.selected, days, self.span, self.shown)

    def action_page(self, pages: int) -> None:
        cursor, self.newest = page(self.selected, self.newest, pages, self.span, self.shown)
        self.selected = cursor
        self._scroll()

    def action_oldest(self) -> None:
        self.selected = earliest(self.span, self.shown)

    def action_today(self) -> None:
        self.selected = self.span.today

    def watch_selected(self, day: date) -> None:
        self._scroll()
        # A move after PgDn on a short terminal: bring the calendar back in sight.
        self.scroll_visible(animate=False)
        self.post_message(self.DaySelected(day))

    def on_click(self, event: events.Click) -> None:
        column, weekday = (event.x - LABEL_WIDTH) // CELL_WIDTH, event.y - 1
        if event.x >= LABEL_WIDTH and 0 <= column < self.shown and 0 <= weekday < 7:
            cell = self.columns[column][weekday]
            if not cell.future:
                self.selected = max(cell.day, earliest(self.span, self.shown))

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return 8

    def _cell(self, cell: CalendarDay) -> Text:
        style = self.get_component_rich_style
        if cell.future:
            return Text(" " * CELL_WIDTH)
        if cell.level:
            # A day counts from ACTIVATION_THRESHOLD of a routine: less shows hollow, never as done.
            text = Text("■" if cell.activated else "□", style(f"calendar--level-{min(cell.level, SHADES)}"))
        elif cell.rest:
            text = Text("○", style("calendar--rest"))
        else:
            text = Text("·", style("calendar--empty"))
        if cell.today:
            text.stylize(style("calendar--today"))
        if cell.day == self.selected:
            text.stylize(style("calendar--cursor"))
        text.append(" " * (CELL_WIDTH - 1))
        return text

    def _month_row(self, columns: list[list[CalendarDay]]) -> Text:
        row = [" "] * (LABEL_WIDTH + CELL_WIDTH * len(columns))
        for index, monday in month_starts(columns, label_columns=2):
            at = LABEL_WIDTH + CELL_WIDTH * index
            row[at:at + 3] = f"{monday:%b}"
        return Text("".join(row).rstrip(), self.get_component_rich_style("calendar--label"))

    def render(self) -> Text:
        columns = self.columns
        lines = [self._month_row(columns)]
        label = self.get_component_rich_style("calendar--label")
        for weekday in range(7):
            line = Text(WEEKDAY_LABELS[weekday].ljust(LABEL_WIDTH), label)
            for column in columns:
                line.append_text(self._cell(column[weekday]))
            lines.append(line)
        return Text("\n").join(lines)
