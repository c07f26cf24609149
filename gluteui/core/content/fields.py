"""Typed reading of one content entry, collecting every mistake with file, entry and field."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class ContentError(Exception):
    """Content that cannot be used. `problems` lists every mistake found, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{problems[0]}{more}")


@dataclass
class Problems:
    """Mistakes gathered while loading, so check-content can report them all at once."""

    lines: list[str] = field(default_factory=list)

    def add(self, file: str, entry: str, field_name: str, problem: str) -> None:
        where = ": ".join(part for part in (file, entry, field_name) if part)
        self.lines.append(f"{where}: {problem}")

    def raise_if_any(self) -> None:
        if self.lines:
            raise ContentError(self.lines)


_MISSING = object()


class Entry:
    """One table of a content file; each getter records a problem and returns a stand-in."""

    def __init__(self, file: str, entry: str, data: Any, problems: Problems) -> None:
        self.file = file
        self.entry = entry
        self.problems = problems
        if not isinstance(data, dict):
            self.fail("", f"must be a table, not {type(data).__name__}")
            data = {}
        self.data: dict[str, Any] = data
        self.seen: set[str] = set()

    def fail(self, name: str, problem: str) -> None:
        self.problems.add(self.file, self.entry, name, problem)

    def _get(self, name: str, kinds: tuple[type, ...], label: str, default: Any) -> Any:
        self.seen.add(name)
        value = self.data.get(name, _MISSING)
        if value is _MISSING:
            if default is _MISSING:
                self.fail(name, "is missing")
                return None
            return default
        # bool is an int in Python; a number field must not accept true/false.
        if not isinstance(value, kinds) or (bool not in kinds and isinstance(value, bool)):
            self.fail(name, f"must be {label}, got {value!r}")
            return None
        return value

    def text(self, name: str, default: Any = _MISSING) -> str:
        value = self._get(name, (str,), "text", default)
        if isinstance(value, str) and not value.strip() and default is _MISSING:
            self.fail(name, "is empty")
        return value if isinstance(value, str) else ""

    def optional_text(self, name: str) -> str | None:
        value = self._get(name, (str,), "text", None)
        return value or None

    def number(
        self, name: str, default: Any = _MISSING, *, minimum: float = 0, maximum: float, exclusive: bool = False,
    ) -> float:
        """A number from `minimum` (or above it, when `exclusive`) to `maximum`: nan and inf never pass."""
        value = self._get(name, (int, float), "a number", default)
        if value is None or not self._in_range(name, value, minimum, maximum, exclusive):
            return 0.0 if default is _MISSING else default
        return float(value)

    def integer(self, name: str, default: Any = _MISSING, *, minimum: int = 0, maximum: int) -> int:
        """A whole number from `minimum` to `maximum`."""
        value = self._get(name, (int,), "a whole number", default)
        if value is None or not self._in_range(name, value, minimum, maximum):
            return 0 if default is _MISSING else default
        return int(value)

    def _in_range(self, name: str, value: float, minimum: float, maximum: float, exclusive: bool = False) -> bool:
        """Record a problem for a value outside the range. The comparisons refuse nan and
        ±inf too, and come before any float(): TOML integers have no size limit. A default
        stands for a missing field and is not checked: it was checked where it came from."""
        if name not in self.data:
            return True
        low_ok = minimum < value if exclusive else minimum <= value
        if low_ok and value <= maximum:
            return True
        low = "above" if exclusive else "at least"
        self.fail(name, f"must be {low} {minimum:g} and at most {maximum:g}, got {value!r}")
        return False

    def boolean(self, name: str, default: Any = _MISSING) -> bool:
        value = self._get(name, (bool,), "true or false", default)
        return bool(value)

    def texts(self, name: str, default: Any = _MISSING, non_empty: bool = True) -> tuple[str, ...]:
        value = self._get(name, (list,), "a list of text", default)
        if value is None:
            return ()
        if not all(isinstance(item, str) and item.strip() for item in value):
            self.fail(name, "must hold only non-empty text")
            return ()
        if non_empty and not value:
            self.fail(name, "must not be empty")
        return tuple(value)

    def choice(self, name: str, choices: tuple[str, ...], default: Any = _MISSING) -> Any:
        """One of `choices`; a missing field gives `default` (which may be None)."""
        value = self._get(name, (str,), "text", default)
        if value is not None and value not in choices:
            self.fail(name, f"must be one of {', '.join(choices)}, got {value!r}")
            return choices[0]
        if value is None:
            return choices[0] if default is _MISSING else default
        return value

    def tables(self, name: str, default: Any = _MISSING) -> list[Any]:
        value = self._get(name, (list,), "a list of tables", default)
        return value if isinstance(value, list) else []

    def table(self, name: str, default: Any = _MISSING) -> Entry:
        """A nested table, read like an entry of its own ("clamshell.cues")."""
        value = self._get(name, (dict,), "a table", {} if default is _MISSING else default)
        return Entry(self.file, f"{self.entry}.{name}", value if isinstance(value, dict) else {}, self.problems)

    def finish(self) -> None:
        """Report keys nobody read: a typo in a key would otherwise be silently ignored."""
        for key in sorted(set(self.data) - self.seen):
            self.fail(key, "is not a known field")


def read_toml(path: Path, problems: Problems, name: str | None = None) -> dict[str, Any] | None:
    """A TOML file as a dict, or None with the reason recorded against the file (`name`)."""
    name = name or path.name
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        problems.add(name, "", "", "file is missing")
    except (OSError, UnicodeDecodeError) as error:
        problems.add(name, "", "", f"cannot be read ({error})")
    except tomllib.TOMLDecodeError as error:
        problems.add(name, "", "", f"is not valid TOML ({error})")
    return None
