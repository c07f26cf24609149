"""What a screen is given: the config, the store, the content and the sound.

`create_app` makes one Services and passes it to every screen, so a screen never reaches
into the App. Content is read just after the first frame (see `GluteApp`), which is why
it is loaded here on request rather than up front.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from gluteui.config import AppConfig
from gluteui.core.history.store import Store, StoreError
from gluteui.sound import SoundPlayer

if TYPE_CHECKING:
    from pathlib import Path

    from gluteui.core.content.exercises import Routine
    from gluteui.core.content.load import Content
    from gluteui.core.lead_in import LeadIn
    from gluteui.core.routine.choice import Pick
    from gluteui.core.routine.progression import Plan
    from gluteui.core.sides import Side
    from gluteui.remote.server import RemoteServer


@dataclass
class Services:
    """The app's services. Screens read them; they ask the App for anything else by message."""

    config: AppConfig
    store: Store
    sound: SoundPlayer
    _content: Content | None = field(default=None, repr=False)
    unsaved: str | None = None
    """Why changes are waiting to be saved, while they are (the App's writer keeps trying);
    None when everything the user did is on disk, or on its way there."""
    save_failed: Callable[[str], object] = field(default=lambda problem: None, repr=False)
    """How a failed save is reported: the App sets it (a SaveFailed message to itself)."""
    remote: RemoteServer | None = None
    """The phone remote while it serves (the App starts and stops it); the routine player
    publishes what it shows to it, and the App passes the phone's commands on as messages."""

    def save(self, write: Callable[[], object]) -> bool:
        """Run a store write; False when the disk said no, which `save_failed` reports.

        The one way every screen and the App save: the store keeps a failed change in
        memory and saves it with the next write that works.
        """
        try:
            write()
        except StoreError as error:
            self.save_failed(str(error))
            return False
        return True

    @property
    def content_loaded(self) -> bool:
        return self._content is not None

    def load_content(self) -> Content:
        """Read and validate content/ once; raises ContentError naming every mistake."""
        if self._content is None:
            from gluteui.core.content.load import load_content

            self._content = load_content(self.config.content_dir)
        return self._content

    @property
    def content(self) -> Content:
        """The loaded content. The App loads it before any screen but Home's first frame."""
        if self._content is None:
            raise RuntimeError("content used before it was loaded")
        return self._content

    @property
    def lesson_ids(self) -> set[str]:
        return {lesson.id for lesson in self.content.lessons}

    def routine_pick(self) -> Pick:
        """The routine Start activation runs: the latest squeeze test's pick, else the standard one."""
        from gluteui.core.routine.choice import recommended

        return recommended(self.content.routines, self.content.quiz, self.store.quiz_results(),
                           self.store.setting("recommended_routine"))

    def recommended_routine(self) -> Routine:
        """The routine Start activation runs (see routine_pick)."""
        return self.routine_pick().routine

    def weaker_side(self) -> Side | None:
        """The weaker side the latest squeeze test found, if it found one."""
        from gluteui.core.routine.choice import known_weaker_side

        return known_weaker_side(self.store.quiz_results(), self.store.setting("extra_set_side"))

    def lead_in(self) -> LeadIn:
        """How this user wants each set led into (the "lead_in" setting)."""
        from gluteui.core.lead_in import LeadIn

        return LeadIn.from_setting(self.store.setting("lead_in", None))

    def extra_set_side(self, routine: Routine) -> Side | None:
        """The side `routine` adds a set on for this user, if it adds one."""
        from gluteui.core.routine.choice import extra_set_side

        return extra_set_side(routine, self.weaker_side())

    def plan(self, routine: Routine, declined: Collection[str] = ()) -> Plan:
        """`routine` as this user does it today: each move on its step, with the reasons, and
        the changes in `declined` turned down (see gluteui.core.routine.progression)."""
        from gluteui.core.routine.progression import plan

        content, history = self.content, self.store.history()
        answers = history.setting("health_answers", None) or {}
        return plan(
            routine, content.ladders, content.ladder_rules, content.quiz, history.sessions, history.quiz_results,
            pregnant=bool(answers.get("pregnancy")), declined=declined, extra_set_side=self.extra_set_side(routine),
        )

    def needs(self, plan: Plan) -> list[str]:
        """What to have at hand for `plan`, from its rungs' `needs` in content/ladders.toml."""
        from gluteui.core.content.ladders import needs

        return needs(self.content.ladders, {ladder: dose.rung for ladder, dose in plan.doses.items()})

    def routine_seconds(self, routine: Routine, plan: Plan | None = None) -> float:
        """How long `routine` runs for this user today, on their steps, extra set included
        (`plan`: today's plan of it, when the caller has it already)."""
        from gluteui.core.routine.choice import routine_seconds

        plan = plan or self.plan(routine)
        return routine_seconds(plan.routine, self.weaker_side(), self.lead_in())

    def cache_dir(self) -> Path:
        """Where this machine's own files are: the config's folder, else locations.cache_dir()."""
        from gluteui import locations

        return self.config.cache_dir or locations.cache_dir()

    def desk_offered(self) -> list[datetime]:
        """When desk nudges were offered on this machine (the cache's log, gluteui/desk_log.py)."""
        from gluteui.desk_log import read_offered

        return read_offered(self.cache_dir())
