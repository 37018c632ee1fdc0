"""The metadata precedence, declared: ``TABLE`` lists, field by field, where a value may come from.

For each field the first rule (in table order) whose reader returns a non-empty value wins; the
rest are not read (``explain`` reads them all, to show what lost). A reader is a small function of
the page and of the metadata chosen so far, so a rule may depend on fields chosen above it: the
description refuses a site blurb (it needs the site name), the language must fit the title and
description, the section drops a label that is the site's name.

Four fields are not a precedence but a decision over several sources at once, made by a module
of their own, so each is one ``Decision`` row here: the title (``_title.choose_title`` weighs the
h1 against og:title, the JSON-LD headline, twitter:title and <title>), the authors (``_bylines``),
the tags (``_tags``), and the dates (``_pubdate``: published and modified are judged together).

Order matters across fields too: the title needs the site name and the raw breadcrumb trail; the
site name has two last-resort rules that need the title; the section and the tags need both.
The trail loses its last crumb when that is the page itself, once the title is known
(``own_trail``); the section reads that trimmed trail and ``read_metadata`` keeps it.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from typing import Final, NamedTuple

from selectolax.lexbor import LexborNode

from .._nodes import in_story, markup_text
from .._text import alnum_key, fold, phrase_key, squash
from .._urls import absolute  # one resolver for every URL a page gives, never raising
from ._bylines import find_authors, weigh_authors
from ._crumbs import declared_section, is_this_page, names_page, read_breadcrumbs, read_section, section_of
from ._dates import day_of
from ._jsonld import text_of
from ._language import fits_text, normalise_language
from ._metapage import Metadata, MetaField, Page, Source
from ._site import clean_site_name, logo_name, plausible_image, site_beside_title, site_blurb, story_image
from ._tags import PageNames, find_tags
from ._title import (
    TitleSources,
    choose_title,
    claimed,
    first_line,
    heading_text,
    links_home,
    names_site,
    printed_parts,
    undangled,
    unmarked,
)

MAX_H2 = 10
# The title and description are enough to tell a declared language wrong.
MAX_SAMPLE = 400

Reader = Callable[[Page, Metadata], object]  # a value, or None / empty when the source is silent
Decide = Callable[[Page, Metadata], tuple[object, str | None]]  # the value and its source


class Rule(NamedTuple):
    """``field`` may come from ``source``, as ``read`` finds it."""

    field: MetaField
    source: Source
    read: Reader


class Decision(NamedTuple):
    """``field`` is decided over several sources at once by ``decide``, which names the source."""

    field: MetaField
    decide: Decide
    # for ``explain``: what the decision weighed, as (source, what, value)
    weighed: Callable[[Page, Metadata], list[tuple[str, str, object]]] | None = None


# -- canonical URL ------------------------------------------------------------------------------
def canonical_link(p: Page, m: Metadata) -> str | None:
    """The canonical link, against the page's base (``<base href>``, else its URL); a relative one on
    a page read without either, against its own address in og:url or twitter:url ("/p" beside og:url
    "https://example.org")."""
    base = p.base or og_url(p, m) or twitter_url(p, m)
    return absolute(p.links.get("canonical"), base)


def og_url(p: Page, m: Metadata) -> str | None:
    return absolute(p.meta("og:url"), p.url)


def twitter_url(p: Page, m: Metadata) -> str | None:
    return absolute(p.meta("twitter:url"), p.url)


# -- site name (a declared one, cleaned of "example.com" and of the headline) --------------------
def og_site_name(p: Page, m: Metadata) -> str | None:
    return clean_site_name(p.meta("og:site_name"), host=p.host, headlines=p.headlines())


def ld_site_name(p: Page, m: Metadata) -> str | None:
    return clean_site_name(p.ld.site_name, host=p.host, headlines=p.headlines())


def application_name(p: Page, m: Metadata) -> str | None:
    return clean_site_name(p.meta("application-name"), host=p.host, headlines=p.headlines())


def beside_title(p: Page, m: Metadata) -> str | None:
    """ "Headline | Site": what <title> adds to the chosen title."""
    return site_beside_title(p.html_title, m.record.title, host=p.host)


def logo(p: Page, m: Metadata) -> str | None:
    return logo_name(p.tree)


MIN_AGREEING_SITES = 2


def agreed_site_name(p: Page, m: Metadata) -> tuple[object, str | None]:
    """The chosen site name gives way when no other source backs it and two others agree on another
    name: a section ("Health"), a slug or a slogan in og:site_name, where the <title> and the logo
    both say "National Geographic" (but "Space.com" stays beside two "Space"s). Decided last: the
    title and the bylines were read with the first choice.
    """
    chosen = m.record.site_name
    if not chosen:
        return None, None
    names = [(source, name) for source, read in _SITE_READERS if isinstance(name := read(p, m), str) and name]
    count = Counter(alnum_key(name) for _, name in names)
    if count.get(alnum_key(chosen), 0) > 1:
        return chosen, m.sources.get("site_name")
    for source, name in names:
        key = alnum_key(name)
        # (not when the chosen name is the same one spelt longer: "Space.com", "Tiger Data Blog")
        if count[key] >= MIN_AGREEING_SITES and key not in alnum_key(chosen):
            return name, source
    return chosen, m.sources.get("site_name")


# -- description: never the site's own blurb ------------------------------------------------------
def _not_blurb(text: str | None, p: Page, m: Metadata) -> str | None:
    """``text`` as the text it shows (a CMS's excerpt is often its markup, ``<p>`` and links
    included), unless it is the site's blurb."""
    text = markup_text(text) if text else text
    return None if not text or site_blurb(text, site=m.record.site_name, host=p.host) else text


