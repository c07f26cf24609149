"""Care with XML from anywhere: refuse DTDs before a parser sees the file, and tell a
truncated file from a damaged one.

A DTD is where entity tricks live (the "billion laughs", external entities that read
local files); GPX and TCX never need one, so a file with a DOCTYPE is refused outright.
This is what defusedxml does, in a few lines of the standard library's expat.
"""

from __future__ import annotations

import codecs
import re
from xml.parsers import expat

from gluteui.core.runs.errors import RunFileError


class _Root(Exception):
    def __init__(self, tag: str) -> None:
        self.tag = tag


class _Doctype(Exception):
    pass


def _on_root(tag: str, _attributes: object) -> None:
    raise _Root(tag)


def _on_doctype(*_args: object) -> None:
    raise _Doctype


def root_tag(data: bytes, what: str) -> str:
    """The local name of the document's root element, read no further than that.

    RunFileError "not a <what> file" when the bytes are not XML, or when a DOCTYPE comes
    before the root (the only place XML allows one).
    """
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = _on_doctype
    parser.StartElementHandler = _on_root
    try:
        parser.Parse(data, True)
    except _Root as root:
        return root.tag.rpartition(" ")[2]
    except _Doctype:
        raise RunFileError(f"not a {what} file (it declares a DTD)") from None
    except (expat.ExpatError, ValueError, LookupError):
        pass  # LookupError: an encoding name expat does not know
    raise RunFileError(f"not a {what} file")


def broken(data: bytes) -> RunFileError:
    """The error for XML that began well but did not parse: "truncated" when everything
    there is a sound start of a document (so only the end is missing), else damaged."""
    parser = expat.ParserCreate()
    try:
        parser.Parse(data, False)  # False: more could follow, so an open element is fine
    except (expat.ExpatError, ValueError, LookupError):
        return RunFileError("damaged XML")
    return RunFileError("truncated")


_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']""")


def xml_text(data: bytes) -> str:
    """The document as text, decoded as its byte-order mark or declaration says (UTF-8 if
    neither): gpxpy wants text, and an old GPS writes ISO-8859-1 names."""
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        declared = _DECLARED.match(data[:200])
        encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise RunFileError(f"not {encoding.upper().removesuffix('-SIG')} text") from None
