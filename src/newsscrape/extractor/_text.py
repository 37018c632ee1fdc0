"""Text folding shared by the extractor's readers: white space runs to one space, and comparison keys.

One spelling of each fold, so that two modules comparing the same strings (a title and a host, a
headline and its h1) fold them alike.
"""

from __future__ import annotations

import html
import re
import string
from typing import Final

# White space runs to fold, all but the ideographic space U+3000: CJK headlines use it as a visible
# gap between two clauses ("一か月\u3000福井県内"), so it is part of the text, not layout.
_SPACES = re.compile(r"[^\S\u3000]+")
# Code points no record may carry: lone surrogates (a JSON "\udfff" escape, a CMS that cut an emoji
# in half, a str decoded with surrogateescape) cannot be written as UTF-8 at all, and the
# non-characters (U+FDD0-U+FDEF, the last two of every plane) are reserved for internal use.
_NONCHARACTERS = "".join(
    f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000)
)
# The UTF-8 bytes every non-character contains: U+FDD0-U+FDEF start EF B7, and U+xFFFE/U+xFFFF of
# any plane end BF BE / BF BF (a few other characters share them; those pages take the slow scan).
# Each pair is looked for only when its first byte occurs: a one-byte search runs at memchr speed,
# a two-byte one several times slower, and most pages have neither EF nor BF at all.
_MAYBE_INVALID = ((b"\xef", (b"\xef\xb7",)), (b"\xbf", (b"\xbf\xbe", b"\xbf\xbf")))
_INVALID = re.compile(f"[\ud800-\udfff\ufdd0-\ufdef{_NONCHARACTERS}]")
# Control characters no text means: a NUL or an escape sequence a torn download or a copy from a
# terminal left in the page, raw or as a numeric reference ("&#1;"). Dropped where text enters the
# extractor; the vertical tab and the separators U+001C-U+001F, white space to Python's folds,
# become spaces (so text kept verbatim, code, folds like the rest). Tab, LF, FF and CR stay.
_CONTROLS = "".join(map(chr, [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F]))
_CONTROL_BYTES = _CONTROLS.encode("ascii")
_SPACE_CONTROLS = "\x0b\x1c\x1d\x1e\x1f"
_DROP_CONTROLS = str.maketrans({c: " " if c in _SPACE_CONTROLS else None for c in _CONTROLS})
_CONTROL_REFS = re.compile(
    r"&#(?:0*(?:[0-8]|1[14-9]|2[0-9]|3[01]|127)(?![0-9])|[xX]0*(?:[0-8bBeEfF]|1[0-9a-fA-F]|7[fF])(?![0-9a-fA-F]));?"
)
_CONTROL_REFS_BYTES = re.compile(_CONTROL_REFS.pattern.encode("ascii"))
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def ascii_lower(text: str) -> str:
    """``text`` with its ASCII letters lower-cased, and only those: as a CSS selector's ``i`` flag
    folds, so a value tested in Python matches what such a selector found.

    >>> ascii_lower("/AUTHOR/\u00c9mile")
    '/author/\u00c9mile'
    """
    return text.translate(_ASCII_LOWER)


def valid_text(text: str) -> str:
    """``text`` with lone surrogates and non-characters replaced by U+FFFD, so it encodes as UTF-8,
    and control characters (raw or as references) dropped.

    Called where text enters the extractor (JSON-LD strings, the caller's URLs; the page itself
    through ``valid_utf8``).

    >>> valid_text("Jane \\udfff Doe") == "Jane \\ufffd Doe"
    True
    """
    if text.isascii() and not _has_controls(text.encode("ascii")):
        return text
    return valid_utf8(text)[0]


