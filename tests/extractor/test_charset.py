"""decode_html: one test per precedence rule, label aliases, refusals, and a never-crash property."""

from __future__ import annotations

import codecs
import html.entities
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsscrape import extract
from newsscrape.errors import ExtractError
from newsscrape.extractor._charset import (
    PRESCAN_BYTES,
    decode_html,
    decode_page,
    normalise_label,
    sniff_meta_charset,
)

RUSSIAN = "Городские власти объявили о запуске новой трамвайной линии до северных районов."
FRENCH = "Le gouvernement a présenté mercredi une réforme très attendue des retraites."
JAPANESE = "東京都は二十日、新しい防災計画の概要を発表した。"


def page(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head>{head}<title>t</title></head><body><p>{body}</p></body></html>"


# --- precedence ----------------------------------------------------------------------------------


def test_http_header_charset_is_used_without_any_meta() -> None:
    data = page(RUSSIAN).encode("cp1251")
    assert RUSSIAN in decode_html(data, http_charset="windows-1251")


def test_http_header_beats_meta_charset() -> None:
    data = page(RUSSIAN, '<meta charset="koi8-r">').encode("cp1251")
    assert RUSSIAN in decode_html(data, http_charset="windows-1251")


def test_bom_beats_http_header() -> None:
    # WHATWG decode: the BOM is in the bytes, the header is often a server default.
    data = codecs.BOM_UTF8 + page(FRENCH).encode("utf-8")
    text = decode_html(data, http_charset="iso-8859-1")
    assert FRENCH in text
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_bom_is_honoured_and_stripped(codec: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    text = decode_html(bom + page(JAPANESE).encode(codec))
    assert JAPANESE in text
    assert text.startswith("<!doctype")


def test_meta_charset_is_used_when_no_header() -> None:
    data = page(JAPANESE, '<meta charset="Shift_JIS">').encode("cp932")
    assert JAPANESE in decode_html(data)


def test_meta_http_equiv_content_type_is_used() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    assert RUSSIAN in decode_html(page(RUSSIAN, head).encode("cp1251"))


def test_meta_with_unquoted_and_oddly_cased_attributes() -> None:
    head = "<META HTTP-EQUIV=content-type CONTENT='text/html;charset=EUC-JP' />"
    assert JAPANESE in decode_html(page(JAPANESE, head).encode("euc_jp"))


def test_meta_inside_a_comment_is_ignored() -> None:
    head = '<!-- <meta charset="koi8-r"> --><meta charset="windows-1251">'
    assert RUSSIAN in decode_html(page(RUSSIAN, head).encode("cp1251"))


def test_meta_after_the_prescan_window_is_not_read() -> None:
    filler = "<script>" + "x" * PRESCAN_BYTES + "</script>"
    data = page("plain", filler + '<meta charset="koi8-r">').encode("ascii")
    assert sniff_meta_charset(data) is None


def test_meta_declaring_utf16_means_utf8() -> None:
    # A meta tag was read from ASCII-compatible bytes, so it cannot be right about UTF-16.
    data = page(FRENCH, '<meta charset="utf-16">').encode("utf-8")
    assert FRENCH in decode_html(data)


def test_undeclared_utf8_is_decoded_strictly_first() -> None:
    assert FRENCH in decode_html(page(FRENCH).encode("utf-8"))


def test_undeclared_legacy_bytes_are_detected() -> None:
    data = page(RUSSIAN * 3).encode("cp1251")
    assert RUSSIAN in decode_html(data)


def test_undeclared_latin_text_prefers_windows_1252_on_a_detector_tie() -> None:
    data = page(FRENCH * 3).encode("cp1252")
    assert FRENCH in decode_html(data)


def test_undeclared_utf16_without_bom_is_recognised() -> None:
    assert FRENCH in decode_html(page(FRENCH).encode("utf-16-le"))
    assert FRENCH in decode_html(page(FRENCH).encode("utf-16-be"))


# --- declarations the bytes contradict --------------------------------------------------------------


def test_header_contradicted_by_bytes_falls_to_meta() -> None:
    data = page(RUSSIAN, '<meta charset="windows-1251">').encode("cp1251")
    assert RUSSIAN in decode_html(data, http_charset="utf-8")


def test_header_utf16_on_ascii_compatible_bytes_is_not_believed() -> None:
    assert FRENCH in decode_html(page(FRENCH).encode("utf-8"), http_charset="utf-16")


def test_header_utf16_on_utf16_bytes_without_bom_is_used() -> None:
    assert FRENCH in decode_html(page(FRENCH).encode("utf-16-le"), http_charset="utf-16")


def test_declared_utf8_with_one_stray_byte_keeps_utf8() -> None:
    data = page(FRENCH).encode("utf-8").replace(b"</p>", b"\xff</p>")
    text = decode_html(data, http_charset="utf-8")
    assert FRENCH in text
    assert "\ufffd" in text


# --- labels -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("ISO-8859-1", "cp1252"),
        ("latin1", "cp1252"),
        ("us-ascii", "cp1252"),
        ("ascii", "cp1252"),
        ("Shift_JIS", "cp932"),
        ("x-sjis", "cp932"),
        ("windows-31j", "cp932"),
        ("gb2312", "gb18030"),
        ("euc-kr", "cp949"),
        ("UTF8", "utf-8"),
        (" 'utf-8' ", "utf-8"),
        ("windows-1251", "cp1251"),
        ("koi8-r", "koi8-r"),
    ],
)
def test_whatwg_label_aliases(label: str, codec: str) -> None:
    assert normalise_label(label) == codec


