"""What a page may ask of the player: the names and numbers it lists, and nothing else."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gluteui.core.pain import ASKED
from gluteui.remote.commands import COMMANDS, MAX_MESSAGE_BYTES, Command, parse_command
from tests.remote.routine import state_at

STATE = state_at(6.5)
"""A clam rep: three easier versions offered."""
PLAIN = sorted(COMMANDS - {"where", "easier"})


def message(**fields: object) -> str:
    return json.dumps(fields)


@pytest.mark.parametrize("name", PLAIN)
def test_a_command_without_a_number(name: str):
    assert parse_command(message(command=name), STATE) == Command(name)  # type: ignore[arg-type]
    assert parse_command(message(command=name, arg=None), STATE) == Command(name)  # type: ignore[arg-type]
    assert parse_command(message(command=name, arg=1), None) is None


def test_where_is_one_of_the_places_asked():
    assert [parse_command(message(command="where", arg=n), None) for n in range(1, len(ASKED) + 1)] == [
        Command("where", n) for n in range(1, 6)
    ]
    for bad in (0, 6, -1, None, True, 2.0, "2"):
        assert parse_command(message(command="where", arg=bad), STATE) is None, bad


def test_easier_is_one_of_the_versions_offered_now():
    assert len(STATE.easier) == 3
    assert [parse_command(message(command="easier", arg=n), STATE) for n in range(3)] == [
        Command("easier", n) for n in range(3)
    ]
    assert parse_command(message(command="easier", arg=3), STATE) is None
    assert parse_command(message(command="easier", arg=-1), STATE) is None
    assert parse_command(message(command="easier", arg=0), None) is None  # nothing published: nothing offered


@pytest.mark.parametrize("text", [
    "", "pause", "null", "[]", '["pause"]', '{"command": "PAUSE"}', '{"command": "carry_on"}',
    '{"command": "pause", "extra": 1}', '{"name": "pause"}', '{"command": ["pause"]}',
    '{"command": "pause", "arg": false}', '{"command": "where", "arg": 1e0}', "{" * 200,
    message(command="pause", pad="x" * MAX_MESSAGE_BYTES),
])
def test_anything_else_is_dropped(text: str):
    assert parse_command(text, STATE) is None


@given(st.text(max_size=MAX_MESSAGE_BYTES + 10))
def test_no_text_breaks_it(text: str):
    command = parse_command(text, STATE)
    assert command is None or command.name in COMMANDS


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


@given(st.fixed_dictionaries({"command": st.sampled_from(sorted(COMMANDS)) | st.text(max_size=12)},
                             optional={"arg": json_values}))
def test_a_command_that_passes_is_one_the_player_knows(fields: dict[str, object]):
    command = parse_command(json.dumps(fields), STATE)
    if command is not None:
        assert command.name in COMMANDS
        if command.name == "where":
            assert command.arg in range(1, len(ASKED) + 1)
        elif command.name == "easier":
            assert command.arg in range(len(STATE.easier))
        else:
            assert command.arg is None
