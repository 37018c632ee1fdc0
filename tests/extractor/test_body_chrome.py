"""Body chrome found on WCXB half A and confirmed on half B: one behaviour per test, inline pages."""

from __future__ import annotations

import pytest
from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import extract
from newsscrape.extractor.content._boxes import BOX_LINK_SHARE
from profiled import walk_lines


def body(article: str) -> str:
    html = f"<html><body><article><h1>The title</h1>{article}</article></body></html>"
    return extract(html, config=NATIVE).body


@pytest.mark.parametrize(
    "comment",
    [
        '<span class="hljs-comment"># stage every modified file</span>',  # highlight.js
        '<span class="token comment"># stage every modified file</span>',  # Prism
        '<span class="cm-comment"># stage every modified file</span>',  # CodeMirror
    ],
)
def test_code_comment_of_a_highlighter_is_kept(comment: str) -> None:
    code = f'<pre><code class="language-bash">{comment}\ngit add .</code></pre>'
    assert "# stage every modified file" in body(f"<p>{PARA}</p>{code}<p>{PARA2}</p>")


@pytest.mark.parametrize(
    "heading", ["<h2>Table of Contents</h2>", "<p><strong>Table of contents:</strong></p>"]
)
def test_table_of_contents_heading_removed(heading: str) -> None:
    toc = '<ul><li><a href="#one">First part</a></li><li><a href="#two">Second part</a></li></ul>'
    text = body(f"<p>{PARA}</p>{heading}{toc}<h2>First part</h2><p>{PARA2}</p>")
    assert "Table of" not in text
    assert PARA2 in text


@pytest.mark.parametrize(
    ("label", "heading"),
    [
        ("Jump to", "<p>Jump to:</p>"),
        ("Jump to Section", "<p><strong>Jump to Section</strong></p>"),
        ("On this page", "<h2>On this page</h2>"),
        ("In This Article", "<h3>In This Article</h3>"),
        ("Contents", "<p>Contents</p>"),
        ("Table of Contents Show", "<p>Table of Contents <span>Show</span></p>"),  # a TOC plugin's toggle
    ],
)
def test_table_of_contents_widget_labels_removed(label: str, heading: str) -> None:
    toc = '<ul><li><a href="#one">First part</a></li><li><a href="#two">Second part</a></li></ul>'
    text = body(f"<p>{PARA}</p>{heading}{toc}<h2>First part</h2><p>{PARA2}</p>")
    assert label not in text
    assert PARA2 in text


def _forum(posts: int) -> str:
    # a Discourse-style page without JavaScript: an empty app root, the posts inside <noscript>
    post = (
        '<div class="topic-body crawler-post"><div class="crawler-post-meta"><span>user{n}</span></div>'
        '<div class="post" itemprop="text"><p>Reply {n}: ' + PARA + "</p><p>" + PARA2 + "</p></div></div>"
    )
    return (
        '<html><body><section id="main"></section><noscript><div id="main-outlet" class="wrap">'
        "<h1>Why does the resolver fail?</h1>"
        + "".join(post.format(n=n) for n in range(posts))
        + "</div></noscript></body></html>"
    )


def test_posts_written_inside_noscript_are_the_page() -> None:
    text = extract(_forum(4), config=NATIVE).body
    assert "Reply 0:" in text
    assert "Reply 3:" in text


def test_stacks_screen_reader_text_is_not_body() -> None:
    # Stack Exchange's user card: the badge counts are drawn, their words are for screen readers only
    card = (
        '<div class="user-details"><a href="/users/1/ann">Ann</a><div class="-flair">'
        '<span title="37 gold badges" aria-hidden="true"><span class="badgecount">37</span></span>'
        '<span class="v-visible-sr">37 gold badges</span></div></div>'
    )
    text = body(f"<p>{PARA}</p><p>{PARA2}</p>{card}")
    assert "gold badges" not in text
    assert PARA2 in text


@pytest.mark.parametrize(
    "line", ["Home", "Contact Us", "Recently viewed", "Joined", "Messages:", "1 Like", "12 likes"]
)
def test_site_and_forum_furniture_lines_removed(line: str) -> None:
    text = body(f"<p>{PARA}</p><div>{line}</div><p>{PARA2}</p>")
    assert line not in text
    assert PARA in text  # the line goes, not the story around it
    assert PARA2 in text