def og_description(p: Page, m: Metadata) -> str | None:
    return _not_blurb(p.meta("og:description"), p, m)


def meta_description(p: Page, m: Metadata) -> str | None:
    """Read only when there is no og:description: a page whose og:description is the site's blurb
    has the same blurb here."""
    return None if p.meta("og:description") else _not_blurb(p.meta("description"), p, m)


def ld_description(p: Page, m: Metadata) -> str | None:
    return _not_blurb(text_of(p.art.get("description")), p, m)


def twitter_description(p: Page, m: Metadata) -> str | None:
    return _not_blurb(p.meta("twitter:description"), p, m)


# -- lead image ------------------------------------------------------------------------------------
def og_image(p: Page, m: Metadata) -> str | None:
    url = absolute(p.meta("og:image", "og:image:url", "og:image:secure_url"), p.url)
    return plausible_image(url, page_url=p.url)


def ld_image(p: Page, m: Metadata) -> str | None:
    value = p.art.get("image")
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
    return plausible_image(absolute(value if isinstance(value, str) else None, p.url), page_url=p.url)


def twitter_image(p: Page, m: Metadata) -> str | None:
    return plausible_image(absolute(p.meta("twitter:image", "twitter:image:src"), p.url), page_url=p.url)


def story_picture(p: Page, m: Metadata) -> str | None:
    return absolute(story_image(p.tree, page_url=p.url, base=p.base), p.base)


# -- language: a declared one, if the title and description do not refute it ----------------------
def _fitting(raw: str | None, p: Page, m: Metadata) -> str | None:
    lang = normalise_language(raw)
    sample = f"{p.html_title} {m.record.description or ''}"[:MAX_SAMPLE]
    return lang if lang and fits_text(lang, sample) else None


def html_lang(p: Page, m: Metadata) -> str | None:
    root = p.tree.css_first("html")
    if root is None:
        return None
    return _fitting(root.attributes.get("lang") or root.attributes.get("xml:lang"), p, m)


def og_locale(p: Page, m: Metadata) -> str | None:
    return _fitting(p.first_raw("og:locale"), p, m)


