"""The article's headline: the text several sources agree on, without site name or glued breadcrumb.

Sources: the page's ``h1`` elements (those inside ``article``/``main`` first; without any, its
first ``h2`` elements, taken only when a meta title names them), og:title, the JSON-LD headline,
twitter:title and ``<title>``. The ``h1`` is what readers see, so it
wins when another source vouches for it or words it differently; the meta titles often carry
" | Site Name". An h1 that is a meta title retyped with a slip ("and" for "&"), or its headline
without the subtitle after a colon (alone, or over a subtitle of its own set on a second line),
gives way to it; not an h1 that changes one of its numbers or that the breadcrumb trail repeats
(an edit, not a slip). So does an h1 in other words that bears no mark of a template's headline
(no attribute, no article or header around it): a display line typed into the page, where the meta
titles are the page's own name for the story.

A heading is read as readers see it: a permalink beside it ("¶", "#" linking to the heading itself)
is no part of its text. An h1 whose whole text is one link up to the site's front page (a logo or
site-name header over the page's own h1) is the site, not the headline; so is an h1 outside the
story's box that the <title> sets after the page's own name, printed as a heading in the story
(``names_site``: a book's name over its chapter, a forum's over its topic).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Final

from selectolax.lexbor import LexborNode

from .._data import fitted
from .._nodes import ancestors, in_story
from .._text import NON_WORD, alnum_key, has_word, host_key, host_names, label_words, phrase_key, squash
from .._urls import absolute, split_url

# How titles join the headline and the site name: "Headline | Site", "Site - Headline", "Site: Headline".
# (hyphen, en dash, em dash, middle dot, bullet, double and single guillemets)
STRONG_SEPARATORS = (
    " | ",
    " - ",
    " \u2013 ",
    " \u2014 ",
    " :: ",
    " \u00b7 ",
    " \u2022 ",
    " \u00bb ",
    " \u00ab ",
    " \u203a ",
    " \u2039 ",
)
# Two hyphens typed for a dash cut a name only (" -- Site"): tabloids set them in the headline too.
SEPARATORS = (*STRONG_SEPARATORS, " -- ", " ~ ", " / ", ": ")
# Scripts written without spaces set the separator without them too ("标题-新华网", "見出し｜サイト"):
# a hyphen, underscore or bar between two such characters (ideographs, kana, full-width forms) is a
# strong separator, where between Latin letters it would join a word ("Covid-19", "e-mail").
_GLUED = re.compile(
    r"(?<=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])[-_|\uff5c\uff0d](?=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])"
)
# Only STRONG_SEPARATORS are trusted to cut a site name we cannot recognise by name.
# A part this short (words) beside a part at least LABEL_RATIO times longer is a site or section label.
LABEL_MAX_WORDS = 4
MIN_TITLE_CHARS = 5
# A host label this long names the site inside a label ("UC Davis Children's Hospital", ucdavis.edu).
# The label's text is searched, not its words, so a shorter one turns up inside ordinary words
# ("art" of art.example in "Smart home"). Set by hand, not fitted.
MIN_HOST_NAME = 4
# Share of words an h1 must have in common with a meta title to be the same story (edited wording):
# fitted on WCXB half A by benchmarks/fit_title.py, kept in data/title.json.
_FITTED = fitted("title.json")
MIN_OVERLAP: float = _FITTED["min_overlap"]
# Likeness (0..1, of the two texts as letters and digits) from which an h1 resembling a meta title
# is that title copied with a slip ("and" for "&", a lost glyph): the meta title's wording wins.
MIN_COPY: float = _FITTED["min_copy"]
# How many times longer (characters) than a short part after a strong separator the rest of a meta
# title must be for that part to be a label ("Headline | Opinion"), not the headline's own subtitle
# ("Plant-based diet – tips and tricks"): fitted on WCXB half A by benchmarks/fit_title.py.
LABEL_RATIO: float = _FITTED["label_ratio"]
# What joins a headline and its subtitle in a meta title ("Index Funds: How to Invest"). Not " | " or
# " - ": the part after those is as often a label as a subtitle (an h1 that is a part wins, step 3).
SUBTITLE = ": "
# What sets a heading's following words on a line of their own: a line break, a block inside it, or
# a utility class that displays an inline box as a block (Tailwind's "block", Bootstrap's "d-block").
LINE_TAGS = ("br", "div", "p")
BLOCK_CLASSES = ("block", "d-block")
_LINE_BREAK = ", ".join((*LINE_TAGS, *(f".{name}" for name in BLOCK_CLASSES)))
_NUMBER = re.compile(r"\d+")
# After a crumb at the h1's start: the headline's next word, not a trail's end (see _unglue).
_OWN_WORDS = re.compile(r"\s+\w")
# Boxes a template puts its headline in: an h1 inside neither, with no attribute at all (no class,
# id or itemprop), is a display line typed into the page. Half A, such h1s wording a meta title
# otherwise: outside these boxes the truth is a meta title's wording on 4 of 5; inside, the h1's on 2 of 3.
HEADLINE_BOXES = ("article", "header")
# A link's last path segment that names a front page, as the empty one does ("/docs/", "index.html").
_FRONT_PAGE = re.compile(r"(?:index|default|home)(?:\.\w+)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class TitleSources:
    """Candidate titles, already whitespace-folded; ``h1s`` best-placed first."""

    h1s: tuple[str, ...] = ()
    # Those h1s whose whole text is one link up to the site's (or the section's) front page.
    home_links: tuple[str, ...] = ()
    # The first h2s of a page without any h1: a headline only when a claim names it, not when it
    # merely resembles one (an h2 is as often a section or a comments heading).
    h2s: tuple[str, ...] = ()
    # On a page without any h1, the parts of its meta titles that its body prints whole (a headline
    # set in a <span class="headline">, a <b>, a table cell: ``printed_parts``), the longest first;
    # like the h2s, a headline only when a claim names it.
    printed: tuple[str, ...] = ()
    # Those h1s that bear no mark of a template's headline (see unmarked).
    unmarked: tuple[str, ...] = ()
    # The h1s set in two lines, each with its first line: (h1, first line) (see first_line).
    first_lines: tuple[tuple[str, str], ...] = ()
    og: str | None = None
    headline: str | None = None  # JSON-LD
    twitter: str | None = None
    html_title: str | None = None
    site_name: str | None = None
    host: str | None = None  # the page's host name, to recognise "example.com" suffixes
    breadcrumbs: tuple[str, ...] = ()


def choose_title(src: TitleSources) -> tuple[str | None, str]:
    """The headline and where it came from (dom | og | json-ld | meta).

    >>> choose_title(TitleSources(h1s=("Big news",), og="Big news | Daily Planet"))
    ('Big news', 'dom')
    """
    claims = [
        (text, where)
        for text, where in (
            (src.headline, "json-ld"),
            (src.og, "og"),
            (src.twitter, "meta"),
            (src.html_title, "meta"),
        )
        if text
    ]
    # Each claim with its cuts ("Headline - Section | Site", "Headline - Section", "Headline"): the
    # last cut is the claim stripped; any of them may vouch for an h1.
    cuts = [(_variants(text, src), where) for text, where in claims]
    stripped = [(variants[-1], where) for variants, where in cuts]
    # A heading that is just the site name (or host name) is a logo, whatever the meta tags say; so is
    # an h1 linking to the front page, and a meta title cuts its words off as the site's name.
    h1s = [_unglue(h1, src.breadcrumbs) for h1 in src.h1s if not _is_site_name(h1, src)]
    # Steps 1-3 only: an h2 stands for a missing h1 when a claim names it, not when it resembles one.
    # A printed part a claim's cut takes off as a label is the site's name or a section's, printed
    # as a tagline ("Headline ‹ Wara Conservation Project" and a logo's "Wara Conservation Project").
    labels = {key for variants, _ in cuts for key in _cut_labels(variants)} if src.printed else set()
    printed = [part for part in src.printed if phrase_key(part) not in labels]
    headings = h1s + [h2 for h2 in (*src.h2s, *printed) if not _is_site_name(h2, src)]
    # 1. An h1 that another source vouches for, exactly or once a site name or label is cut off.
    # The h1 may carry the same site name or label as the claim ("Headline - Site" in both): then the
    # claim's cut form is the headline.
    keys = {phrase_key(variant): variants[-1] for variants, _ in cuts for variant in variants}
    # 0. An h1 that a claim words the same with a number more (the list's count or its year: "Recent
    # Trends" under "8 Recent Trends", "Best Platforms" under "Best Platforms 2025"): the h1 is the
    # headline cut short for display, the claim the full title.
    for h1 in headings:
        for text, where in stripped:
            if _adds_numbers(text, h1):
                return text, where
    for h1 in headings:
        if (cut := keys.get(phrase_key(h1))) is not None:
            return (cut if len(cut) < len(h1) and phrase_key(h1).startswith(phrase_key(cut)) else h1), "dom"
    # 2. An h1 with a breadcrumb trail (or a kicker) glued in front: the claim it ends with.
    for h1 in headings:
        for text, where in stripped:
            if (
                len(text) >= MIN_TITLE_CHARS
                and len(h1) > len(text)
                and phrase_key(h1).endswith(phrase_key(text))
            ):
                return text, where
    # 3. An h1 that is a part of a claim ("Headline | Section | Site").
    for h1 in headings:
        if len(h1) >= MIN_TITLE_CHARS and any(_is_part(h1, text) for text, _ in claims):
            return h1, "dom"
    # 4. An h1 that resembles a claim: the same story, edited wording (readers see the h1). The claim's
    # words count with its cut labels too ("Best Apps in 2025 - Top 10 Picks" for the h1 "Top 10: Best
    # App"). An h1 that differs from a claim in a word or a sign only ("and" for "&", a lost glyph) is
    # the claim's copy. An unmarked h1 is a display line, not the headline: the claims decide (step 5).
    for h1 in h1s:
        if len(h1) < MIN_TITLE_CHARS or not stripped:
            continue
        near, text, where = max(((_near(h1, vs), vs[-1], w) for vs, w in cuts), key=lambda c: c[0])
        if near < MIN_OVERLAP:  # not the same story as any claim (see same_story)
            continue
        if h1 in src.unmarked and not _edited(h1, text, src):
            continue
        if _likeness(h1, text) >= MIN_COPY and len(text) >= MIN_TITLE_CHARS and not _edited(h1, text, src):
            return text, where
        # An h1 that copies the claim's headline without its subtitle ("Index funds" for "Index
        # Funds: How to Invest"), or sets it as its first line over a subtitle of its own ("Index
        # funds<br>A beginner's guide"): the claim is the full title.
        head, colon, _ = text.partition(SUBTITLE)
        lines = [h1, *(line for heading, line in src.first_lines if heading == h1)]
        if colon and any(_likeness(line, head) >= MIN_COPY for line in lines):
            return text, where
        # An h1 set in two lines whose first line alone copies the claim, or opens it with the most
        # of its words (the claim adds a shorter "(photo: Reuters)"): the second line is one of its
        # own under the headline (the writer's name, a dek) that no meta title carries.
        # (not where the second line runs on in the claim: one headline set in two lines)
        claim = phrase_key(text)
        if not claim.startswith(phrase_key(h1)):
            for line in lines[1:]:
                key = phrase_key(line)
                if _likeness(line, text) >= MIN_COPY or (claim.startswith(key) and len(key) > len(claim) / 2):
                    return line, "dom"
        return h1, "dom"
    # 5. Two meta sources that agree once stripped, else the first usable one.
    counts: dict[str, int] = {}
    for text, _ in stripped:
        counts[phrase_key(text)] = counts.get(phrase_key(text), 0) + 1
    usable = [(t, w) for t, w in stripped if len(t) >= MIN_TITLE_CHARS and not _is_site_name(t, src)]
    for text, where in usable:
        if counts[phrase_key(text)] > 1:
            return text, where
    if usable:
        return usable[0]
    if headings:
        return headings[0], "dom"
    return stripped[0] if stripped else (None, "none")


def _cut_labels(variants: list[str]) -> set[str]:
    """The keys (``phrase_key``) of the parts a claim's cuts took off (``_variants``): its pieces
    between strong separators that are no piece of its last form."""
    kept = {phrase_key(variants[-1]), *map(phrase_key, _pieces(variants[-1]))}
    return {key for piece in _pieces(variants[0]) if (key := phrase_key(piece)) not in kept}


def _pieces(claim: str) -> Iterator[str]:
    """The pieces of a meta title between any one strong separator ("Headline | Section | Site")."""
    return (piece for sep in STRONG_SEPARATORS if sep in claim for piece in claim.split(sep))


def heading_text(node: LexborNode) -> str:
    """A heading's text as readers see it: a line break read as a space ("Top picks<br>for 2025"),
    without the permalink beside it (a link to the heading itself with no word: "¶", "#", "🔗").

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> heading_text(LexborHTMLParser('<h1>Top picks<br>2025<a href="#top">¶</a></h1>').css_first("h1"))
    'Top picks 2025'
    """
    if node.css_first('br, a[href^="#"]') is None:
        return squash(node.text(deep=True))
    parts = []
    for child in node.traverse(include_text=True):
        if child.tag == "br":
            parts.append(" ")
        elif child.tag == "-text":
            text = child.text_content or ""
            if has_word(text) or not _in_permalink(child, node):
                parts.append(text)
    return squash("".join(parts))


def first_line(node: LexborNode) -> str | None:
    """The heading's first line, when it is set in two: its words before the first line break,
    given more words after it (a subtitle typed into the h1 under the headline).

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> first_line(LexborHTMLParser("<h1>Top picks 2025<br>Our guide to the best</h1>").css_first("h1"))
    'Top picks 2025'
    """
    if node.css_first(_LINE_BREAK) is None:
        return None
    before: list[str] = []
    broken = False
    for child in node.traverse(include_text=True):
        if child.tag == "-text":
            text = child.text_content or ""
            if broken and has_word(text):
                return squash("".join(before))
            if not broken:
                before.append(text)
        elif not broken and child != node and _breaks_line(child) and has_word("".join(before)):
            broken = True
    return None


def _breaks_line(node: LexborNode) -> bool:
    classes = (node.attributes.get("class") or "").split()
    return node.tag in LINE_TAGS or any(name in BLOCK_CLASSES for name in classes)


def unmarked(node: LexborNode) -> bool:
    """The h1 bears no mark of a template's headline: no attribute at all, no article or header
    around it (a page builder's or an editor's display line, not the CMS's title element).

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> tree = LexborHTMLParser("<div><h1>Save more</h1></div><header><h1>Rain</h1></header>")
    >>> [unmarked(h1) for h1 in tree.css("h1")]
    [True, False]
    """
    return not node.attributes and not any(parent.tag in HEADLINE_BOXES for parent in ancestors(node))


def _in_permalink(text: LexborNode, heading: LexborNode) -> bool:
    """The text sits in a link to a place on this page, inside the heading."""
    for node in ancestors(text):
        if node == heading:
            return False
        if node.tag == "a" and (node.attributes.get("href") or "").startswith("#"):
            return True
    return False


def links_home(node: LexborNode, text: str, url: str | None) -> bool:
    """The heading's whole ``text`` is one link up to a front page above this page: the site's
    ("/", "index.html") or its section's ("../index.html" of a manual's chapter).

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> h1 = LexborHTMLParser('<h1><a href="../index.html">Docs</a></h1>').css_first("h1")
    >>> links_home(h1, "Docs", "https://example.com/docs/guide/intro.html")
    True
    """
    links = [a for a in node.css("a[href]") if not (a.attributes.get("href") or "").startswith("#")]
    if len(links) != 1 or heading_text(links[0]) != text:
        return False
    href = (links[0].attributes.get("href") or "").strip()
    target = split_url(absolute(href, url) if url else href)
    page = split_url(url)
    if target is None or target.query or target.fragment:
        return False
    folder, _, last = target.path.rpartition("/")
    if last and not _FRONT_PAGE.fullmatch(last):
        return False
    if page is None:  # no page URL to place the link: only one up ("../", "index.html") or to the root
        return not target.netloc and all(part in ("", ".", "..") for part in folder.split("/"))
    return (
        target.netloc.removeprefix("www.") == page.netloc.removeprefix("www.")
        and (page.path or "/").startswith(folder + "/")
        and target.path != page.path
    )


def names_site(h1: str, html_title: str | None, lower: Iterable[LexborNode]) -> bool:
    """The h1 is the site's (or the book's, the board's) name that the <title> sets after the page's
    own ("Page - Site"), and a lower heading inside the story's box (article, main) prints that
    page's part: "What is Ownership? - The Rust Programming Language" over the menu bar's h1 "The
    Rust Programming Language" and the chapter's h2 "What Is Ownership?" (mdBook); a forum's board
    name over the topic's h2 (phpBB). The caller asks only of an h1 outside the story's box that no
    other meta title names. (The other way round, a headline's h1 with the site's name printed in
    a lower heading, says nothing: an author box prints it too.)

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> tree = LexborHTMLParser("<h1>The Book</h1><main><h2>What Is Ownership?</h2></main>")
    >>> names_site("The Book", "What is Ownership? - The Book", tree.css("h2"))
    True
    >>> names_site("What Is Ownership?", "What is Ownership? - The Book", tree.css("h2"))
    False
    """
    title, key = phrase_key(html_title), phrase_key(h1)
    if not key or not title.endswith(key):
        return False
    rest = title[: -len(key)]
    page = next((rest[: -len(sep)].strip() for sep in STRONG_SEPARATORS if rest.endswith(sep)), None)
    return bool(page) and any(in_story(node) and phrase_key(heading_text(node)) == page for node in lower)


def _unglue(h1: str, trail: tuple[str, ...]) -> str:
    """Drop a breadcrumb trail that markup glued in front of the headline ("HomeNewsRain returns").

    One crumb followed by a space and a word is the headline's own first words, not a trail: a
    category "Running" over the page "Running Shoes". A crumb glued in front runs into the headline
    ("NewsRain returns") or is set off by a separator ("News > Rain returns"); one set off by a colon
    is the headline's kicker ("The Download: Rain returns"), as the meta titles carry it too.

    >>> _unglue("NewsRain returns", ("News",)), _unglue("Running Shoes", ("Running",))
    ('Rain returns', 'Running Shoes')
    """
    for end in (len(trail), len(trail) - 1):
        crumbs = trail[:end]
        if not crumbs:
            continue
        for glue in ("", " ", " > ", " / "):
            prefix = glue.join(crumbs)
            if h1.startswith(prefix) and len(h1) - len(prefix) >= MIN_TITLE_CHARS:
                rest = h1[len(prefix) :]
                if len(crumbs) == 1 and (_OWN_WORDS.match(rest) or rest.startswith(SUBTITLE)):
                    break
                return rest.strip(" >/|")
    return h1


def undangled(title: str | None) -> str:
    """``title`` less a separator with nothing on one side of it: the headline a template left
    empty ("| Site"), a decoration set before a heading ("/ Portfolio"), a site cut off before it.

    >>> undangled("| Nuts & Bolts Magazine"), undangled("Budget vote -"), undangled("Q&A: a - b")
    ('Nuts & Bolts Magazine', 'Budget vote', 'Q&A: a - b')
    """
    if not title:
        return ""
    padded = f" {title} "
    for sep in SEPARATORS:
        if padded.startswith(sep):
            return undangled(padded[len(sep) :].strip())
        if padded.endswith(sep):
            return undangled(padded[: -len(sep)].strip())
    return title


def claimed(title: str | None) -> str | None:
    """A meta title as a claim of the headline: None where it opens with a separator, the template's
    headline left empty before the site's name ("| Site"); else ``undangled``.

    >>> claimed("| Nuts & Bolts Magazine"), claimed("Budget vote |")
    (None, 'Budget vote')
    """
    if not title or any(f" {title}".startswith(sep) for sep in SEPARATORS):
        return None
    return undangled(title) or None


def strip_site(title: str, src: TitleSources) -> str:
    """Cut a site name (or a short section label) off the front or back of a meta title.

    >>> strip_site("Big news | Daily Planet", TitleSources(site_name="Daily Planet"))
    'Big news'
    """
    return _variants(title, src)[-1]


def _variants(title: str, src: TitleSources) -> list[str]:
    """The title, then the title after each cut (two labels at most: "Headline - Section | Site")."""
    out = [title]
    for _ in range(2):
        cut = _strip_once(out[-1], src)
        if cut == out[-1]:
            break
        out.append(cut)
    return out


def _is_site_name(text: str, src: TitleSources) -> bool:
    """The site's name as the page declares it, its host name, or a heading linking to its front page."""
    key = alnum_key(text)
    names = (alnum_key(src.site_name or ""), host_key(src.host), *(alnum_key(h) for h in src.home_links))
    return bool(key) and key in names


