"""The publication's name and the story's picture: declared, from the <title>, the logo or a large image."""

from __future__ import annotations

import re
from itertools import islice

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._nodes import ancestors, class_and_id, headline_node, outside_story, story_box
from .._text import NON_WORD, alnum_key, host_key, host_names, label_words, squash
from .._urls import absolute, host_of, split_url
from ._tags import NEWS_WORD
from ._title import STRONG_SEPARATORS

# A site name from the <title> or the logo is a short name.
MAX_SITE_CHARS = 60
MAX_SITE_WORDS = 6
MAX_LOGOS = 2
MIN_HOST_MATCH = 3
# Words logo alt texts add to the name ("JSTOR Home", "Gazette logo").
_LOGO_WORD = re.compile(r"\b(?:logo|logotipo|logotype|home ?page|home)\b", re.IGNORECASE)
# After the logo word an alt text describes the picture ("The Slate logo on a dark background",
# "Enphase logo default"): the name is what comes before it, unless that is the logo's place on the
# page ("header logo Security Info Watch").
_ALT_LOGO_WORD = re.compile(r"\b(?:logo|logotipo|logotype)\b", re.IGNORECASE)
LOGO_PLACES = frozenset({"header", "footer", "site", "main", "top", "nav", "navbar", "mobile", "desktop"})
# An alt text that says where the link goes ("Return to the home page (header)", "Welcome! Go to the
# Zappos homepage!") or names an icon ("Menu icon") is no name.
_NOT_A_NAME = re.compile(r"\b(?:(?:go|return|back|leads?|link)\s+to|icon)\b", re.IGNORECASE)
# A story picture without meta tags: a large <img> near the headline, not a logo, icon or ad.
MAX_IMAGES = 5
MIN_IMAGE_WIDTH = 200
MIN_IMAGE_HEIGHT = 100
# (and the byline's portrait, which sits next to the headline too: userphoto, author, profile)
NOT_PHOTO = (
    *("logo", "icon", "avatar", "sprite", "spacer", "pixel", "advert", "banner", "/ads/", "gravatar"),
    *("userphoto", "author", "profile"),
    *("reaction", "emoji"),  # a post's reaction buttons ("uploads/reactions/react_like.png")
)
# A declared name may carry a slogan after one of these ("Autoracing | F1 | Indy", "PR TIMES｜...").
TAGLINE_SEPARATORS = ("\uff5c", " / ", ". ")
# Counted in spaced words only (str.split): a site declares its own name, and in Chinese or Japanese
# that is a firm's or a blog's whole name as often as not (a patent firm's 19 characters, a blog's
# 30), which the title chooser needs to tell the blog's h1 from the post's title.
MAX_DECLARED_SITE_WORDS = 8
_LABEL_SPLIT = re.compile("|".join(re.escape(sep) for sep in (*STRONG_SEPARATORS, *TAGLINE_SEPARATORS)))
# Separators a template leaves at either end of a declared name.
_LOOSE_ENDS = " -|\u2013\u2014:\u00b7\u2022\uff5c"
_URL_HOST = re.compile(r"^(?:https?://)?(?:www\.)?", re.IGNORECASE)
# A shared image that is the site's own: a logo, a placeholder, a blog avatar (file name words or folders).
NOT_STORY_WORDS = frozenset(
    {
        "logo",
        "default",
        "placeholder",
        "fallback",
        "favicon",
        "blavatar",
        "noimage",
        "nopreview",
        "dummy",
        "icon",
    }
)
MIN_ID_FOLDERS = 2
MAX_BLURB_CHARS = 300
NOT_STORY_FOLDERS = frozenset({"blavatar", "avatar", "avatars", "favicon", "icons", "nameplate"})
MAX_PLACEHOLDER_WORDS = 4
_SEPARATORS = re.compile(r"[-_.@\s]+")
_UUID = re.compile(r"[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}")
_NAME_PARTS = re.compile(rf"{_SEPARATORS.pattern}|(?<=[a-z])(?=\d)")  # and "logo2" is "logo", "2"
# A logo's mark may be glued to other letters ("etsylogo", "BLBLLogoweb3", "Cuisinart_KaleLogo"),
# but "catalogo", "dialogo" and "-ologo" (biologo) are words of their own.
_LOGO_MARK = re.compile(r"(?<![ao])logo|wordmark|brandmark")
# Boxes around a picture that make it another story's or a person's: a "related" rail's card, the
# byline's or a poster's portrait ("ipsUserPhoto", "post-hero__author__image", "cAuthorPane_photo").
NOT_PHOTO_BOXES = ("related", "userphoto", "author", "avatar", "profile")
# Utility-class sizes (Tailwind: one step is 4px) on the picture or its frame: "w-6 h-6" is a check
# mark, "w-24 h-24" a thumbnail, "size-14 rounded-full" an author's portrait, whatever the file holds.
_CLASS_SIZE = re.compile(r"(?:^|\s)(w|h|size)-(\d+)(?=\s|$)")
CLASS_SIZE_PX = 4
SIZED_FRAMES = 2  # the <img> and this many boxes around it
# A share card's file is named for what it is or where it goes, and maybe whose it is ("open-graph.jpg",
# "facebook-og-homepage-image.png", "kubernetes-open-graph.png", "<site>-og-general.jpeg"), or only for
# the site ("<site>.jpg"): no word of it names a story. "image", "img" and "home" alone do not make a
# card ("image-4.png", "IMG_4287.jpeg", "thumbnail-18.jpg" are a post's uploads).
SHARE_CARD_WORDS = frozenset(
    {
        *(
            "og",
            "opengraph",
            "open",
            "graph",
            "social",
            "share",
            "sharing",
            "facebook",
            "fb",
            "twitter",
            "twtr",
        ),
        *("card", "homepage", "general", "generic", "meta"),
    }
)
SHARE_CARD_FILLERS = frozenset({"image", "img", "home", "site", "default", "thumbnail"})
_CARD_FILE_WORDS = SHARE_CARD_WORDS | SHARE_CARD_FILLERS  # what a card's file name says besides whose it is
IMAGE_EXTENSIONS = frozenset({"jpg", "jpeg", "png", "webp", "gif", "avif"})


