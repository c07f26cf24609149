"""BigText, SideBand and PhaseBar render at any size and redraw only on a change."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import Vertical

from gluteui.widgets.big_text import BigText
from gluteui.widgets.phase_bar import PhaseBar
from gluteui.widgets.side_band import SideBand


class CountingBar(PhaseBar):
    renders = 0

    def render(self):
        self.renders += 1
        return super().render()


class CountingText(BigText):
    renders = 0

    def render(self):
        self.renders += 1
        return super().render()


class BigApp(App[None]):
    def compose(self) -> ComposeResult:
        with Vertical():
            yield SideBand(label="BOTH LEGS")
            yield CountingText("12")
            yield CountingBar()


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (200, 50)])
async def test_the_widgets_render_at_every_size(size: tuple[int, int]):
    app = BigApp()
    async with app.run_test(size=size) as pilot:
        app.query_one(CountingBar).show(0.4)
        app.query_one(SideBand).side = "left"
        await pilot.pause()
        text = app.query_one(CountingText)
        assert text.renders >= 1
        band_text = app.query_one(SideBand).query_one(BigText)
        assert band_text.text == "<<  LEFT"
        assert "█" in app.export_screenshot()


async def test_the_big_number_grows_with_the_screen():
    heights = []
    for size in [(60, 20), (200, 50)]:
        app = BigApp()
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            text = app.query_one(CountingText)
            region = text.content_size
            heights.append(len([line for line in text.render().plain.split("\n") if line.strip()]))
            assert heights[-1] <= region.height
    assert heights[1] > heights[0]


async def test_the_side_band_switches_class_with_the_side():
    app = BigApp()
    async with app.run_test(size=(80, 24)) as pilot:
        band = app.query_one(SideBand)
        assert band.has_class("cue-flash")
        assert not band.has_class("-left") and not band.has_class("-right")
        assert band.query_one(BigText).text == "BOTH LEGS"
        band.side = "left"
        await pilot.pause()
        assert band.has_class("-left") and not band.has_class("-right")
        band.side = "right"
        await pilot.pause()
        assert band.has_class("-right") and not band.has_class("-left")
        assert band.query_one(BigText).text == "RIGHT  >>"
        band.side = None
        band.label = "NEXT: LEFT"
        await pilot.pause()
        assert not band.has_class("-left") and not band.has_class("-right")
        assert band.query_one(BigText).text == "NEXT: LEFT"


async def test_the_phase_bar_redraws_only_when_its_edge_moves():
    app = BigApp()
    async with app.run_test(size=(80, 24)) as pilot:
        bar = app.query_one(CountingBar)
        await pilot.pause()
        width = bar.content_size.width
        bar.show(0.5)
        await pilot.pause()
        filled, renders = bar.filled, bar.renders
        assert filled == round(width * 8 / 2)
        bar.show(0.5 + 0.2 / (width * 8))  # less than half an eighth: the edge stays put
        await pilot.pause()
        assert (bar.filled, bar.renders) == (filled, renders)
        bar.show(0.5 + 1 / width)  # a whole cell further
        await pilot.pause()
        assert bar.filled == filled + 8
        assert bar.renders > renders


async def test_setting_the_same_text_does_not_redraw():
    app = BigApp()
    async with app.run_test(size=(80, 24)) as pilot:
        text = app.query_one(CountingText)
        await pilot.pause()
        renders = text.renders
        for _ in range(20):
            text.text = "12"
        await pilot.pause()
        assert text.renders == renders
        text.text = "13"
        await pilot.pause()
        assert text.renders > renders