def _strip_once(title: str, src: TitleSources) -> str:
    # Without a separator: "Headline (Site)", and a blog's "example.com Headline" (its host, dot and all).
    head, paren, tail = title.rpartition(" (")
    if paren and tail.endswith(")") and head and _is_site(tail[:-1], src, sep=paren, other=head):
        return head.strip()
    first, space, rest = title.partition(" ")
    if space and rest and "." in first and host_key(first) == host_key(src.host):
        return undangled(rest.strip())  # "example.com - Headline" too
    for sep in SEPARATORS:
        if sep not in title:
            continue
        head, _, tail = title.rpartition(sep)
        if head and _is_site(tail, src, sep=sep, other=head):
            return head.strip()
        first, _, rest = title.partition(sep)
        if rest and _is_site(first, src, sep=sep, other=rest, front=True):
            return rest.strip()
    # Glued, only a suffix: a glued head is as often the headline's own first words ("東京-大阪間").
    if glued := list(_GLUED.finditer(title)):
        head, tail = title[: glued[-1].start()], title[glued[-1].end() :]
        if _is_site(tail, src, sep=STRONG_SEPARATORS[1], other=head):
            return head.strip()
    return title


def _is_site(part: str, src: TitleSources, *, sep: str, other: str, front: bool = False) -> bool:
    key = alnum_key(part)
    if not key:
        return False
    if _is_site_name(part, src):  # the site name or the host name
        return True
    host = host_key(src.host)
    if len(part) >= len(other):  # a label is never the bigger part ("The Site view on X: a city ...")
        return False
    if src.site_name:
        site = alnum_key(src.site_name)
        if len(site) >= 4 and (site in key or key in site):
            return True
    if len(host) >= 3 and len(key) >= 3 and (key in host or host.startswith(key) or key.endswith(host)):
        return True
    # a label naming one of the host's own labels: "UC Davis Children's Hospital" on ucdavis.edu
    if any(len(name) >= MIN_HOST_NAME and name in key for name in host_names(src.host)):
        return True
    # a section named in the trail: "Headline - Section", "Product : Category"; in front of a colon
    # ("Section: Headline") it is a kicker the headline carries on the page too (its h1 and every
    # meta title)
    if not (front and sep == SUBTITLE) and any(
        phrase_key(part) == phrase_key(crumb) for crumb in src.breadcrumbs
    ):
        return True
    return (
        sep in STRONG_SEPARATORS
        and label_words(part) <= LABEL_MAX_WORDS
        and len(other) >= LABEL_RATIO * len(part)
    )