def content_language(p: Page, m: Metadata) -> str | None:
    return _fitting(p.first_raw("content-language"), p, m)


def meta_language(p: Page, m: Metadata) -> str | None:
    return _fitting(p.first_raw("language"), p, m)


def ld_language(p: Page, m: Metadata) -> str | None:
    return _fitting(p.ld.language, p, m)


# -- breadcrumbs and section ----------------------------------------------------------------------
def ld_trail(p: Page, m: Metadata) -> tuple[str, ...]:
    return p.ld.breadcrumbs


def dom_trail(p: Page, m: Metadata) -> tuple[str, ...]:
    return read_breadcrumbs(p.tree)


def own_trail(p: Page, m: Metadata) -> tuple[str, ...]:
    """The chosen trail without its last crumb when that is the page itself: the title, or the page's
    name spelt otherwise ("Team Fortress 2" for "Team Fortress 2 on Steam"), as ``section_of`` reads it,
    or a JSON-LD trail's item that links to the page (or to nothing)."""
    trail = m.record.breadcrumbs
    title = m.record.title or ""
    linked_here = m.sources.get("breadcrumbs") == "json-ld" and p.ld.trail_ends_here
    if trail and (linked_here or is_this_page(trail[-1], title) or names_page(trail[-1], title)):
        return trail[:-1]
    return trail


def _trail_section(p: Page, m: Metadata) -> str | None:
    return section_of(own_trail(p, m), site=m.record.site_name, title=m.record.title or "")


def ld_trail_section(p: Page, m: Metadata) -> str | None:
    """The section the trail names, when the trail came from JSON-LD."""
    return _trail_section(p, m) if m.sources.get("breadcrumbs") == "json-ld" else None


def dom_trail_section(p: Page, m: Metadata) -> str | None:
    """The section the trail names, when the trail came from the page's markup."""
    return _trail_section(p, m) if m.sources.get("breadcrumbs") == "dom" else None


def _not_the_page(section: str | None, m: Metadata) -> str | None:
    """A declared section that is the page's own title ("Average Cost Of Online College") is none."""
    return None if section and names_page(section, m.record.title or "") else section


def ld_article_section(p: Page, m: Metadata) -> str | None:
    section = declared_section(text_of(p.art.get("articleSection")), site=m.record.site_name, url=p.url)
    return _not_the_page(section, m)


def og_article_section(p: Page, m: Metadata) -> str | None:
    return _not_the_page(declared_section(p.meta("article:section"), site=m.record.site_name, url=p.url), m)


def cms_section(p: Page, m: Metadata) -> str | None:
    """The section a CMS shows without declaring it (category link, taxonomy field, primary tag)."""
    return _not_the_page(read_section(p.tree, site=m.record.site_name, url=p.url), m)


# -- hints for the content pass -------------------------------------------------------------------
def ld_article_body(p: Page, m: Metadata) -> str | None:
    """JSON-LD articleBody with its paragraph breaks kept (text_of folds all white space)."""
    value = p.art.get("articleBody")
    if isinstance(value, list):
        value = "\n".join(v for v in value if isinstance(v, str))
    if not isinstance(value, str):
        return None
    lines = (fold(line) for line in html.unescape(value).splitlines())
    return "\n".join(line for line in lines if line) or None


def ld_word_count(p: Page, m: Metadata) -> int | None:
    count = p.art.get("wordCount")
    if isinstance(count, int | str) and str(count).isdigit() and int(count) > 0:
        return int(count)
    return None


