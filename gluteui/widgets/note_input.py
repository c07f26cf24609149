"""One line for a session's note: Enter keeps it, Esc leaves the note as it was."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from gluteui.core.history.notes import MAX_NOTE


class NoteInput(Input):
    """The note being written; its screen saves it on Input.Submitted."""

    DEFAULT_CSS = """
    NoteInput { margin: 1 0 0 0; }
    """
    BINDINGS = [
        # Input's own Enter, shown: the footer says how to keep the note.
        Binding("enter", "submit", "Keep it", id="note_keep", tooltip="Save the note with the session"),
        # Without it, Esc would reach the screen and leave it with the words unsaved.
        Binding("escape", "leave", "Leave it", id="note_leave", tooltip="Close the note without changing it"),
    ]

    class Left(Message):
        """The user closed the note without keeping what they typed."""

    def __init__(self, note: str, id: str | None = None) -> None:
        super().__init__(
            note, placeholder="A line about this session: how it felt, what got in the way",
            # The cursor after the words, not all of them selected: a note is changed, not retyped.
            max_length=MAX_NOTE, select_on_focus=False, id=id,
        )

    def action_leave(self) -> None:
        self.post_message(self.Left())