def same_story(heading: str, title: str) -> bool:
    """The heading words the title in its own way: enough words in common (fitted MIN_OVERLAP).

    >>> same_story("Top 5 HR tools of 2026", "Top 5 HR tools in 2026"), same_story("Comments", "HR tools")
    (True, False)
    """
    return _overlap(heading, title) >= MIN_OVERLAP


def printed_parts(body: LexborNode | None, claims: Iterable[str | None]) -> tuple[str, ...]:
    """The parts of ``claims`` (meta titles, "Site - Section - Headline") that a text of ``body``
    is, whole, outside links and the page's header, menus and footer: the longest first. The
    headline of a page without headings is printed so, in a ``<span class="headline">`` or a bold
    line; a site's name is printed as its logo's link, in its header or its footer.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> page = LexborHTMLParser("<p>Local</p><span><b>Mill closes</b></span><p>Mill closes for good.</p>")
    >>> printed_parts(page.body, ["Town News - Local - Mill closes"])
    ('Mill closes', 'Local')
    """
    parts = {
        phrase_key(piece): piece
        for claim in claims
        if claim
        for piece in map(str.strip, _pieces(claim))
        if len(piece) >= MIN_TITLE_CHARS
    }
    if body is None or not parts:
        return ()
    longest = max(map(len, parts.values()))
    found: dict[str, str] = {}
    for node in body.traverse(include_text=True, skip_empty=True):
        if node.is_text_node and len(text := node.text_content or "") <= 2 * longest:
            piece = parts.get(phrase_key(text))
            if piece is not None and not any(box.tag in _SITE_BOXES for box in ancestors(node)):
                found[piece] = piece
    return tuple(sorted(found, key=len, reverse=True))


