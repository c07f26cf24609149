"""What the player shows and sounds at chosen instants of a real routine."""

from __future__ import annotations

import pytest

from gluteui import locations
from gluteui.core.content.load import load_content
from gluteui.core.routine.player import SHOWN_HOLD_S, figure_frame, player_view
from gluteui.core.routine.spoken import spoken_between
from gluteui.core.routine.timeline import Timeline
from gluteui.core.text import clock
from tests.unit.builders import CLASSIC, on_rungs

CONTENT = load_content(locations.content_dir())
STANDARD = on_rungs(CONTENT, "standard")
"""With single-leg bridges and the band at the knees (builders.CLASSIC)."""
TIMELINE = Timeline.from_routine(STANDARD)
PHASES = TIMELINE.phases


def first(kind: str, **labels):
    return next(p for p in PHASES if p.kind == kind and all(getattr(p, k) == v for k, v in labels.items()))


def view_at(elapsed: float, reduced: bool = False):
    return player_view(TIMELINE.state_at(elapsed), TIMELINE, STANDARD, reduced)


def cues(before: float | None, after: float) -> list[str]:
    """The tones of what is cued between two ticks (the tone each utterance stands for)."""
    said = spoken_between(None if before is None else TIMELINE.state_at(before), TIMELINE.state_at(after),
                          STANDARD, CONTENT.phrases)
    return [utterance.tone for utterance in said if utterance.tone]


def test_figure_follows_the_rep_and_holds_still_under_reduced_motion():
    assert figure_frame("up", 0.0, 5, False) == 0
    assert figure_frame("up", 1.0, 5, False) == 4
    assert figure_frame("hold", 0.3, 5, False) == 4
    assert figure_frame("down", 0.25, 5, False) == 3
    assert {figure_frame(kind, p, 5, True) for kind in ("up", "down") for p in (0, 0.5, 1)} == {4}


def test_view_mid_rep():
    up = first("up", rep=3)
    view = view_at(up.start + up.duration / 2)
    assert (view.exercise_name, view.side, view.rep, view.reps) == ("Clamshell", "left", 3, 15)
    assert view.phase_word == "Open" and not view.is_break  # a clamshell opens and closes
    assert 0.4 < view.phase_progress < 0.6
    assert view.cue in CONTENT.exercises["clamshell"].cues["up"]
    assert view.side_note == "LEFT: lie on your right side; the left knee opens."


def test_view_at_switch_names_the_new_side_and_how_to_turn():
    switch = first("switch")
    view = view_at(switch.start + 0.2)
    assert view.is_break and view.side == "right"
    assert "RIGHT" in view.break_title
    clamshell = CONTENT.exercises["clamshell"]
    assert view.break_text.startswith(clamshell.switch_hint)
    assert view.break_text.endswith("RIGHT: lie on your left side; the right knee opens.")
    assert view.phase_seconds_left == 5


def test_rest_names_what_comes_next_and_done_is_done():
    rest = first("rest")
    view = view_at(rest.start + 0.1)
    bridge = CONTENT.exercises["single_leg_bridge"]
    assert "Single-leg" in view.break_title
    assert bridge.setup[0] in view.break_text, "the setup shows during the rest before it"
    assert view.side == "left" and view.side_note.startswith("LEFT: the left foot stays down")
    done = view_at(TIMELINE.total + 5)
    assert done.kind == "done" and done.time_left == "0:00" and done.routine_progress == 1.0


@pytest.mark.parametrize("kind,labels,expected", [
    ("up", {}, ["rep"]), ("hold", {"exercise_id": "single_leg_bridge"}, ["hold_start"]),
    ("switch", {}, ["switch"]),
    # A clamshell's half-second top is over before a cue could mean anything: none, in
    # any mode (tones and voice follow the one rule).
    ("hold", {"exercise_id": "clamshell"}, []),
])
def test_entering_a_phase_sounds_its_cue(kind: str, labels: dict, expected: list[str]):
    phase = first(kind, **labels)
    assert cues(phase.start - 0.01, phase.start + 0.01) == expected


def test_hold_end_exercise_done_routine_done():
    hold = first("hold", exercise_id="single_leg_bridge")
    assert cues(hold.end - 0.01, hold.end + 0.01) == ["hold_end"]
    rest = first("rest")
    assert cues(rest.start - 0.01, rest.start + 0.01) == ["exercise_done"]
    assert cues(TIMELINE.total - 0.01, TIMELINE.total + 0.01) == ["routine_done"]


def test_three_two_one_before_a_set_starts_and_silence_within_a_phase():
    switch = first("switch")
    counted = [cues(switch.end - s - 0.05, switch.end - s + 0.05) for s in (3, 2, 1)]
    assert counted == [["countdown"]] * 3
    assert cues(switch.start + 0.1, switch.start + 0.2) == []


def test_a_late_tick_cues_only_the_latest_phase():
    up = first("up", rep=1, exercise_id="single_leg_bridge")
    assert cues(up.start - 0.01, up.end + 0.2) == ["hold_start"]


def test_clock_rounds_up():
    assert clock(0) == "0:00" and clock(0.2) == "0:01" and clock(61) == "1:01"


def test_the_band_position_is_named_before_and_during_the_band_walk():
    intro = first("intro", exercise_id="lateral_band_walk")
    assert "Mini-band just above the knees." in view_at(intro.start + 0.1).break_text
    walk = first("up", exercise_id="lateral_band_walk")
    assert view_at(walk.start + 0.1).where.endswith("Mini-band just above the knees.")
    assert "band" not in view_at(first("up").start + 0.1).where.lower()  # clamshells: none


