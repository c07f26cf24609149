"""screenshots/remote-phone*.png: the remote's page on a phone (390x844) in Debian's
chromium, at moments of the bundled standard routine. Run by `make screenshots`."""

from __future__ import annotations

import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from gluteui import locations
from gluteui.core.content.load import load_content
from gluteui.core.pain import MAX_EASIER
from gluteui.core.routine.player import player_view
from gluteui.core.routine.timeline import Timeline
from gluteui.remote.mirror import MirrorState, mirror_state
from tests.remote.phone import ServerThread, chromium, wait_until_shown
from tests.unit.builders import on_rungs

ROUTINE = on_rungs(load_content(locations.content_dir()), "standard")
TIMELINE = Timeline.from_routine(ROUTINE)


def moment(kind: str, rep: int | None, side: str, progress: float = 0.5) -> MirrorState:
    """The standard routine `progress` through the first phase `kind` of rep `rep` on `side`."""
    phase = next(p for p in TIMELINE.phases if (p.kind, p.rep, p.side) == (kind, rep, side))
    state = TIMELINE.state_at(phase.start + progress * phase.duration)
    view = player_view(state, TIMELINE, ROUTINE, reduced_motion=False)
    exercise = next(step.exercise for step in ROUTINE.steps if step.exercise.id == view.exercise_id)
    return mirror_state(view, state, paused=False, easier=exercise.easier[:MAX_EASIER])


def shots() -> dict[str, MirrorState]:
    done = player_view(TIMELINE.state_at(TIMELINE.total), TIMELINE, ROUTINE, reduced_motion=False)
    holding = moment("hold", 7, "left")
    paused = replace(holding, paused=True)
    return {
        "remote-phone": holding,
        "remote-phone-switch": moment("switch", None, "right", 0.3),
        "remote-phone-paused": paused,
        "remote-phone-hurts": replace(paused, hurting=True),
        "remote-phone-hurts-easier": replace(paused, hurting=True, hurt_where="side_of_hip"),
        # A lead-in that waits for the runner: Go on the phone starts the count-in.
        "remote-phone-ready": replace(moment("switch", None, "right", 0.1), ready=True),
        "remote-phone-done": mirror_state(done, TIMELINE.state_at(TIMELINE.total), paused=False),
    }


def shoot(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    remote = ServerThread()
    with tempfile.TemporaryDirectory() as profile:
        phone = chromium(Path(profile))
        try:
            phone.get(remote.url)
            for name, state in shots().items():
                remote.publish(state)
                wait_until_shown(phone, state)
                phone.save_screenshot(str(out / f"{name}.png"))
                print(f"wrote {out / name}.png")
        finally:
            phone.quit()
            remote.stop()


if __name__ == "__main__":
    shoot(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
