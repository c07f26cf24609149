"""The OSC notification the open app sends an unfocused terminal: which sequence for which
terminal, tmux's wrapping, and text that cannot break out of the sequence. Pure."""

from __future__ import annotations

import pytest

from gluteui.core.terminal_notice import MAX_CHARS, osc_notification, plain_line, terminal_kind

BODY = "Glutes before your run: five minutes keeps your 3-day streak."


@pytest.mark.parametrize("env, kind", [
    ({"TERM": "xterm-kitty"}, "kitty"),
    ({"TERM": "tmux-256color", "TERM_PROGRAM": "tmux", "KITTY_WINDOW_ID": "3"}, "kitty"),
    ({"TERM": "foot"}, "rxvt"),
    ({"TERM": "foot-extra"}, "rxvt"),
    ({"TERM": "rxvt-unicode-256color"}, "rxvt"),
    ({"TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"}, "iterm"),
    ({"TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"}, "iterm"),
    ({"TERM": "xterm-ghostty", "TERM_PROGRAM": "ghostty"}, "iterm"),
    ({"TERM": "tmux-256color", "TERM_PROGRAM": "tmux", "ITERM_SESSION_ID": "w0t0p0"}, "iterm"),
    ({"TERM": "tmux-256color", "TERM_PROGRAM": "tmux", "WEZTERM_PANE": "0"}, "iterm"),
    ({"TERM": "xterm-256color", "VTE_VERSION": "7600"}, None),
    ({"TERM": "xterm-256color", "TERM_PROGRAM": "tmux"}, None),
    ({}, None),
], ids=lambda value: value if isinstance(value, str) else "/".join(value.values()) if value else str(value))
def test_each_terminal_gets_the_sequence_it_shows(env: dict[str, str], kind: str | None) -> None:
    assert terminal_kind(env) == kind


def test_the_sequences_end_with_st_and_never_bel() -> None:
    assert osc_notification("GluteUI", BODY, {"TERM_PROGRAM": "WezTerm"}) == f"\x1b]9;GluteUI: {BODY}\x1b\\"
    assert osc_notification("GluteUI", BODY, {"TERM": "foot"}) == f"\x1b]777;notify;GluteUI;{BODY}\x1b\\"
    assert osc_notification("GluteUI", BODY, {"TERM": "xterm-kitty"}) == (
        f"\x1b]99;i=gluteui:d=0;GluteUI\x1b\\\x1b]99;i=gluteui:d=1:p=body;{BODY}\x1b\\")


def test_inside_tmux_the_sequence_is_passed_through_with_each_escape_doubled() -> None:
    wrapped = osc_notification("GluteUI", BODY, {"TERM_PROGRAM": "tmux", "TMUX": "/tmp/tmux-0/default,7,0",
                                                 "WEZTERM_PANE": "0"})
    assert wrapped == f"\x1bPtmux;\x1b\x1b]9;GluteUI: {BODY}\x1b\x1b\\\x1b\\"
    kitty = osc_notification("GluteUI", BODY, {"TMUX": "/tmp/t,1,0", "KITTY_WINDOW_ID": "1"})
    assert kitty.startswith("\x1bPtmux;\x1b\x1b]99;") and kitty.endswith("\x1b\x1b\\\x1b\\")
    # Inside, every ESC is doubled: the only lone one left ends the passthrough.
    assert kitty[len("\x1bPtmux;"):-2].replace("\x1b\x1b", "").count("\x1b") == 0


@pytest.mark.parametrize("env", [{"TERM": "xterm-kitty"}, {"TERM": "foot"}, {"TERM_PROGRAM": "WezTerm"},
                                 {"TMUX": "x", "TERM_PROGRAM": "ghostty"}])
def test_text_cannot_end_the_sequence_or_start_another(env: dict[str, str]) -> None:
    hostile = "Title\x07;x\x1b]0;owned\x1b\\"
    sequence = osc_notification(hostile, "line\none\ttwo\x9c\x9d\x7f;three\r\x00", env)
    # No control character but the sequence's own ESCs, as many as around harmless text.
    assert all(c == "\x1b" or not (ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F) for c in sequence)
    assert sequence.count("\x1b") == osc_notification("Title", "body", env).count("\x1b")
    assert "owned" in sequence, "the text is shown, made harmless, not dropped"


def test_foot_and_urxvt_keep_title_and_body_apart() -> None:
    sequence = osc_notification("Glute;UI", "a; b", {"TERM": "rxvt-unicode"})
    assert sequence == "\x1b]777;notify;Glute,UI;a, b\x1b\\"
    assert sequence[len("\x1b]"):-2].split(";") == ["777", "notify", "Glute,UI", "a, b"]


def test_plain_line_is_one_short_printable_line() -> None:
    assert plain_line("  two\n\nlines\tand  spaces ") == "two lines and spaces"
    assert plain_line("é ü ✓ 🍑") == "é ü ✓ 🍑", "printable text beyond ASCII is kept"
    long = plain_line("x" * 500)
    assert len(long) == MAX_CHARS and long.endswith("…")


def test_a_terminal_not_known_to_show_a_notification_gets_no_sequence() -> None:
    """GNOME Terminal, Konsole, xterm: the app asks the desktop instead (test_nudge_terminal)."""
    assert osc_notification("GluteUI", BODY, {"TERM": "xterm-256color", "VTE_VERSION": "7600"}) is None
    assert osc_notification("GluteUI", BODY, {"TERM_PROGRAM": "tmux", "TMUX": "/tmp/t,1,0"}) is None