@pytest.mark.parametrize("label", ["klingon", "", "   ", "base64", "rot13", "utf-7", "unicode_escape", None])
def test_unknown_or_unsafe_labels_are_ignored(label: str | None) -> None:
    assert normalise_label(label) is None


def test_latin1_header_decodes_windows_1252_punctuation() -> None:
    # 0x93/0x94 are curly quotes in windows-1252 but C1 controls in true ISO-8859-1.
    data = page("\u201cquoted\u201d").encode("cp1252")
    assert "\u201cquoted\u201d" in decode_html(data, http_charset="iso-8859-1")


def test_unknown_header_label_falls_through_to_meta() -> None:
    data = page(RUSSIAN, '<meta charset="windows-1251">').encode("cp1251")
    assert RUSSIAN in decode_html(data, http_charset="x-nonsense")


# --- refusals --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   \n\t\r ", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"  \n"])
def test_empty_documents_raise_empty(data: bytes) -> None:
    with pytest.raises(ExtractError) as info:
        decode_html(data, url="https://example.com/a")
    assert info.value.reason == "empty"
    assert info.value.url == "https://example.com/a"


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        b"GIF89a\x01\x00\x01\x00",
        b"PK\x03\x04\x14\x00\x06\x00",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
        b"\x00" * 200,
        b"<html>" + b"\x00\x01\x02\x03" * 100,
    ],
)
def test_binary_data_raises_not_html(data: bytes) -> None:
    with pytest.raises(ExtractError) as info:
        decode_html(data)
    assert info.value.reason == "not_html"


@pytest.mark.parametrize(
    "data",
    [
        b'{"version": "https://jsonfeed.org/version/1.1", "title": "News", "items": [{"id": "1"}]}',
        b'\n  [{"headline": "Council votes to rebuild the bridge", "body": "The council voted."}]\n',
        '\ufeff{"title": "Caf\u00e9"}'.encode(),
    ],
)
def test_a_json_document_raises_not_html(data: bytes) -> None:
    # An API's answer or a JSON feed handed to extract(): its text would be one "paragraph".
    with pytest.raises(ExtractError) as info:
        decode_html(data)
    assert info.value.reason == "not_html"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>News</title>', "feed"),
        (
            b'<?xml-stylesheet href="feed.xsl"?><!-- a feed --><feed xmlns="http://www.w3.org/2005/Atom">',
            "feed",
        ),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "feed"),
        (
            b'<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>',
            "sitemap",
        ),
        (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>', "sitemap"),
    ],
)
def test_a_feed_or_sitemap_raises_not_html_and_says_which(data: bytes, kind: str) -> None:
    with pytest.raises(ExtractError) as info:
        decode_html(data)
    assert info.value.reason == "not_html"
    assert kind in str(info.value)