def site_beside_title(html_title: str, headline: str | None, *, host: str | None = None) -> str | None:
    """The site name a <title> adds to the headline: "Headline - Section | Site" -> "Site".

    >>> site_beside_title("Park grows - The Gazette", "Park grows")
    'The Gazette'

    Of several labels, the one that resembles the host name wins ("Headline - sn.dk - Forsiden").
    """
    if not headline or not html_title:
        return None
    key, page = headline.casefold(), html_title.casefold()
    if page.startswith(key):
        rest, pick = html_title[len(headline) :], -1  # the last label is the site
    elif page.endswith(key):
        rest, pick = html_title[: len(html_title) - len(headline)], 0  # "Site | Headline"
    else:
        return None
    seps = [sep for sep in STRONG_SEPARATORS if sep.strip() and sep.strip() in rest]
    if not seps or (pick == -1 and not rest.strip().startswith(tuple(s.strip() for s in seps))):
        return None
    parts = [rest]
    for sep in seps:
        parts = [piece for part in parts for piece in part.split(sep.strip())]
    labels = [label for label in (squash(part) for part in parts) if label and ">" not in label]
    hostname = host_key(host)
    like_host = [
        label
        for label in labels
        if len(key := alnum_key(label)) >= MIN_HOST_MATCH and (key in hostname or hostname in key)
    ]
    site = like_host[0] if like_host else labels[pick] if labels else None
    return site if site and len(site) <= MAX_SITE_CHARS and label_words(site) <= MAX_SITE_WORDS else None


