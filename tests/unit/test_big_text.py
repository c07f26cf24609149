"""`fit` picks the biggest font that fits the region, and never spills out of it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gluteui.widgets.big_text import fit
from gluteui.widgets.phase_bar import EIGHTHS, bar_line, filled_eighths

SIZES = [(200, 50), (120, 30), (80, 24), (60, 20), (40, 10), (20, 5), (10, 3), (5, 1), (1, 1)]
TEXTS = ["12", "0123456789", "LIFT", "SQUEEZE", "SQUEEZE AND HOLD", "<<  LEFT", "RIGHT  >>"]


def test_a_rep_number_fills_a_big_region():
    assert len(fit("12", 196, 46)) >= 10
    assert len(fit("12", 200, 50)) >= 10


def test_a_rep_number_still_fits_a_small_region():
    lines = fit("12", 20, 5)
    assert 1 <= len(lines) <= 5
    assert all(len(line) <= 20 for line in lines)
    assert "".join(lines).strip()


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("width,height", SIZES)
def test_output_never_exceeds_the_region(text: str, width: int, height: int):
    lines = fit(text, width, height)
    assert len(lines) <= height
    assert all(len(line) <= width for line in lines)
    assert len({len(line) for line in lines}) <= 1  # one block: rows line up when centred


def test_when_no_font_fits_the_plain_text_is_shown():
    assert fit("12", 5, 1) == ["12"]
    assert fit("SQUEEZE", 3, 1) == ["SQU"]


def test_an_empty_text_or_region_shows_nothing():
    assert fit("", 80, 24) == []
    assert fit("12", 0, 10) == []


def test_the_same_text_and_size_give_the_same_lines():
    first = fit("LIFT", 80, 24)
    assert fit("LIFT", 80, 24) == first
    first.append("changed by the caller")
    assert fit("LIFT", 80, 24) != first  # the cache hands out copies


def test_a_long_phrase_in_a_wide_short_region_picks_a_font_that_fits():
    lines = fit("SQUEEZE AND HOLD", 200, 8)
    assert 3 <= len(lines) <= 8  # a big font, not the plain fallback
    assert all(len(line) <= 200 for line in lines)


def test_a_phrase_wraps_onto_two_lines_when_that_allows_a_bigger_font():
    one_line = fit("SQUEEZE AND HOLD", 200, 8)
    wrapped = fit("SQUEEZE AND HOLD", 80, 40)
    assert len(wrapped) > len(one_line)
    assert any(not line.strip() for line in wrapped)  # the gap between the two lines


def test_a_scaled_font_keeps_its_shape():
    small = fit("1", 20, 5)
    assert len(small) == 5  # ansi_regular at its own size
    doubled = fit("1", 40, 10)
    assert len(doubled) == 2 * len(small)
    assert len(doubled[0]) == 2 * len(small[0])


def test_the_bar_fills_eighths_of_a_cell():
    assert filled_eighths(0.5, 10) == 40
    assert filled_eighths(-1, 10) == 0 and filled_eighths(2, 10) == 80
    assert bar_line(0, 4) == "    "
    assert bar_line(12, 4) == "█" + EIGHTHS[4] + "  "
    assert bar_line(32, 4) == "████"


def test_pyfiglet_is_imported_on_first_render_not_with_the_module():
    code = (
        "import sys; import gluteui.widgets.big_text as b; assert 'pyfiglet' not in sys.modules;"
        " b.fit('12', 80, 24); assert 'pyfiglet' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_any_character_content_may_use_fits_without_error():
    """A word from content is drawn whatever it holds; "$" is drawn with a dot in the font."""
    import string

    for char in string.printable.strip():
        lines = fit(f"A{char}1", 200, 50)
        assert lines and all(len(line) <= 200 for line in lines) and len(lines) <= 50, char


@pytest.mark.parametrize("width,height", [(80, 12), (60, 8), (120, 14), (40, 6)])
def test_a_moves_phase_words_are_drawn_at_one_size(width: int, height: int):
    """The band walk's STEP OUT, HOLD and STEP IN: the word changes every second, its size never."""
    family = ("STEP OUT", "HOLD", "STEP IN")
    heights = {len(fit(word, width, height, family)) for word in family}
    assert len(heights) == 1, heights
    alone = {len(fit(word, width, height)) for word in family}
    assert len(alone) > 1 or width == 40, "without the family the sizes would differ"