@pytest.mark.parametrize(
    "text",
    [
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>News</title>'
        "<item><title>Council votes to rebuild the bridge</title></item></channel></rss>",
        '{"version": "https://jsonfeed.org/version/1.1", "title": "News", "items": [{"id": "1"}]}',
    ],
)
def test_extract_given_text_refuses_what_decoding_refuses(text: str) -> None:
    # A library user who decoded the download first gets the same error record as one who passes bytes.
    with pytest.raises(ExtractError) as info:
        extract(text, url="https://example.org/feed")
    assert info.value.reason == "not_html"


def test_xhtml_and_a_page_quoting_a_feed_stay_pages() -> None:
    xhtml = b'<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><p>Hi</p></html>'
    assert "<p>Hi</p>" in decode_html(xhtml)
    quoted = b"<html><body><pre>&lt;rss version='2.0'&gt;</pre><feed>not the root</feed></body></html>"
    assert "not the root" in decode_html(quoted)


@pytest.mark.parametrize("tail", ["<html><body><p>Story</p></body></html>", "<!-- never closed <p>Story</p>"])
def test_a_page_opening_with_many_comments_stays_a_page(tail: str) -> None:
    # A comment ends at its first "-->": not stretched over markup to a root quoted further on ...
    stretched = "<!-- banner --><p>Our feed:</p><!-- sample --><rss version='2.0'></rss>"
    assert "Our feed:" in decode_html(stretched.encode())
    # ... so a head of 40 banner comments is read once, not split every way (2 ** 39) in search of a root
    banners = "<!-- ************************************** -->\n" * 40
    assert "Story" in decode_html(f"<!DOCTYPE html>\n{banners}{tail}".encode())


@pytest.mark.parametrize(
    ("root", "kind"),
    [('<rss version="2.0">', "feed"), ('<urlset xmlns="https://www.sitemaps.org/">', "sitemap")],
)
def test_comments_before_a_feed_or_sitemap_root_still_lead_to_it(root: str, kind: str) -> None:
    comments = "<!-- generator: CMS -- cached > 12:00 -->\n<!---->\n" * 20
    with pytest.raises(ExtractError) as info:
        decode_html(f'<?xml version="1.0"?>\n{comments}<?xml-stylesheet href="a.xsl"?>{root}<url>'.encode())
    assert info.value.reason == "not_html"
    assert kind in str(info.value)


@pytest.mark.parametrize(
    "data",
    [
        b"[Update] Roads closed after the storm. The council said the bridge stays shut until May.",
        b"{Draft} notes for the meeting. The council said the bridge stays shut until May. {end}",
        b"[" * 100_000 + b"]" * 100_000,  # deeper than the JSON parser goes: left to the HTML parser
    ],
)
def test_text_between_brackets_is_no_json_document(data: bytes) -> None:
    assert decode_html(data).strip()


def test_a_single_stray_nul_is_tolerated() -> None:
    assert decode_html(b"<p>a\x00b</p>") == "<p>a\x00b</p>"


# --- property -------------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=2048),
        st.text(max_size=300).map(lambda s: s.encode("utf-8")),
        st.builds(
            lambda label, body: f'<meta charset="{label}"><p>{body}'.encode("utf-8", "surrogatepass"),
            st.text(max_size=20),
            st.text(max_size=100),
        ),
    ),
    header=st.one_of(st.none(), st.sampled_from(["utf-8", "latin1", "shift_jis", "utf-16", "x"]), st.text()),
)
def test_decode_never_raises_anything_but_extract_error(data: bytes, header: str | None) -> None:
    reason = None
    try:
        text = decode_html(data, http_charset=header)
    except ExtractError as exc:
        reason = exc.reason
    if reason is None:
        assert isinstance(text, str)
        assert text.strip()
    else:
        assert reason in {"empty", "not_html"}


@pytest.mark.parametrize("declared", ["windows-1252", "euc-kr", "iso-8859-1"])
def test_valid_multibyte_utf8_beats_a_stale_meta_declaration(declared: str) -> None:
    page = f'<meta charset="{declared}"><p>Forstærket håb — 한국어 기사</p>'.encode()
    assert "Forstærket håb — 한국어 기사" in decode_html(page)


