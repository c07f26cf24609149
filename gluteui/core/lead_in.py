"""How each set of a routine is led into: time to get down on the mat, roll over or set up a
new move, then a count-in. A setting of its own, kept apart from the routine's package so the
history can check it (see core/history/settings.py)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_LEAD_IN_S = 15.0
"""The least time before a set to get down on the mat, roll over or set up a new move,
until the user sets their own: enough to walk from the keyboard and lie down."""
LEAD_IN_CHOICES = ("10", "15", "20", "30", "space")
"""The lead-in setting: at least so many seconds, or "space": wait for the user, then count in."""
LEAD_IN_WORDS = {
    "10": "At least 10 s to get into position before each set, the setup read out",
    "15": "At least 15 s to get into position before each set, the setup read out (the default)",
    "20": "At least 20 s to get into position before each set, the setup read out",
    "30": "At least 30 s to get into position before each set, the setup read out",
    "space": "Wait before each set until you press Space (or Go on your phone), then count in 5 s",
}
COUNTDOWN_FROM = 3
"""The last seconds before a set are counted in aloud: three, two, go."""
WAITING_LEAD_IN_S = COUNTDOWN_FROM + 2.0
"""A lead-in that waits for Space: two seconds to settle, then the count-in."""


@dataclass(frozen=True)
class LeadIn:
    """How each set is led into: before the first, at each switch and each new move."""

    seconds: float = DEFAULT_LEAD_IN_S
    """At least this long; longer when the setup takes longer to say."""
    waits: bool = False
    """Hold at the start of each lead-in until the user says they are ready (Space), then
    count in over WAITING_LEAD_IN_S; the setup is said while it waits."""

    @classmethod
    def from_setting(cls, value: object) -> LeadIn:
        """The lead-in a "lead_in" setting asks for (one of LEAD_IN_CHOICES); else the default."""
        if value == "space":
            return cls(WAITING_LEAD_IN_S, waits=True)
        if isinstance(value, str) and value in LEAD_IN_CHOICES:
            return cls(float(value))
        return cls()

    @property
    def setting(self) -> str:
        return "space" if self.waits else f"{self.seconds:g}"
