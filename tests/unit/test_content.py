"""The content loader: good content loads; each kind of mistake names file, entry and field."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from gluteui import locations
from gluteui.core.content.ladders import needs
from gluteui.core.content.load import ContentError, load_content

BUNDLED = locations.content_dir()


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(BUNDLED, folder)
    return folder


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(folder)
    return caught.value.problems


def test_bundled_content_loads_with_the_three_moves():
    content = load_content(BUNDLED)
    assert {"clamshell", "single_leg_bridge", "lateral_band_walk"} <= set(content.exercises)
    assert {"standard", "quick", "focus"} <= set(content.routines)
    standard = content.routines["standard"]
    # As loaded, every move stands on its ladder's first rung: the history decides the rest.
    assert [(step.ladder, step.exercise.id, step.band) for step in standard.steps] == [
        ("clamshell", "clamshell", "none"), ("bridge", "glute_bridge", "none"),
        ("band_walk", "lateral_band_walk", "none"),
    ]
    assert standard.steps[0].reps == 15
    assert standard.steps[1].reps == 10 and standard.steps[1].tempo.hold_s == 1
    bridge = content.ladders["bridge"]
    assert [rung.exercise.id for rung in bridge.rungs] == ["glute_bridge", "glute_bridge", "single_leg_bridge"]
    assert bridge.rungs[1].tempo.hold_s == 3 and bridge.while_pregnant.id == "standing_hip_extension"


def test_bundled_figures_have_frames_of_equal_height():
    for exercise in load_content(BUNDLED).exercises.values():
        heights = {len(frame.splitlines()) for frame in exercise.figure}
        assert len(exercise.figure) >= 2 and len(heights) == 1, exercise.id


def test_wrong_type_names_file_entry_and_field(content_copy: Path):
    path = content_copy / "exercises.toml"
    text = path.read_text()
    path.write_text(text.replace("reps = 15", 'reps = "fifteen"', 1))
    assert any(
        p.startswith("exercises.toml: clamshell: reps: must be a whole number") for p in problems_of(content_copy)
    )


def test_missing_field_and_unknown_key_are_both_reported(content_copy: Path):
    path = content_copy / "exercises.toml"
    lines = path.read_text().splitlines()
    lines = [line for line in lines if not line.startswith("feel_check")]
    path.write_text("\n".join(lines).replace("per_side =", "per_sid =", 1))
    problems = problems_of(content_copy)
    assert any(": feel_check: is missing" in p for p in problems)
    assert any(": per_sid: is not a known field" in p for p in problems)
    assert len(problems) >= 4  # every exercise lost feel_check: all are listed, not just the first


def test_a_rung_naming_an_unknown_exercise(content_copy: Path):
    path = content_copy / "ladders.toml"
    path.write_text(path.read_text().replace('exercise = "clamshell"', 'exercise = "clamshel"', 1))
    assert "ladders.toml: clamshell.rungs[1]: exercise: unknown exercise 'clamshel'" in problems_of(content_copy)


def test_broken_toml_is_reported_with_the_file(content_copy: Path):
    (content_copy / "routines.toml").write_text("[standard\nname = 1")
    problems = problems_of(content_copy)
    assert problems[0].startswith("routines.toml: is not valid TOML")


def test_lesson_without_front_matter(content_copy: Path):
    lesson = sorted((content_copy / "lessons").glob("*.md"))[0]
    lesson.write_text("# Just a heading\n\nNo front matter here.\n")
    assert any(p.startswith(f"lessons/{lesson.name}: front matter: must open") for p in problems_of(content_copy))


def test_lesson_with_unknown_action_and_empty_body(content_copy: Path):
    lesson = sorted((content_copy / "lessons").glob("*.md"))[0]
    front = lesson.read_text().split("+++")[1]
    lesson.write_text(f"+++{front}action = \"dance\"\n+++\n\n")
    problems = problems_of(content_copy)
    assert any(f"lessons/{lesson.name}" in p and "action: must be one of quiz, player" in p for p in problems)
    assert any(f"lessons/{lesson.name}" in p and "body: is empty" in p for p in problems)


def test_missing_figure_file(content_copy: Path):
    (content_copy / "figures" / "clamshell.txt").unlink()
    assert any("clamshell: figure: no file figures/clamshell.txt" in p for p in problems_of(content_copy))


def test_not_a_folder(tmp_path: Path):
    assert problems_of(tmp_path / "nowhere")[0].endswith("is not a folder")


def test_a_rung_override_cannot_remove_the_lift(content_copy: Path):
    path = content_copy / "ladders.toml"
    path.write_text(path.read_text().replace('exercise = "clamshell"', 'exercise = "clamshell"\nup_s = 0', 1))
    assert "ladders.toml: clamshell.rungs[1]: up_s: must be above 0 and at most 60, got 0" in problems_of(content_copy)


def test_a_rung_with_a_band_says_what_to_have_at_hand(content_copy: Path):
    content = load_content(BUNDLED)
    assert needs(content.ladders, {"clamshell": 0, "bridge": 2, "band_walk": 0}) == []
    both = needs(content.ladders, {"clamshell": 1, "bridge": 0, "band_walk": 2})
    assert both == ["a mini band (a small loop of elastic)"], "one band for both moves, said once"
    path = content_copy / "ladders.toml"
    path.write_text(path.read_text().replace('needs = "a mini band (a small loop of elastic)"\n', "", 1))
    assert any(problem.startswith("ladders.toml: clamshell.rungs[2]: needs: a rung with a band")
               for problem in problems_of(content_copy))


def test_every_exercise_is_on_a_ladder_and_every_step_names_one(content_copy: Path):
    path = content_copy / "ladders.toml"
    text = path.read_text()
    path.write_text(text[:text.index("[band_walk]")])
    problems = problems_of(content_copy)
    assert "ladders.toml: exercise 'lateral_band_walk' is on no ladder: how would it grow or shrink?" in problems
    assert "routines.toml: standard.steps[3]: ladder: unknown ladder 'band_walk'" in problems


def test_a_rung_tested_by_a_step_the_squeeze_test_lacks(content_copy: Path):
    path = content_copy / "ladders.toml"
    path.write_text(path.read_text().replace('"bridge_right"]', '"bridge_middle"]'))
    assert ("ladders.toml: bridge.rungs[3]: tested_by: 'bridge_middle' is not a squeeze-test step in quiz.toml"
            in problems_of(content_copy))


def test_a_figure_that_is_not_utf8_is_a_problem_not_a_crash(content_copy: Path):
    (content_copy / "figures" / "clamshell.txt").write_bytes(b"\xff\xfe\x00bad")
    assert any("figures/clamshell.txt cannot be read" in p for p in problems_of(content_copy))


def test_a_quiz_note_with_a_bad_placeholder(content_copy: Path):
    path = content_copy / "quiz.toml"
    text = path.read_text()
    assert "{side}" in text
    path.write_text(text.replace("{side}", "{side.nope}", 1))
    assert any("weaker_side_note: may only use the placeholders" in p for p in problems_of(content_copy))


def test_every_bundled_lesson_ends_with_references():
    for lesson in load_content(BUNDLED).lessons:
        assert lesson.sources, lesson.id
        for source in lesson.sources:
            # A reference names a year (or says why it has none: a web page, a book, an article).
            assert any(ch.isdigit() for ch in source) or "(" in source, (lesson.id, source)


def test_every_bundled_quiz_step_has_a_pain_answer_that_ends_the_test():
    quiz = load_content(BUNDLED).quiz
    for step in quiz.steps:
        pains = [option for option in step.options if option.pain]
        assert pains, step.id
        assert all(option.red_flag and option.pain in quiz.safety.pain for option in pains), step.id


def _set_sources(lesson: Path, line: str | None) -> None:
    front, body = lesson.read_text().split("+++")[1:3]
    kept = []
    skipping = False
    for row in front.splitlines():
        if row.startswith("sources"):
            skipping = not row.rstrip().endswith("]")
            continue
        if skipping:
            skipping = row.strip() != "]"
            continue
        kept.append(row)
    if line is not None:
        kept.append(line)
    lesson.write_text("+++" + "\n".join(kept) + "\n+++" + body)


@pytest.mark.parametrize("line,problem", [(None, "sources: is missing"), ("sources = []", "sources: must not be empty")])
def test_a_lesson_without_sources_is_refused(content_copy: Path, line: str | None, problem: str):
    lesson = content_copy / "lessons" / "08-safety.md"
    _set_sources(lesson, line)
    assert "safety = true" in lesson.read_text()  # only the sources changed
    assert f"lessons/08-safety.md: safety: {problem}" in problems_of(content_copy)


def test_check_content_fails_on_a_lesson_with_empty_sources(content_copy: Path, capsys):
    from gluteui.cli import main

    _set_sources(content_copy / "lessons" / "01-runners-paradox.md", "sources = []")
    assert main(["check-content", str(content_copy)]) != 0
    assert "lessons/01-runners-paradox.md: runners-paradox: sources: must not be empty" in capsys.readouterr().err


# Numbers: every numeric field is finite and in a range that makes sense for what it means.

LESSON = "lessons/01-runners-paradox.md"
CLAMSHELL_STEP = 'ladder = "clamshell"'
"""The first step of the standard routine."""
CLAMSHELL_RUNG = 'exercise = "clamshell"'
"""The clamshell's first rung; a tempo override is added after it."""