# Where a page prints its site's name whole: its logo links home, from its header or its footer.
_SITE_BOXES: Final = frozenset({"a", "header", "nav", "footer", "aside"})


def _is_part(h1: str, claim: str) -> bool:
    """The h1 is a piece of the claim ("Headline | Section | Site").

    >>> _is_part("Rain returns", "Rain returns | Weather | Daily Planet")
    True
    """
    key = phrase_key(h1)
    return any(phrase_key(piece) == key for piece in _pieces(claim))


def _adds_numbers(claim: str, h1: str) -> bool:
    """The claim is the h1's words, in order, with one or more numbers added.

    >>> _adds_numbers("8 Recent Trends in Photography", "Recent trends in photography")
    True
    >>> _adds_numbers("7 Trends to Watch in 2024", "7 Trends to Watch in 2025")
    False
    """
    # a reference a meta tag escaped twice ("&#8230;") is a sign, not a number
    theirs, ours = _folded(html.unescape(claim)).split(), _folded(html.unescape(h1)).split()
    if not len(theirs) > len(ours) > 0:
        return False
    words = [word for word in theirs if not word.isdigit()]
    if words != [word for word in ours if not word.isdigit()]:
        return False
    numbers = iter(word for word in theirs if word.isdigit())  # the h1's numbers are some of the claim's
    return all(word in numbers for word in ours if word.isdigit())


