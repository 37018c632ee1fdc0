"""The mojibake repair's skeleton (speed only): ftfy's plan read on a page whose long ASCII runs are
cut to their ends, replayed on the page, gives what ftfy gives on the whole page."""

from __future__ import annotations

import ftfy
import ftfy.bad_codecs  # registers the "sloppy-windows-*" codecs that MOJIBAKE uses
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsscrape.extractor._charset import _LONG_ASCII, ASCII_CONTEXT, undo_mojibake

WORDS = ["café", "doesn’t", "naïve", "—", "€5", "Привет", "日本", "à ", "\xa0x", "ğ", "½", "“q”"]
CODECS = ["latin-1", "sloppy-windows-1252", "sloppy-windows-1251", "sloppy-windows-1250", "macroman"]
# UTF-8 read as a single-byte encoding (once and twice over), as upstream software writes it
MOJIBAKE = [
    *(word.encode("utf-8").decode(codec, "replace") for word in WORDS for codec in CODECS),
    *(w.encode("utf-8").decode("latin-1").encode("utf-8").decode("sloppy-windows-1252") for w in WORDS),
]
# What stands between: ASCII runs of any length (those over 2 * ASCII_CONTEXT are cut in the
# skeleton) whose ends meet ftfy's patterns ("x" + "Ã " is bad, "Ã" + " " is a lost no-break space,
# "œ" + a letter is not), U+001A (which the sloppy codecs cannot encode) among them.
ASCII = st.text(alphabet="xZ ?.\n\x1a", max_size=3 * ASCII_CONTEXT)
LOOSE = [*"\x80\x81\x8d\x9d\x9fÃÂâ€™œŠ\xa0©’éÐØ\ufffd¦¤°×²ВГð", "\xc0\x80"]
CLUSTER = st.lists(st.sampled_from(LOOSE + MOJIBAKE), min_size=1, max_size=3).map("".join)
TEXT = st.lists(st.tuples(ASCII, CLUSTER).map("".join), max_size=8).map("".join)


@settings(max_examples=400)
@given(TEXT)
@example("?" * 3 * ASCII_CONTEXT + "x Ã ")  # bad only because of the letter that ends the run
@example("Ã " + "x" * 3 * ASCII_CONTEXT)  # the run opens with a space that was a no-break space
@example("œ" + "x" * 3 * ASCII_CONTEXT + "œ.")
def test_the_skeleton_repairs_as_ftfy_repairs_the_whole_text(text: str) -> None:
    assert undo_mojibake(text) == ftfy.fix_encoding(text)


def test_a_page_encoded_twice_is_repaired_through_its_skeleton() -> None:
    markup = '<div class="article-body">' + "<p>Plain ASCII markup, long enough to be cut. </p>" * 20
    page = (markup + "<p>The café doesn’t close — ever.</p>" + markup).encode("utf-8").decode("latin-1")
    assert _LONG_ASCII.search(page) is not None  # the skeleton is shorter than the page
    assert undo_mojibake(page) == ftfy.fix_encoding(page)
    assert "The café doesn’t close — ever." in undo_mojibake(page)


def test_a_sub_character_far_from_the_mojibake_still_counts() -> None:
    # U+001A rules out the sloppy codecs for the whole text: the skeleton must keep it
    text = "doesnâ€™t " + "a" * 300 + "\x1a" + "a" * 300
    assert undo_mojibake(text) == ftfy.fix_encoding(text)