def logo_name(tree: LexborHTMLParser) -> str | None:
    """The alt text of the logo image that links to the home page, without "logo" words.

    >>> logo_name(LexborHTMLParser('<a href="/"><img alt="The Gazette logo"></a>'))
    'The Gazette'
    """
    for img in tree.css('a[href="/"] img[alt]')[:MAX_LOGOS]:
        alt = squash(img.attributes.get("alt") or "")
        for sep in STRONG_SEPARATORS:  # "Catch it Kansas - News": the name comes first
            alt = alt.split(sep)[0]
        mark = _ALT_LOGO_WORD.search(alt)
        if mark:
            before = alt[: mark.start()].strip(" -|:")
            after = alt[mark.end() :].strip(" -|:")
            if after.casefold().startswith("of "):  # "The official logo of the World Podcast Network"
                alt = after[3:]
            else:
                alt = before if before and before.casefold() not in LOGO_PLACES else after
        alt = _LOGO_WORD.sub("", alt).strip(" -|:")
        if _NOT_A_NAME.search(alt):
            continue
        if (
            alt
            and len(alt) <= MAX_SITE_CHARS
            and label_words(alt) <= MAX_SITE_WORDS
            and alt.casefold() != "home"
        ):
            return alt
    return None


def story_image(
    tree: LexborHTMLParser, *, page_url: str | None = None, base: str | None = None
) -> str | None:
    """The first large picture of the story when no meta tag names one.

    Looked for in the h1's article/main (anywhere), else after the h1 in its parent block; a picture
    that links to another page (``page_url`` given; links resolve against ``base``, the page's
    ``<base href>``, else ``page_url``) is that page's: a card, a team member, a tile.

    >>> story_image(LexborHTMLParser('<article><h1>Rain</h1><img src="/rain.jpg" width="800"></article>'))
    '/rain.jpg'
    """
    headline = headline_node(tree)
    if headline is None:
        return None
    box = story_box(headline)
    scope, anywhere = (box, True) if box is not None else (headline.parent, False)
    if scope is None:
        return None
    seen_h1, looked = anywhere, 0
    for node in scope.css("h1, img"):
        if node.tag == "h1":
            seen_h1 = seen_h1 or node.mem_id == headline.mem_id
            continue
        if not seen_h1 or outside_story(node) or any(up.tag == "noscript" for up in ancestors(node)):
            # (a <noscript> copy is a tracker's pixel or the twin of a lazy picture already seen)
            continue
        looked += 1
        if looked > MAX_IMAGES:
            break
        if _in_other_box(node, scope) or _links_away(node, scope, page_url, base) or _class_sized_small(node):
            continue  # (counted: the search reaches no further for skipping a portrait)
        attrs = node.attributes
        src = attrs.get("src") or attrs.get("data-src") or ""
        hints = " ".join((src, attrs.get("alt") or "", attrs.get("class") or "")).casefold()
        if (
            not src
            or src.startswith("data:")
            or src.lower().endswith(".svg")
            or any(w in hints for w in NOT_PHOTO)
        ):
            continue
        if _size(attrs.get("width")) >= MIN_IMAGE_WIDTH and _size(attrs.get("height")) >= MIN_IMAGE_HEIGHT:
            return src
    return None


def _in_other_box(node: LexborNode, scope: LexborNode) -> bool:
    """Whether a box between ``node`` and ``scope`` holds another story's or a person's picture."""
    for box in ancestors(node):
        if box.mem_id == scope.mem_id:
            return False
        names = class_and_id(box)
        if any(word in names for word in NOT_PHOTO_BOXES):
            return True
    return False