def test_valid_multibyte_utf8_beats_a_stale_header() -> None:
    page = "<p>Forstærket håb løfter Norwegian</p>".encode()
    assert "Forstærket håb" in decode_html(page, http_charset="iso-8859-1")


def test_legacy_bytes_that_are_not_utf8_keep_their_declaration() -> None:
    page = '<meta charset="windows-1252"><p>Café crème</p>'.encode("cp1252")
    assert "Café crème" in decode_html(page)


@pytest.mark.parametrize("read_as", ["latin-1", "cp1252"])
def test_a_page_encoded_twice_upstream_reads_as_written(read_as: str) -> None:
    # A CMS stored UTF-8 read as Latin-1 and serves it as UTF-8 again: "doesn\u00e2\x80\x99t", C1
    # controls; read as windows-1252 none is left, the quotes and dashes start "\u00e2\u20ac".
    story = "The café doesn’t open before 9 — Zoë’s ‘rule’. " * 8  # (not ”: windows-1252 has no 9D)
    twice = story.encode("utf-8").decode(read_as).encode("utf-8")
    title = "Café rules".encode().decode(read_as).encode("utf-8")
    page = b'<html><head><meta charset="utf-8"><title>' + title + b"</title></head><body><article>"
    page += b"<h1>Opening hours</h1><p>" + twice + b"</p></article></body></html>"
    article = extract(page, url="https://example.com/news/cafe-rules")
    assert "doesn’t open before 9 — Zoë’s ‘rule’" in article.body
    assert "\u00e2" not in article.body


_NAMES = {codepoint: name for name, codepoint in html.entities.name2codepoint.items()}
_REFERENCES: dict[str, Callable[[int], str]] = {
    "named": lambda code: f"&{_NAMES[code]};" if code in _NAMES else f"&#{code};",
    "decimal": lambda code: f"&#{code};",
    "hex": lambda code: f"&#x{code:X};",
}


@pytest.mark.parametrize("reference", sorted(_REFERENCES))
def test_a_page_encoded_twice_then_escaped_reads_as_written(reference: str) -> None:
    # The same mangled text, each of its non-ASCII characters then written as a character reference
    # by a CMS that escapes on output ("isn&acirc;&euro;&trade;t"); the markup's own references stay.
    story = "The café doesn’t open before 9 — Zoë’s ‘rule’. " * 8
    mangled = story.encode("utf-8").decode("cp1252")
    escaped = "".join(_REFERENCES[reference](ord(c)) if ord(c) > 127 else c for c in mangled)
    page = "<html><head><title>Opening &amp; hours</title></head><body><article><h1>Opening &amp; hours</h1>"
    page += f"<p>{escaped}</p><p>The sign says: Caf&eacute;&nbsp;&lt;open&gt; from nine.</p>"
    page += "</article></body></html>"
    article = extract(page.encode(), url="https://example.com/news/cafe-rules")
    assert "doesn’t open before 9 — Zoë’s ‘rule’" in article.body
    assert "\u00e2" not in article.body
    assert "The sign says: Café <open> from nine." in article.body
    assert article.title == "Opening & hours"


def test_text_that_only_looks_foreign_is_left_alone() -> None:
    story = "SÃO PAULO — A Ã and an Â are letters here, and the text is right. " * 8
    article = extract(f"<html><body><article><h1>Rain</h1><p>{story}</p></article></body></html>")
    assert "SÃO PAULO — A Ã and an Â are letters here" in article.body


# --- the UTF-8 bytes handed on -------------------------------------------------------------------


def test_a_page_read_as_utf8_comes_with_its_bytes() -> None:
    data = page(FRENCH).encode("utf-8")
    text, utf8 = decode_page(data, http_charset="windows-1252")  # evident UTF-8 beats the header
    assert utf8 is data
    assert text.encode("utf-8") == data


def test_a_page_read_in_another_encoding_or_repaired_comes_without_bytes() -> None:
    assert decode_page(page(RUSSIAN).encode("cp1251"), http_charset="windows-1251")[1] is None
    assert decode_page(codecs.BOM_UTF8 + page(FRENCH).encode("utf-8"))[1] is None  # the BOM is cut
    assert decode_page(page(FRENCH).encode("utf-8")[:-40] + b"\xff</p>")[1] is None  # replaced
