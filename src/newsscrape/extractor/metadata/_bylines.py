"""Who wrote the story: JSON-LD author, author meta tags, byline elements, or a "By ..." line under the h1."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._nodes import ancestors, headline_node, markup_text, outside_story
from .._text import ascii_lower, squash
from ._authormetas import (
    AUTHOR_METAS,
    CREATOR_METAS,
    MAX_BYLINE_INPUT_CHARS,
    MAX_BYLINE_INPUTS,
    MAX_MARKUP_META_CHARS,
    author_meta_values,
    data_layer_authors,
)
from ._authors import (
    BYLINE_PREFIXES,
    BYLINE_START,
    ROLE_WORDS,
    bare,
    clean_authors,
    credits,
    names_outlet,
    outlet_keys,
    split_byline,
)
from ._bylinemarks import (
    AUTHOR_BOX,
    AUTHOR_LINKS,
    AUTHOR_PATHS,
    AVATARS,
    BYLINE_SELECTORS,
    LOOSE_BYLINE_SELECTORS,
    BylineMarks,
)
from ._bylinetext import DIGIT, MAX_BYLINE_CHARS, MAX_BYLINE_NODES, not_a_byline
from ._jsonld import JsonLd, author_names

# A byline's elements share a box of a few lines with each other (names, roles, a date); two bylines
# of the page share only a section or the whole story (on WCXB half A, co-authors' boxes hold at
# most 310 characters, other bylines' shared boxes 1,200 and more).
MAX_BYLINE_BOX_CHARS = 600
# The story's byline is printed with its headline: in the short box that holds both (a header of at
# most 600 characters, a byline box's size), else starting within 400 characters of text after it.
# Read first, it beats better-marked bylines elsewhere (other stories' cards with rel=author links).
# Of each byline selector's elements, the first 20 are looked at (menus and cards come first on many
# pages). WCXB with JSON-LD, author/date metas and itemprops stripped (the DOM-only reading): half A
# authors 193 -> 196 of 279, half B 179 -> 181 of 274, no page lost; with them, no page of either
# half changes.
MAX_HEADLINE_BOX_CHARS = MAX_BYLINE_BOX_CHARS
MAX_HEADLINE_GAP = 400
MAX_HEADLINE_ZONE_NODES = 20
MAX_SLUG_WORDS = 4  # a person's page address spells the name: /authors/jane-van-doe
# A line that opens with such a label: the credit of the person named after it ("Reviewed by Jane Roe").
OTHER_WORK_LINE = re.compile(
    r"\W*(?:\w+\s+)?(?:reviewed|checked|edited|verified|illustrated|illustrations?|photos?|photographs?|images?)"
    r"\s+by\b",
    re.IGNORECASE,
)
# Words of a link to the author's page that is no credit ("Full bio", "View profile").
LINK_LABEL_WORDS = frozenset({"bio", "biography", "profile"})
CRUMB_MARKS = ("\u00bb", "\u203a")  # a breadcrumb's separators: "Home » Garden » Lawn Care"
# A link to a forum member's profile: "/user/jdoe/", "/u/jdoe".
_MEMBER_LINK = re.compile(r"/(?:u|users?)/", re.IGNORECASE)
MAX_DOM_CREDIT_WORDS = 5  # "The Currency editors", "Ask the Doctors"


def find_authors(
    tree: LexborHTMLParser,
    metas: dict[str, list[str]],
    ld: JsonLd,
    *,
    site: str | None,
    host: str | None,
    printed: bool = True,
) -> tuple[tuple[str, ...], str | None]:
    """The story's authors and where they were found (json-ld | meta | dom); ((), None) when nobody.

    People come first, from whichever source names one (JSON-LD, then author metas, then the
    byline on the page; a structured name the page never prints yields to a "By ..." line naming
    someone else). Only a page that names no person anywhere is credited to what its structured
    fields or its byline name instead: a team, an organisation, a handle ("The Investopedia Team").
    ``printed=False``: only what the structured fields credit, for a page whose printed bylines are
    other stories' (a listing's cards).

    >>> find_authors(LexborHTMLParser(""), {"author": ["By Jane Doe"]}, JsonLd(), site=None, host=None)
    (('Jane Doe',), 'meta')
    """
    for read, source, _ in _author_rules(BylineMarks(tree), metas, ld, site=site, host=host):
        if not printed and source == "dom":
            continue
        names = read()
        if names:
            return names, source
    return (), None


def weigh_authors(
    tree: LexborHTMLParser,
    metas: dict[str, list[str]],
    ld: JsonLd,
    *,
    site: str | None,
    host: str | None,
) -> list[tuple[str, str, object]]:
    """For ``explain``: what each of ``find_authors``' rules reads, as (source, rule, names), in their
    order, after the texts of the byline elements printed with the headline (which the byline rules
    read first).

    >>> page = LexborHTMLParser('<h1>Rain</h1><p class="byline">By Jane Doe</p>')
    >>> weigh_authors(page, {}, JsonLd(), site=None, host=None)[:2]
    [('dom', 'header byline', 'By Jane Doe'), ('dom', 'byline people', ('Jane Doe',))]
    """
    page = BylineMarks(tree)  # one page's marks for both: the header's bylines are among what the rules read
    rules = _author_rules(page, metas, ld, site=site, host=host)
    header = [
        ("dom", "header byline", line)
        for group in _header_bylines(page)
        for _, text in group
        if (line := squash(text))
    ]
    return header + [(source, what, names) for read, source, what in rules if (names := read())]


def _author_rules(
    page: BylineMarks,
    metas: dict[str, list[str]],
    ld: JsonLd,
    *,
    site: str | None,
    host: str | None,
) -> tuple[tuple[Callable[[], tuple[str, ...]], str, str], ...]:
    """``find_authors``' rules in precedence order, as (reader, source, name), reading ``page``'s
    byline markup; each reads when called."""

    def clean(raw: list[str]) -> tuple[str, ...]:
        bounded = [text[:MAX_BYLINE_INPUT_CHARS] for text in raw[:MAX_BYLINE_INPUTS]]
        return clean_authors(bounded, site=site, host=host)

    article = ld.article or {}
    people, organisations = author_names(article.get("author") or article.get("creator"), ld.by_id)
    # a byline written whole into the name, as metas get (only its head: a byline is a few links)
    people = [markup_text(name, limit=MAX_MARKUP_META_CHARS) for name in people]
    values = author_meta_values(metas, AUTHOR_METAS) or author_meta_values(metas, CREATOR_METAS)
    outlets = outlet_keys(site=site, host=host)

    def others(found: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(credit for credit in found if not names_outlet(credit, outlets))

    named, listed = clean(people), clean(values)  # the people JSON-LD and the metas name, cleaned once
    shown = page.shows
    return (
        # A JSON-LD or meta author the page never prints may name the account that posted the
        # story: it yields to a "By ..." line of the page that names someone else ("By Charles
        # Patterson" under an "author" meta naming the site's editor).
        (lambda: tuple(name for name in named if shown(bare(name))), "json-ld", "printed people"),
        (lambda: tuple(name for name in listed if shown(bare(name))), "meta", "printed people"),
        (lambda: _line_people(page.lines, clean) if named or listed else (), "dom", "by-line people"),
        (lambda: named, "json-ld", "people"),
        (lambda: listed, "meta", "people"),
        # A structured credit the page's byline prints ("Resy Staff" in the meta and "By Resy Staff"
        # under the headline) is the story's, before any person a teaser's byline names.
        (lambda: _printed(credits(people, handles=True), page), "json-ld", "printed credits"),
        (lambda: _printed(credits(values), page), "meta", "printed credits"),
        (lambda: _dom_people(page, clean, outlets), "dom", "byline people"),
        # typed as a Person, or a bare string: the site says so
        (lambda: others(credits(people, handles=True)), "json-ld", "credits"),
        (lambda: others(credits(values)), "meta", "credits"),
        (lambda: others(credits(organisations)), "json-ld", "organisations"),
        (lambda: _dom_credits(page, outlets), "dom", "byline credits"),
        # a name read off the head of an author box, which nothing else on the page marks
        (lambda: _author_box_heads(page, clean), "dom", "author box head"),
        (lambda: _beside_avatar(page, clean), "dom", "beside avatar"),
        # an organisation or a team in a short box named after the author, nothing labelling it
        (lambda: _box_credits(page), "dom", "author box credits"),
        (lambda: clean(data_layer_authors(page.tree)), "meta", "data layer people"),
        # last: a structured field that credits the publication itself ("Instructables" on
        # instructables.com), which signs every page: the byline's credit comes first
        (lambda: credits(people, handles=True), "json-ld", "publication credits"),
        (lambda: credits(values), "meta", "publication credits"),
        (lambda: credits(organisations), "json-ld", "publication organisations"),
    )


def _dom_people(
    page: BylineMarks, clean: Callable[[list[str]], tuple[str, ...]], outlets: frozenset[str]
) -> tuple[str, ...]:
    groups = _header_bylines(page)
    for group in groups:
        names = _one_byline(group, clean)
        if names:
            return names
    header = [node for group in groups for node, _ in group]
    # The header's byline may credit no person: a team, the publication, a first name or a handle
    # ("By Resy Staff", "Kev"). That credit beats the people of byline elements elsewhere (other
    # stories' cards), not a "By ..." line of the story naming a person ("Written by" at its foot).
    # A member's profile linked there names the poster of a forum thread (a Reddit thread was
    # read as an article with its poster credited). DOM-only WCXB: half A authors 196 -> 204 of 279
    # (6 sites), half B 181 -> 190 of 274, none lost; with JSON-LD and metas, one page of B right.
    nodes = [node for node in header if not _links_a_member(node)]
    credited = _dom_credits(page, outlets, nodes=nodes) if nodes else ()
    for selector in (*BYLINE_SELECTORS, *LOOSE_BYLINE_SELECTORS):
        nodes = page.css(selector)
        if selector in LOOSE_BYLINE_SELECTORS:
            nodes = [node for node in nodes if len(page.text(node)) <= MAX_BYLINE_CHARS]
        nodes = nodes[:MAX_BYLINE_NODES]
        texts = [page.text(node) for node in nodes]
        # Byline elements hold all sorts of text ("Views", "Guest"): a name there needs two words.
        names = tuple(name for name in clean(texts) if " " in name)
        if names:  # only then the (slower) look at where the names sit
            found = [(node, text) for node, text in zip(nodes, texts, strict=True) if not not_a_byline(node)]
            names = _one_byline(found, clean)
        if names:  # a selector that names nobody ("View all posts") gives way to the next one
            return credited or names
    return _line_people(page.lines, clean) or credited


def _links_a_member(node: LexborNode) -> bool:
    """Whether an element is or holds a link to a forum member's profile."""
    links = (node, *node.css("a")) if node.tag != "a" else (node,)
    return any(_MEMBER_LINK.search(link.attributes.get("href") or "") for link in links)


