"""After a run check-in that is high, or rising over the last runs, the safety lesson is
offered: the same word wherever the check-in was given (Home, Progress)."""

from __future__ import annotations

from gluteui.screens import messages
from gluteui.screens.base import GluteScreen


def point_to_safety(screen: GluteScreen) -> None:
    """Offer the safety lesson over `screen` when the check-ins call for it (core/safety.py)."""
    from gluteui.core.safety import run_concern
    from gluteui.widgets.confirm import ConfirmDialog

    concern = run_concern(screen.services.store.checkins())
    if concern is None:
        return
    emergency = screen.services.content.triage.line("emergency")
    question = (
        f"{concern.words} {emergency} Otherwise, back or hamstring pain that stays or grows is worth "
        "a clinician's look; the safety lesson says when to stop and whom to see."
    )

    def answered(read: bool | None) -> None:
        if read:
            screen.post_message(messages.ShowSafety())

    screen.app.push_screen(ConfirmDialog(question, "read the safety lesson", "not now"), answered)
