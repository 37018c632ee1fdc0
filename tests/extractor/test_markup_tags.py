"""A WordPress shortcode or a BBCode tag printed as text, where the plugin or forum engine that would
have drawn it is missing ('[button link="..."]Send us your review[/button]', '[quote quote=312679]'),
is markup, not words: the tags go, their words stay; code and bracketed prose keep theirs."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from prose import NATIVE, PARA, PARA2

from newsscrape import extract
from newsscrape.extractor._text import without_markup_tags


def body(article: str) -> str:
    html = (
        f"<html><body><article><h1>The title</h1><p>{PARA}</p>{article}<p>{PARA2}</p></article></body></html>"
    )
    return extract(html, config=NATIVE).body


def test_a_shortcode_left_as_text_goes_and_its_words_stay() -> None:
    # (aeb: a bike magazine's review, its button plugin gone, with typographic quotes)
    line = (
        "[button link=\u201dhttps://www.example.com/submit-review/\u201d type=\u201dbig\u201d]"
        "Send us your own review of the kit[/button]"
    )
    text = body(f"<p>{line}</p>")
    assert "\n\nSend us your own review of the kit\n\n" in text
    assert "[" not in text


def test_bbcode_tags_left_as_text_go() -> None:
    text = body(
        "<p>[quote quote=312679]The ferry leaves at noon on Sundays.[/quote] Thanks, that helped.</p>"
    )
    assert "The ferry leaves at noon on Sundays. Thanks, that helped." in text
    text = body("<p>See [url=https://example.com/timetable]the timetable[/url] for the winter hours.</p>")
    assert "See the timetable for the winter hours." in text


def test_a_form_embed_left_as_text_leaves_nothing() -> None:
    assert "convertkit" not in body("<p>[convertkit form=1630175]</p>")


def test_code_and_bracketed_prose_keep_their_brackets() -> None:
    lines = [
        '<p>Add <code>[gallery ids="1,2,3"]</code> to the post to show the three photos.</p>',
        '<pre><code>[button link="/shop/" type="big"]Shop now[/button]</code></pre>',
        "<p>itertools.product(*iterables [repeat=1]) returns the cartesian product.</p>",
        '<p>The selector a[href="/"] finds every link to the front page of the site.</p>',
        "<p>The mayor said the plan was [sic] a good one, as the report [1] had said.</p>",
    ]
    text = body("".join(lines))
    assert '[gallery ids="1,2,3"]' in text
    assert '[button link="/shop/" type="big"]Shop now[/button]' in text
    assert "[repeat=1]" in text
    assert 'a[href="/"]' in text
    assert "[sic]" in text
    assert "[1]" in text


@given(st.text(alphabet=st.sampled_from("ab =/[]\"'\u201d1 "), max_size=40) | st.text())
def test_the_cleanup_only_takes_characters_out(text: str) -> None:
    cleaned = without_markup_tags(text)
    if "[" not in text:
        assert cleaned == text
    # what is left is the text with some spans cut out, in order
    rest = iter(text)
    assert all(char in rest for char in cleaned)


def test_trafilatura_s_reading_loses_the_tags_too() -> None:
    # a brief: the walk's text is short, trafilatura is asked and its reading (which keeps the tags
    # as text) is taken
    html = (
        "<html><head><title>Park to grow</title></head><body><article><h1>Park to grow</h1>"
        '<p>[button link="/tips/"]Send us your story[/button]</p>'
        "<p>The council voted on Tuesday to expand the riverside park by twelve hectares, after a "
        "debate that ran for more than two hours and drew a crowd.</p><p>Residents had campaigned "
        "for the expansion for more than a decade, citing the lack of green space.</p>"
        "</article></body></html>"
    )
    article = extract(html, url="https://example.com/2025/12/19/park/")
    assert article.body.startswith("Send us your story\n\nThe council voted")