SHOP_LIST = (
    '<ul><li><a href="https://shop.example.net/p/1">Fluke 117 multimeter</a></li>'
    '<li><a href="https://www.example.org/dp/2">Klein Tools MM400</a></li></ul>'
)


def walked(inner: str) -> str:
    """The article reading's block walk (link-density rules on) over a story with ``inner`` in it."""
    story = f"<article><p>{PARA}</p><p>{PARA2}</p>{inner}<p>{PARA}</p></article>"
    return "\n".join(walk_lines(story, "https://news.example.com/a", box_link_share=BOX_LINK_SHARE))


@pytest.mark.parametrize("lead_in", ["<p>Our top picks:</p>", "<h3>Best multimeters</h3>"])
def test_list_of_links_after_a_lead_in_is_the_story(lead_in: str) -> None:
    text = walked(lead_in + SHOP_LIST)
    assert "Fluke 117 multimeter" in text
    assert "Klein Tools MM400" in text
    # without a lead-in (a label, a link, a picture, a paragraph that does not introduce it) the
    # same list is still a box of links: a follow bar or a rail
    for before in ("<p>Tags:</p>", '<p><a href="/x">Another story on the site</a></p>', "<div>Photo</div>"):
        assert "Klein Tools MM400" not in walked(before + SHOP_LIST)
    assert "Klein Tools MM400" not in walked(f"<p>{PARA2}</p>{SHOP_LIST}")


@pytest.mark.parametrize("heading", ["<h2>Best multimeters</h2>", "<h4>Best multimeters</h4>"])
def test_heading_and_its_list_in_one_box_read_as_unwrapped(heading: str) -> None:
    # a section box holding a subheading and the list it introduces is that heading and list, as
    # when the two stand unwrapped in the story (the test above), not a box of links
    assert "Klein Tools MM400" in walked(heading + SHOP_LIST)
    assert "Klein Tools MM400" in walked(f'<div class="section">{heading}{SHOP_LIST}</div>')
    # the same links with no list after the heading are still a box of links
    loose = SHOP_LIST.replace("ul>", "div>").replace("<li>", "").replace("</li>", " ")
    assert "Klein Tools MM400" not in walked(f'<div class="section">{heading}{loose}</div>')


@pytest.mark.parametrize(
    "box",
    [
        '<div class="disclaimer"><p>{text}</p></div>',
        '<p class="affiliate-disclaimer">{text}</p>',
        '<section id="legal-disclaimers"><p>{text}</p></section>',
    ],
)
def test_disclaimer_box_is_not_body(box: str) -> None:
    legal = (
        "The content of this post is for general information only and is not legal, tax or investment "
        "advice; consult a professional before acting on it."
    )
    text = body(f"<p>{PARA}</p><p>{PARA2}</p>" + box.format(text=legal))
    assert "general information only" not in text
    assert PARA2 in text


@pytest.mark.parametrize(
    "box",
    [
        '<div class="article-sources citation-sources"><ol><li>{text}</li></ol></div>',
        '<section class="Footnotes_citations__x1"><ol><li>{text}</li></ol></section>',
    ],
)
def test_list_of_works_cited_is_not_body(box: str) -> None:
    cited = 'Doe, Jane. "A Survey of Indoor Plants and Well-being." Journal of Horticulture, vol. 12, 2021.'
    text = body(f"<p>{PARA}</p><p>{PARA2}</p>" + box.format(text=cited))
    assert "Survey of Indoor Plants" not in text
    assert PARA2 in text


CLOSING = "Call our office today for a free consultation with one of our experienced advisers."
# "footer" inside a name is no footer: the bottom line of one card of a list, a gallery in a sticky bar
CARD = '<div class="card__footer">By Ann Lee on Mar 08</div><div class="StickyFooterGallery">Series 11</div>'


@pytest.mark.parametrize(
    "box",
    [
        '<div class="span12 widget-span footer"><p>{text}</p></div>',
        '<div id="footer-79_content"><p>{text}</p></div>',
        '<div class="elementor elementor-location-footer"><p>{text}</p></div>',
        '<div class="footer-tagline">{text}</div>',
    ],
)
def test_box_named_a_footer_is_not_body(box: str) -> None:
    text = body(f"<p>{PARA}</p>{CARD}<p>{PARA2}</p>" + box.format(text=CLOSING))
    assert "free consultation" not in text
    assert "By Ann Lee on Mar 08" in text
    assert "Series 11" in text
    assert PARA2 in text


