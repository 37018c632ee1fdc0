"""Bytes -> str for HTML: BOM > evident UTF-8 > HTTP header > ``<meta>`` prescan > detection > UTF-8.

    >>> decode_html('<meta charset="windows-1251"><p>Привет'.encode("cp1251"))
    '<meta charset="windows-1251"><p>Привет'

Rules, in order, and why:

1. Empty or whitespace-only bytes are ``ExtractError(reason="empty")``; bytes that start with a
   binary file signature (PDF, PNG, JPEG, GIF, ZIP, gzip ...) or are full of NUL bytes are
   ``ExtractError(reason="not_html")`` -- decoding them would only feed noise to the parser; so
   is a JSON document (an API's answer, a JSON feed), whose text would come back as one paragraph
   of an "article", and an XML feed or sitemap (``newsscrape discover`` reads those). Plain text
   stays a page: a text file is read as one.
2. A byte order mark wins over everything, the HTTP header included. This follows the WHATWG
   "decode" algorithm that browsers implement (and w3lib's order): the BOM is written into the
   bytes by whoever wrote the text, while the header is often a server-wide default.
3. The HTTP header charset, when it is a known label.
4. ``<meta charset>`` / ``<meta http-equiv="Content-Type" content="...; charset=...">`` found by a
   bytes scan of the first ``PRESCAN_BYTES`` (the HTML spec's prescan, minus its state machine).
5. No declaration: strict UTF-8 (the common case, and ASCII is UTF-8), then charset_normalizer on
   a bounded prefix, then UTF-8 with replacement characters.

Before 3 and 4: bytes that are valid UTF-8 and use multi-byte sequences are UTF-8 whatever the
header or ``<meta>`` says. Legacy-encoded text practically never passes strict UTF-8 by accident,
while UTF-8 pages under a stale windows-1252/EUC-KR declaration are common (mojibake otherwise).

A declaration is trusted unless the bytes contradict it: when the declared encoding cannot decode
them strictly, the next declaration (header, then meta) is tried; when every declaration fails,
the first one is used with U+FFFD replacements -- a page with one stray byte keeps its encoding.
Labels are mapped as the WHATWG Encoding Standard does ("latin1", "iso-8859-1" and "ascii" mean
windows-1252, "shift_jis" means cp932, "gb2312" means gb18030 ...); unknown labels are ignored.
"""

from __future__ import annotations

import codecs
import html
import json
import re
from typing import Final

from charset_normalizer import from_bytes

from ..errors import ExtractError

# The HTML spec prescans 1024 bytes; real heads often carry kilobytes of inline script and
# preload links before their <meta charset>, so we look a little further. Cheap: one regex.
PRESCAN_BYTES: Final = 4096
# charset_normalizer's cost grows with input; a prefix this size is plenty to tell encodings apart.
DETECT_BYTES: Final = 32 * 1024
# A text document has no NUL bytes; a few stray ones happen, this share of the sample does not.
MAX_NUL_SHARE: Final = 0.05
MIN_NULS: Final = 4  # so one stray NUL in a tiny snippet does not condemn it

# File signatures of things a server may send for an HTML URL: the reason to refuse them is that
# the parser would happily build a "document" out of a PDF's byte soup.
BINARY_MAGIC: Final = (
    b"%PDF-",  # PDF
    b"\x89PNG\r\n\x1a\n",  # PNG
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",  # GIF
    b"GIF89a",
    b"PK\x03\x04",  # ZIP, and so DOCX/XLSX/EPUB
    b"\x1f\x8b\x08",  # gzip that nobody decompressed
    b"\x7fELF",  # executables
    b"OggS",
    b"ID3",  # MP3
    b"\x00\x00\x00\x18ftyp",  # MP4
    b"\x00\x00\x00\x20ftyp",
    b"wOFF",  # web fonts
    b"wOF2",
)

# The detector's tie-break: see _detect.
FAVOURED_ON_TIE: Final = "cp1252"

BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG Encoding Standard labels whose meaning differs from Python's codec of the same name
# (browsers decode "iso-8859-1" as windows-1252, so pages labelled latin-1 really are cp1252),
# plus labels Python does not know at all.
WHATWG_LABELS: Final = {
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "ansi_x3.4-1968": "cp1252",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "iso_8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "cp819": "cp1252",
    "ibm819": "cp1252",
    "x-user-defined": "cp1252",
    "iso-8859-9": "cp1254",
    "iso8859-9": "cp1254",
    "latin5": "cp1254",
    "l5": "cp1254",
    "iso-8859-11": "cp874",
    "tis-620": "cp874",
    "windows-874": "cp874",
    "iso-8859-8-i": "iso8859-8",
    "csiso88598i": "iso8859-8",
    "logical": "iso8859-8",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "ms_kanji": "cp932",
    "ms932": "cp932",
    "windows-31j": "cp932",
    "csshiftjis": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "ks_c_5601-1989": "cp949",
    "ksc5601": "cp949",
    "korean": "cp949",
    "windows-949": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "chinese": "gb18030",
    "csgb2312": "gb18030",
    "iso-ir-58": "gb18030",
    "big5": "big5hkscs",
    "big5-hkscs": "big5hkscs",
    "cn-big5": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "x-mac-cyrillic": "mac-cyrillic",
    "x-mac-ukrainian": "mac-cyrillic",
    "x-mac-roman": "mac-roman",
    "macintosh": "mac-roman",
    "unicode": "utf-16-le",
    "ucs-2": "utf-16-le",
    "utf-16": "utf-16-le",
    "unicode-1-1-utf-8": "utf-8",
    "unicode11utf8": "utf-8",
    "unicode20utf8": "utf-8",
    "utf8": "utf-8",
    "x-unicode20utf8": "utf-8",
}
# Codecs Python knows that are not web encodings: UTF-7 is an XSS vector browsers refuse, the
# rest are transforms or escapes that would turn a page into something it never said.
REFUSED_CODECS: Final = frozenset(
    {"utf-7", "punycode", "idna", "unicode-escape", "raw-unicode-escape", "undefined", "mbcs", "oem"}
)

_LABEL = re.compile(r"[a-z0-9._:()+-]{1,40}")
_NON_SPACE = re.compile(rb"\S")
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_META = re.compile(rb"<meta[\s/][^>]*>", re.IGNORECASE)
_ATTR = re.compile(rb"""([^\s=/>]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_CONTENT_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([^\s"';]+)""", re.IGNORECASE)


def decode_html(data: bytes, *, http_charset: str | None = None, url: str | None = None) -> str:
    """Decode an HTML document; ``ExtractError`` with reason "empty" or "not_html" when there is none.

    >>> decode_html("<p>café</p>".encode("cp1252"), http_charset="iso-8859-1", url=None)
    '<p>café</p>'
    """
    return decode_page(data, http_charset=http_charset, url=url)[0]


def decode_page(
    data: bytes, *, http_charset: str | None = None, url: str | None = None
) -> tuple[str, bytes | None]:
    """``decode_html``'s text, and ``data`` itself when the text is ``data`` read as UTF-8: the
    text's UTF-8 encoding, which the pipeline then need not make again (None otherwise).

    >>> decode_page("<p>café</p>".encode())
    ('<p>café</p>', b'<p>caf\\xc3\\xa9</p>')
    """
    if _NON_SPACE.search(data) is None:
        raise ExtractError("the document is empty", url=url, reason="empty")
    if data.startswith(BINARY_MAGIC):
        raise ExtractError("the bytes are a binary file, not HTML", url=url, reason="not_html")
    text, is_utf8 = _decode(data, http_charset)
    if not text.strip():  # e.g. a lone BOM, or UTF-16 whitespace
        raise ExtractError("the document is empty", url=url, reason="empty")
    nuls = text.count("\x00")
    mostly_nul = nuls >= MIN_NULS and nuls > MAX_NUL_SHARE * len(text)
    if nuls and (mostly_nul or not text.replace("\x00", "").strip()):
        raise ExtractError("the bytes are full of NUL characters, not HTML", url=url, reason="not_html")
    refuse_documents(text, url=url)
    return text, data if is_utf8 else None