def valid_utf8(text: str, utf8: bytes | None = None) -> tuple[str, bytes]:
    """``valid_text(text)`` and its UTF-8 bytes: one encoding serves the check and a caller that
    scans the bytes too (the page's mojibake test, the parser). ``utf8``: the text's UTF-8 encoding
    when the caller has it already (a page decoded from UTF-8 bytes).

    >>> valid_utf8("caf\\udce9")[1], valid_utf8("Tues\\x01day&#x1b;")[0]
    (b'caf\\xef\\xbf\\xbd', 'Tuesday')
    """
    try:  # the scan below costs ~30 ns a character: first a C-speed look for any sign of trouble
        data = text.encode("utf-8") if utf8 is None else utf8
        controls = _has_controls(data)
        if not controls and not any(
            lead in data and any(pair in data for pair in pairs) for lead, pairs in _MAYBE_INVALID
        ):
            return text, data
    except UnicodeEncodeError:  # a lone surrogate
        controls = True
    if controls:
        # raw ones first ("&#\x1bx1;" is a reference once the escape goes), then the references
        # until none is left ("&&#1;#1;" is one once the inner one goes)
        text = text.translate(_DROP_CONTROLS)
        while (without := _CONTROL_REFS.sub(_control_ref, text)) != text:
            text = without
    text = _INVALID.sub("\ufffd", text)
    return text, text.encode("utf-8")


def _control_ref(match: re.Match[str]) -> str:
    """What a numeric reference to a control character leaves: a space for one Python folds as
    white space, else nothing."""
    number = match[0][2:].rstrip(";")
    code = int(number[1:], 16) if number[:1] in "xX" else int(number)
    return " " if chr(code) in _SPACE_CONTROLS else ""


def _has_controls(data: bytes) -> bool:
    """Whether UTF-8 ``data`` may hold a control character, raw or as a numeric reference."""
    return len(data.translate(None, _CONTROL_BYTES)) < len(data) or (
        b"&#" in data and _CONTROL_REFS_BYTES.search(data) is not None
    )


# A character reference left in a text the parser already decoded: the page escaped it twice
# ("courses &amp;amp; degrees" in the markup is "courses &amp; degrees" once parsed).
_REFERENCE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")


def unescaped(text: str) -> str:
    """``text`` with the character references a page escaped twice decoded, white space squashed.

    >>> unescaped("Courses &amp; degrees&#13; | edX")
    'Courses & degrees | edX'
    """
    if "&" in text and _REFERENCE.search(text):
        text = html.unescape(text)
    return squash(text)


# A hyphenation hint (``&shy;``) a reader sees only where a line breaks, which splits a word in two
# for anyone searching or counting the text: gone from every text read. (The WCXB truths keep it
# where a page's text has it, on 2 pages of 1,358: half A one service page 1.000 -> .583 by its
# words cut in two, half B a collection page -.001; a held-out German page of trafilatura's tests
# wants it gone, as a reader does.)
SOFT_HYPHEN: Final = "\u00ad"


def squash(text: str) -> str:
    """White space runs folded to one space and trimmed, soft hyphens gone (``fold``); the
    ideographic space U+3000 is kept.

    >>> squash("  Big\\n news\u3000today ")
    'Big news\u3000today'
    """
    if "\u3000" in text:
        return _SPACES.sub(" ", text.replace(SOFT_HYPHEN, "")).strip()
    return fold(text)


def fold(text: str) -> str:
    """Every white space run (U+3000 too) folded to one space, and trimmed, without soft hyphens
    (``&shy;``, a hyphenation hint a reader sees only where a line breaks): text as a reader sees it.

    >>> fold(" Big\\n  news "), fold("Wäh\\u00adrend")
    ('Big news', 'Während')
    """
    if SOFT_HYPHEN in text:
        text = text.replace(SOFT_HYPHEN, "")
    # str.split() cuts at the very characters \s matches: the same result as a regex, a few times
    # faster (squash, and so fold, runs on every text node the walk reads)
    return " ".join(text.split())