# -- decisions over several sources ----------------------------------------------------------------
def title_sources(p: Page, m: Metadata) -> TitleSources:
    main: list[str] = []
    rest: list[str] = []
    home_links: list[str] = []
    display_lines: list[str] = []
    first_lines: list[tuple[str, str]] = []
    og, twitter = claimed(p.meta("og:title")), claimed(p.meta("twitter:title"))
    html_title = claimed(p.html_title)
    headline = claimed(text_of(p.art.get("headline")) or text_of(p.art.get("name")))
    named = {phrase_key(claim) for claim in (og, twitter, headline) if claim}
    lower: list[LexborNode] | None = None
    for node in p.tree.css("h1"):
        text = undangled(heading_text(node))  # "/ Portfolio": a decoration, no part of the headline
        if text:
            story = in_story(node)
            (main if story else rest).append(text)
            if links_home(node, text, p.url):
                home_links.append(text)
            elif not story and phrase_key(html_title).endswith(key := phrase_key(text)) and key not in named:
                lower = p.tree.css("h2, h3")[:MAX_H2] if lower is None else lower
                if names_site(text, html_title, lower):  # "Page - Site" over the site's h1
                    home_links.append(text)
            if unmarked(node):
                display_lines.append(text)
            if line := first_line(node):
                first_lines.append((text, line))
    h2s: list[str] = []
    printed: tuple[str, ...] = ()
    if not main and not rest:  # no h1: the headline is often the first h2 (only used if a claim names it)
        h2s = [t for t in (undangled(squash(n.text(deep=True))) for n in p.tree.css("h2")[:MAX_H2]) if t]
        printed = printed_parts(p.tree.body, (og, twitter, html_title))  # or a line printing it whole
    return TitleSources(
        h1s=tuple(main + rest),
        home_links=tuple(home_links),
        h2s=tuple(h2s),
        unmarked=tuple(display_lines),
        first_lines=tuple(first_lines),
        printed=printed,
        og=og,
        headline=headline,
        twitter=twitter,
        html_title=html_title,
        site_name=m.record.site_name,
        host=p.host,
        breadcrumbs=m.record.breadcrumbs,
    )


def title(p: Page, m: Metadata) -> tuple[object, str | None]:
    return choose_title(title_sources(p, m))


def titles_weighed(p: Page, m: Metadata) -> list[tuple[str, str, object]]:
    src = title_sources(p, m)
    named: list[tuple[str, str, str | None]] = [("dom", f"h1 #{i + 1}", h1) for i, h1 in enumerate(src.h1s)]
    named += [("dom", f"h2 #{i + 1}", h2) for i, h2 in enumerate(src.h2s)]
    named += [("og", "og:title", src.og), ("json-ld", "headline", src.headline)]
    named += [("meta", "twitter:title", src.twitter), ("meta", "<title>", src.html_title)]
    return [(source, what, value) for source, what, value in named if value]


def authors(p: Page, m: Metadata) -> tuple[object, str | None]:
    return find_authors(p.tree, p.metas, p.ld.crediting(), site=m.record.site_name, host=p.host)


def structured_authors(p: Page, m: Metadata) -> tuple[tuple[str, ...], str | None]:
    """The authors the structured fields alone credit (JSON-LD, metas): a listing's, whose printed
    bylines are its cards'."""
    return find_authors(
        p.tree, p.metas, p.ld.crediting(), site=m.record.site_name, host=p.host, printed=False
    )


def authors_weighed(p: Page, m: Metadata) -> list[tuple[str, str, object]]:
    return weigh_authors(p.tree, p.metas, p.ld.crediting(), site=m.record.site_name, host=p.host)


def tags(p: Page, m: Metadata) -> tuple[object, str | None]:
    names = PageNames(title=m.record.title, site=m.record.site_name, host=p.host)
    return find_tags(p.tree, p.metas, p.art, names)


def published(p: Page, m: Metadata) -> tuple[object, str | None]:
    found = p.dates(m)
    return found.published, found.published_source


def dates_weighed(p: Page, m: Metadata) -> list[tuple[str, str, object]]:
    """The publication days the page offers that are not the day chosen, the first of each source's day."""
    chosen = day_of(m.record.published) if m.record.published is not None else None
    days: set[tuple[str, date]] = set()
    weighed: list[tuple[str, str, object]] = []
    for source, what, value in p.date_candidates(m):
        day = day_of(value)
        if day != chosen and (source, day) not in days:
            days.add((source, day))
            weighed.append((source, what, value))
    return weighed


