"""Lessons: one Markdown file each, with TOML front matter between `+++` lines."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from gluteui.core.anatomy import STATES, State
from gluteui.core.content.fields import Entry, Problems
from gluteui.core.content.triage import LESSON_MARKER

LESSON_ACTIONS = ("quiz", "player")
"""Destinations a lesson can end by offering (Enter opens them)."""
FRONT_MATTER = "+++"
MINUTES_MAX = 30
"""A lesson's reading time: the bundled ones take 2-3 minutes; past half an hour it is a
typo, or several lessons in one."""


@dataclass(frozen=True)
class Lesson:
    """One lesson from content/lessons: its front matter and Markdown body."""

    id: str
    title: str
    minutes: int
    takeaway: str
    sources: tuple[str, ...]
    action: str | None
    figure: State | None
    """The anatomy figure shown above the text, in this state; None for no figure."""
    safety: bool
    """The lesson on pain and red flags: the list marks it and Lessons points to it."""
    body: str
    """Markdown, without the front matter."""


def _split(text: str) -> tuple[str, str] | None:
    """(front matter, body), or None when the file does not open with a `+++` block."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != FRONT_MATTER:
        return None
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == FRONT_MATTER:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1:]).strip()
    return None


def load_lesson(path: Path, problems: Problems, triage: str = "") -> Lesson | None:
    """Read one lesson file; record what is wrong with it and return None if it is unusable.

    The safety lesson's `<!-- triage -->` line becomes `triage`, the red flags by urgency
    from content/triage.toml, so the lesson never lists a sign in words of its own.
    """
    file = f"lessons/{path.name}"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problems.add(file, "", "", f"cannot be read ({error})")
        return None
    parts = _split(text)
    if parts is None:
        problems.add(file, "", "front matter", f"must open with a {FRONT_MATTER} block and close it")
        return None
    front, body = parts
    try:
        data = tomllib.loads(front)
    except tomllib.TOMLDecodeError as error:
        problems.add(file, "", "front matter", f"is not valid TOML ({error})")
        return None
    entry = Entry(file, str(data.get("id", path.stem)), data, problems)
    action = entry.optional_text("action")
    if action is not None and action not in LESSON_ACTIONS:
        entry.fail("action", f"must be one of {', '.join(LESSON_ACTIONS)}, got {action!r}")
    if not body:
        entry.fail("body", "is empty")
    safety = entry.boolean("safety", default=False)
    if safety and LESSON_MARKER not in body.splitlines():
        entry.fail("body", f"must have a {LESSON_MARKER} line, where the red flags by urgency go")
    body = "\n".join(triage if line == LESSON_MARKER else line for line in body.splitlines())
    lesson = Lesson(
        id=entry.text("id"),
        title=entry.text("title"),
        minutes=entry.integer("minutes", minimum=1, maximum=MINUTES_MAX),
        takeaway=entry.text("takeaway"),
        sources=entry.texts("sources"),
        action=action,
        figure=entry.choice("figure", STATES, default=None),
        safety=safety,
        body=body,
    )
    entry.finish()
    return lesson


def load_lessons(folder: Path, problems: Problems, triage: str = "") -> tuple[Lesson, ...]:
    """Every `*.md` in the folder, in file-name order (name them 01-..., 02-...)."""
    if not folder.is_dir():
        return ()
    lessons = [load_lesson(path, problems, triage) for path in sorted(folder.glob("*.md"))]
    found = [lesson for lesson in lessons if lesson is not None]
    seen: set[str] = set()
    for lesson in found:
        if lesson.id in seen:
            problems.add("lessons", lesson.id, "id", "is used by more than one lesson")
        seen.add(lesson.id)
    return tuple(found)