# The format characters a page puts between words, which no reader sees and str.split() keeps:
# zero-width space, non-joiner and joiner, word joiner, byte order mark, soft hyphen, Mongolian
# vowel separator, the left-to-right and right-to-left marks.
_INVISIBLE: Final = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f"


def visible(text: str) -> bool:
    """Whether a folded text shows anything: a character besides spaces and the invisible format
    characters (a page builder's spacer paragraph holds one zero-width joiner).

    >>> visible("\\u200d"), visible("\\u200b \\u200b"), visible("A\\u00adB"), visible("")
    (False, False, True, False)
    """
    return bool(text.strip(_INVISIBLE + " "))


# A WordPress shortcode or a BBCode tag left in the markup as text where the plugin or the forum
# engine that would have drawn it is missing: an opening tag with a value or attributes ('[button
# link="..."]', '[convertkit form=1630175]', '[url=https://...]') or a closing one ('[/button]',
# '[/url]'). A bracket of plain words ("[sic]", "[Editor's note: ...]") or figures ("[1]") is none,
# and so is an opening one right after a word (a CSS selector's 'a[href="/"]', code's 'x[i]').
_TAG_VALUE: Final = "(?:\"[^\"\\]]*\"|'[^'\\]]*'|\u201d[^\u201d\\]]*\u201d|[^\\s\\]\"'\u201d]+)"
_MARKUP_TAG: Final = re.compile(
    rf"\[/(?P<closing>[a-z][\w-]{{0,30}})\]"
    rf"|(?<![\w\]])\[(?P<valued>[a-z][\w-]{{0,30}})={_TAG_VALUE}\]"
    rf"|(?<![\w\]])\[[a-z][\w-]{{0,30}}(?:\s+[\w-]{{1,30}}\s*=\s*{_TAG_VALUE})+\s*/?\]",
    re.IGNORECASE,
)


def without_markup_tags(text: str) -> str:
    """``text`` without the shortcode and BBCode tags left in it as text (their words stay); a
    valued tag ("[url=...]") only where the text closes a tag of its name ("[repeat=1]" is a
    signature's option). One pass over the text, whatever it holds.

    >>> without_markup_tags('[button link="/kit/" type="big"]Send us your review[/button]')
    'Send us your review'
    >>> without_markup_tags("[url=https://example.com/]the site[/url] [sic] [1] a[href='/'] f(x [n=1])")
    "the site [sic] [1] a[href='/'] f(x [n=1])"
    """
    if "[" not in text:
        return text
    tags = list(_MARKUP_TAG.finditer(text))
    if not tags:
        return text
    closed = {match["closing"].lower() for match in tags if match["closing"]}
    kept: list[str] = []
    at = 0
    for match in tags:
        if match["valued"] and match["valued"].lower() not in closed:
            continue
        kept.append(text[at : match.start()])
        at = match.end()
    kept.append(text[at:])
    return "".join(kept)


_WORD_CHAR: Final = re.compile(r"\w")


def has_word(text: str) -> bool:
    """Whether ``text`` holds a word character (``\\w``: a letter, a digit or an underscore, in any
    script), not only signs, spaces and symbols.

    >>> has_word("- | -"), has_word("\u2605\u2605"), has_word("___"), has_word("No 5")
    (False, False, True, True)
    """
    return _WORD_CHAR.search(text) is not None


def compact(text: str) -> str:
    """Text without white space, lower-cased: a paragraph and the tree it came from compare so,
    whatever spacing trafilatura or the block walk put between inline elements.

    >>> compact(" Big\\n  News ")
    'bignews'
    """
    return "".join(text.split()).lower()


def line_key(text: str) -> str:
    """A line of a reading (the block walk's or trafilatura's) as it is looked up in the tree's
    ``compact`` text: trafilatura writes a list item as "- item" and a table row as "| cell | cell |",
    the block walk a row as "cell | cell", marks the tree lacks.

    >>> line_key("- | Weight | 58 lb |")
    'weight58lb'
    """
    return compact(text.lstrip("-* ").replace("|", ""))