def _cards(count: int) -> str:
    card = (
        '<article class="post-card"><h3><a href="https://example.com/blog/post-{n}">Other story {n}</a></h3>'
        "<p>Excerpt {n}: a short summary of another post on this blog, cut off after a sentence...</p>"
        '<a href="https://example.com/blog/post-{n}">Read More</a></article>'
    )
    return '<div class="posts-grid">' + "".join(card.format(n=n) for n in range(count)) + "</div>"


def test_grid_of_story_cards_goes_with_its_excerpts() -> None:
    story = "".join(f"<p>{PARA} ({n})</p><p>{PARA2} ({n})</p>" for n in range(6))
    html = f"<html><body><article><h1>The title</h1>{story}{_cards(3)}</article></body></html>"
    text = extract(html, url="https://example.com/blog/story", config=NATIVE).body
    assert "Excerpt 1" not in text
    assert PARA2 in text


def _walk_texts(html: str) -> list[str]:
    return walk_lines(html, "https://example.com/blog/x")


def test_container_mostly_made_of_story_cards_keeps_them() -> None:
    # a listing read as an article: the cards are the page, their excerpts stay
    texts = _walk_texts(f"<article><p>{PARA}</p>{_cards(3)}{_cards(3)}</article>")
    assert any(text.startswith("Excerpt 1") for text in texts)
    # beside a story longer than them they are another story's teasers
    story = "".join(f"<p>{PARA} ({n})</p>" for n in range(12))
    texts = _walk_texts(f"<article>{story}{_cards(3)}{_cards(3)}</article>")
    assert not any(text.startswith("Excerpt 1") for text in texts)
    assert f"{PARA} (11)" in texts


@pytest.mark.parametrize(
    "appeal",
    [
        "Since you made it to the bottom of this article, we have a small favor to ask.",
        "If you're enjoying this article, consider supporting our award-winning journalism by subscribing.",
        "The best way to support my work is to like, comment and share, and subscribe for future updates.",
        "Become a paid subscriber to unlock this piece and learn about:",
    ],
)
def test_appeal_for_support_is_not_body(appeal: str) -> None:
    text = body(f"<p>{PARA}</p><p>{PARA2}</p><p>{appeal}</p>")
    assert appeal not in text
    assert PARA2 in text


def test_schema_org_person_box_is_not_body() -> None:
    card = (
        '<div itemscope itemtype="https://schema.org/Person"><p>Jane Roe is a senior writer who has '
        "covered local government for ten years.</p></div>"
    )
    quoted = (
        '<p>The plan was backed by <span itemscope itemtype="http://schema.org/Person">Mayor Lee</span>.</p>'
    )
    text = body(f"<p>{PARA}</p>{quoted}<p>{PARA2}</p>{card}")
    assert "senior writer" not in text
    assert "backed by Mayor Lee" in text  # a name inside a sentence stays
    assert PARA2 in text


@pytest.mark.parametrize(
    "credit",
    [
        "Written by:Elise Nass",
        "Medically reviewed by Dr. Ann Lee, MD",
        "Fact-checked by Frank Bass",
        "Edited by",
    ],
)
def test_credit_line_is_not_body(credit: str) -> None:
    text = body(f"<p>{credit}</p><p>{PARA}</p><p>{PARA2}</p>")
    assert credit not in text
    assert PARA in text


@pytest.mark.parametrize(
    "line", ["4 min read", "3 Minute Read", "Reading time: 8 minutes", "Estimated reading time: 11 min"]
)
def test_reading_time_line_is_not_body(line: str) -> None:
    text = body(f"<p>{line}</p><p>{PARA}</p><p>{PARA2}</p>")
    assert line not in text
    assert PARA in text


@pytest.mark.parametrize(
    "klass",
    [
        "rounded print:break-inside-avoid",  # a style for the printed page, no print button
        "mb-6 md:[grid-area:sidebar]",  # placed in a grid area, no sidebar
        "px-4 lg:related-grid",  # a utility under a breakpoint, no related-stories box
    ],
)
def test_variant_class_names_no_chrome(klass: str) -> None:
    box = f'<div class="{klass}"><p>{PARA2}</p></div>'
    assert PARA2 in body(f"<p>{PARA}</p>{box}<p>{PARA3}</p>")


def test_print_hidden_box_is_chrome() -> None:
    banner = '<div class="flex print:hidden"><p>Migrate today and get up to $10k in credits.</p></div>'
    assert "Migrate today" not in body(f"<p>{PARA}</p>{banner}<p>{PARA2}</p>")