# (file, text to replace, its replacement with {} for the value, entry, field, values to refuse)
WHOLE = ("nan", "inf", "-1", "99999999999999999999", "1e300", "true")
"""Refused by every whole-number field; a field where 0 means nothing refuses "0" as well."""
SECONDS = ("nan", "inf", "-inf", "-1", "1e300", "99999999999999999999", "true")
NUMBER_FIELDS = [
    ("exercises.toml", "reps = 15", "reps = {}", "clamshell", "reps", WHOLE + ("0", "101")),
    ("exercises.toml", "up_s = 2", "up_s = {}", "clamshell", "up_s", SECONDS + ("0", "61")),
    ("exercises.toml", "hold_s = 0.5", "hold_s = {}", "clamshell", "hold_s", SECONDS + ("61",)),
    ("exercises.toml", "down_s = 2", "down_s = {}", "clamshell", "down_s", SECONDS + ("0", "60.5")),
    ("routines.toml", "get_ready_s = 5", "get_ready_s = {}", "standard", "get_ready_s", SECONDS + ("121",)),
    ("routines.toml", "switch_s = 5", "switch_s = {}", "standard", "switch_s", SECONDS + ("121",)),
    ("routines.toml", "rest_s = 10", "rest_s = {}", "standard", "rest_s", SECONDS + ("601",)),
    ("routines.toml", CLAMSHELL_STEP + "\nreps = 15", CLAMSHELL_STEP + "\nreps = {}", "standard.steps[1]", "reps",
     WHOLE + ("0", "101")),
    ("ladders.toml", CLAMSHELL_RUNG, CLAMSHELL_RUNG + "\nup_s = {}", "clamshell.rungs[1]", "up_s",
     SECONDS + ("0", "61")),
    ("ladders.toml", "hold_s = 3", "hold_s = {}", "bridge.rungs[2]", "hold_s", SECONDS + ("61",)),
    ("ladders.toml", CLAMSHELL_RUNG, CLAMSHELL_RUNG + "\ndown_s = {}", "clamshell.rungs[1]", "down_s",
     SECONDS + ("0", "61")),
    ("ladders.toml", "max_reps = 20", "max_reps = {}", "rules", "max_reps", WHOLE + ("0", "101")),
    ("ladders.toml", "max_hold_s = 5", "max_hold_s = {}", "rules", "max_hold_s", SECONDS + ("11",)),
    (LESSON, "\nminutes = 2\n", "\nminutes = {}\n", "runners-paradox", "minutes", WHOLE + ("0", "31")),
    ("quiz.toml", "hold_s = 30", "hold_s = {}", "stance_left", "hold_s", SECONDS + ("0", "0.5", "121")),
    ("quiz.toml", "score = 3", "score = {}", "squeeze_left.options[1]", "score", WHOLE + ("11",)),
    ("quiz.toml", "min_score = 7", "min_score = {}", "firing", "min_score", WHOLE + ("101",)),
    ("quiz.toml", "weaker_side_gap = 2", "weaker_side_gap = {}", "rules", "weaker_side_gap", WHOLE + ("0", "101")),
    ("quiz.toml", "step_up_at = 2", "step_up_at = {}", "rules", "step_up_at", WHOLE + ("0", "101")),
]
BAD_NUMBERS = [
    pytest.param(file, old, new.format(value), f"{file}: {entry}: {name}: ", value, id=f"{entry}.{name}={value}")
    for file, old, new, entry, name, values in NUMBER_FIELDS
    for value in values
]