def _header_bylines(page: BylineMarks) -> list[list[tuple[LexborNode, str]]]:
    """The byline elements of the story's header, read before any other, by selector: those printed
    just below the headline, and those sharing a short box with it. A related story's card may mark
    its writer better ("rel=author") than the story's own byline does."""
    headline = headline_node(page.tree)
    body = page.tree.body
    if headline is None or body is None:
        return []
    found: dict[int, tuple[LexborNode, str]] = {}
    selectors: dict[int, int] = {}  # each element under the first selector that finds it
    for rank, selector in enumerate((*BYLINE_SELECTORS, *LOOSE_BYLINE_SELECTORS)):
        for node, text in page.bylines(selector, MAX_HEADLINE_ZONE_NODES):
            if node.mem_id not in found:
                found[node.mem_id] = (node, text)
                selectors[node.mem_id] = rank
    if not found:
        return []
    heads = {headline.mem_id, *(box.mem_id for box in ancestors(headline))}
    short: dict[int, bool] = {}  # whether a box the headline shares is a header's size, each box read once
    near = set()
    for key, (node, _) in found.items():
        shared = next(box for box in (node, *ancestors(node)) if box.mem_id in heads or box.tag == "body")
        if shared.tag != "body" and shared.mem_id not in short:
            size = len(squash(shared.text(deep=True, separator=" ")))
            short[shared.mem_id] = size <= MAX_HEADLINE_BOX_CHARS
        if short.get(shared.mem_id):
            near.add(key)
    if not near:
        near = _just_below(headline, body, found)
    # in the selectors' order, as elsewhere: a byline's own link before the line around it
    groups: dict[int, list[tuple[LexborNode, str]]] = {}
    for key in found:
        if key in near:
            groups.setdefault(selectors[key], []).append(found[key])
    return list(groups.values())


