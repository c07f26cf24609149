"""The QR code the terminal shows: read back by a real decoder (zxing-cpp), dark modules as ink."""

from __future__ import annotations

import pytest
import zxingcpp

from gluteui.remote.qr import CELLS, qr_lines

INK = {char: (upper, lower) for (upper, lower), char in CELLS.items()}
PIXELS = 4
"""Pixels a module in the picture handed to the decoder."""


def picture(lines: list[str]) -> memoryview:
    """The lines drawn as a grey picture: each character two modules high, ink black on white."""
    rows = []
    for line in lines:
        for half in (0, 1):
            row = b"".join((b"\x00" if INK[char][half] else b"\xff") * PIXELS for char in line)
            rows += [row] * PIXELS
    return memoryview(b"".join(rows)).cast("B", (len(rows), len(rows[0])))


@pytest.mark.parametrize("url", [
    "http://192.168.1.20:8123/R5jr5TQo0V51qEC_wJFEwA/",
    "http://[fe80::1c2b:3dff:fe4e:5f60]:65535/R5jr5TQo0V51qEC_wJFEwA/",
    "http://10.0.0.2:1/-_-_-_-_-_-_-_-_-_-_-_/",
])
@pytest.mark.parametrize("border", [4, 2])
def test_the_code_reads_back_as_the_url(url: str, border: int):
    lines = qr_lines(url, border)
    # try_invert off: a code drawn inside out (ink for light modules) must fail here.
    found = zxingcpp.read_barcodes(picture(lines), try_invert=False)
    assert [(code.format, code.text) for code in found] == [(zxingcpp.BarcodeFormat.QRCode, url)]


def test_the_lines_are_half_blocks_with_a_quiet_zone_and_fit_beside_the_address_at_80x24():
    lines = qr_lines("http://192.168.1.20:8123/R5jr5TQo0V51qEC_wJFEwA/")
    assert len({len(line) for line in lines}) == 1
    assert set("".join(lines)) <= set(CELLS.values())
    assert lines[0].strip() == lines[1].strip() == lines[-1].strip() == ""
    assert all(line[:4].strip() == line[-4:].strip() == "" for line in lines)
    assert len(lines[0]) <= 37 and len(lines) <= 19
