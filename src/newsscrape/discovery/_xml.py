"""A hardened, streaming XML reader for sitemaps and feeds: bytes in (gzip or not), elements out.

Why lxml and not defusedxml: lxml is already installed (trafilatura needs it), its pull parser
streams (``feed`` chunk by chunk, elements cleared as they are read, so a 50 MB sitemap is never a
50 MB tree), and it is hardened by options: ``resolve_entities=False`` (no entity is substituted),
``no_network=True`` (no external DTD or entity is fetched), ``load_dtd=False``, ``huge_tree=False``
(libxml2's depth and text-size limits stay on). On top, libxml2 refuses entity amplification, and
we refuse any ``<!ENTITY`` declaration in the prolog outright: sitemaps and feeds never need one, so
a billion-laughs document ends at its first kilobyte with a clear ``entities`` note.
defusedxml would add a dependency to get the same refusal on top of expat, whose tree we would
then have to stream by hand.

Limits (the sitemap protocol's, applied to feeds too): ``max_bytes`` of *uncompressed* XML
(a gzip bomb is cut off at that size, whatever its compressed size) and the caller's own
count of entries.

    >>> stream = XmlStream(max_bytes=50 * 2**20)
    >>> [element.tag for element in stream.feed(b"<urlset><url><loc>https://example.com/1</loc>")]
    ['loc']
    >>> [element.tag for element in stream.feed(b"</url></urlset>")]  # each element ended; cleared after use
    ['url', 'urlset']
    >>> [element.tag for element in stream.close()]
    []
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Final

from lxml import etree

from .._files import GZIP_MAGIC
from ._model import NoteKind

PROLOG_WINDOW: Final = 64 * 1024  # an internal DTD subset sits at the top of the file
ENTITY_DECL: Final = b"<!ENTITY"
HTML_STARTS: Final = (b"<!doctype html", b"<html")


class Unusable(Exception):
    """The document cannot be (further) read; ``kind`` says why. Entries read before stay valid."""

    def __init__(self, kind: NoteKind, message: str) -> None:
        super().__init__(message)
        self.kind: NoteKind = kind
        self.message = message


def local(tag: object) -> str:
    """The local name of an lxml tag, without its namespace: ``{ns}loc`` -> ``loc``."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def looks_like_html(head: bytes) -> bool:
    """Does a body that should be XML start like an HTML page?

    >>> looks_like_html(b"  <!DOCTYPE html><html>"), looks_like_html(b"<?xml version='1.0'?><rss>")
    (True, False)
    """
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith(HTML_STARTS)


class XmlStream:
    """Feed raw bytes (gzip-compressed or not); get back each element as it ends."""

    def __init__(self, *, max_bytes: int, tags: tuple[str, ...] | None = None) -> None:
        self._max = max_bytes
        self._size = 0
        self._gunzip: zlib._Decompress | None = None
        self._decided = False
        self._head = bytearray()
        self.root: str | None = None  # local name of the document element, once seen
        # ``tags`` ("{*}url", ...) limits the events to the elements wanted, and their root: a
        # third of the Python work per sitemap entry. Other elements are still parsed (children).
        self._parser = etree.XMLPullParser(
            events=("start", "end"),
            tag=tags,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
        )

    def feed(self, data: bytes) -> Iterator[etree._Element]:
        """The elements that ended within ``data``. Raises Unusable (limits, entities, malformed XML)."""
        if not self._decided:
            self._decided = True
            if data.startswith(
                GZIP_MAGIC
            ):  # a .xml.gz file (not a Content-Encoding: the fetcher decodes those)
                self._gunzip = zlib.decompressobj(wbits=31)
        if self._gunzip is None:
            yield from self._xml(data)
            return
        while data:
            room = self._max - self._size + 1  # one byte more than allowed tells "over the limit"
            try:
                out = self._gunzip.decompress(data, room)
            except zlib.error as exc:
                raise Unusable("malformed", f"broken gzip: {exc}") from exc
            yield from self._xml(out)
            data = self._gunzip.unconsumed_tail
            if self._gunzip.eof:
                break

    def close(self) -> Iterator[etree._Element]:
        """The elements left once every byte was fed; Unusable if the document is incomplete."""
        if self._gunzip is not None and not self._gunzip.eof and self._size:
            raise Unusable("malformed", "gzip data cut short")
        try:
            root = self._parser.close()
        except etree.XMLSyntaxError as exc:
            raise Unusable("malformed", f"malformed XML: {exc}") from exc
        yield from self._events()
        if self.root is None and root is not None:  # no wanted element at all: the root tells what it was
            self.root = local(root.tag)

    def _xml(self, data: bytes) -> Iterator[etree._Element]:
        if not data:
            return
        self._size += len(data)
        if self._size > self._max:
            raise Unusable("too_large", f"over {self._max // 2**20} MB uncompressed: the rest is ignored")
        if len(self._head) < PROLOG_WINDOW:
            self._head += data[: PROLOG_WINDOW - len(self._head)]
            if looks_like_html(bytes(self._head[:64])):
                raise Unusable("not_a_feed", "an HTML page, not XML")
            if ENTITY_DECL in self._head:
                raise Unusable("entities", "declares XML entities (refused: no sitemap or feed needs them)")
        try:
            self._parser.feed(data)
        except etree.XMLSyntaxError as exc:
            yield from self._events()  # the elements that ended before the fault are good
            raise Unusable("malformed", f"malformed XML: {exc}") from exc
        yield from self._events()

    def _events(self) -> Iterator[etree._Element]:
        try:
            for event, element in self._parser.read_events():
                if event == "start":
                    if self.root is None:
                        self.root = local(element.tag)
                    continue
                yield element
        except etree.XMLSyntaxError as exc:
            raise Unusable("malformed", f"malformed XML: {exc}") from exc


def forget(element: etree._Element) -> None:
    """Free an element that was read, and its earlier siblings, so memory stays flat while streaming."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def text_of(element: etree._Element, name: str) -> str | None:
    """The stripped text of the first child with local name ``name`` (any namespace)."""
    for child in element:
        if local(child.tag) == name:
            text = (child.text or "").strip()
            return text or None
    return None