def _edited(h1: str, claim: str, src: TitleSources) -> bool:
    """The h1 is an edit of the claim, not its copy with a slip: it changes a number (a list's
    year updated: "Trends to Watch in 2025" for "... in 2024"), or the trail names the page in the
    h1's words.
    """
    ours, theirs = _NUMBER.findall(h1), _NUMBER.findall(claim)
    if len(ours) == len(theirs) and ours != theirs:
        return True
    return bool(src.breadcrumbs) and phrase_key(src.breadcrumbs[-1]) == phrase_key(h1)


def _likeness(a: str, b: str) -> float:
    """How alike two texts read, letters and digits in order (difflib's ratio of the folded texts).

    >>> round(_likeness("Homeowners and Investors", "Homeowners & Investors"), 2)
    0.91
    """
    return SequenceMatcher(None, _folded(a), _folded(b), autojunk=False).ratio()


def _folded(text: str) -> str:
    return " ".join(NON_WORD.sub(" ", text.casefold()).split())


def _overlap(a: str, b: str) -> float:
    wa, wb = set(NON_WORD.split(a.casefold())) - {""}, set(NON_WORD.split(b.casefold())) - {""}
    return len(wa & wb) / max(1, len(wa), len(wb))  # max: a two-word logo inside a long title is no match


def _near(h1: str, variants: list[str]) -> float:
    """The h1's share of words in common with a claim in the likest of its forms (cut or not), once it
    has a word of the cut form: a site name as h1 shares words with the cut-off label only.

    >>> round(_near("Top 10: Best app", ["Best apps in 2025 - Top 10 Picks", "Best apps in 2025"]), 2)
    0.43
    >>> _near("Engora Blog", ["Engora Blog: Small models", "Small models"])
    0.0
    """
    if not _overlap(h1, variants[-1]):
        return 0.0
    return max(_overlap(h1, variant) for variant in variants)
