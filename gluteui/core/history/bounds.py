"""Limits on what GluteUI reads: a data file, an import or a backup could be anything.

The record classes bound each field they know (values.py). These limits cover the rest:
how big a file may be, and how deeply its JSON may nest, so that a hostile file is
refused in one line instead of exhausting memory or Python's recursion limit later.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from gluteui.core.regular_file import read_regular

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Fifty years of daily sessions take about 20 MB."""
_CONTAINERS = (dict, list)
MAX_DEPTH = 8
"""Nesting allowed inside one document; GluteUI's own documents need 3 (reps per side)."""


def read_text(path: Path, limit: int | None = None) -> str | None:
    """The file's text, None when it is missing; ValueError when too large or not UTF-8.

    OSError (permissions, a folder in the way, a FIFO: NotRegularFile) passes through:
    unreadable is not damaged.
    """
    limit = MAX_FILE_BYTES if limit is None else limit  # read now, not when this was defined
    try:
        data = read_regular(path, limit)
    except FileNotFoundError:
        return None
    if len(data) > limit:
        raise ValueError(f"larger than the {limit // (1024 * 1024)} MB limit")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None


MAX_DIGITS = 30
"""An integer written with more digits is read as a stand-in that no field accepts."""


def _bounded_int(digits: str) -> int | dict[str, int]:
    # An object stands in: no field that holds text or a count accepts one, so the entry
    # holding the number is skipped as damaged, and the stand-in still writes out as JSON.
    return int(digits) if len(digits) <= MAX_DIGITS else {"unreadable_number_digits": len(digits)}


def _no_constant(word: str) -> dict[str, str]:
    # NaN and Infinity are not JSON, though Python writes and reads them: a stand-in no field
    # accepts, as for a huge integer, so they never reach a record or the file again.
    return {"unreadable_number": word}


def _finite(digits: str) -> float | dict[str, str]:
    value = float(digits)
    return value if math.isfinite(value) else _no_constant(digits)  # 1e400 reads as inf


def loads(text: str) -> Any:
    """Parse JSON; ValueError (never RecursionError) for anything that is not sound JSON.

    An integer too long for Python to convert (thousands of digits), NaN, Infinity and a
    float too large for a float become a short object in their place, so the entry holding
    one is skipped as damaged instead of the whole file, and nothing writes them out again.
    """
    try:
        try:
            return json.loads(text, parse_constant=_no_constant, parse_float=_finite)
        except json.JSONDecodeError:
            raise
        except ValueError:  # "Exceeds the limit (4300 digits) for integer string conversion"
            # Read again with every integer checked, which is slower: only for such a file.
            return json.loads(text, parse_int=_bounded_int, parse_constant=_no_constant,
                              parse_float=_finite)
    except json.JSONDecodeError as error:
        raise ValueError(f"invalid JSON at line {error.lineno}") from None
    except RecursionError:
        raise ValueError("nested too deeply to be GluteUI's") from None


def too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether `value` nests objects or lists more than `limit` levels (a flat object is 1)."""
    kind = type(value)
    if kind is dict:
        children = value.values()
    elif kind is list:
        children = value
    else:
        return False
    if limit <= 0:
        return True
    # Recursion at most `limit` deep; only containers recurse, and a history is mostly scalars.
    for child in children:
        if type(child) in _CONTAINERS and too_deep(child, limit - 1):
            return True
    return False


def _malformed(doc_id: str, doc: Any, key_field: str | None) -> bool:
    # Document ids must be plain digits (few enough for int()) for a new document to get
    # the next one; a keyed table's document must hold its key as text.
    if not (doc_id.isascii() and doc_id.isdigit() and len(doc_id) <= 18) or type(doc) is not dict:
        return True
    return key_field is not None and not isinstance(doc.get(key_field), str)


def set_aside_damaged(tables: dict[str, Any], key_fields: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Remove documents that are malformed or nested too deeply (in single-document tables,
    only the values nested too deeply), so one bad entry does not cost the whole file.

    `key_fields` names the key of each keyed table. Tables that are not objects are left
    for the caller to refuse. Returns what was removed, in the same layout, to keep apart.
    """
    removed: dict[str, dict[str, Any]] = {}
    for name, docs in tables.items():
        if type(docs) is not dict:
            continue
        for doc_id, doc in list(docs.items()):
            if _malformed(doc_id, doc, key_fields.get(name)):
                removed.setdefault(name, {})[doc_id] = docs.pop(doc_id)
                continue
            if not too_deep(doc):
                continue
            if name in ("settings", "settings_changed", "meta"):
                # One level less than the document: a value exactly at the limit makes the
                # document too deep, and must go with it, or it is found again on every read.
                deep = {key: value for key, value in doc.items() if too_deep(value, MAX_DEPTH - 1)}
                for key in deep:
                    del doc[key]
                removed.setdefault(name, {})[doc_id] = deep
            else:
                removed.setdefault(name, {})[doc_id] = docs.pop(doc_id)
    return removed