# What a comparison key drops: everything but letters, digits and "_".
NON_WORD = re.compile(r"\W+")


def alnum_key(text: str) -> str:
    """Case-folded letters and digits only, so that a name and a host compare.

    >>> alnum_key("The Daily-Mail"), alnum_key("dailymail")
    ('thedailymail', 'dailymail')
    """
    return NON_WORD.sub("", text.casefold())


# Host name labels that say nothing about the outlet ("www.news.example.co" names "example").
HOST_LABELS = frozenset({"www", "com", "org", "net", "co", "edu", "gov", "news", "m", "amp", "edition"})


def host_names(host: str | None) -> list[str]:
    """The labels of a host that can name its outlet: not the last one, none of ``HOST_LABELS``.

    >>> host_names("www.tires.Bridgestone.com")
    ['tires', 'bridgestone']
    """
    return [label for label in (host or "").casefold().split(".")[:-1] if label not in HOST_LABELS]


def host_key(host: str | None) -> str:
    """A host name as a key: no "www.", letters and digits only.

    >>> host_key("www.Daily-Mail.co.uk")
    'dailymailcouk'
    """
    return NON_WORD.sub("", (host or "").casefold().removeprefix("www."))


def phrase_key(text: str | None) -> str:
    """Case-folded, white space folded: two spellings of one headline compare equal.

    >>> phrase_key("  Big\\n NEWS ") == phrase_key("big news")
    True
    """
    return " ".join(text.casefold().split()) if text else ""


_WORD = re.compile(r"\w+")
# Scripts written without spaces between words. Chinese and Japanese (Han, kana, the iteration marks
# and the ideographic zero) count each character as a word, as Microsoft Office's and Google Docs'
# word counts do. Thai, Lao, Myanmar and Khmer put spaces between phrases only: there a run of
# letters between two vowel or tone signs (combining marks, which \w does not match) counts as a
# word, a syllable or two (Thai words average three to four letters), as WCXB's word metric cuts
# them too. A dictionary segmenter (ICU, PyThaiNLP) would be exact, and a heavy dependency for a
# length measure. Korean (Hangul) spaces its words and counts as spaced text.
_CJK = (
    "\u3005-\u3007\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9d\U00020000-\U0003134f"
)
_HAS_CJK = re.compile(f"[{_CJK}]")
# ASCII text's \w runs counted at C speed, several times faster than the pattern: every byte but a
# letter, a digit or "_" becomes a space, and bytes.split() counts the rest.
_ASCII_WORD_BYTES = bytes(c if chr(c).isascii() and (chr(c).isalnum() or c == 95) else 32 for c in range(256))
_CJK_WORD = re.compile(f"[{_CJK}]|[^\\W{_CJK}]+")


def count_words(text: str) -> int:
    """Runs of letters, digits and "_", each Chinese or Japanese character one: every length in
    words the extractor measures (the article's word_count, the content pass's and the page-type
    model's length tests) is this count.

    >>> count_words("Rain returns, at 5 p.m."), count_words("東京で雨。Rain")
    (6, 5)
    """
    if text.isascii():
        return len(text.encode("ascii").translate(_ASCII_WORD_BYTES).split())
    if not _HAS_CJK.search(text):
        return len(_WORD.findall(text))
    return len(_CJK_WORD.findall(text))


def split_words(text: str) -> list[str]:
    """The words ``count_words`` counts, in order: ``\\w+`` runs, each Chinese or Japanese character
    one, so that a run of words in a clause without spaces compares as one in spaced text does.

    >>> split_words("東京で雨。Rain")
    ['東', '京', 'で', '雨', 'Rain']
    """
    return _CJK_WORD.findall(text) if _HAS_CJK.search(text) else _WORD.findall(text)