def test_named_group_state_marks_the_tooltip() -> None:
    # the trigger names a group; the card shown while it is hovered is the tooltip, the term stays
    term = (
        '<span class="relative group/tooltip">Edge caching'
        '<span class="absolute opacity-0 group-hover/tooltip:opacity-100">Copies near readers.</span>'
        "</span>"
    )
    text = body(f"<p>{PARA}</p><p>{term} is included in every plan.</p><p>{PARA2}</p>")
    assert "Edge caching" in text
    assert "Copies near readers" not in text


# Held out: trafilatura's and htmldate's old test caches (German blogs, TYPO3 and Drupal sites).
@pytest.mark.parametrize(
    "heading", ["Ähnliche Beiträge", "Ähnliche Artikel", "Verwandte Themen auf unserem Blog:"]
)
def test_german_related_posts_rail_is_not_body(heading: str) -> None:
    rail = "".join(
        f'<article><a href="/2016/12/0{n}/story-{n}/"><h2>Another story number {n}</h2></a>'
        f"<div>A teaser of the other story number {n}, a sentence or two long.</div>"
        f'<a href="/2016/12/0{n}/story-{n}/">Weiterlesen...</a></article>'
        for n in range(1, 4)
    )
    text = body(f"<p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p><div><h3>{heading}</h3><div>{rail}</div></div>")
    assert PARA3 in text
    assert heading not in text
    assert "Another story" not in text


# Held out: a German trade magazine's box of further links after the story (speicherguide.de in
# trafilatura 1.0's test cache), headed by a div of its own rather than a heading element.
@pytest.mark.parametrize("head", ["Weiterführender Link", "Weiterführende Links"])
def test_german_related_links_box_is_not_body(head: str) -> None:
    box = (
        f'<div class="kastenBox"><div class="kastenHead">{head}<br></div><div class="kastenInnerBox">'
        '<a href="https://example.org/leadership" rel="nofollow">Personal Leadership 5.0</a></div></div>'
    )
    text = body(f"<p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p>{box}")
    assert PARA3 in text
    assert head not in text
    assert "Personal Leadership" not in text


def _gone_after_story(block: str, *gone: str) -> None:
    """``block`` after a story's two paragraphs: the story stays, none of ``gone`` is in the body."""
    text = body(f"<p>{PARA}</p><p>{PARA2}</p>{block}")
    assert PARA2 in text
    for words in gone:
        assert words not in text


@pytest.mark.parametrize("heading", ["Schlagworte", "Schlagwörter", "Stichworte", "Stichwörter"])
def test_german_tag_list_heading_is_not_body(heading: str) -> None:
    tags = (
        '<ul><li><a href="/glossar/brandenburg">Brandenburg</a></li>'
        '<li><a href="/glossar/buch">Buch</a></li></ul>'
    )
    _gone_after_story(f"<div class='attachment'><h2>{heading}</h2>{tags}</div>", heading)


@pytest.mark.parametrize(
    "line",
    [
        "<h3>Teile diesen Beitrag!</h3>",
        # WordPress.com's like widget where scripts do not run: its count never filled in
        "<p>%d Bloggern gefällt das:</p>",
        "<p>%d bloggers like this:</p>",
    ],
)
def test_german_share_heading_and_an_unfilled_like_counter_are_not_body(line: str) -> None:
    _gone_after_story(line, "Beitrag", "%d")


@pytest.mark.parametrize(
    "notice",
    [
        "Diese Website verwendet Cookies, um Ihnen das beste Erlebnis zu bieten.",
        "Auf unserer Website werden Cookies gemäß unserer Datenschutzerklärung verwendet.",
        "Ce site utilise des cookies pour améliorer votre expérience.",
        "Este sitio web utiliza cookies propias y de terceros.",
        "Questo sito utilizza i cookie per migliorare la navigazione.",
    ],
)
def test_a_cookie_notice_in_other_languages_is_not_body(notice: str) -> None:
    _gone_after_story(f"<p>{notice}</p>", "ookie")


@pytest.mark.parametrize("heading", ["Über den Autor", "Zur Autorin"])
def test_a_german_author_box_is_not_body(heading: str) -> None:
    bio = "<p>Jane Doe ist Rechtsanwältin in Hamburg und schreibt über Medienrecht und Werbung.</p>"
    _gone_after_story(f"<div class='box'><h3>{heading}</h3>{bio}</div>", heading, "Rechtsanwältin")