def refuse_documents(text: str, *, url: str | None) -> None:
    """``ExtractError(reason="not_html")`` when ``text``, decoded here or given as a ``str``, is a
    JSON document, a feed or a sitemap: no page, whatever its words.

    >>> refuse_documents('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/">', url=None)
    Traceback (most recent call last):
    ...
    newsscrape.errors.ExtractError: the document is a sitemap, not HTML (newsscrape discover reads it)
    """
    if _is_json(text):
        raise ExtractError("the document is JSON, not HTML", url=url, reason="not_html")
    if (kind := _xml_kind(text)) is not None:
        message = f"the document is {kind}, not HTML (newsscrape discover reads it)"
        raise ExtractError(message, url=url, reason="not_html")


# The document element of a feed or a sitemap, after an XML declaration, processing instructions
# (a feed's stylesheet), comments and a doctype. A comment ends at its first "-->" (the atomic
# group), and the run of them is never given back (the possessive "*+": no item starts "<rss"):
# with a plain lazy ".*?" each failed root let the engine stretch any comment to a later "-->",
# a number of ways to split the run that doubles with each comment. A WordPress head of 18 banner
# comments (WCXB 0596) took ~100 ms, half A 0.16 ms a page (now 0.003); no WCXB record changes.
_XML_ROOT = re.compile(
    r"\s*(?:<\?[^>]*\?>\s*|<!--(?>.*?-->)\s*|<!doctype[^>]*>\s*)*+<(rss|feed|rdf:rdf|urlset|sitemapindex)[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
XML_HEAD_CHARS: Final = 4096  # where the document element of a feed or sitemap must start


def _xml_kind(text: str) -> str | None:
    """What ``text`` is when it is a feed or a sitemap ("an RSS or Atom feed", "a sitemap"), else None.

    >>> _xml_kind('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    'a sitemap'
    """
    found = _XML_ROOT.match(text[:XML_HEAD_CHARS])
    if found is None:
        return None
    return "a sitemap" if found.group(1).lower() in ("urlset", "sitemapindex") else "an RSS or Atom feed"


_OPENS_JSON = re.compile(r"\s*[\[{]")


def _is_json(text: str) -> bool:
    """Whether ``text`` is one JSON object or array: it opens and closes with a matching bracket
    and parses whole (a page opening "[Update] ..." is text).

    >>> _is_json('{"version": "https://jsonfeed.org/version/1.1", "items": []}'), _is_json("[Update] Roads")
    (True, False)
    """
    if _OPENS_JSON.match(text) is None:
        return False
    body = text.strip()
    if (body[0], body[-1]) not in (("{", "}"), ("[", "]")):
        return False
    try:
        json.loads(body)
    except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser goes
        return False
    return True


# C1 control characters never stand in HTML text; in a decoded page they are the trace of UTF-8
# that was read as Latin-1 and written out again as UTF-8 upstream ("doesn\u00e2\x80\x99t").
# Looked for in the UTF-8 bytes, where each of them is "\xc2" and a byte 80-9F (and "\xc2" is never
# anything but a lead byte): the pattern then starts with a literal, which re finds at memchr speed,
# some 3x faster than a character class over the str. The page's bytes come from ``valid_utf8``,
# whose encoding they share.
_MOJIBAKE = re.compile(b"\xc2[\x80-\x9f]")
# Read as windows-1252 instead (the web's legacy default), the same text keeps no C1 control but
# leaves a sign of its own: U+2000-U+203F, the smart quotes, dashes, ellipsis and bullet of every
# edited text, are E2 80 xx in UTF-8, and E2 80 reads as "â€", a pair no language writes.
# A bytes search of its UTF-8, at memchr speed (an alternation in _MOJIBAKE would be ~15x slower).
_CP1252_TRACE: Final = "â€".encode()
# The same trace written as character references ("isn&acirc;&euro;&trade;t", "&#226;&#128;&#153;"):
# a CMS that escaped every non-ASCII character of a text it had mangled already. Every spelling of
# U+00E2 then U+20AC (80 names U+20AC in a numeric reference, as in windows-1252).
_ESCAPED_TRACE = r"&(?:acirc|#0*226|#[xX]0*[eE]2);&(?:euro|#0*8364|#0*128|#[xX]0*(?:20[aA][cC]|80));"
_ESCAPED_TRACE_BYTES = re.compile(_ESCAPED_TRACE.encode())
_ESCAPED_TRACE_TEXT = re.compile(_ESCAPED_TRACE)
# a run of character references, each ended by its ";"
_REFERENCE_RUN = re.compile(r"(?:&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)+")


def has_mojibake(utf8: bytes) -> bool:
    """Whether the decoded page, given as its UTF-8 bytes, shows the trace of text encoded twice (C1
    controls, or "â€", also as character references).

    >>> has_mojibake("doesnâ\x80\x99t".encode()), has_mojibake("doesnâ€™t".encode())
    (True, True)
    >>> has_mojibake(b"doesn&acirc;&euro;&trade;t"), has_mojibake("doesn’t".encode())
    (True, False)
    """
    return (
        _MOJIBAKE.search(utf8) is not None
        or _CP1252_TRACE in utf8
        or (b"&" in utf8 and _ESCAPED_TRACE_BYTES.search(utf8) is not None)
    )


# ftfy decides on the whole page (can all of it be re-encoded? is any of it still bad?), yet each of
# its tests and repairs reads ASCII only beside non-ASCII characters: none of its patterns matches
# more than 3 ASCII characters in a row or looks further than 3 from a non-ASCII one, and ASCII
# encodes to itself in every codec it tries. So the middle of a long ASCII run changes none of its
# decisions, while its badness pattern, tried at every character, costs ~200 ns a character and
# runs over the whole page at least twice. ftfy therefore reads a skeleton of the page, each long
# ASCII run cut to its first and last ASCII_CONTEXT characters (generous: a repair may turn a space
# beside the mojibake into U+00A0, each round one), and its steps are replayed on the page.
# U+001A stays in the skeleton: the "sloppy" codecs ftfy tries cannot encode it.
ASCII_CONTEXT: Final = 64
_LONG_ASCII = re.compile(rf"[\x00-\x19\x1b-\x7f]{{{2 * ASCII_CONTEXT + 1},}}")


def undo_mojibake(text: str) -> str:
    """Text encoded twice, decoded back (ftfy, which leaves alone what is not evidently mojibake).

    Where the trace is written as character references, each run of references that names
    non-ASCII characters only is first written as those characters (which mean the same in markup),
    so that ftfy reads them.

    >>> undo_mojibake("doesnâ\x80\x99t"), undo_mojibake("doesn&acirc;&euro;&trade;t &amp; caf&eacute;")
    ('doesn’t', 'doesn’t &amp; café')
    """
    import ftfy  # imported here: only pages with the trace pay for it

    if _ESCAPED_TRACE_TEXT.search(text) is not None:
        text = _REFERENCE_RUN.sub(_as_characters, text)
    skeleton = _LONG_ASCII.sub(_run_ends, text)
    plan = ftfy.fix_encoding_and_explain(skeleton).explanation
    return ftfy.apply_plan(text, [(step.action, step.parameter) for step in plan]) if plan else text


def _as_characters(run: re.Match[str]) -> str:
    """A run of character references as the characters it names, when none of them is ASCII (no
    markup character, so the markup reads as before); else the run as it is."""
    chars = html.unescape(run[0])
    return chars if min(chars) > "\x7f" else run[0]


def _run_ends(run: re.Match[str]) -> str:
    return run[0][:ASCII_CONTEXT] + run[0][-ASCII_CONTEXT:]


def normalise_label(label: str | None) -> str | None:
    """The Python codec for an encoding label as browsers read it, or None when it is unknown.

    >>> normalise_label("ISO-8859-1"), normalise_label("Shift_JIS"), normalise_label("klingon")
    ('cp1252', 'cp932', None)
    """
    if not label:
        return None
    key = label.strip().strip("\"'").lower()
    if not _LABEL.fullmatch(key):  # labels are short ASCII words; anything else is noise
        return None
    if key in WHATWG_LABELS:
        return WHATWG_LABELS[key]
    try:
        info = codecs.lookup(key)
    except LookupError:
        return None
    if not info._is_text_encoding or info.name in REFUSED_CODECS:
        return None
    return "cp1252" if info.name in ("iso8859-1", "ascii") else info.name


def sniff_meta_charset(data: bytes) -> str | None:
    """The codec a ``<meta>`` in the first ``PRESCAN_BYTES`` declares, or None.

    >>> sniff_meta_charset(b'<head><meta http-equiv="Content-Type" content="text/html; charset=EUC-JP">')
    'euc_jp'
    """
    head = _COMMENT.sub(b"", data[:PRESCAN_BYTES])
    for tag in _META.finditer(head):
        attrs = {name.lower(): value.strip(b"\"'") for name, value in _ATTR.findall(tag.group(0)[5:]) if name}
        label: bytes | None = attrs.get(b"charset")
        if not label and attrs.get(b"http-equiv", b"").lower() == b"content-type":
            found = _CONTENT_CHARSET.search(attrs.get(b"content", b""))
            label = found.group(1) if found else None
        codec = normalise_label(label.decode("ascii", "replace")) if label else None
        if codec is not None:
            # A meta tag is read from ASCII-compatible bytes, so it cannot truly mean UTF-16
            # (the spec's rule); such pages are UTF-8 with a template copied from elsewhere.
            return "utf-8" if codec.startswith("utf-16") else codec
    return None


def _decode(data: bytes, http_charset: str | None) -> tuple[str, bool]:
    """The text, and whether it is ``data`` read as strict UTF-8 (``data`` is then its encoding)."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace"), False
    utf8 = _self_evident_utf8(data)
    if utf8 is not None:
        return utf8, True
    declared = [c for c in (normalise_label(http_charset), sniff_meta_charset(data)) if c]
    # UTF-16 decodes almost any even-length bytes "strictly", into CJK noise: believe a UTF-16 label
    # only when the bytes show the UTF-16 shape (a NUL in every other byte of markup).
    declared = [c for c in declared if not c.startswith("utf-16") or _utf16_without_bom(data) == c]
    for codec in declared:
        try:
            return data.decode(codec), codec == "utf-8"
        except UnicodeDecodeError:
            continue  # the bytes contradict this declaration; try the next one
    if declared:
        return data.decode(declared[0], errors="replace"), False
    utf16 = _utf16_without_bom(data)  # before UTF-8: NULs are valid UTF-8, so UTF-16 would pass it
    if utf16 is not None:
        return data.decode(utf16, errors="replace"), False
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        pass
    return data.decode(_detect(data) or "utf-8", errors="replace"), False


def _self_evident_utf8(data: bytes) -> str | None:
    """The text, when the bytes are valid UTF-8 *and* use multi-byte sequences; else None.

    Text in a single- or double-byte legacy encoding practically never forms valid multi-byte
    UTF-8 by accident, while pages that declare windows-1252 or EUC-KR (in a template, or a
    server-wide header) and are really UTF-8 are common: decoding those as declared turns every
    accented letter into mojibake ("ForstÃ¦rket"). Pure ASCII says nothing, so declarations decide.
    """
    if data.isascii() or _utf16_without_bom(data) is not None:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of mostly ASCII markup has a NUL in every other byte; tell LE from BE by which."""
    sample = data[:1024]
    half = len(sample) // 2
    if half < 8:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.7 * half and even < 0.1 * half:
        return "utf-16-le"
    if even > 0.7 * half and odd < 0.1 * half:
        return "utf-16-be"
    return None


def _detect(data: bytes) -> str | None:
    """charset_normalizer's guess from a bounded prefix cut at a tag end (no split characters)."""
    sample = data[:DETECT_BYTES]
    if len(data) > DETECT_BYTES:
        cut = sample.rfind(b">")
        sample = sample[: cut + 1] if cut > 0 else sample
    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return None
    # Short Latin text often scores the same in cp1250, cp1252 and cp1257; the detector then
    # picks the first by name. windows-1252 is the legacy default of the web (WHATWG), so a tie
    # that includes it goes to it.
    for match in matches:
        tied = match.chaos == best.chaos and match.coherence == best.coherence
        if tied and FAVOURED_ON_TIE in match.could_be_from_charset:
            return FAVOURED_ON_TIE
    return normalise_label(str(best.encoding))
