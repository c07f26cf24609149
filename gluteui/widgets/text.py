"""The one way text from data reaches the screen: as plain text, never as markup.

A routine id, a verdict, an exercise name, a path or a notice quoting a bad value can hold
`[/]` or `[red]`; Textual would read those as markup (or fail on them). Markup written in
the code goes through `markup`, with every value from data passed as a `$name` variable,
which Textual inserts as plain text (and printable: each value is one line, and a name or
a path from a file could hold escape codes); text shown on its own goes through `plain`.
"""

from __future__ import annotations

from textual.content import Content

from gluteui.core.text import printable


def markup(template: str, **values: object) -> Content:
    """`template` is our own markup; each `$name` in it is filled from `values`, as plain text."""
    return Content.from_markup(template, **{name: printable(str(value)) for name, value in values.items()})


def plain(text: str) -> Content:
    """Text from data or content, shown exactly as written."""
    return Content(text)
