"""The anatomy figure's frames: who glows in which state, how the glow moves, and the drawing."""

from __future__ import annotations

from itertools import pairwise

import pytest

from gluteui.core.anatomy import (
    CAPTIONS,
    FIGURE,
    GLUTES,
    GLYPHS,
    HELPERS,
    LABELS,
    LEVELS,
    PULSE,
    RAMP,
    REGIONS,
    SETTLE_AT,
    Glow,
    frame,
    level_at,
    picture,
    plain,
    settled,
)


def test_asleep_still_frame_dims_the_glutes_and_lights_the_helpers_in_warning():
    glows = frame("asleep", None)
    assert all(glows[region] == Glow("quiet", 0) for region in GLUTES)
    assert all(glows[region] == Glow("strain", LEVELS) for region in HELPERS)


def test_firing_still_frame_lights_the_glutes_and_calms_the_helpers():
    glows = frame("firing", None)
    assert all(glows[region] == Glow("active", LEVELS) for region in GLUTES)
    assert all(glows[region] == Glow("quiet", 0) for region in HELPERS)


def test_unknown_state_is_refused():
    with pytest.raises(ValueError, match="asleep, firing"):
        frame("awake", None)  # type: ignore[arg-type]


def test_working_muscles_brighten_step_by_step_then_pulse_then_hold_still():
    levels = [level_at(step) for step in range(SETTLE_AT + 3)]
    ramp = levels[: len(RAMP)]
    assert ramp == sorted(ramp) and len(set(ramp)) == len(ramp), "a gradual brightening"
    assert ramp[0] < LEVELS and ramp[-1] == LEVELS
    pulsing = levels[len(RAMP):SETTLE_AT]
    assert min(pulsing) < LEVELS and max(pulsing) == LEVELS, "the glow breathes"
    assert all(abs(a - b) <= 1 for a, b in pairwise(levels)), "one level a step, no flicker"
    assert levels[SETTLE_AT:] == [LEVELS] * 3, "then the still frame"
    assert not settled(SETTLE_AT - 1) and settled(SETTLE_AT)


def test_quiet_muscles_stay_quiet_while_the_others_animate():
    for step in range(SETTLE_AT):
        glows = frame("firing", step)
        assert {glows[region] for region in HELPERS} == {Glow("quiet", 0)}
        assert {glows[region].tone for region in GLUTES} == {"active"}


def test_glow_styles_name_the_widget_component_classes():
    assert Glow("strain", 2).style == "strain-2"
    assert Glow("active", 3).style == "active-3"
    assert Glow("quiet", 0).style == "quiet"
    styles = {
        glow.style for state in ("asleep", "firing") for step in [None, *range(SETTLE_AT)]
        for glow in frame(state, step).values()
    }
    levels = range(1, LEVELS + 1)
    assert styles == {"quiet", *(f"{tone}-{n}" for tone in ("strain", "active") for n in levels)}
    assert set(PULSE) <= set(range(1, LEVELS + 1))


def test_every_muscle_is_drawn_and_labelled():
    drawn = {GLYPHS[char] for line in FIGURE for char in line if char in GLYPHS}
    assert drawn == set(REGIONS) == set(LABELS)


@pytest.mark.parametrize(
    "state,glutes,helpers", [("asleep", "asleep", "stepping in"), ("firing", "firing", "calm")]
)
def test_picture_labels_each_muscle_with_its_state(state, glutes, helpers):
    lines = plain(picture(state)).splitlines()
    for region, (row, name) in LABELS.items():
        assert lines[row].endswith(name)
        status = glutes if region in GLUTES else helpers
        assert lines[row + 1].endswith(status), f"{region} shows {status!r} under its name"
    assert lines[-1] == CAPTIONS[state]


def test_picture_spans_match_the_frame():
    spans = [span for line in picture("asleep", None) for span in line]
    back = [style for text, style in spans if "▐" in text]
    glutes = [style for text, style in spans if "▓" in text]
    assert set(back) == {"strain-3"}
    assert set(glutes) == {"quiet"}


def test_labels_line_up_and_the_picture_fits_a_narrow_reader():
    lines = plain(picture("asleep")).splitlines()
    starts = {lines[row].index(name) for row, name in LABELS.values()}
    assert len(starts) == 1, "every label starts in the same column"
    assert max(len(line) for line in lines) <= 48, "fits the reader at 80 columns"