def _just_below(headline: LexborNode, body: LexborNode, found: dict[int, tuple[LexborNode, str]]) -> set[int]:
    """The ids of the ``found`` elements that start within ``MAX_HEADLINE_GAP`` characters of text
    after the headline."""
    below: set[int] = set()
    chars, after = 0, False  # the characters of text read since the headline (its own not counted)
    inside = {headline.mem_id, *(node.mem_id for node in headline.traverse(include_text=False))}
    for node in body.traverse(include_text=True, skip_empty=True):
        if not after:
            after = node.mem_id == headline.mem_id
        elif node.tag == "-text":
            if node.parent is None or node.parent.mem_id not in inside:
                chars += len((node.text_content or "").strip())
                if chars > MAX_HEADLINE_GAP:
                    break
        elif node.mem_id in found and node.mem_id not in inside:
            below.add(node.mem_id)
    return below


def _one_byline(
    found: list[tuple[LexborNode, str]], clean: Callable[[list[str]], tuple[str, ...]]
) -> tuple[str, ...]:
    """The people of one byline: the first element that names someone, and the elements that share
    a byline-sized box with it ("By <a>Jane Doe</a> and <a>John Roe</a>"). Elements of the same kind
    further off are other bylines: a related story's card, a later section's writer.

    A second person in the box is printed as the first one is (the same tag and class: not a
    link of another class, "View More Articles" or "Data Analysis By <a>Jane Roe</a>" beside the
    name's link), or in a list of people, elements of one kind that each name someone. The box's
    other elements are the first person's job title ("VP - Technology"), schools ("Loyola
    University New Orleans") or the byline's labels ("Fact Checked"), each in an element of its
    own kind, which the byline selectors find too ("author_des", "author_checked").
    """
    named = (n for n, (_, text) in enumerate(found) if any(" " in name for name in clean([text])))
    start = next(named, None)
    if start is None:
        return ()
    first, text = found[start]
    around = {first.mem_id, *(box.mem_id for box in ancestors(first))}
    texts = [text]
    in_box: dict[tuple[str, str | None], list[str]] = {}  # the box's other elements by their kind
    for node, other in found[start + 1 :]:
        shared = next(box for box in (node, *ancestors(node)) if box.mem_id in around)
        if len(squash(shared.text(deep=True, separator=" "))) <= MAX_BYLINE_BOX_CHARS:
            in_box.setdefault(_kind(node), []).append(other)
    for kind, others in in_box.items():
        if kind == _kind(first) or _people_list(others, clean):
            texts.extend(others)
    return tuple(name for name in clean(texts) if " " in name)


