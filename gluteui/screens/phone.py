"""The routine player's side of the phone remote: what it shows the phone, and the phone's
buttons as the player's own keys.

The player's clock stays the one truth: the phone is sent what the terminal shows, and its
buttons run the same actions as the keys (Space, n, h, the "it hurts" dialog's keys), with
the same checks. A stop from the phone is the stop question answered "stop here": it is
asked on the phone, and what was done is kept.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from gluteui.core.pain import MAX_EASIER
from gluteui.core.routine.player import PlayerView, player_view
from gluteui.core.routine.timeline import TimelineState
from gluteui.core.text import plural
from gluteui.remote.mirror import PROGRESS_STEPS, mirror_state
from gluteui.widgets.confirm import StopDialog
from gluteui.widgets.pain import PainDialog

if TYPE_CHECKING:
    from gluteui.screens.player import PlayerScreen


def remote_words(followers: int) -> str:
    """The player's title note while the remote is on: "phone remote: 1 phone"."""
    return f"phone remote: {followers or 'no'} {plural(followers, 'phone')}"


class PhoneLink:
    """Publishes the player's state to the remote when what the page shows changed, and
    turns the phone's commands into the player's actions."""

    def __init__(self, player: PlayerScreen) -> None:
        self.player = player
        self._shown: tuple[object, ...] | None = None
        """What the state last published was made of: a tick that changes none of it (most
        ticks) builds nothing."""
        self._watched: PainDialog | None = None

    def publish(self, state: TimelineState, view: PlayerView) -> None:
        """Show `state` (the player's `view` of it) on the phones, if anything they show changed."""
        remote = self.player.services.remote
        if remote is None:
            return
        workout = self.player.workout
        pain = self._pain_dialog()
        ready = workout.waiting
        paused = workout.stopwatch.paused and not ready
        where = pain.where if pain is not None else None
        # Everything the page shows follows from these; the phase and the timeline are
        # compared by identity first, so an unchanged tick costs one tuple comparison.
        shown = (remote, workout.timeline, state.phase, state.finished,
                 view.phase_seconds_left if view.is_break else None, view.time_left,
                 math.floor(view.routine_progress * PROGRESS_STEPS), paused, ready, pain, where)
        if shown == self._shown:
            return
        self._shown = shown
        if pain is not None:
            easier = pain.easier
        else:
            exercise = self.player.services.content.exercises.get(view.exercise_id or "")
            easier = exercise.easier[:MAX_EASIER] if exercise is not None else ()
        remote.publish(mirror_state(view, state, paused=paused, ready=ready, easier=easier,
                                    hurting=pain is not None, hurt_where=where))

    def refresh(self) -> None:
        """Publish again while the player does not tick (a dialog over it, or paused)."""
        player = self.player
        state = player.last_state
        if player.ended or state is None:
            return
        pain = self._pain_dialog()
        if pain is not None and pain is not self._watched:
            # The terminal's keys move the dialog on too: the phone follows it step by step.
            self._watched = pain
            player.watch(pain, "where", self.refresh, init=False)
        view = player_view(state, player.workout.timeline, player.routine, player.services.config.reduced_motion,
                           bool(player.workout.pain.hurt))
        self.publish(state, view)

    def stopped(self, finished: bool) -> None:
        """The routine is over. Finished, the phones keep its last state ("Routine done",
        published by the last tick) for the runner on the mat; stopped early, they show
        that none is playing."""
        self._shown = None
        remote = self.player.services.remote
        if remote is not None and not finished:
            remote.publish(None)

    def title(self) -> str:
        """The player's title, with the remote's note while it is on."""
        remote = self.player.services.remote
        name = type(self.player).TITLE or ""
        return name if remote is None else f"{name} · {remote_words(remote.followers)}"

    def _pain_dialog(self) -> PainDialog | None:
        top = self.player.app.screen
        return top if isinstance(top, PainDialog) else None

    async def act(self, name: str, arg: int | None) -> None:
        """Do what the phone's button `name` (with its number `arg`) asks, as its key would."""
        player = self.player
        if player.ended:
            return
        top = player.app.screen
        if isinstance(top, PainDialog):
            await self._answer_pain(top, name, arg)
        elif isinstance(top, StopDialog):
            # The terminal asked "stop here?": the phone's stop says yes, its go says no.
            if name in ("stop", "resume"):
                await top.run_action(f"answer({name == 'stop'})")
        elif top is player:
            await self._act_on_player(name)

    async def _act_on_player(self, name: str) -> None:
        player = self.player
        if name == "stop":
            # Asked on the phone already: end here, keeping the reps, as "stop here" does.
            player.stopped(player.workout.stopwatch.paused, True)
            return
        action = {
            "pause": "pause(True)",
            "resume": "ready" if player.workout.waiting else "pause(False)",
            "next": "skip_set",
            "hurts": "hurts",
        }.get(name)
        if action is not None:
            await player.run_action(action)

    @staticmethod
    async def _answer_pain(dialog: PainDialog, name: str, arg: int | None) -> None:
        # The dialog's own keys, with its own checks: 1-5 say where, then 1-3 choose an easier
        # version; Enter skips the move (or stops the routine); Esc stays paused.
        if name == "where" and dialog.where is None and arg is not None:
            await dialog.run_action(f"digit({arg})")
        elif name == "easier" and dialog.where is not None and arg is not None:
            await dialog.run_action(f"digit({arg + 1})")
        elif name == "skip_move":
            await dialog.run_action("reflex")
        elif name == "stay_paused":
            await dialog.run_action("choose('paused')")
