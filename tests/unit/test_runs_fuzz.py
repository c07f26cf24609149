"""No bad file ever makes a traceback: valid files with bytes flipped, cut, dropped or
added give a Run or a RunFileError, never anything else."""

from __future__ import annotations

import struct
import warnings
from datetime import datetime

from fitdecode.utils import compute_crc
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gluteui.core.runs.errors import FileRuns, RunFileError
from gluteui.core.runs.formats import read_run_data
from tests.unit.run_files import UTC, fit, gpx, gzipped, tcx, track

SMALL = track(datetime(2024, 5, 1, 6, 0, tzinfo=UTC), minutes=4)
VALID = {
    "run.gpx": gpx(SMALL),
    "run.tcx": tcx(SMALL, total_m=1000.0),
    "run.fit": fit(SMALL, total_m=1000.0),
    "run.gpx.gz": gzipped(gpx(SMALL)),
    "run.fit.gz": gzipped(fit(SMALL)),
}
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def corrupted(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` with one to four edits: a byte changed, a cut, a slice dropped or repeated,
    bytes inserted."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        if not out:
            break
        at = draw(st.integers(0, len(out) - 1))
        edit = draw(st.sampled_from(["flip", "cut", "drop", "repeat", "insert"]))
        if edit == "flip":
            out[at] ^= draw(st.integers(1, 255))
        elif edit == "cut":
            del out[at:]
        elif edit == "drop":
            del out[at : at + draw(st.integers(1, 64))]
        elif edit == "repeat":
            out[at:at] = out[at : at + draw(st.integers(1, 64))]
        else:
            out[at:at] = draw(st.binary(min_size=1, max_size=16))
    return bytes(out)


def read_or_reason(data: bytes, name: str) -> FileRuns | str:
    """The runs or reason; neither a warning (which the CLI would print) nor another error."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result: FileRuns | str = read_run_data(data, name)
        except RunFileError as error:
            assert error.reason and "\n" not in error.reason and len(error.reason) < 80
            result = error.reason
    assert not caught, [str(warning.message) for warning in caught]
    return result


@FUZZ
@given(st.sampled_from(sorted(VALID)), st.data())
def test_any_damage_to_a_valid_file_is_a_run_or_a_one_line_reason(name: str, data: st.DataObject):
    read_or_reason(data.draw(corrupted(VALID[name])), name)


def with_fixed_checksums(data: bytes) -> bytes:
    """A FIT file with its header and file CRCs made right again, so the decoder itself
    (not just the checksum) meets the damage."""
    if len(data) < 16:
        return data
    header = data[:12] + struct.pack("<H", compute_crc(data[:12]))
    body = header + data[14:-2]
    return body + struct.pack("<H", compute_crc(body))


@FUZZ
@given(st.data())
def test_damage_behind_a_correct_checksum_still_reaches_only_a_reason(data: st.DataObject):
    original = VALID["run.fit"]
    damaged = bytearray(original)
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(14, len(damaged) - 3))
        damaged[at] ^= data.draw(st.integers(1, 255))
    read_or_reason(with_fixed_checksums(bytes(damaged)), "run.fit")


@FUZZ
@given(st.sampled_from(["run.gpx", "run.tcx", "run.fit", "run.fit.gz"]), st.binary(max_size=400))
def test_random_bytes_are_a_reason(name: str, data: bytes):
    assert isinstance(read_or_reason(data, name), (str, FileRuns))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60), st.sampled_from(["name", "time", "type", "lat"]))
def test_any_text_inside_a_gpx_is_a_run_or_a_reason(text: str, field: str):
    from xml.sax.saxutils import escape

    document = gpx(SMALL).decode()
    targets = {"name": "Morning Run", "time": "2024-05-01T06:01:00Z", "type": "running", "lat": "51.5"}
    document = document.replace(targets[field], escape(text, {'"': "&quot;"}), 1)
    read_or_reason(document.encode("utf-8", "surrogatepass"), "run.gpx")