def _replace(folder: Path, file: str, old: str, new: str) -> None:
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text, (file, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _shown(value: str) -> str:
    """How a problem quotes a TOML value: as Python writes what tomllib read."""
    return repr(tomllib.loads(f"value = {value}")["value"])


@pytest.mark.parametrize("file,old,new,where,value", BAD_NUMBERS)
def test_a_number_out_of_range_names_file_entry_field_and_value(
    content_copy: Path, file: str, old: str, new: str, where: str, value: str,
):
    _replace(content_copy, file, old, new)
    about = [p for p in problems_of(content_copy) if p.startswith(where)]
    assert len(about) == 1, about  # reported once, not again by each routine step that inherits it
    assert about[0].endswith(f", got {_shown(value)}"), about


@pytest.mark.parametrize("file,old,new,problem", [
    ("exercises.toml", "reps = 15", "reps = 0", "clamshell: reps: must be at least 1 and at most 100, got 0"),
    ("exercises.toml", "up_s = 2", "up_s = nan", "clamshell: up_s: must be above 0 and at most 60, got nan"),
    ("exercises.toml", "hold_s = 0.5", "hold_s = inf", "clamshell: hold_s: must be at least 0 and at most 60, got inf"),
    ("routines.toml", "rest_s = 10", "rest_s = 1e300", "standard: rest_s: must be at least 0 and at most 600, got 1e+300"),
    ("routines.toml", "switch_s = 5", "switch_s = -1", "standard: switch_s: must be at least 0 and at most 120, got -1"),
    ("quiz.toml", "score = 3", "score = 99999999999999999999",
     "squeeze_left.options[1]: score: must be at least 0 and at most 10, got 99999999999999999999"),
    ("quiz.toml", "hold_s = 30", "hold_s = 600", "stance_left: hold_s: must be at least 1 and at most 120, got 600"),
])
def test_a_number_problem_says_the_range(content_copy: Path, file: str, old: str, new: str, problem: str):
    _replace(content_copy, file, old, new)
    assert f"{file}: {problem}" in problems_of(content_copy)


def test_a_boolean_is_not_a_number(content_copy: Path):
    _replace(content_copy, "exercises.toml", "reps = 15", "reps = true")
    _replace(content_copy, "routines.toml", "rest_s = 10", "rest_s = true")
    _replace(content_copy, "quiz.toml", "step_up_at = 2", "step_up_at = false")
    problems = problems_of(content_copy)
    assert "exercises.toml: clamshell: reps: must be a whole number, got True" in problems
    assert "routines.toml: standard: rest_s: must be a number, got True" in problems
    assert "quiz.toml: rules: step_up_at: must be a whole number, got False" in problems


def test_every_bad_number_is_listed_at_once(content_copy: Path):
    _replace(content_copy, "exercises.toml", "up_s = 2", "up_s = nan")
    _replace(content_copy, "routines.toml", "rest_s = 10", "rest_s = inf")
    _replace(content_copy, LESSON, "\nminutes = 2\n", "\nminutes = 0\n")
    _replace(content_copy, "quiz.toml", "hold_s = 30", "hold_s = -5")
    problems = problems_of(content_copy)
    for where in ("exercises.toml: clamshell: up_s:", "routines.toml: standard: rest_s:",
                  f"{LESSON}: runners-paradox: minutes:", "quiz.toml: stance_left: hold_s:"):
        assert sum(p.startswith(where) for p in problems) == 1, (where, problems)
    assert len(problems) == 4, problems


@pytest.mark.parametrize("file,old,new", [
    ("exercises.toml", "reps = 15", "reps = 100"),
    ("exercises.toml", "hold_s = 0.5", "hold_s = 0"),  # no hold: the timeline leaves it out
    ("exercises.toml", "up_s = 2", "up_s = 60"),
    ("routines.toml", "get_ready_s = 5", "get_ready_s = 0"),
    ("routines.toml", "switch_s = 5", "switch_s = 120"),
    ("routines.toml", "rest_s = 10", "rest_s = 600"),
    (LESSON, "\nminutes = 2\n", "\nminutes = 30\n"),
    ("quiz.toml", "hold_s = 30", "hold_s = 120"),
])
def test_numbers_at_the_ends_of_their_range_load(content_copy: Path, file: str, old: str, new: str):
    _replace(content_copy, file, old, new)
    load_content(content_copy)


@pytest.mark.parametrize("old,new,problem", [
    ("weaker_side_gap = 2", "weaker_side_gap = 10",
     "quiz.toml: rules: weaker_side_gap: is above the highest score a side can reach (9)"),
    ("step_up_at = 2", "step_up_at = 3",
     "quiz.toml: rules: step_up_at: is above the highest sitting load the steps can reach (2)"),
])
def test_a_quiz_threshold_the_steps_cannot_reach_is_refused(content_copy: Path, old: str, new: str, problem: str):
    _replace(content_copy, "quiz.toml", old, new)
    assert problems_of(content_copy) == [problem]


def test_check_content_fails_on_a_nan_tempo(content_copy: Path, capsys):
    from gluteui.cli import main

    _replace(content_copy, "exercises.toml", "down_s = 2", "down_s = nan")
    assert main(["check-content", str(content_copy)]) != 0
    err = capsys.readouterr().err
    assert "exercises.toml: clamshell: down_s: must be above 0 and at most 60, got nan" in err
    assert "1 problem(s)" in err


@pytest.mark.parametrize("old,new,problem", [
    ("lead_in_s = 12", "lead_in_s = 2", "bridge_left: lead_in_s: must be at least 3 and at most 60, got 2"),
    ('position = "On your back. Right foot up."', 'position = "' + "x" * 41 + '"',
     "bridge_left: position: must fit in 40 characters, has 41"),
    ('title = "Time in a chair"', 'title = "Time in a chair"\nlead_in_s = 5',
     "sitting: lead_in_s: belongs to a timed check: this step has no hold_s"),
])
def test_a_timed_check_s_lead_in_and_position(content_copy: Path, old: str, new: str, problem: str):
    _replace(content_copy, "quiz.toml", old, new)
    assert f"quiz.toml: {problem}" in problems_of(content_copy)


def test_the_squeeze_test_s_phrases_must_have_their_words(content_copy: Path):
    _replace(content_copy, "voice/phrases.toml", 'time = "Time."\n', "")
    problems = problems_of(content_copy)
    assert any(p.startswith("voice/phrases.toml: ") and p.endswith("time: is missing") for p in problems)


def test_every_sentence_of_the_bundled_exercises_ends_with_its_stop():
    """What the player shows as a sentence (setup, "Feel it", mistakes and fixes) ends in . ? or !;
    cues, names and list items are phrases, and switch hints get their stop from the player."""
    unfinished = []
    for exercise in load_content(BUNDLED).exercises.values():
        sentences = [exercise.feel_it, *exercise.setup]
        sentences += [text for mistake in exercise.mistakes for text in (mistake.mistake, mistake.fix)]
        unfinished += [f"{exercise.id}: {text}" for text in sentences if text.rstrip()[-1:] not in (".", "?", "!")]
    assert unfinished == []