def _kind(node: LexborNode) -> tuple[str, str | None]:
    """How an element is printed: its tag and class."""
    return node.tag or "", node.attributes.get("class")


def _people_list(texts: list[str], clean: Callable[[list[str]], tuple[str, ...]]) -> bool:
    """Whether the texts of elements of one kind list people: more than one, each a full name
    ("co-authors" / "Ben Adams" / "Marek Moraczynski"), not a list with other matter in it (a
    person's schools: "University of Alabama", "Loyola University New Orleans")."""
    if len(texts) < 2 or any(BYLINE_START.match(squash(text)) for text in texts):
        return False  # a "By ..." among them: the fields of one byline ("By Jane Doe" / "Fact Checked")
    return all(any(" " in name for name in clean([text])) for text in texts)


def _line_people(lines: Iterable[str], clean: Callable[[list[str]], tuple[str, ...]]) -> tuple[str, ...]:
    """The people the first "By ..." line that names anyone names."""
    for line in lines:
        names = tuple(name for name in clean([line]) if " " in name)
        if names:
            return names
    return ()


def _author_box_heads(page: BylineMarks, clean: Callable[[list[str]], tuple[str, ...]]) -> tuple[str, ...]:
    """The name at the head of an author box: a box named after the author ("blog_author-box"), too
    long for a byline because a biography follows the name, and the biography names that person
    ("Jane Doe" / "Jane Doe is a ..." or "Jane has ...")."""
    looked = 0
    for node in page.css(AUTHOR_BOX):
        text = page.text(node)
        if len(text) <= MAX_BYLINE_CHARS or not_a_byline(node):
            continue  # a short one was read as a byline already
        head, _, bio = text.strip().partition("\n")
        bio_words = set(bio.split())
        names = tuple(name for name in clean([head]) if " " in name and bio_words.intersection(name.split()))
        if names:
            return names
        looked += 1
        if looked >= MAX_BYLINE_NODES:
            break
    return ()


