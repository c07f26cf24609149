"""A GitHub-style heatmap of the last weeks: shade = completion, rest days marked, today outlined."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from gluteui.core.stats.calendar import SHADES, CalendarDay, move

WEEKDAY_LABELS = ("Mon", "", "Wed", "", "Fri", "", "Sun")
LABEL_WIDTH = 4


class CalendarHeatmap(Widget, can_focus=True):
    """Arrow keys (or h/j/k/l) move the cursor; each move posts `DaySelected`."""

    DEFAULT_CSS = """
    CalendarHeatmap { width: auto; height: auto; }
    CalendarHeatmap > .calendar--empty { color: $foreground 25%; }
    CalendarHeatmap > .calendar--level-1 { color: $success 35%; }
    CalendarHeatmap > .calendar--level-2 { color: $success 55%; }
    CalendarHeatmap > .calendar--level-3 { color: $success 80%; }
    CalendarHeatmap > .calendar--level-4 { color: $success; }
    CalendarHeatmap > .calendar--rest { color: $secondary; }
    CalendarHeatmap > .calendar--today { text-style: bold underline; }
    CalendarHeatmap > .calendar--cursor { background: $accent 60%; }
    CalendarHeatmap > .calendar--label { color: $text-muted; }
    """
    COMPONENT_CLASSES = {
        "calendar--empty", "calendar--level-1", "calendar--level-2", "calendar--level-3",
        "calendar--level-4", "calendar--rest", "calendar--today", "calendar--cursor",
        "calendar--label",
    }
    BINDINGS = [
        Binding("left,h", "move(-7)", "Week back", show=False),
        Binding("right,l", "move(7)", "Week on", show=False),
        Binding("up,k", "move(-1)", "Day back", show=False),
        Binding("down,j", "move(1)", "Day on", show=False),
    ]

    selected: reactive[date] = reactive(date.min)

    class DaySelected(Message):
        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    def __init__(self, today: date, weeks: list[list[CalendarDay]], **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.today = today
        self.weeks = weeks
        self.set_reactive(CalendarHeatmap.selected, today)

    def show(self, weeks: list[list[CalendarDay]]) -> None:
        self.weeks = weeks
        self.refresh()

    def action_move(self, days: int) -> None:
        self.selected = move(self.selected, self.today, days, len(self.weeks))

    def watch_selected(self, day: date) -> None:
        self.post_message(self.DaySelected(day))

    def _cell(self, cell: CalendarDay) -> Text:
        style = self.get_component_rich_style
        if cell.future:
            return Text("  ")
        if cell.level:
            text = Text("■", style(f"calendar--level-{min(cell.level, SHADES)}"))
        elif cell.rest:
            text = Text("○", style("calendar--rest"))
        else:
            text = Text("·", style("calendar--empty"))
        if cell.today:
            text.stylize(style("calendar--today"))
        if cell.day == self.selected and self.has_focus:
            text.stylize(style("calendar--cursor"))
        text.append(" ")
        return text

    def _month_row(self) -> Text:
        row = Text(" " * LABEL_WIDTH, self.get_component_rich_style("calendar--label"))
        previous_month = None
        pending = ""
        for column in self.weeks:
            month = column[0].day.month
            if month != previous_month and not pending:
                pending = column[0].day.strftime("%b")
            previous_month = month
            row.append(pending[:2].ljust(2))
            pending = pending[2:]
        return row

    def render(self) -> Text:
        lines = [self._month_row()]
        label = self.get_component_rich_style("calendar--label")
        for weekday in range(7):
            line = Text(WEEKDAY_LABELS[weekday].ljust(LABEL_WIDTH), label)
            for column in self.weeks:
                line.append_text(self._cell(column[weekday]))
            lines.append(line)
        return Text("\n").join(lines)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