def _links_away(node: LexborNode, scope: LexborNode, page_url: str | None, base: str | None = None) -> bool:
    """Whether ``node`` sits in a link to another page of the site (not to itself, a fragment or an
    image file): a listing's card, a team member's page, a category tile, a book's banner."""
    if page_url is None:
        return False
    for box in ancestors(node):
        if box.mem_id == scope.mem_id:
            return False
        if box.tag != "a":
            continue
        here, there = split_url(page_url), split_url(absolute(box.attributes.get("href"), base or page_url))
        if here is None or there is None or there.scheme not in ("http", "https"):
            return False
        if there.path.rsplit(".", 1)[-1].lower() in IMAGE_EXTENSIONS:
            return False  # a link to the full-size picture
        if there.hostname != here.hostname:
            return False  # a cited or shared story's picture (a link post's preview) illustrates this page
        return (there.path.rstrip("/"), there.query) != (here.path.rstrip("/"), here.query)
    return False


def _class_sized_small(node: LexborNode) -> bool:
    """Whether the picture's own classes, or its frame's, size it below a story picture."""
    for frame in (node, *islice(ancestors(node), SIZED_FRAMES)):
        for axis, steps in _CLASS_SIZE.findall(frame.attributes.get("class") or ""):
            px = int(steps) * CLASS_SIZE_PX
            if (axis != "h" and px < MIN_IMAGE_WIDTH) or (axis != "w" and px < MIN_IMAGE_HEIGHT):
                return True
    return False


def _size(value: str | None) -> int:
    """A width/height attribute in pixels; an absent or odd one counts as large (lazy images omit it)."""
    digits = (value or "").strip().removesuffix("px")
    return int(digits) if digits.isdigit() else 10_000


def clean_site_name(value: str | None, *, host: str | None, headlines: tuple[str, ...] = ()) -> str | None:
    """A declared site name as a name: a URL becomes its host, a tagline loses its slogan.

    >>> clean_site_name("LinkNaija | Nigeria's popular news platform", host="www.linknaija.com")
    'LinkNaija'
    >>> clean_site_name("https://www.inquirer.com", host=None), clean_site_name("@politifact", host=None)
    ('inquirer.com', None)
    >>> clean_site_name("Gazette |", host=None), clean_site_name("/", host=None)
    ('Gazette', None)

    Of several labels (bar the headline: blogs write "Post title - Blog name") the one resembling the
    host wins, else the first; a handle or a sentence-long text is no name (None: ask the next source).
    """
    text = squash(value or "").strip(_LOOSE_ENDS)  # "Gazette |": a separator left by a template
    if text.startswith(("http://", "https://", "www.")):
        return _URL_HOST.sub("", text).split("/")[0] or None
    if not any(char.isalnum() for char in text) or text.startswith("@"):
        return None  # no name at all ("/", a template's separator alone), or a handle
    labels = [label for label in (squash(piece) for piece in _LABEL_SPLIT.split(text)) if label]
    if len(labels) > 1:
        hostname = host_key(host)
        heads = [headline.casefold() for headline in headlines]
        labels = [
            label
            for label in labels
            if _host_like(label, hostname) or not any(h.startswith(label.casefold()) for h in heads)
        ] or labels
        # "PR TIMES" in "Press release service No.1｜PR TIMES"; not "JPost.com" beside "The Jerusalem Post"
        like = [lab for lab in labels if "." not in lab and _host_like(lab, hostname)]
        text = like[0] if like else labels[0]
    if len(text) > MAX_SITE_CHARS or len(text.split()) > MAX_DECLARED_SITE_WORDS:
        return None
    return text