def _beside_avatar(page: BylineMarks, clean: Callable[[list[str]], tuple[str, ...]]) -> tuple[str, ...]:
    """The name printed right after the author's avatar in a story's meta line, as WordPress themes
    print it (``get_avatar``'s ``<img class="avatar avatar-96 photo">``): the text up to its first
    word in lower case ("<img class="avatar"> Mahua Das in <a>Project Management</a>")."""
    for image in page.css(AVATARS)[:MAX_BYLINE_NODES]:
        text = image.next
        if text is None or text.tag != "-text" or not_a_byline(image) or outside_story(image):
            continue
        words = squash(text.text_content or "").split()
        name = " ".join(itertools.takewhile(lambda word: not word[0].islower(), words))
        names = tuple(n for n in clean([name]) if " " in n) if name else ()
        if names:
            return names
    return ()


def _printed(names: tuple[str, ...], page: BylineMarks) -> tuple[str, ...]:
    """The names the page's byline prints: its byline elements and its "By ..." lines."""
    if not names:
        return ()
    return tuple(name for name in names if name.casefold() in page.printed)


def _dom_credits(
    page: BylineMarks, outlets: frozenset[str], *, nodes: list[LexborNode] | None = None
) -> tuple[str, ...]:
    """What an explicit byline on the page credits when it names no person ("By The Currency editors",
    "by jsteinhardt")."""
    # each line of an element on its own: "By" / "The Investopedia Team" / "Full Bio"
    # (a "By ..." line of the page's text has no node)
    lines = [
        (line, node)
        for node in (page.credit_nodes if nodes is None else nodes)
        for line in page.text(node).splitlines()
    ]
    header = nodes is not None
    for line, node in (*lines, *((line, None) for line in (page.lines if nodes is None else ()))):
        by_line = node is None
        found = tuple(
            c
            for c in credits([line])
            # A page's own text is looser than a structured field: a credit there reads like a name,
            # or is a handle the byline links to, or one a byline element labels ("by jdoe").
            if (
                c[0].isupper()
                or (_a_handle(c) and (c in page.link_texts if by_line else _labelled(line)))
                # a handle a header element prints in the link to that account's page
                # ("<a href="/author/jdoe/">jdoe</a>")
                or (header and _a_handle(c) and _own_page(c, node))
            )
            # A line of the page's text that is only "By" and a word is a filter's label ("Shop" /
            # "By Category") unless the word is a link or the publication's name ("By HomeAdvisor");
            # a longer line says more ("Posted by David at December 16, 2025").
            and (not by_line or _more_than_a_label(c, line, page, outlets))
            and len(c.split()) <= MAX_DOM_CREDIT_WORDS
            # More than a role ("Contributors" links to the list of authors), save the desk or the staff
            # a "By" line signs ("by News Desk") or an element under the headline prints in a link to
            # that author account's page ("Staff" to /author/staff/): WCXB, 2 pages of 2 sites credited
            # as their truths, none other of 2,716 readings (both halves, with and without structured
            # data) changes.
            and (_more_than_a_role(c) or (by_line and " " in c) or (header and _own_page(c, node)))
            and not LINK_LABEL_WORDS.intersection(c.casefold().split())
            and OTHER_WORK_LINE.match(line) is None
            # a header's line holds the story's other fields too (the section, the day, the trail
            # back to the section): a credit there reads as a name, outside a breadcrumb
            and (
                nodes is None
                or ((_title_cased(c) or _own_page(c, node)) and not any(mark in line for mark in CRUMB_MARKS))
            )
        )
        if len(found) == 1 and node is not None and " " not in found[0]:
            found = (_full_name(found[0], node, page) or found[0],)
        if found:
            return found
    return ()


def _own_page(credit: str, node: LexborNode | None) -> bool:
    """Whether an element is (or sits in) a link to the page of an author account the credit names:
    "<a href="/author/staff/"><span>Staff</span></a>", the account a theme shows as the writer (not
    "<a href="/contributors/">Contributors</a>", the list of them)."""
    boxes = itertools.chain((node,), ancestors(node)) if node is not None else ()
    link = next((box for box in boxes if box.tag == "a"), None)
    href = ascii_lower(link.attributes.get("href") or "") if link is not None else ""
    parts = href.split("?")[0].rstrip("/").split("/")
    return len(parts) > 1 and parts[-2] in AUTHOR_PATHS and parts[-1] == "-".join(credit.casefold().split())


def _more_than_a_role(credit: str) -> bool:
    """Whether a credit says more than a role ("Jane Doe", "Resy Staff"; not "Contributors", "News Desk")."""
    return not ROLE_WORDS.issuperset(credit.casefold().split())


