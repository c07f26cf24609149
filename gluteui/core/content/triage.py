"""Red flags by urgency: content/triage.toml, validated, and the ways the app lists them.

One table decides which sign needs what; the safety lesson, the squeeze test's pain result
and the health questions all list signs from here, so a sign moved to another tier moves
everywhere at once.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from gluteui.core.content.fields import Entry, Problems, read_toml

FILE = "triage.toml"
TIER_IDS = ("emergency", "same_day", "soon", "gp", "self_care")
"""Most urgent first: the order every list of signs follows."""
ALWAYS_LISTED = ("emergency", "same_day")
"""Tiers a pain result lists whatever the pain: they apply to any of them."""
LESSON_MARKER = "<!-- triage -->"
"""The line of the safety lesson that the tiers replace."""
WORDS_MAX = 260
SHORT_MAX = 100


@dataclass(frozen=True)
class Sign:
    """One thing a runner may notice, in their words, and where that says to go."""

    id: str
    tier: str
    words: str
    short: str
    """The same in fewer words: what dialogs and results list, where room is short."""
    sources: tuple[str, ...]
    pain: tuple[str, ...]
    """The squeeze test's kinds of pain whose result lists this sign."""


@dataclass(frozen=True)
class Tier:
    """How urgent: its title, what to do, and its signs in the file's order."""

    id: str
    title: str
    action: str
    signs: tuple[Sign, ...]


@dataclass(frozen=True)
class Triage:
    """Every tier, most urgent first, and the sources the signs cite."""

    tiers: tuple[Tier, ...]
    sources: dict[str, str]

    def tier(self, tier_id: str) -> Tier:
        return next(tier for tier in self.tiers if tier.id == tier_id)

    def sign(self, sign_id: str) -> Sign:
        return next(sign for tier in self.tiers for sign in tier.signs if sign.id == sign_id)

    def line(self, tier_id: str) -> str:
        """A tier as one sentence for a dialog: "Emergency care now if: a; b; or c." """
        tier = self.tier(tier_id)
        return f"{tier.title} if: {listed(tier.signs)}."

    def for_pain(self, kind: str) -> list[Tier]:
        """What a squeeze test stopped by `kind` of pain lists: the emergency and same-day
        signs, then the signs of later tiers that name `kind`. Tiers left empty are dropped."""
        shown = []
        for tier in self.tiers:
            signs = tier.signs if tier.id in ALWAYS_LISTED else tuple(s for s in tier.signs if kind in s.pain)
            if signs:
                shown.append(Tier(tier.id, tier.title, tier.action, signs))
        return shown

    def cited(self, signs: Collection[Sign]) -> list[str]:
        """The full citations of `signs`, each once, in the order first cited (unknown keys are
        the loader's to report)."""
        keys = dict.fromkeys(key for sign in signs for key in sign.sources)
        return [self.sources[key] for key in keys if key in self.sources]

    def markdown(self) -> str:
        """The tiers as the safety lesson shows them: a numbered heading, what to do, the
        signs, and the sources under each list."""
        parts = []
        for number, tier in enumerate(self.tiers, start=1):
            signs = "\n".join(f"- {sign.words};" for sign in tier.signs).removesuffix(";") + "."
            sources = "; ".join(self.cited(tier.signs))
            parts.append(f"## {number}. {tier.title}\n\n{tier.action}\n\n{signs}\n\n*Sources: {sources}.*")
        return "\n\n".join(parts)


def listed(signs: Sequence[Sign]) -> str:
    """Signs in their short words as one list for a dialog: "a; b; or c"."""
    words = [sign.short for sign in signs]
    return "; ".join(words[:-1]) + ("; or " if len(words) > 1 else "") + words[-1]


def load_triage(folder: Path, problems: Problems, pain_kinds: Collection[str] | None = None) -> Triage:
    """Read and check content/triage.toml: known tiers in order, a source for every sign,
    and (given the quiz's `pain_kinds`) a real kind of pain in every `pain`."""
    data = read_toml(folder / FILE, problems) or {}
    top = Entry(FILE, "", data, problems)
    source_entry = top.table("sources")
    sources = {key: source_entry.text(key) for key in source_entry.data}
    tier_rows = []
    for number, raw in enumerate(top.tables("tiers"), start=1):
        entry = Entry(FILE, f"tiers[{number}]", raw, problems)
        tier_rows.append((entry.choice("id", TIER_IDS), entry.text("title"), entry.text("action")))
        entry.finish()
    if [row[0] for row in tier_rows] != list(TIER_IDS):
        top.fail("tiers", f"must be, in this order: {', '.join(TIER_IDS)}")
    signs: list[Sign] = []
    for number, raw in enumerate(top.tables("signs"), start=1):
        entry = Entry(FILE, f"signs[{number}]", raw, problems)
        sign = Sign(
            id=entry.text("id"), tier=entry.choice("tier", TIER_IDS), words=entry.text("words"), short=entry.text("short"),
            sources=entry.texts("sources"), pain=entry.texts("pain", default=[], non_empty=False),
        )
        entry.finish()
        _check_sign(sign, entry, sources, pain_kinds)
        signs.append(sign)
    ids = [sign.id for sign in signs]
    for repeated in sorted({i for i in ids if ids.count(i) > 1}):
        problems.add(FILE, repeated, "id", "is used by more than one sign")
    tiers = tuple(
        Tier(tier_id, title, action, tuple(s for s in signs if s.tier == tier_id))
        for tier_id, title, action in tier_rows
    )
    for tier in tiers:
        if not tier.signs:
            problems.add(FILE, tier.id, "signs", "no sign is in this tier")
    top.finish()
    return Triage(tiers, sources)


def _check_sign(sign: Sign, entry: Entry, sources: dict[str, str], pain_kinds: Collection[str] | None) -> None:
    for name, value, most in (("words", sign.words, WORDS_MAX), ("short", sign.short, SHORT_MAX)):
        if len(value) > most:
            entry.fail(name, f"must fit in {most} characters, has {len(value)}")
    for key in sign.sources:
        if key not in sources:
            entry.fail("sources", f"{key!r} is not in [sources]")
    if pain_kinds is not None:
        for kind in sign.pain:
            if kind not in pain_kinds:
                entry.fail("pain", f"{kind!r} is not a kind of pain in quiz.toml's [safety.pain]")
    if sign.pain and sign.tier in ALWAYS_LISTED:
        entry.fail("pain", f"is not needed: every pain result lists the {sign.tier} signs")