def plausible_image(url: str | None, *, page_url: str | None = None) -> str | None:
    """The URL unless it is the site's logo, a placeholder, its or a section's share card, or the
    home page (no path).

    >>> plausible_image("https://cdn.example.com/img/opengraph_default.png") is None
    True
    >>> plausible_image("https://cdn.example.net/gazette-og.png", page_url="https://gazette.com/") is None
    True
    """
    parts = split_url(url)
    if parts is None:
        return None
    path = parts.path
    if path in ("", "/"):
        return None
    *folders, name = path.lower().split("/")
    stem = name.rsplit(".", 1)[0]
    words = [word for word in _NAME_PARTS.split(stem) if word]
    if any(folder in NOT_STORY_FOLDERS or _LOGO_MARK.search(folder) for folder in folders):
        return None
    # A short file name built around "logo" or "default"; a long one is a story picture of a logo.
    # Hashes and other letter-digit mixes are no words ("logo_<uuid>", "logo.5fd6463", "logo_1200x630");
    # numbers are ("alibaba-logo-getty-1024-683" is a story's picture of a logo).
    # ".../news/61/51/63/default.jpg" is one story's folder, whatever its file is called.
    story_folder = "default" in words and sum(folder.isdigit() for folder in folders) >= MIN_ID_FOLDERS
    site_word = NOT_STORY_WORDS.intersection(words) or any(_LOGO_MARK.search(word) for word in words)
    named = [word for word in _SEPARATORS.split(_UUID.sub("", stem)) if word.isalpha() or word.isdigit()]
    if len(named) <= MAX_PLACEHOLDER_WORDS and site_word and not story_folder:
        return None
    if name.rsplit(".", 1)[-1] not in IMAGE_EXTENSIONS:
        return url  # an endpoint drawing each page's card ("/api/og?path=..."), or no telling
    hosts = [
        NON_WORD.sub("", label) for label in (*host_names(parts.hostname), *host_names(host_of(page_url)))
    ]
    named = [word for word in words if word.isalpha()]  # sizes and hashes name no story either
    rest = "".join(word for word in named if word not in _CARD_FILE_WORDS)  # whose card it is, if one
    return None if _share_card(named, rest, hosts) or _section_card(folders, named, rest, page_url) else url


def _share_card(named: list[str], rest: str, hosts: list[str]) -> bool:
    """A file name (its words ``named``, ``rest`` of them not a card's) of share-card words and the
    site's own name ("merrill-edge-og-general" on merrilledge.com), or the site's name alone
    ("skillsbuild" on skillsbuild.org)."""
    if any(word in SHARE_CARD_WORDS for word in named):
        return not rest or rest in hosts
    return bool(named) and "".join(named) in hosts


def _section_card(folders: list[str], named: list[str], rest: str, page_url: str | None) -> bool:
    """A share card named for a section the page sits in, not for the page: "og-learn.png" on
    /learn/thinking-in-react, "og-image/terraform.jpg" and "social-cards/actions.png" on
    /terraform/... and /en/actions/... pages. On /en/vpn/ "social/vpn.png" is the page's own."""
    parts = split_url(page_url)
    if parts is None or not rest:
        return False
    segments = [NON_WORD.sub("", segment.casefold()) for segment in parts.path.split("/") if segment]
    sections = set(segments[:-1])  # the folders above the page, not its own name
    folder_words = [word for folder in folders for word in _SEPARATORS.split(folder)]
    return rest in sections and any(word in SHARE_CARD_WORDS for word in (*named, *folder_words))


def _host_like(label: str, hostname: str) -> bool:
    key = alnum_key(label)
    return len(key) >= MIN_HOST_MATCH and key in hostname


def site_blurb(text: str | None, *, site: str | None, host: str | None) -> bool:
    """A description that advertises the site ("Breaking News ... from OANN.com"), or is only its
    name ("Glossier"), not this story.

    >>> site_blurb("Latest News and Current News from OANN.com.", site=None, host="www.oann.com")
    True
    >>> site_blurb("Glossier", site="Glossier", host="uk.glossier.com")
    True
    """
    if not text or len(text) > MAX_BLURB_CHARS:
        return False  # a blurb is a line or two; a long description is the story's
    names = {alnum_key(site or "")}
    names |= set(host_names(host))
    names = {name for name in names if len(name) >= MIN_HOST_MATCH}
    if alnum_key(text) in names:
        return True
    folded = text.casefold()
    if not any(name in NON_WORD.sub("", folded) for name in names):
        return False  # cheap test first: most descriptions never name the site
    words = [NON_WORD.sub("", word) for word in folded.split()]
    return any(word.startswith(name) for word in words for name in names) and bool(NEWS_WORD.search(text))