def _title_cased(credit: str) -> bool:
    """Whether each word of a credit starts with a capital and none holds a digit ("Resy Staff",
    "EcoFlow", not "Personal finance" nor "Jun 2")."""
    return not DIGIT.search(credit) and all(word[0].isupper() for word in credit.split())


def _box_credits(page: BylineMarks) -> tuple[str, ...]:
    """What a short box named after the author credits when nothing else on the page names anyone:
    the team or the publication itself ("<div class="at-author">Acme Strategies | May 1, 2025</div>"
    on acmestrategies.com), which the byline reader passes over as nobody (a person's name in such a
    box is read there). Nothing labels it, so it must read like a credit (``_reads_as_a_credit``).
    WCXB: 1 article page of half A and 3 of half B (2 sites) credited as their truths do, no other
    page of either half changed."""
    for _, text in page.bylines(AUTHOR_BOX):
        # the box's first credit is whom it credits; lines after it are a rank or a role
        # ("StarredSkies" / "Big Board Owner" / "Posts: 116" on a forum poster's card)
        first = next((found for line in text.splitlines() if (found := credits([line]))), ())
        if first and all(map(_reads_as_a_credit, first)):
            return first
    return ()


def _reads_as_a_credit(credit: str) -> bool:
    """Whether an unlabelled credit is written like a team's or an organisation's name ("Acme Staff",
    "Team Acme"): two to ``MAX_DOM_CREDIT_WORDS`` words, each capitalised, no digit, more than a role
    ("Staff Writer"). Not "Get in touch" in a contact box nor "Jun 2" in a date box; not a lone word,
    which may be a poster's handle and would make a thread look like a story."""
    return (
        1 < len(credit.split()) <= MAX_DOM_CREDIT_WORDS and _more_than_a_role(credit) and _title_cased(credit)
    )


def _more_than_a_label(credit: str, line: str, page: BylineMarks, outlets: frozenset[str]) -> bool:
    """Whether a "By ..." line of the page's text credits someone rather than labels a filter."""
    if len(line.split()) > 2 or " " in credit:
        return True
    return credit in page.link_texts or names_outlet(credit, outlets)


def _full_name(first: str, link: LexborNode, page: BylineMarks) -> str | None:
    """The full name of a person a link to their page calls by the first name only ("Articles by
    Juliette" to /authors/juliette-carreiro): the name its address spells, as the page prints it;
    else, for a handle too, the full name another link to that page prints (``_named_by_another_link``)."""
    slug = (link.attributes.get("href") or "").split("?")[0].rstrip("/").rsplit("/", 1)[-1]
    words = slug.split("-")
    if not 2 <= len(words) <= MAX_SLUG_WORDS or words[0].casefold() != first.casefold():
        return _named_by_another_link(link, page)
    spelt = r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)"
    printed = re.search(spelt, page.body_text, re.IGNORECASE)
    if printed is None:
        return None
    names = split_byline(printed.group())
    return names[0] if len(names) == 1 and len(names[0].split()) == len(words) else None


def _named_by_another_link(node: LexborNode, page: BylineMarks) -> str | None:
    """The full name another link to the same author's page prints, when the credit's link gives a
    handle ("<a href="/author/jdoe/">JaneD</a>" in the header, "Written by <a href="/author/jdoe/">Jane
    Doe</a>" in the author box); None when no other link, or several names."""
    link = next((box for box in itertools.chain((node,), ancestors(node)) if box.tag == "a"), None)
    if link is None or not (address := _address(link)):
        return None
    names = {
        name
        for selector in AUTHOR_LINKS
        for other in page.css(selector)
        if other.mem_id != link.mem_id and _address(other) == address
        for name in split_byline(page.text(other))
        if " " in bare(name)
    }
    return names.pop() if len(names) == 1 else None


def _address(link: LexborNode) -> str:
    """A link's address without its query, fragment and last slash, in lower case."""
    return ascii_lower(link.attributes.get("href") or "").split("?")[0].split("#")[0].rstrip("/")


def _labelled(line: str) -> bool:
    """Whether a line opens with a "By" label ("by jdoe", "Posted by: jdoe", "Author: jdoe")."""
    return BYLINE_PREFIXES.match(line.strip()) is not None


def _a_handle(credit: str) -> bool:
    """A single word in lower case: an account's handle when it is the text of a link a "By" line
    names ("by <a href="/users/jsteinhardt">jsteinhardt</a>"), else a word of a menu or a sentence
    ("By industry", "by design")."""
    return " " not in credit and credit[0].islower()