def modified(p: Page, m: Metadata) -> tuple[object, str | None]:
    found = p.dates(m)
    if _before(found.modified, found.published):  # an edit before the story is no edit of it
        return None, None
    return found.modified, found.modified_source


def _before(later: date | None, earlier: date | None) -> bool:
    """``later`` is strictly before ``earlier``: as times when both carry a time (and both or neither a
    zone), else by day.

    >>> _before(date(2020, 3, 1), datetime(2020, 3, 2, 9)), _before(date(2020, 3, 2), datetime(2020, 3, 2, 9))
    (True, False)
    """
    if later is None or earlier is None:
        return False
    if isinstance(later, datetime) and isinstance(earlier, datetime) and _aware(later) == _aware(earlier):
        return later < earlier
    return day_of(later) < day_of(earlier)


def _aware(value: datetime) -> bool:
    return value.tzinfo is not None


# The precedence: for each field, the first rule with a value wins. Rows run top to bottom, so a
# reader may use any field chosen above it.
TABLE: Final[tuple[Rule | Decision, ...]] = (
    Rule("canonical_url", "meta", canonical_link),
    Rule("canonical_url", "og", og_url),
    Rule("canonical_url", "meta", twitter_url),
    Rule("site_name", "og", og_site_name),
    Rule("site_name", "json-ld", ld_site_name),
    Rule("site_name", "meta", application_name),
    Rule("description", "og", og_description),
    Rule("description", "meta", meta_description),
    Rule("description", "json-ld", ld_description),
    Rule("description", "meta", twitter_description),
    Rule("image", "og", og_image),
    Rule("image", "json-ld", ld_image),
    Rule("image", "meta", twitter_image),
    Rule("image", "dom", story_picture),
    Rule("language", "dom", html_lang),  # needs the description
    Rule("language", "og", og_locale),
    Rule("language", "meta", content_language),
    Rule("language", "meta", meta_language),
    Rule("language", "json-ld", ld_language),
    Rule("breadcrumbs", "json-ld", ld_trail),
    Rule("breadcrumbs", "dom", dom_trail),
    Decision("title", title, titles_weighed),  # needs the site name and the trail
    Rule("site_name", "meta", beside_title),  # needs the title
    Rule("site_name", "dom", logo),
    Rule("section", "json-ld", ld_trail_section),  # needs the title and the trail
    Rule("section", "dom", dom_trail_section),
    Rule("section", "json-ld", ld_article_section),  # needs the site name
    Rule("section", "og", og_article_section),
    Rule("section", "dom", cms_section),  # needs the site name
    Decision("authors", authors, authors_weighed),  # needs the site name
    Decision("tags", tags),  # needs the title and the site name
    Rule("article_body", "json-ld", ld_article_body),
    Rule("word_count", "json-ld", ld_word_count),
    Decision("published", published, dates_weighed),  # needs the title and the language
    Decision("modified", modified),  # needs the published date
    Decision("site_name", agreed_site_name),  # last: every reader above used the first choice
)
# The table's readers of the site name, in its order: what ``agreed_site_name`` weighs.
_SITE_READERS: Final = tuple(
    (rule.source, rule.read) for rule in TABLE if isinstance(rule, Rule) and rule.field == "site_name"
)


def rules_for(name: MetaField) -> list[tuple[Source, str]]:
    """The sources of one field in precedence order, as (source, reader name).

    >>> rules_for("canonical_url")
    [('meta', 'canonical_link'), ('og', 'og_url'), ('meta', 'twitter_url')]
    """
    return [(row.source, row.read.__name__) for row in TABLE if isinstance(row, Rule) and row.field == name]
