"""The content loader: good content loads; each kind of mistake names file, entry and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gluteui import locations
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
    assert [step.exercise.id for step in standard.steps] == [
        "clamshell", "single_leg_bridge", "lateral_band_walk",
    ]
    assert standard.steps[0].reps == 15
    assert standard.steps[1].reps == 10 and standard.steps[1].tempo.hold_s == 2


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


def test_routine_naming_an_unknown_exercise(content_copy: Path):
    path = content_copy / "routines.toml"
    path.write_text(path.read_text().replace('exercise = "clamshell"', 'exercise = "clamshel"', 1))
    problems = problems_of(content_copy)
    assert any("routines.toml" in p and "exercise: unknown exercise 'clamshel'" in p for p in problems)


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


def test_a_routine_override_cannot_remove_the_lift(content_copy: Path):
    path = content_copy / "routines.toml"
    path.write_text(path.read_text().replace('exercise = "clamshell"', 'exercise = "clamshell"\nup_s = 0', 1))
    assert any("routines.toml" in p and "up_s: must be above 0" in p for p in problems_of(content_copy))


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
