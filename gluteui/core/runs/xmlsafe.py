"""Care with XML from anywhere: refuse DTDs before a parser sees the file, read documents
as devices really write them, and tell a truncated file from a damaged one.

A DTD is where entity tricks live (the "billion laughs", external entities that read
local files); GPX and TCX never need one, so a file with a DOCTYPE is refused outright.
This is what defusedxml does, in a few lines of the standard library's expat.

Devices write XML the standard would refuse, and the runs in it are whole all the same:
Strava's bulk export puts spaces before `<?xml`, and some apps use a namespace prefix
(`gpxtpx:`) they never declare. The spaces (and a byte-order mark among them) are cut, and
a document with an undeclared prefix is read again without namespaces, each tag keeping
its prefix; the DTD refusal comes first either way.
"""

from __future__ import annotations

import codecs
from xml.etree import ElementTree
from xml.parsers import expat

from gluteui.core.runs.errors import RunFileError

_UNBOUND_PREFIX = expat.errors.codes[expat.errors.XML_ERROR_UNBOUND_PREFIX]


class _Root(Exception):
    def __init__(self, tag: str) -> None:
        self.tag = tag


class _Doctype(Exception):
    pass


def _on_root(tag: str, _attributes: object) -> None:
    raise _Root(tag)


def _on_doctype(*_args: object) -> None:
    raise _Doctype


def local(tag: str) -> str:
    """A tag's name without its namespace: "{http://...}trkpt", "gpx:trkpt" and "trkpt"
    are all "trkpt"."""
    return tag.rpartition("}")[2].rpartition(":")[2]


def children(element: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    """The child elements of `element` named `name`, whatever their namespace."""
    return [child for child in element if local(child.tag) == name]


def child_text(element: ElementTree.Element, name: str) -> str | None:
    """The text of the first child named `name`, stripped; None when there is none."""
    found = children(element, name)
    text = found[0].text.strip() if found and found[0].text else ""
    return text or None


def trimmed(data: bytes) -> bytes:
    """`data` without the whitespace and UTF-8 byte-order marks some writers put before
    the XML declaration, which must otherwise come first."""
    while True:
        cut = data.lstrip(b" \t\r\n").removeprefix(codecs.BOM_UTF8)
        if cut == data:
            return data
        data = cut


def root_tag(data: bytes, what: str) -> str:
    """The local name of the document's root element, read no further than that.

    RunFileError "not a <what> file" when the bytes are not XML, or when a DOCTYPE comes
    before the root (the only place XML allows one).
    """
    parser = expat.ParserCreate()  # no namespaces: an undeclared prefix is only a name here
    parser.StartDoctypeDeclHandler = _on_doctype
    parser.StartElementHandler = _on_root
    try:
        parser.Parse(data, True)
    except _Root as root:
        return local(root.tag)
    except _Doctype:
        raise RunFileError(f"not a {what} file (it declares a DTD)") from None
    except (expat.ExpatError, ValueError, LookupError):
        pass  # LookupError: an encoding name expat does not know
    raise RunFileError(f"not a {what} file")


def read_tree(data: bytes, what: str, root: str) -> ElementTree.Element:
    """The document in `data` as an element tree, its root element named `root`.

    RunFileError "not a <what> file" for anything else (or a DTD), "truncated" or
    "damaged XML" for a document that does not parse.
    """
    data = trimmed(data)
    if root_tag(data, what) != root:
        raise RunFileError(f"not a {what} file")
    try:
        return ElementTree.fromstring(data)  # safe: root_tag refused any DTD above
    except ElementTree.ParseError as error:
        if error.code != _UNBOUND_PREFIX:
            raise broken(data) from None
    return _without_namespaces(data)


def _without_namespaces(data: bytes) -> ElementTree.Element:
    """The tree of a document read without namespace processing (tags keep prefixes)."""
    builder = ElementTree.TreeBuilder()
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartDoctypeDeclHandler = _on_doctype
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
        return builder.close()
    except (expat.ExpatError, _Doctype, ValueError, LookupError):
        raise broken(data) from None


def broken(data: bytes) -> RunFileError:
    """The error for XML that began well but did not parse: "truncated" when everything
    there is a sound start of a document (so only the end is missing), else damaged."""
    parser = expat.ParserCreate()
    try:
        parser.Parse(data, False)  # False: more could follow, so an open element is fine
    except (expat.ExpatError, ValueError, LookupError):
        return RunFileError("damaged XML")
    return RunFileError("truncated")
