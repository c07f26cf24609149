"""Progress's check-ins: how many runs wait for an answer on each side, and a list of the
runs to answer, change or remove (core/stats/run_entries.py says which)."""

from __future__ import annotations

from datetime import tzinfo

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from gluteui.core.scales import MAX_CHECKIN_SCORE
from gluteui.core.stats.run_entries import ANSWER_WINDOW_DAYS, CheckinView, RunEntry, missed_counts
from gluteui.core.text import distance, plural

LISTED = 60
"""The newest entries the list holds: enough to find a recent run, few enough to move
through; `gluteui runs` and `gluteui checkin` reach the rest."""


def waiting_words(view: CheckinView) -> str:
    """ "No answer yet: 3 runs after activating, 5 without." or that none waits, and how
    many older runs were never answered."""
    after, without = missed_counts(view.entries)
    if not after and not without:
        words = f"Every run of the last {ANSWER_WINDOW_DAYS} days has an answer."
    else:
        words = f"No answer yet: {after} {plural(after, 'run')} after activating, {without} without."
    if view.past:
        words += (f" {view.past} older {plural(view.past, 'run')} never had one: past {ANSWER_WINDOW_DAYS} days "
                  "a run is hard to recall, so it is not asked about (`gluteui checkin --run ID` still can).")
    return words


def answer_words(entry: RunEntry) -> str:
    """The answer in words, as a question quotes it: "back 3, hamstrings 2", or that there is none."""
    if entry.back is None:
        return "no answer yet"
    if entry.hamstrings is None:
        return f"back {entry.back}/{MAX_CHECKIN_SCORE}"
    return f"back {entry.back}, hamstrings {entry.hamstrings}"


NO_SCORE = "\u2013"
"""An en dash: the place of a score not given."""


def score_pair(back: int | None, hamstrings: int | None) -> str:
    """A check-in in the lists' short form, under a header naming both: "3 · 2", "3 · \u2013"
    when the hamstrings were not answered, a lone dash when nothing was."""
    if back is None:
        return NO_SCORE
    return f"{back} · {NO_SCORE if hamstrings is None else hamstrings}"


SIDE_WORDS = {True: "activated", False: "without"}
"""A run's side in the lists: "without" as in "3 runs after activating, 0 without"."""
SIDE_WIDTH = max(len(words) for words in SIDE_WORDS.values())


def entry_line(entry: RunEntry, zone: tzinfo | None) -> Text:
    """One run of the list, on one line even at 60 columns: its day, time and distance (or
    that it is known by its day alone), its side and its answer, the columns aligned."""
    if entry.run is None:
        line = Text(f"{entry.day:%a %d %b} a run that day")
    else:
        line = Text(f"{entry.day:%a %d %b} {entry.run.start.astimezone(zone):%H:%M}  "
                    f"{distance(entry.run.distance_m):>7}")
    line.append("  ")
    line.append(SIDE_WORDS[entry.activated].ljust(SIDE_WIDTH), style="" if entry.activated else "dim")
    line.append("  ")
    if entry.answered:
        line.append(score_pair(entry.back, entry.hamstrings), style="bold")
    else:
        line.append("no answer", style="italic")
    return line


class CheckinList(Vertical):
    """The runs to answer, change or remove. Its screen does the asking and the saving
    (screens/checkin_keys.py): `highlighted` is the entry the keys act on."""

    BINDINGS = [
        # Here rather than on the screen: offered (in the footer and the palette) only while
        # a run of the list is chosen.
        Binding("x,delete", "screen.remove_checkin", "Remove check-in", id="remove_checkin",
                tooltip="Remove the answer about the run chosen in the list (once confirmed)"),
    ]

    DEFAULT_CSS = """
    CheckinList { height: auto; margin: 1 0 0 0; }
    CheckinList #checkins-title { text-style: bold; }
    CheckinList OptionList { height: auto; max-height: 10; border: round $primary 60%; }
    CheckinList OptionList:focus { border: round $accent; }
    CheckinList #checkins-keys { color: $text-muted; }
    """

    def __init__(self, view: CheckinView, zone: tzinfo | None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = view
        self.entries = view.entries
        self.zone = zone

    def compose(self) -> ComposeResult:
        yield Static(Text(f"Check-ins (back · hamstrings, 0 to {MAX_CHECKIN_SCORE})"), id="checkins-title")
        yield Static(id="checkins-waiting")
        yield OptionList(id="checkins-list")
        yield Static(Text("c: you ran on the day chosen above. Tab to the list: Enter or c answers "
                          "or changes a run's answer, x removes it."), id="checkins-keys")

    def on_mount(self) -> None:
        self.show(self.view)

    def show(self, view: CheckinView) -> None:
        """List the view's entries (newest first), keeping the highlight on the same run when it stays."""
        options = self.query_one(OptionList)
        kept = self.highlighted
        entries = view.entries
        self.entries = entries[:LISTED]
        words = waiting_words(view)
        if len(entries) > LISTED:
            words += f" The list holds the latest {LISTED}; `gluteui checkin --run ID` reaches the others."
        self.query_one("#checkins-waiting", Static).update(Text(words))
        options.clear_options()
        options.add_options([Option(entry_line(entry, self.zone), id=entry.key) for entry in self.entries])
        options.display = bool(self.entries)
        keys = [entry.key for entry in self.entries]
        if keys:
            options.highlighted = keys.index(kept.key) if kept is not None and kept.key in keys else 0

    @property
    def highlighted(self) -> RunEntry | None:
        """The entry under the list's cursor, if any."""
        index = self.query_one(OptionList).highlighted
        return None if index is None or index >= len(self.entries) else self.entries[index]