@pytest.mark.parametrize(
    "line",
    [
        "Follow us on Telegram, Facebook, Instagram, YouTube and X for the latest news and updates.",
        "Follow Azure Functions on X",
        "Síguenos en Facebook: La Prensa Oficial y en Twitter: @laprensa",
        "Suivez-nous sur LinkedIn et Twitter",
        "Folgen Sie uns auf Instagram!",
        # the networks' icons without text: nothing but the asking is left of the line
        'Devenez fan sur <a href="https://facebook.com/x"><img src="f.png"></a>, suivez-nous sur '
        '<a href="https://twitter.com/x"><img src="t.png"></a>',
    ],
)
def test_a_follow_prompt_on_any_network_or_in_other_languages_is_not_body(line: str) -> None:
    _gone_after_story(f"<p>{line}</p>", "Follow", "uns", "nous", "Síguenos")


@pytest.mark.parametrize("label", ["Posted on", "Last updated", "Updated at:", "PUBLISHED"])
def test_a_publication_label_alone_is_not_body(label: str) -> None:
    # its day or its writer's name stands in the next element
    _gone_after_story(f"<div><span>{label}</span></div><div>Jane Doe</div>", label)


@pytest.mark.parametrize(
    "line",
    [
        "PIN FOR LATER",
        "Enjoy the post? Pin it for later!",
        "Pinterest image",
        "Favourite on Google News",
        "Add as a preferred source on Google",
        "Listen to this article in summarized format",
        "Summarize this article with:",
    ],
)
def test_a_save_or_listen_prompt_is_not_body(line: str) -> None:
    _gone_after_story(f"<div><p>{line}</p></div>", line)


@pytest.mark.parametrize(
    "line",
    [
        # a contest's text, which asks along the way, is the story's
        "Test your knowledge of the show and follow us on Instagram to win $250 in prizes this week.",
        "Follow us on the long road north as the caravan crosses the desert in search of water.",
        "Pin it to your board and come back to it when you plan your own garden in the spring.",
        "Listen to the story of the old mill, told by the three families who ran it for a century.",
    ],
)
def test_a_line_that_only_mentions_following_pinning_or_listening_stays(line: str) -> None:
    assert line in body(f"<p>{PARA}</p><p>{line}</p><p>{PARA2}</p>")


@pytest.mark.parametrize(
    "line",
    [
        # the link's text as a button's, in a box of its own (a link-only line goes as a link)
        "<span class='more'>weiterlesen</span>",
        "<span class='more'>Lire la suite »</span>",
        "<span class='more'>Leer más...</span>",
        "<span class='more'>Continua a leggere ›</span>",
        "<span class='more'>Read more »</span>",
        # a folded story's link with its reading time (a German listing's cards, held out)
        "<span class='more'>weiterlesen</span> 5 Minuten",
        "Lesezeit: 4 Minuten",
        "5 min de lecture",
    ],
)
def test_read_more_links_and_reading_times_in_other_languages_are_not_body(line: str) -> None:
    _gone_after_story(f"<p>{line}</p>", "lesen", "suite", "más", "leggere", "Read more", "Minuten", "lecture")


def test_a_sentence_that_opens_with_read_more_words_stays() -> None:
    line = "Lire la suite de l'enquête dans notre édition de demain, avec les témoignages des habitants."
    assert line in body(f"<p>{PARA}</p><p>{line}</p><p>{PARA2}</p>")


@pytest.mark.parametrize("font", ["material-icons", "material-symbols-outlined"])
def test_an_icon_fonts_name_beside_words_is_no_word_of_the_body(font: str) -> None:
    # Material Icons and Symbols draw a ligature ("chevron_right") as one glyph
    question = f'<h3>How do I tune work_mem? <span class="{font}">chevron_right</span></h3>'
    text = body(f"<p>{PARA}</p>{question}<p>{PARA2}</p>")
    assert "How do I tune work_mem?" in text
    assert "chevron_right" not in text


def test_an_icon_fonts_mark_that_is_a_tables_value_stays() -> None:
    # a comparison table's tick is the cell's value, whether the icon is the cell or alone in it
    cells = '<td class="material-icons">check</td><td><i class="material-icons">check</i></td>'
    rows = "".join(
        f"<tr><th>{name}</th>{cells}</tr>"
        for name in ("Free e-filing", "All states included", "Unlimited support")
    )
    text = body(f"<p>{PARA}</p><table>{rows}</table><p>{PARA2}</p>")
    assert text.count("check") == 6