@pytest.mark.parametrize("rungs", [{}, CLASSIC, {"bridge": "two_leg_hold", "band_walk": "ankles"}])
@pytest.mark.parametrize("routine_id", sorted(CONTENT.routines))
def test_every_frame_shows_the_words_and_cue_of_its_own_phase(routine_id: str, rungs: dict[str, str]):
    """No frame of a hold tells you to lower: sampled every 50 ms through each routine, on
    first rungs, the classic ones and others."""
    routine = on_rungs(CONTENT, routine_id, rungs)
    timeline = Timeline.from_routine(routine, "left" if routine.extra_set_on_weaker_side else None)
    steps = 0
    while steps * 0.05 < timeline.total:
        state = timeline.state_at(steps * 0.05)
        view = player_view(state, timeline, routine, False)
        steps += 1
        if view.is_break:
            continue
        exercise = CONTENT.exercises[state.exercise_id]
        # A hold too short to read is shown as the top of the lift (SHOWN_HOLD_S).
        part = "up" if state.kind == "hold" and state.phase.duration < SHOWN_HOLD_S else state.kind
        assert view.phase_word == exercise.words[part]
        assert view.cue in exercise.cues[part] or (view.cue == "" and not exercise.cues[part])
        other_parts = [cue for kind, cues in exercise.cues.items() if kind != part for cue in cues]
        assert view.cue not in other_parts


def test_a_half_second_hold_keeps_the_lifts_word_and_a_full_bar_so_nothing_flickers():
    routine = on_rungs(CONTENT, "standard")
    timeline = Timeline.from_routine(routine)
    hold = next(p for p in timeline.phases if p.kind == "hold" and p.exercise_id == "lateral_band_walk")
    assert hold.duration < SHOWN_HOLD_S
    up = next(p for p in timeline.phases if p.kind == "up" and p.end == hold.start)
    words = {player_view(timeline.state_at(t), timeline, routine, False).phase_word
             for t in (up.start + 0.5, hold.start + 0.1, hold.end - 0.05)}
    assert words == {"Step out"}
    assert player_view(timeline.state_at(hold.start + 0.1), timeline, routine, False).phase_progress == 1.0
    long_hold = next(p for p in timeline.phases if p.kind == "hold" and p.duration >= SHOWN_HOLD_S)
    assert player_view(timeline.state_at(long_hold.start + 0.1), timeline, routine, False).phase_word == \
        CONTENT.exercises[long_hold.exercise_id].words["hold"]


def test_what_comes_next_is_named_in_a_set_and_in_a_break():
    in_set = view_at(first("up", rep=1).start + 0.1)
    assert in_set.next_up == "Switch to the RIGHT side"
    in_break = view_at(0.1)
    assert in_break.next_up == f"{STANDARD.steps[0].exercise.name}, {STANDARD.steps[0].reps} reps"


def test_each_side_is_explained_at_its_start():
    for phase in PHASES:
        if phase.kind in ("get_ready", "intro", "switch") and phase.side:
            view = view_at(phase.start + 0.1)
            assert view.side == phase.side
            assert view.side_note.startswith(phase.side.upper() + ":")
            assert view.side_note in view.break_text


@pytest.mark.parametrize("keys", [
    ["skip_set"], ["repeat_set"], ["add_rest"], ["toggle_pause", "toggle_pause"],
    ["skip_set", "add_rest", "repeat_set", "toggle_pause", "toggle_pause", "skip_set"],
])
def test_the_bar_and_the_time_left_agree_after_any_key(keys: list[str]):
    """The bar is the share of the routine behind you; "m:ss left" is the rest of it, both of
    the timeline as the keys left it: they never disagree by more than the rounding of a second."""
    from gluteui.core.lead_in import LeadIn
    from gluteui.core.routine.workout import Workout

    workout = Workout(STANDARD, 0.0, lead_in=LeadIn())
    now = 0.0
    for key in keys:
        now += 37.3
        getattr(workout, key)(now)
        for later in (now, now + 5.1, now + 20.7):
            state = workout.state(later)
            view = player_view(state, workout.timeline, STANDARD, False)
            minutes, seconds = view.time_left.split(":")
            left = int(minutes) * 60 + int(seconds)
            total = workout.timeline.total
            assert view.routine_progress == pytest.approx(1 - left / total, abs=1.01 / total)


def test_every_line_the_player_shows_ends_its_sentence():
    """Each break's text, side note and "Feel it" line, at every phase of a routine with a band: a full
    stop (or ? or !) at the end, the content's words and the player's joined alike."""
    unfinished = set()
    for phase in PHASES:
        view = view_at(phase.start + phase.duration / 2)
        for line in (view.break_text, view.side_note, view.where):
            if line and line.rstrip()[-1] not in ".?!":
                unfinished.add(line)
    assert unfinished == set()


def test_the_status_names_a_set_in_one_form_from_the_first_second_to_the_last_rep():
    """Before the first set, at each switch and rest: the set coming up, never "5 sets" in between."""
    labels = [view_at(t).set_label for t in range(0, int(TIMELINE.total), 2)]
    assert labels[0] == f"set 1 of {len(TIMELINE.sets)}"
    assert all(label.startswith("set ") for label in labels)
    numbers = [int(label.split()[1]) for label in labels]
    assert numbers == sorted(numbers) and numbers[-1] == len(TIMELINE.sets)
