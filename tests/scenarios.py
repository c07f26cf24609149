"""Named states of the app, shared by the snapshot tests and `make screenshots`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from gluteui.app import GluteApp
from gluteui.core.store import Store
from tests.factory import make_app


@dataclass(frozen=True)
class Scenario:
    name: str
    press: tuple[str, ...] = ()
    prepare: Callable[[Store], None] = lambda store: None
    """Fills the store before the app starts (demo history, a seen welcome...)."""
    overrides: dict = field(default_factory=dict)


def seen_welcome(store: Store) -> None:
    store.set_setting("welcome_seen", True)


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("home-first-launch"),
    Scenario("home", prepare=seen_welcome),
    Scenario("help", press=("question_mark",), prepare=seen_welcome),
)


def build(scenario: Scenario, data_dir: Path) -> GluteApp:
    """A fresh app in the scenario's starting state (the keys are pressed by the caller)."""
    store = Store.open(data_dir)
    scenario.prepare(store)
    return make_app(data_dir, store=store, **scenario.overrides)
