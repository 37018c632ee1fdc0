"""Page chrome by markup, as data: the vocabularies that label an element as not-article.

An element is labelled by its tag, its ARIA role, hiding attributes and classes, and the words
of its class/id, each with its reason. Words are whole tokens of class/id (``"share-bar"`` ->
``share``, ``bar``), so ``"shared"`` or ``"commentary"`` do not fire. What a block's own words
say (headings, labels, datelines) is in ``_wording``; link density is judged in ``_boxes``.

    >>> chrome_kind("div", {"class": "related-stories"})
    ('other_stories', 'class/id word "related"')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, Literal, cast, get_args

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._nodes import INLINE_TAGS, without_terms
from .._text import count_words

# What a removed block was, as ``explain`` reports it: every kind the content pass records, spelled
# once here, so a misspelt kind anywhere is a mypy error.
RemovalKind = Literal[
    "breadcrumb",  # the trail of sections above the title
    "other_stories",  # rails, teasers and links to other stories
    "links",  # a box that is mostly links (a menu, a list of stories)
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "share",
    "newsletter",
    "ad",
    "comments",
    "bio",  # about the author, a bare byline, an agency credit
    "tags",
    "meta",  # datelines, timestamps, print-edition notes
    "label",  # "Advertisement", "Listen to this article"
    "caption",
    "copyright",
    "hidden",  # hidden from readers (hidden, aria-hidden, display:none, sr-only)
    "popup",  # modals, cookie notices
    "hovercard",
    "title",  # the <h1>: the record's title, not its body
    "repeat",  # a block the page repeats (the same paragraph twice)
]
REMOVAL_KINDS: Final[frozenset[str]] = frozenset(get_args(RemovalKind))


def removal_kind(name: str) -> RemovalKind:
    """``name`` as a RemovalKind (read from a data file); a ValueError for a name that is none.

    >>> removal_kind("share")
    'share'
    """
    if name not in REMOVAL_KINDS:
        raise ValueError(f"not a removal kind: {name!r}")
    return cast("RemovalKind", name)


# Never article text, whatever their position: removed from the whole tree before anything else.
JUNK_TAGS: Final = [
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "picture",
    "img",
    "button",
    "select",
    "input",
    "textarea",
    "label",
    "link",
    "meta",
    "dialog",
]
JUNK: Final = ", ".join(JUNK_TAGS)
# but a <button> that opens a panel of text is the panel's heading: an accordion's question ("Can I
# cancel at any time?"), a tab's name, which WCXB's service pages keep with the answer below it
# (``disclosure_buttons``); a panel this short is a menu's or a tooltip's ("Close", "Share").
# (1, 8 and 20 words score alike on WCXB half A: the rule is the ARIA link, not the count.)
DISCLOSURE_BUTTONS: Final = "button[aria-controls]"
PANEL_MIN_WORDS: Final = 8
# A page that writes its text inside <noscript>, beside an app root still empty before its scripts
# run (Discourse and Flarum forums serve their posts so to readers without JavaScript): that text
# is the page, so its <noscript> boxes are opened instead of dropped. Elsewhere <noscript> holds a
# tracking pixel, a "please enable JavaScript" line or styles: far less than the page's own text.
NOSCRIPT_MIN_CHARS: Final = 500
NOSCRIPT_SHARE: Final = 0.9  # of the page's visible characters, at least, inside <noscript>
_RAW_TEXT: Final = frozenset({"script", "style", "template", "iframe", "textarea", "title"})
# An <iframe> written self-closed inside <noscript> ('<noscript><iframe src="...gtm..."/></noscript>',
# as some site builders print Google Tag Manager's pixel) closes nothing in HTML: a parser reading
# <noscript> as markup (lexbor runs without scripting) takes the rest of the document as the frame's
# raw text, and the page's text is gone with it. A browser reads <noscript> as raw text and shows
# that rest as the page: so does ``strip_junk``, which parses what follows the "</noscript>" found
# inside such a frame again and puts it after the <noscript> box (``_reopen_swallowed``). WCXB: a
# service page's text comes back (half A, .38 -> .98); no other page holds such a frame.
NOSCRIPT_END: Final = "</noscript>"
# What <dialog> is, said in ARIA: an overlay over the page (terms of use, a cart, a sign-in form),
# never its story, even with an <h1> of its own and more text than the page (a policy's full text).
DIALOGS: Final = '[role="dialog"], [role="alertdialog"]'

# Structural chrome: their text belongs to the site, not to the story.
TAG_KIND: Final[dict[str, RemovalKind]] = {
    "nav": "nav",  # menus, pagers
    "header": "header",  # site header, or the article header: title, byline, date (metadata, not body)
    "footer": "footer",  # site footer, or the article footer: tags, share, bio
    "aside": "aside",  # sidebars, related boxes; pull quotes too (they repeat the story's words)
    "figcaption": "caption",  # the ground truth of article benchmarks never keeps captions
    "form": "form",  # search, login, comment and newsletter forms (page-wide forms are kept by size)
}

ROLE_KIND: Final[dict[str, RemovalKind]] = {
    "navigation": "nav",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "aside",
    "search": "nav",
    "menu": "nav",
    "menubar": "nav",
    "dialog": "popup",
    "alertdialog": "popup",
    "toolbar": "share",
}

# class/id tokens -> kind. Each group says why it is chrome.
_WORDS: Final[dict[RemovalKind, tuple[str, ...]]] = {
    # the trail of sections above the title ("Home > Current affairs")
    "breadcrumb": (
        "breadcrumb",
        "breadcrumbs",
        "crumbs",
        "crumb",
        "breadcrumbtrail",
        "migas",
        "ariane",
        "brotkrumen",
    ),
    # rails and boxes of *other* stories
    "other_stories": (
        "related",
        "relatedposts",
        "relatedarticles",
        "relatedstories",
        "relatedcontent",
        "recommended",
        "recommendations",
        "recirculation",
        "recirc",
        "mostread",
        "mostpopular",
        "popular",
        "trending",
        "latest",
        "recent",
        "recentposts",
        "morestories",
        "readmore",
        "readnext",
        "upnext",
        "outbrain",
        "taboola",
        "teaser",
        "teasers",
        "promo",
        "carousel",
        "sidebar",
        "rail",
        # not "widget": page builders (Elementor, HubSpot, SiteOrigin, Webflow) call every content
        # module a widget, the story's paragraphs and a review's product boxes included; WordPress
        # sidebar widgets sit in <aside> or a "sidebar" box, which are labelled anyway
        "also",
        "seealso",
        "suggested",
        "pagination",
        "pager",
        "prevnext",
        "relacionadas",
        "relacionados",
        "connexes",
        "correlati",
        "leidas",
        "meistgelesen",
        "yarpp",  # WordPress related-posts plugins
        "crp",
    ),
    # share/follow bars
    "share": (
        "share",
        "sharing",
        "shares",
        "sharebar",
        "social",
        "socials",
        "sociallinks",
        "follow",
        "addthis",
        # the same in es, fr, de, it, pt
        "compartir",
        "partager",
        "teilen",
        "condividi",
        "compartilhar",
        "partilhar",
        # share plugins of the common CMSs
        "sharedaddy",
        "addtoany",
        "shareaholic",
        "mashsb",
        "ssba",
        "heateor",
    ),
    # newsletter and subscription boxes, paywall prompts
    "newsletter": (
        "newsletter",
        "newsletters",
        "subscribe",
        "subscription",
        "signup",
        "paywall",
        "regwall",
        "optin",
        "cta",
    ),
    "ad": (
        "ad",
        "ads",
        "adv",
        "advert",
        "advertisement",
        "advertising",
        "adslot",
        "adspot",
        "adunit",
        "dfp",
        "gpt",
        "sponsor",
        "sponsored",
        "banner",
        "commercial",
        "publicidad",
        "anzeige",
        "werbung",
        "publicite",
        "pubblicita",
    ),
    "comments": (
        "comment",
        "comments",
        "disqus",
        "respond",
        "replies",
        "discussion",
        "commentlist",
        "comentarios",
        "commentaires",
        "kommentare",
        "commenti",
        # SPIP (a French CMS family: press, public bodies, associations) calls readers' comments a
        # "forum": its distributed templates set each thread as <li class="forum-fil"> (or a div) in
        # <ul class="forum">, the name also of its forum pages' boxes, so only the thread's item counts
        "forumfil",
    ),
    # author boxes below the story, bylines and datelines above it (metadata has them)
    "bio": (
        "bio",
        "authorbox",
        "authorbio",
        "byline",
        "author",
        "authors",
        "contributor",
        "dateline",
        "firma",
        "autor",
        "auteur",
        "autore",
        # a forum poster's signature under each post ("message-signature", "ipsEntry__signature"):
        # WCXB half A, 18 forum pages mark it so, no truth keeps its text; 10 move right, none down
        "signature",
    ),
    "tags": (
        "tags",
        "tag",
        "tagcloud",
        "taglist",
        "keywords",
        "topics",
        "categories",
        "etiquetas",
        "schlagworte",
        "stichworte",
    ),
    "nav": ("nav", "navbar", "navigation", "menu", "masthead", "toolbar", "skip", "skiplink"),
    "meta": ("meta", "timestamp", "published", "date", "updated", "print", "visuallyhidden", "sronly"),
    "popup": ("modal", "popup", "overlay", "cookie", "cookies", "consent", "gdpr", "lightbox"),
    # hover cards inside sentences (a person's card with links to their other stories)
    "hovercard": ("rollover", "tooltip", "popover", "hovercard"),
    "caption": ("caption", "credit", "credits", "figcaption", "copyright"),
    # legal and affiliate fine print boxed apart from the story ("entry-disclaimer", "affiliate-disclaimer":
    # WCXB article truths leave it out on 10 of 13 half-A pages that box it so; the story's own
    # "this is not advice" sentence, written as a paragraph of it, carries no such class);
    # and a story's list of works cited ("mntl-article-sources__citation-sources",
    # "FootnotesComponent_citations"): half A, 3 article pages of 2 publishers move right (+.065, +.041,
    # +.005), none down; forums' quote heads ("ipsQuote_citation": "X said:") move both ways (A 2 up,
    # 1 down; B 1 up)
    "copyright": ("disclaimer", "disclaimers", "citation", "citations"),
}
WORD_KIND: Final[dict[str, RemovalKind]] = {word: kind for kind, words in _WORDS.items() for word in words}
# Words that make a block content whatever else its class says: embedded posts are quoted
# material of the story ("social-media-embed", "twitter-tweet").
CONTENT_WORDS: Final = frozenset({"embed", "embedded", "tweet", "instagram", "oembed"})
# A class that names the story's body outranks any chrome word beside it ("widget_text article-body").
PULL_QUOTE: Final = re.compile(r"pull[-_]?quote", re.I)
# A box marked up as a schema.org Person is a card about someone (the author's bio, a forum user's
# card), not the story: WCXB article truths never keep its text (14 pages of the development split);
# on forum threads it is each poster's card (join date, post count, signature).
PERSON: Final = "schema.org/person"
# Whole class names only: "article-body__ad" is an ad inside the body, not the body.
CONTENT_CLASS: Final = re.compile(r"^(?:article|story|entry|post)[-_]?(?:body|text|content)$")
# Chrome words written inside longer compounds ("relatedpoststitle", "sharebuttons"): matched as
# substrings of the class/id when no whole word decided.
COMPOUND_KIND: Final[tuple[tuple[str, RemovalKind], ...]] = (
    ("breadcrumb", "breadcrumb"),
    ("related", "other_stories"),
    ("newsletter", "newsletter"),
    ("advert", "ad"),
    ("sharing", "share"),
    ("sharebutton", "share"),
    ("socialshare", "share"),
    ("comment", "comments"),
    ("sidebar", "other_stories"),
)

# A box the site asks search engines to leave out of the page's snippets (Google's "data-nosnippet"):
# its own word that the text is no part of what the page says (a code sample behind an expander,
# a shop's delivery notes, a rating widget). WCXB half A: of the words such boxes hold on 32 pages of
# all types, 1% are in the truths; an article page (+.239, a script behind an expander) and a shop's
# category page (+.010) move right, none down. Half B: 4 pages up (3 collection, 1 forum), none down.
# An inline element so marked is a part of its sentence.
NO_SNIPPET: Final = "data-nosnippet"

# A box named a footer ("footer", "site-footer", "footer-legal", "elementor-location-footer") is the
# page's or the story's closing line: contact lines, legal notes, a call to action. Only a name that
# starts or ends with the word: one with it inside names something else ("StickyFooterGallery",
# "section-group-footer-group"), and a BEM element ("card__footer") is the bottom line of one
# card of a list (its author, date, price). WCXB half A: 4 article pages gain, none loses.
FOOTER: Final = "footer"
# A box the theme puts after the story and names so ("after-content", "below-content", "after-entry",
# "silic-after-content": the widget areas WordPress themes fill below each post): the site's own
# lines there (about the publisher, a donation appeal, a republishing notice, the author's follow
# links) are no part of the story. WCXB half A: 3 article pages of 3 sites move right (+.041, +.039,
# +.002), none down; half B: 1 up (+.003), none down.
AFTER_STORY: Final = re.compile(r"(?:after|below|under)[-_]?(?:content|post|article|entry)(?![a-z])", re.I)
_NAME_PARTS: Final = re.compile(r"[-_]+")

_TOKEN: Final = re.compile(r"[a-z0-9]+")
_CAMEL: Final = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
# "Follow-up" is a later step, not a "follow us" bar: the class is read as one word no kind has.
# WCXB half A: Stack Overflow's comments under each post ("follow-ups-container", 2 pages), a
# service page's testimonials ("better__follow-up") and a sign-up box ("register_follow_up").
FOLLOW_UP: Final = re.compile(r"(?i:follow[-_]?ups?)(?![a-z])")
# A theme's layout wrapper names the page's columns, not a column: "content-sidebar-wrap" (Genesis),
# "sidebar-content", "has-sidebar", "with-sidebar", "no-sidebar" hold the page's content as well as
# any sidebar beside it, so the whole name is read as one word no kind has. Whole names only:
# "blog-sidebar", "widget-sidebar" are the sidebar itself (a "sidebar-content" inside it goes with
# it). WCXB half A listing .7408 -> .7467: a category page's posts inside "content-sidebar-wrap" come
# back (.684 -> .982); a site naming its sidebar boxes "sidebar_content" keeps them (.880 -> .874).
# Half B, aeb, dates: no page moves.
LAYOUT_SIDEBAR: Final = re.compile(
    r"(?<![\w-])(?:content[-_]sidebar(?:[-_]wrap)?|sidebar[-_]content|(?:has|with|no)[-_]sidebar)(?![\w-])",
    re.I,
)
# Syntax highlighters name the parts of a code sample: "hljs-comment", "hljs-meta" (highlight.js),
# "token comment", "token tag" (Prism), "cm-comment" (CodeMirror), "tok-comment". Those words
# are about the code, not the page: a code comment is no comment thread, so their classes say nothing.
SYNTAX_CLASS: Final = re.compile(r"^(?:hljs(?:-.+)?|token|cm-.+|tok-.+)$")
# A utility framework's variant class ("md:flex", "hover:underline", "print:break-inside-avoid",
# Tailwind's) styles the element under a condition: its words name no part of the page ("print:" is
# no print button, "md:[grid-area:sidebar]" no sidebar). Two variants do say what the element is:
# "print:hidden", left out of the printed page as a "no-print" box is, and a named group's state
# ("group-hover/tooltip:opacity-100": shown while the tooltip's trigger is hovered, the tooltip).
# WCXB: a documentation page's code samples come back (half A .947 -> .998), a service page's
# comparison table (half B .799 -> .850).
PRINT_HIDDEN: Final = "print:hidden"
VARIANT_GROUP: Final = re.compile(r"(?:group|peer)-[a-z-]+/([a-z0-9_-]+):", re.I)
# The attributes a page names its elements with repeat across them (every "share-button" of a
# bar, every "related-item" of a rail): their label is worked out once per process.
CHROME_CACHE: Final = 8192


def tokens(attrs: dict[str, str | None]) -> list[str]:
    """class and id split into lower-case words: ``"share-bar"`` -> share, bar.

    >>> tokens({"class": "share-bar", "id": "relatedPosts"})
    ['share', 'bar', 'relatedposts', 'related', 'posts', 'sharebar']

    camelCase parts count only from four letters on: hashed class names of CSS-in-JS
    (``hJpRRP``) would otherwise yield chance words like "jp" or "ad". A chrome word a name spells
    as two comes last, joined (``_joined``).
    """
    return list(_tokens(attrs.get("class"), attrs.get("id")))


@lru_cache(maxsize=CHROME_CACHE)
def _tokens(klass: str | None, ident: str | None) -> tuple[str, ...]:
    klass = " ".join(_unvaried(c) for c in (klass or "").split())
    if klass and any(SYNTAX_CLASS.match(c) for c in klass.split()):
        klass = ""  # a part of a code sample, named by its highlighter
    elif klass:
        klass = without_terms(klass)  # a WordPress post's box: its terms name no part of the page
    raw = LAYOUT_SIDEBAR.sub("layout", FOLLOW_UP.sub("followup", f"{klass} {ident or ''}"))
    if not raw.strip():
        return ()
    low = raw.lower()
    words = _TOKEN.findall(low)
    if low == raw:  # no capital letter, so no camelCase part (most names)
        return (*words, *_joined(low, words))
    camel = [w for w in _TOKEN.findall(_CAMEL.sub(" ", raw).lower()) if len(w) >= 4 and w not in words]
    return (*words, *camel, *_joined(low, words))


def _unvaried(name: str) -> str:
    """A class name as its words count: a variant class gives only its group's name (``VARIANT_GROUP``).

    >>> [_unvaried(name) for name in ("md:[grid-area:rail]", "group-hover/tip:opacity-100", "print:hidden")]
    ['', 'tip', 'print:hidden']
    """
    if ":" not in name or name == PRINT_HIDDEN:
        return name
    return " ".join(VARIANT_GROUP.findall(name))


def _joined(names: str, words: list[str]) -> list[str]:
    """The chrome words a class name spells as two ("side-bar", "read-more", "sign-up"): its last two
    parts joined, when ``WORD_KIND`` knows the joined word. Only the last two: a name's head says
    what the element is ("plp-filter-side-bar", "hub-item__read-more"), where a part before others
    qualifies it ("read-more-content": a story's rest behind a button, "most-read-title").
    WCXB half A: an article page (+.021) and a shop's category page (+.045) move right, none down;
    half B: three collection pages up (+.028 to +.054), one down (-.011, "grid--copy-right").

    >>> _joined("plp-filter-side-bar read-more-content", [])
    ['sidebar']
    """
    found: list[str] = []
    for name in names.split():
        parts = _NAME_PARTS.split(name.strip("-_"))
        if len(parts) < 2 or not parts[-2]:
            continue
        pair = parts[-2] + parts[-1]
        if pair in WORD_KIND and pair not in words:
            found.append(pair)
    return found


def _names_footer(klass: str | None, ident: str | None) -> bool:
    """Whether a class name or the id starts or ends with the word "footer" (``FOOTER``).

    >>> _names_footer("widget site-footer", None), _names_footer("card__footer", None)
    (True, False)
    """
    names = f"{klass or ''} {ident or ''}"
    if FOOTER not in names.lower():
        return False  # (most names: none to cut into parts)
    for name in names.split():
        if "__" in name:
            continue
        parts = _NAME_PARTS.split(_CAMEL.sub("-", name).lower().strip("-_"))
        if FOOTER in (parts[0], parts[-1]):
            return True
    return False


# Only these kinds are trusted on inline elements (``INLINE_TAGS``): an <a class="tag"> inside a
# paragraph is a link in the text.
INLINE_KINDS: Final[frozenset[RemovalKind]] = frozenset(
    {"caption", "ad", "share", "hidden", "popup", "newsletter", "hovercard"}
)


# Whole class names that CSS frameworks use for display:none / screen-reader-only text; a
# responsive companion class ("d-none d-md-block") means it is shown somewhere, so it stays.
HIDDEN_CLASSES: Final = frozenset(
    {"hidden", "hide", "d-none", "is-hidden", "u-hidden", "visually-hidden", "visuallyhidden", "sr-only"}
    | {"screen-reader-text", "screenreader-only", "invisible", "display-none"}
    | {"v-visible-sr"}  # Stacks, the Stack Exchange sites' framework: "37 gold badges" beside each name
    # Webflow's form status lines, shown only once a form is sent ("Thank you! Your submission has been
    # received!", "Oops! Something went wrong while submitting the form."): WCXB half A, 10 pages of
    # 10 sites print them, no truth of any type holds them
    | {"w-form-done", "w-form-fail"}
)
SHOWN_AT: Final = ("d-sm-", "d-md-", "d-lg-", "d-xl-", "visible-", "sm:", "md:", "lg:", "xl:", "show-for-")
_DISPLAY_NONE: Final = re.compile(r"display\s*:\s*none")


def hiding(hidden: bool, aria_hidden: str | None, style: str | None, klass: str | None) -> str | None:
    """Why an element's attributes hide it from readers, or None: ``hidden`` (the caller says which
    of its spellings count), ``aria-hidden="true"``, ``display:none``, a framework's hiding class
    that no responsive companion shows again.

    >>> hiding(False, None, "color: red; display: none", None), hiding(False, None, None, "d-none d-md-block")
    ('display:none', None)
    """
    if hidden or aria_hidden == "true":
        return "hidden from readers"
    if style and "none" in style and _DISPLAY_NONE.search(style):
        return "display:none"
    classes = (klass or "").split()
    if HIDDEN_CLASSES.intersection(classes) and not any(c.startswith(SHOWN_AT) for c in classes):
        return "class hides it on every screen"
    return None


# Text hidden until a reader opens it with a click: a tab panel (ARIA's role), the body of a closed
# <details>. A profile may keep it (``ContentProfile.hidden_panels``); other hidden text stays chrome.
PANEL_ROLE: Final = "tabpanel"


def is_panel(node: LexborNode) -> bool:
    """Whether ``node`` is a tab panel or the body of a ``<details>`` element.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> tree = LexborHTMLParser('<details><summary>Q</summary><div hidden>A</div></details>')
    >>> is_panel(tree.css_first("div")), is_panel(tree.css_first("summary"))
    (True, False)
    """
    if (node.attributes.get("role") or "").lower() == PANEL_ROLE:
        return True
    parent = node.parent
    return parent is not None and parent.tag == "details" and node.tag != "summary"


def strip_junk(body: LexborNode) -> None:
    """Remove ``JUNK_TAGS`` with their content, opening ``<noscript>`` first when it holds the page.

    One query finds them all (``strip_tags`` walks the tree once per tag), so a tree stripped
    already (``page_signals`` strips it before the content pass does) costs one walk that finds
    nothing but the buttons kept (``disclosure_buttons``), found and kept again.
    """
    junk = body.css(JUNK)
    if not junk:
        return
    if _reopen_swallowed(junk):
        junk = body.css(JUNK)  # the page's rest is in the tree now, with its scripts
    if any(node.tag == "noscript" for node in junk) and noscript_holds_page(body):
        body.unwrap_tags(["noscript"])
        junk = body.css(JUNK)  # what the <noscript> boxes held is in the page now
    kept = disclosure_buttons(body)  # a <button> that opens a panel of text heads it
    for node in junk:
        if node.mem_id in kept:
            continue
        # unlinked, not freed (as ``strip_tags`` does it): a junk node inside one removed before
        # it is still valid memory, and removing it from its detached parent changes nothing
        node.decompose(recursive=False)


def _reopen_swallowed(junk: list[LexborNode]) -> bool:
    """Put back the markup a self-closed ``<iframe/>`` of a ``<noscript>`` swallowed as its raw text
    (``NOSCRIPT_END``): after the ``<noscript>`` box, or after the frame where the parser had moved
    it out of one (a ``<noscript>`` in ``<head>``); whether any was.

    >>> body = LexborHTMLParser('<body><noscript><iframe src="t"/></noscript><p>The page.</p>').body
    >>> body.css_first("p") is None, _reopen_swallowed(body.css(JUNK)), body.css_first("p").text()
    (True, True, 'The page.')
    """
    reopened = False
    for frame in junk:
        if frame.tag != "iframe":
            continue
        text = frame.text(deep=True)
        at = text.find(NOSCRIPT_END)
        if at < 0:
            continue
        rest = LexborHTMLParser(text[at + len(NOSCRIPT_END) :]).body
        box = frame.parent
        while box is not None and box.tag != "noscript":
            box = box.parent
        after = frame if box is None else box
        for node in reversed(list(rest.iter(include_text=True)) if rest is not None else []):
            after.insert_after(node)  # each one right after: the last goes first
        frame.decompose()
        reopened = True
    return reopened


def disclosure_buttons(body: LexborNode) -> set[int]:
    """The ``mem_id`` of each ``<button>`` that opens a panel of text (``aria-controls`` names an
    element of ``PANEL_MIN_WORDS`` words or more): an accordion's question, a tab's name. Such a
    button is the heading of what it opens, so ``strip_junk`` keeps its text.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> body = LexborHTMLParser(
    ...     '<button aria-controls="a1">Can I cancel?</button><div id="a1">Yes, at any time and '
    ...     "without a fee.</div><button>Menu</button>"
    ... ).body
    >>> [node.text() for node in body.css("button") if node.mem_id in disclosure_buttons(body)]
    ['Can I cancel?']
    """
    buttons: dict[str, list[LexborNode]] = {}
    for node in body.css(DISCLOSURE_BUTTONS):
        if node.text(deep=True).strip():
            for target in (node.attributes.get("aria-controls") or "").split():  # a list of ids
                buttons.setdefault(target, []).append(node)
    if not buttons:
        return set()
    opened: set[int] = set()
    for panel in body.css("[id]"):
        nodes = buttons.get(panel.attributes.get("id") or "")
        if nodes and count_words(panel.text(deep=True)) >= PANEL_MIN_WORDS:
            opened.update(node.mem_id for node in nodes)
    return opened


def noscript_holds_page(body: LexborNode) -> bool:
    """Whether ``<noscript>`` boxes hold nearly all the visible text of ``body``.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> noscript_holds_page(LexborHTMLParser("<div id=app></div><noscript><p>" + "Post. " * 200).body)
    True
    """
    boxes = body.css("noscript")
    if not boxes:
        return False
    inside = sum(_visible_chars(box) for box in boxes)
    return inside >= NOSCRIPT_MIN_CHARS and inside >= NOSCRIPT_SHARE * _visible_chars(body)


def _visible_chars(node: LexborNode) -> int:
    return sum(
        len("".join((text.text_content or "").split()))
        for text in node.traverse(include_text=True)
        if text.is_text_node and (text.parent is None or text.parent.tag not in _RAW_TEXT)
    )


def chrome_kind(tag: str, attrs: dict[str, str | None]) -> tuple[RemovalKind, str] | None:
    """Label an element by tag, role, hiding and snippet attributes and class/id words: ``(kind, reason)``
    or None.

    >>> chrome_kind("div", {"class": "share-bar"})
    ('share', 'class/id word "share"')
    """
    if not attrs:  # most elements: only the tag can say
        kind = TAG_KIND.get(tag)
        return None if kind is None else (kind, f"<{tag}> element")
    get = attrs.get
    return _chrome_kind(
        tag,
        get("class"),
        get("id"),
        get("role"),
        get("hidden") is not None,
        get("aria-hidden"),
        get("style"),
        get("itemprop"),
        get("itemtype"),
        NO_SNIPPET in attrs,
    )


@lru_cache(maxsize=CHROME_CACHE)
def _chrome_kind(  # the attributes chrome_kind reads, so their label is cached
    tag: str,
    klass: str | None,
    ident: str | None,
    role: str | None,
    hidden: bool,
    aria_hidden: str | None,
    style: str | None,
    itemprop: str | None,
    itemtype: str | None,
    no_snippet: bool,
) -> tuple[RemovalKind, str] | None:
    if klass and PULL_QUOTE.search(klass):
        return None  # the story's own sentence, set large (often an <aside>, often aria-hidden)
    kind = TAG_KIND.get(tag)
    if kind is not None:
        return kind, f"<{tag}> element"
    if role and role.lower() in ROLE_KIND:
        return ROLE_KIND[role.lower()], f'role="{role}"'
    if (reason := hiding(hidden, aria_hidden, style, klass)) is not None:
        return "hidden", reason
    if itemprop and itemprop.lower() in {"articlebody", "text", "description"}:
        return None  # the page itself says this is the story
    inline = tag in INLINE_TAGS
    if no_snippet and not inline:
        return "aside", f"{NO_SNIPPET} attribute"
    if itemtype and not inline and itemtype.lower().rstrip("/").endswith(PERSON):
        return "bio", "schema.org Person"
    words = _tokens(klass, ident)
    if not words or CONTENT_WORDS.intersection(words):
        return None
    if any(CONTENT_CLASS.match(c) for c in (klass or "").lower().split()):
        return None
    for word in words:
        kind = WORD_KIND.get(word)
        if kind is not None and not (inline and kind not in INLINE_KINDS):
            return kind, f'class/id word "{word}"'
    if not inline and _names_footer(klass, ident):
        return "footer", "class/id names a footer"
    if not inline and AFTER_STORY.search(f"{klass or ''} {ident or ''}"):
        return "footer", "class/id names a box after the story"
    for word in words:
        if len(word) > 8:
            for part, kind in COMPOUND_KIND:
                if part in word and not (inline and kind not in INLINE_KINDS):
                    return kind, f'class/id compound "{word}"'
    return None
