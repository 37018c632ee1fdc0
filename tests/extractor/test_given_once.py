"""A forum thread or a product page read as its type gives each paragraph once (``_give_once``)."""

from __future__ import annotations

from newsscrape.extractor.content._content import Block, repeated
from newsscrape.extractor.content._profiles import ARTICLE, PROFILES
from profiled import content_as

FIRST_POST = (
    "I run a small board on an old engine and the upgrade to the new major version broke most of "
    "my plugins. Has anybody here moved a board of ten thousand posts across without losing them?"
)
SECOND_POST = (
    "Moved mine last spring. Export the users first, then the threads, and keep the old database "
    "around for a month in case an attachment link points at it."
)
THIRD_POST = (
    "Thank you both, I will try the export on a copy of the database this weekend and report back "
    "with what broke and what did not."
)


def thread(*posts: str) -> str:
    """A XenForo-like thread: each post a message box holding its text, after a user card."""
    boxes = "".join(
        f'<article class="message"><div class="message-user"><h4>user{n}</h4></div>'
        f'<div class="message-content"><div class="bbWrapper">{post}</div></div></article>'
        for n, post in enumerate(posts)
    )
    head = "<html><head><title>Moving a board</title></head><body><main><h1>Moving a board</h1>"
    return f"{head}{boxes}</main></body></html>"


def quote(who: str, text: str) -> str:
    return (
        f'<blockquote class="bbCodeBlock bbCodeBlock--quote"><div class="bbCodeBlock-title">{who} said:</div>'
        f'<div class="bbCodeBlock-content"><p>{text}</p></div></blockquote>'
    )


def texts(html: str, page_type: str) -> list[str]:
    return [block.text for block in content_as(html, PROFILES[page_type]).blocks]


def test_a_reply_quoting_an_earlier_post_gives_that_post_once() -> None:
    html = thread(
        f"<p>{FIRST_POST}</p>",
        f"{quote('user0', FIRST_POST)}<p>{SECOND_POST}</p>",
        f"{quote('user1', SECOND_POST)}<p>{THIRD_POST}</p>",
    )
    got = texts(html, "forum")
    assert got.count(FIRST_POST) == 1
    assert got.count(SECOND_POST) == 1
    assert got.index(FIRST_POST) < got.index(SECOND_POST) < got.index(THIRD_POST)  # each post where it was


def test_a_quote_of_one_sentence_of_an_earlier_post_goes_but_short_replies_stay() -> None:
    sentence = "Has anybody here moved a board of ten thousand posts across without losing them?"
    html = thread(
        f"<p>{FIRST_POST}</p>",
        f"{quote('user0', sentence)}<p>{SECOND_POST}</p><p>+1</p>",
        f"<p>{THIRD_POST}</p><p>+1</p>",
    )
    got = texts(html, "forum")
    assert sentence not in got  # found whole in the first post
    assert got.count("+1") == 2  # too short to be judged a copy: every poster may say it
    assert THIRD_POST in got


def test_a_product_description_printed_for_phones_and_desktops_is_given_once() -> None:
    description = (
        "Hand-thrown stoneware mug with a speckled glaze, glazed inside and out, holding 350 ml. "
        "Each piece is made to order in our studio, so the speckles of yours will differ."
    )
    care = "Dishwasher and microwave safe; hand washing keeps the glaze bright for longer."
    html = (
        "<html><head><title>Speckled mug</title></head><body><main><h1>Speckled mug</h1>"
        f'<div class="tabs-mobile"><h2>Description</h2><p>{description}</p><p>{care}</p></div>'
        f'<div class="tabs-desktop"><h2>Description</h2><p>{description}</p><p>{care}</p></div>'
        "</main></body></html>"
    )
    content = content_as(html, PROFILES["product"])
    got = [block.text for block in content.blocks]
    assert got.count(description) == 1
    assert got.count(care) == 1
    assert any(r.kind == "repeat" for r in content.removed)


def test_an_article_reading_is_left_alone() -> None:
    # the article reading is not fitted to give paragraphs once: a repeated lone line stays
    html = thread(f"<p>{FIRST_POST}</p>", f"<p>{SECOND_POST}</p>", f"{quote('user0', FIRST_POST)}")
    assert [block.text for block in content_as(html, ARTICLE).blocks].count(FIRST_POST) == 2
    assert texts(html, "forum").count(FIRST_POST) == 1


def test_repeated_compares_words_without_white_space_and_trafilaturas_marks() -> None:
    lines = [Block(text="Weight: 350 g"), Block(text="| Weight | 350 g |"), Block(text="- Weight  350 g")]
    assert repeated(lines, 5) == [False, True, True]
    assert repeated([Block(text="abc"), Block(text="abc")], 5) == [False, False]  # shorter than judged


def test_a_heading_found_in_an_earlier_paragraph_is_kept() -> None:
    # a subsection titled with words of the paragraph before it (WCXB/aeb: a Japanese blog read as a product)
    blocks = [Block(text="Press Ctrl+Alt+K to open the password manager."), Block(text="Ctrl+Alt+K", level=2)]
    assert repeated(blocks, 5) == [False, False]


def test_a_quote_with_its_attribution_run_into_it_goes_too() -> None:
    # NodeBB-like: "@user0 said in <topic>:" opens the quote's own paragraph, so the quote is no
    # longer found whole in the post it copies; most of its pieces are
    quoted = f"@user0 said in Moving a board: {FIRST_POST} {SECOND_POST}"
    html = thread(
        f"<p>{FIRST_POST} {SECOND_POST}</p>",
        f"<blockquote><p>{quoted}</p></blockquote><p>{THIRD_POST}</p>",
    )
    got = texts(html, "forum")
    assert quoted not in got
    assert THIRD_POST in got


def test_repeated_by_pieces_only_below_a_share_of_one() -> None:
    post = Block(text=FIRST_POST)
    quote = Block(text=f"@user0 said: {FIRST_POST}")
    assert repeated([post, quote], 5) == [False, False]  # not found whole
    assert repeated([post, quote], 5, 0.8) == [False, True]
    other = Block(text=f"{FIRST_POST[:60]} and then something else entirely, said at length by another.")
    assert repeated([post, other], 5, 0.8) == [False, False]  # a few pieces in common are not a copy