# Letters of the scripts written without spaces: Chinese and Japanese, and Thai, Lao, Myanmar, Khmer.
_UNSPACED = f"{_CJK}\u0e00-\u0eff\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f\u1780-\u17ff\u19e0-\u19ff"
_HAS_UNSPACED = re.compile(f"[{_UNSPACED}]")
# Chinese and Japanese characters that make one word of a label. Chinese words average under two
# characters, Japanese ones about three with their kana (a katakana loanword runs to five or six);
# three keeps a Japanese firm's or a press-release section's long name ("ハウスコム株式会社のプレスリリ
# ース", 17 characters, six words) within the limits spaced names meet, and counts a Chinese name (2-4
# characters) one or two words, a Japanese one (2-6) up to two. Thai, Lao, Myanmar and Khmer letter
# runs (count_words') are about a word each already ("ข่าวที่เกี่ยวข้อง", "related news": 5 runs,
# 3 words; a headline of 7 words: 5 runs), so each counts one.
LABEL_CHARS: Final = 3
_CJK_CHAR = re.compile(f"[{_CJK}]")


def label_words(text: str) -> int:
    """Words of a short label (a name, a crumb, a site name, a title's part) as its length limits
    count them: spaced text as ``str.split()`` does; in a stretch of a script without spaces, every
    ``LABEL_CHARS`` Chinese or Japanese characters and every other word of ``count_words`` (a Thai
    letter run, a Latin word), so that a name of two to six characters counts one or two words, and
    a sentence about as many as it would in a spaced language.

    >>> label_words("Jane van der Berg"), label_words("山田 太郎"), label_words("この記事は会員限定です")
    (4, 2, 4)
    """
    if text.isascii() or not _HAS_UNSPACED.search(text):
        return len(text.split())
    return sum(_unspaced_words(token) if _HAS_UNSPACED.search(token) else 1 for token in text.split())


def _unspaced_words(token: str) -> int:
    cjk = len(_CJK_CHAR.findall(token))
    return max(1, -(-cjk // LABEL_CHARS) + count_words(token) - cjk)


# Two words the markup prints apart, in boxes a style sheet sets on lines of their own (a shop card's
# brand and name, its price and its "Save 25%" badge), meet with no space between them in the
# markup: "<span>La Sportiva</span><span>Aragon Shoes</span><div>$96.73</div><div>Save 25%</div>".
# A parser joins them into one word ("SportivaAragon", "$96.73Save"). Where the join could not be
# one word on screen (a lower-case letter or a digit before a capital or a currency sign, a percent
# sign before a letter), the tags between them get a space in front. Not across sub/sup (a footnote
# mark, "H<sub>2</sub>O"), <wbr> (a break chance inside one long word), nor into scripts and styles.
# The tag run starts with "<" so that the scan looks for that one character.
_GLUED = re.compile(
    r"<(?:(?<=[a-z\d\u00df-\u00ff]<)(?:[^<>]*>(?:<[^<>]*>)*)(?=[A-Z\u00c0-\u00de$\u20ac\u00a3])"
    r"|(?<=%<)(?:[^<>]*>(?:<[^<>]*>)*)(?=[a-z]))"
)
_NOT_APART = re.compile(r"<(?:/?su[bp]\b|wbr|/?script|/?style)", re.IGNORECASE)


def unglue(html: str) -> str:
    """``html`` with a space before the tags between two words it would otherwise join into one.

    >>> unglue("<span>La Sportiva</span><span>Aragon</span><div>$96.73</div><div>Save 25%</div><i>off</i>")
    '<span>La Sportiva </span><span>Aragon </span><div>$96.73 </div><div>Save 25% </div><i>off</i>'
    >>> unglue("H<sub>2</sub>O, Super<wbr>Califragilistic")
    'H<sub>2</sub>O, Super<wbr>Califragilistic'
    """
    return _GLUED.sub(_apart, html)


def _apart(match: re.Match[str]) -> str:
    tags = match.group(0)
    return tags if _NOT_APART.search(tags) else " " + tags
