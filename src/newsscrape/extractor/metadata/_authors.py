"""Byline strings -> person names: no "By", no job titles, no emails or URLs, no duplicates; the
post-nominal letters a byline prints stay with the name ("Jillian Kubala, MS, RD")."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .._text import HOST_LABELS, alnum_key, fold, label_words

# Words that open a byline in the languages news pages are commonly written in.
# Not "photo by": a picture's credit names the photographer, not the author ("Photo by X on Unsplash").
# A note at the head or foot of a story may say it in a sentence: "This post was written by Jane Doe,
# MD, gastroenterologist." The CMSs' own wordings too: Drupal's "Submitted by X on <date>", a blog's
# "Authored by:" or "Contributed by", a wire story's foot "Reporting by X; Editing by Y", phpBB's
# "Post by jdoe » Tue Aug 05, 2025".
_LEADS = (
    r"(?:(?:this\s+(?:post|article|story|piece|guide|blog\s+post)\s+(?:was|is)\s+)?written"
    r"|posted|reported|reporting|published|submitted|authored|contributed|compiled"
    r"|post|text|story|words|analysis|opinion|commentary|review)"
)
# Italian "di" only in lower case: a capital "Di" starts a surname ("Di Maria"). A label may name
# several: "Authors: Jane Doe, John Roe", "Author(s):". "Text:" and "Tekst:" (German, Nordic, Dutch,
# Czech, Polish bylines) only with their colon: "Text messages ...", "Text size" open other lines.
# German's gender-inclusive label ("Autor/in:", "Autor*in", "Autor:in", "Autor_in"), French's
# "Auteur :" (a space before the colon, as French sets it) and Italian's "Autore:" (a held-out
# page of trafilatura's tests: a public broadcaster's "Autor/in: Korinna Hennig" lost to its
# "NDR" meta).
_BY = (
    r"(?:by|from|von|por|par|door|av|af|przez|(?-i:di)|autor(?:in|a|[/*:_]in)?|auteure?s?|autore"
    r"|author(?:s|\(s\))?|escrito por|texto"
    r"|te(?:xt|kst)(?=\s*[:：])"
    r"|автор(?:ы)?|текст|بقلم)"
)
BYLINE_PREFIXES = re.compile(rf"^(?:{_LEADS}\s+)?{_BY}(?:\s*[:\-]?\s+|\s*:?$)", re.IGNORECASE)
# A line that opens with a localised "By" and a capitalised word reads as a byline on its own,
# without any byline class ("Von Lena Hoffmann und Tobias Brandt", "par Jean Dupont").
# "From" is left out: a standfirst may open with it ("From Kyiv to Kharkiv, ...").
BYLINE_LINE = re.compile(rf"^(?:{_LEADS}\s+)?(?!from\b){_BY}\s*:?\s+[^\W\d_]", re.IGNORECASE)
# A text that opens a byline, or is only its label ("By", "Written by", "Author:"); the name may follow
# in the next element.
BYLINE_START = re.compile(rf"^(?:{_LEADS}\s+)?(?!from\b){_BY}(?:\s*:?\s+[^\W\d_]|\s*:?$)", re.IGNORECASE)
# BYLINE_START on a text as the page holds it, before ``squash``: any white space before, after and
# between the words (the one space in "escrito por" too). Squashing only shortens and trims white
# space runs, so a text this does not match cannot match BYLINE_START once squashed: the squash is
# spared nearly every text of a page (a script's among them).
_ANY_SPACED_BY = _BY.replace(" ", r"\s+")
MAYBE_BYLINE_START = re.compile(
    rf"\s*+(?:{_LEADS}\s+)?(?!from\b){_ANY_SPACED_BY}(?:\s*:?\s+[^\W\d_]|\s*:?\s*$)", re.IGNORECASE
)
# Link texts that point at a person's page: "View all posts by Jane Doe", "Articles by ...",
# "More about Jane Doe"; and the heading of an author box: "About Jane Doe", "About the author: Jane Doe".
_MORE_BY = re.compile(
    r"^(?:(?:view|see|read|more|all)\b.{0,30}?\b(?:by|from|about)|(?:articles|posts|stories)\s+(?:by|from)"
    r"|about(?:\s+the\s+authors?)?:?)\s+",
    re.IGNORECASE,
)
# A part of a byline containing one of these words is a role or an organisation, not a person.
_ROLE_WORDS = """writer writers editor editors reporter reporters correspondent correspondents staff
    contributor contributors columnist journalist journalists producer analyst team desk newsroom editorial
    agency agencies press news media wire wires service services bureau chief senior associate managing
    contributing special guest freelance photographer photographers redaktion redacción rédaction
    redação redazione administrator admin international network online magazine tv radio group inc ltd
    llc company foundation institute ministry ministries department sport sports business phd
    reviewer reviewers expert experts firm firms bio biography profile director manager officer president
    founder ceo coordinator specialist consultant author authors owner
    monday tuesday wednesday thursday friday saturday sunday updated views comments share
    blog blogs today agencia agência agenzia agence agentur police polizei policía polícia polizia politie
    coordenadoria prefeitura secretaria редакция berita noticias notícias nachrichten nouvelles notizie
    συντακτική συντακτικη ομάδα ομαδα 기자 ब्यूरो"""
# ("Full Bio", "View profile": the text of a link to the author's page, not a name; "Marketing Director":
# a job title on the line below the name; "Topic Author", "Big Board Owner": a forum poster's rank;
# the second half: blogs, agencies, police press offices and newsrooms in other languages: Indonesian
# "Berita" is news, Greek "Συντακτική ομάδα" the editorial team, Korean 기자 reporter, Hindi ब्यूरो bureau)
ROLE_WORDS = frozenset(_ROLE_WORDS.split())
# Words of job titles which are also surnames ("Anthony Head", "Paul Nurse", "Jane Partner"): a role only in
# a part that follows a person's name ("Jane Doe, Head Winemaker", "John Roe, Lead Engineer"), and not in
# a name "and" joins to it ("Jane Smith and Paul Nurse": see ``_co_author``).
_JOB_WORDS = """head lead principal partner vp svp evp cto cfo coo cmo cio cso executive engineer engineers
    developer developers designer designers scientist scientists researcher researchers professor lecturer
    teacher strategist marketer advisor adviser attorney lawyer counsel physician surgeon nurse
    dietitian nutritionist therapist pharmacist chef intern assistant representative"""
JOB_WORDS = frozenset(_JOB_WORDS.split())
# The role words of a person's job, which a comma may follow with the employer ("Director, Example
# Analytics"), not those of an organisation: after "Associated Press" a comma parts names again.
_TITLE_WORDS = """writer editor reporter correspondent columnist journalist producer analyst chief senior
    associate managing director manager officer president founder ceo coordinator specialist consultant
    owner"""
TITLE_WORDS = JOB_WORDS | frozenset(_TITLE_WORDS.split())
# News agencies sign stories too; they are not persons.
_WIRES = "reuters afp ap dpa ansa efe xinhua pti ani ians upi aap tass bloomberg kyodo yonhap"
WIRE_NAMES = frozenset(_WIRES.split())
# Post-nominal letters: the degrees, licences and certifications a byline prints after a name
# ("Genevieve Carlton, Ph.D.", "Jillian Kubala, MS, RD", "Shelby Loos, DVM"), and a generation's
# numeral ("II"). They are part of how the page names its author, so they stay with the name;
# compared without dots or marks ("Ph.D." is phd, "CEPF®" cepf). Not "DC" nor other letters that
# read as places or outlets, nor "Jr."/"Sr.": "Sr." opens a job title as often ("Sr. Director").
_CREDENTIALS = """phd md do dvm vmd dds dmd pharmd psyd edd dnp dpt drph jd llm mba mph mpa msw msc ms ma
    mfa bsc bs ba bsn msn rn np aprn fnp lpn pa-c rd rdn ld ldn cdn cdces cde cnsc cscs cfp cfa cpa chfc
    clu cepf cpp psp cissp pmp lcsw lpc lmft lmhc ibclc facp facs faap mbbs mrcp frcp frcs ii iii iv"""
CREDENTIALS = frozenset(_CREDENTIALS.split())
_CREDENTIAL_MARKS = re.compile(r"[.\u00ae\u2122]")  # the dots of "Ph.D.", the ® of "CFP®"
# Lower-case words allowed inside a name ("Ana de la Cruz", "Ludwig van Beethoven").
_PARTICLES = "de da das do dos del della di du la le van von der den ter ten bin al el y e"
PARTICLES = frozenset(_PARTICLES.split())
# Articles that never start a person's name ("The Russian defense ministry", "El Sol de México").
# Not "le", "la", "lo", "de": Vietnamese, Chinese and Dutch names start with those.
NOT_FIRST = frozenset({"the", "a", "an", "el", "los", "las", "les", "il", "die", "der", "das", "het"})
# A label left inside a part ("Фото: Анна", "質問者：aigyu", "Outlet=Name") is a credit that is not
# a byline ("By" labels are stripped before), and "By" in the middle is a web credit ("Developed By X").
_LABEL = re.compile(r"[:：=]|\bby\b", re.IGNORECASE)
# A breadcrumb's separator inside a part: a trail ("Home » Technology Solutions"), never a name.
_CRUMB = re.compile(r"\s[\u00bb\u203a]\s")
# Iberian compound surnames join with "e"/"y": "José Volta e Pinto" is one person.
_JOINERS = frozenset({"e", "y"})
# Several names in one byline: "A and B", "A & B", "A, B", "A; B", "A / B", "A. Outlet"; a bullet or a
# middle dot parts a name from the date beside it ("By Jane Doe • March 12, 2025").
# Not the dot of a title before a name ("Dr. Jane Doe").
_TITLES = "".join(f"(?<!\\b{title})" for title in ("Dr", "Mr", "Mrs", "Ms", "Prof"))
# The serial comma's "A, B, and C" parts its last name with ", and " as a whole.
_ANDS = "and|And|AND|und|et|y|e|en|og|och|i|и|ve"
# The separators that join one person to the next and never a person to a job ("and", ", and", "&"):
# after a comma a part may be either ("Jane Doe, Paul Nurse", "Jane Doe, Registered Nurse").
_AND_SEPARATORS = frozenset({*_ANDS.casefold().split("|"), "&"})
_SPLIT = re.compile(
    rf"\s*(,\s*(?:{_ANDS})\s|[,;|&/\n\u2022\u00b7]|\s(?:{_ANDS})\s|(?<=[^\W\d_]{{2}}){_TITLES}\.\s)\s*"
)
# (an e-mail address from the start of its word: "\S+@\S+" retried at every offset of a long word)
_NOISE = re.compile(r"(?<!\S)[^\s@]++@\S++|https?://\S+|www\.\S+|@\w+|\([^)]*\)|\[[^\]]*\]")
# A label at the end of a line names the person on the next one: "Reviewed by" / "Margaret James"
# is one line (a reviewer, not an author), and so is "By" / "Jane Doe".
_LABEL_END = re.compile(rf"(?:\b{_BY}|[:：])[ \t]*\n", re.IGNORECASE)
# A date printed after the name, with nothing between ("By Jane Doe Jan. 31, 2026 7:47 am EST"): the
# month's abbreviation and its dot would read as the name's last word ("Jane Doe Jan") and a break.
# Only a whole date, month, day and year: "Theresa May" is a name.
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE_TAIL = re.compile(
    r"(?:\s+(?i:updated|last\s+updated|published|modified|posted|on)\s*:?)?"
    r"(?:\s+(?i:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?i:day)?\.?,?)?"
    rf"\s+(?i:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d(?!\d)",
)
# The labels of a publication or update day ("Published", "Veröffentlicht", "Mis à jour"): one run
# into the name ends it, with whatever follows ("By Jane Doe Published on May 1, 2019", "von Diane
# Buckstegge Veröffentlicht am 1. Mai 2019": a held-out page of trafilatura's tests); the content
# pass reads a byline line ending with its date by them too (``_line_rules``).
PUBLICATION_LABELS = (
    r"published|last\s+updated|updated|posted|veröffentlicht|aktualisiert|publié|mis\s+à\s+jour"
    r"|publicado|actualizado|pubblicato|aggiornato"
)
_LABEL_TAIL = re.compile(rf"\s(?i:{PUBLICATION_LABELS})\b.*$")
# A byline box's publication label left alone once its <time> is read off: "Published on" (the day
# is in the element's datetime attribute and nowhere in its text), "Veröffentlicht am", "Posted".
_LABEL_ONLY = re.compile(rf"(?i:{PUBLICATION_LABELS})(?:\s+(?i:on|at|am|um|le|el|il))?")
# A spaced dash between a name and its role ("Jane Doe - Staff Writer", "Jane Doe — Contributor").
_DASH = re.compile(r"\s[-\u2013\u2014]\s")
# A byline line that runs on into the next ("By Jane Doe," / "John Roe"; "By Jane Doe" / "and John Roe").
_RUNS_ON = re.compile(rf"(?:[,;&/]|\s(?:{_ANDS}))\s*$")
_RUNS_ON_INTO = re.compile(rf"^(?:[,;&/]|(?:{_ANDS})\s)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_HAS_DIGIT = re.compile(r"\d")
# A forum or blog handle: a word of letters that ends in a number ("user42", "dave_1985", "Simple07").
# Not digits inside the letters ("jdoe2ma0ci"): a generated account name.
_HANDLE = re.compile(r"[^\W\d_]{2,}[._-]?\d{1,4}")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_COLON = re.compile(r"[:：=]")
_DOMAIN = re.compile(r"\.[a-z]{2,6}$", re.IGNORECASE)
# Punctuation around a name: dots, colons, hyphen, en and em dashes, middle dot, bullet, tab.
_PUNCT = " .:-\u2013\u2014\u00b7\u2022\t"
# What a CMS writes when nobody signed: the account that posted, not an author, or what a template
# prints for an empty field ("undefined", "null").
ACCOUNTS = frozenset({"admin", "administrator", "webmaster", "user", "guest", "undefined", "null"})
# ... and the words of an unsigned credit, which a person field may print as a signature ("Anonymous").
PLACEHOLDERS = ACCOUNTS | {"anonymous", "unknown"}
# A "By" that opens a sentence, not a byline: a name never starts with a verb in "-ing" ("By clicking
# "Join" you agree to our Terms of Service and Privacy Policy", "By continuing, you accept ...").
_BY_DOING = re.compile(r"^[a-z]+ing\b")
# Symbols around a name: punctuation, bullets and operators of any kind ("∙ Paid", "+ Text Size").
_LEADING = re.compile(r"^[\W_]+")
_CREDIT_END = re.compile(r"\s[|\u2022\u00b7\u00bb]\s")  # and phpBB's "by jdoe » Tue Aug 5, 2025"
# A byline goes on after the name with when it was posted: "Posted by BeauHD on Friday December 19,
# 2025", "Posted by David at December 16, 2025 11:15 AM". A lower-case "on" or "at" never sits
# inside a name, so the name ends there; only before a date, though ("Trial Attorney at Morgan" is
# a job title, not a name with its employer cut off). Nor is "Updated" or "Published" a word of a
# name: "By Jane Doe Updated May 1, 2025", "Jane Doe Last updated: 05/01/2025".
_POSTED_TAIL = re.compile(
    r"\s+(?:on|at|(?i:updated|last\s+updated|published|modified)\s*:?)\s+[A-Z\d](?=.*\d).*$", re.DOTALL
)
# The outlet a byline names after the person, who wrote "for" it or is "from" it: "Jane Doe For
# Daily Mail Australia", "Jane Doe for The Texas Tribune", "Jane Doe from Acme". Only after a name of
# two words or more, and before a capital: "Center for Drug Evaluation" is one organisation.
_AFFILIATION = re.compile(r"\s+(?:[Ff]or|FOR|[Ff]rom|FROM)\s+(?=[A-Z])")
# The buttons and counters a byline box prints after the name, which its text runs into the name:
# "Jane Doe Share Tweet", "Jane Doe Follow", "Jane Doe Email", "By Jane Doe 5 min read",
# "Jane Doe 12 Comments". Only a tail made of nothing else is cut: no name ends in such words. Not
# "print" nor "link" ("Rachael Link" is a name), nor a bare number: a date's day marks its line as
# no name ("Jane Doe December 12"), which cutting the number would hide.
_WIDGETS = (
    r"share|tweet|follow|email|e-mail|subscribe|comments?|facebook|twitter|linkedin|whatsapp"
    r"|pinterest|reddit|bookmark|\d++\s*+(?:min(?:ute)?s?|hours?|hrs?)\s++read|\d++\s++comments?"
)
_WIDGET_TAIL = re.compile(rf"(?:\s++(?i:{_WIDGETS})\b)+\s*$")
# A text longer than a name and its buttons is not a name (MAX_LENGTH): it is not searched, which
# would take time growing with the square of its length.
MAX_WIDGETS_LENGTH = 40
_CREDIT_PUNCT = f"{_PUNCT},;|/\u00bb\u00ab"  # and guillemets ("Simple07 »")
MAX_WORDS = 5
MAX_LENGTH = 60
# A line of a byline's text longer than this is prose (a biography), not names (see ``_head``).
MAX_LINE_LENGTH = 120
# A credit that names no person ("The Investopedia Team", "Center for Drug Evaluation and Research").
MAX_CREDIT_WORDS = 8


def clean_authors(raw: Iterable[str], *, site: str | None = None, host: str | None = None) -> tuple[str, ...]:
    """Person names from byline-like strings, in first-seen order, without duplicates.

    >>> clean_authors(["By Jane Doe, Staff Writer", "Jane Doe and John Smith"])
    ('Jane Doe', 'John Smith')

    ``site`` and ``host`` name the publication, which signs some stories but is nobody.
    """
    outlets = outlet_keys(site=site, host=host)
    seen: dict[str, str] = {}
    for text in raw:
        for name in split_byline(text):
            if names_outlet(name, outlets):
                continue  # the publication ("CNN", "Do UOL" on uol.com.br), not a person
            # One person once, with the letters after the name if any source prints them.
            person = bare(name).casefold()
            if person not in seen or (bare(seen[person]) == seen[person] and bare(name) != name):
                seen[person] = name
    return tuple(seen.values())


def outlet_keys(*, site: str | None, host: str | None) -> frozenset[str]:
    """The keys (``alnum_key``) that name the publication: its site name and its host's own labels.

    >>> sorted(outlet_keys(site="The Daily Planet", host="www.dailyplanet.com"))
    ['dailyplanet', 'thedailyplanet']
    """
    outlets = {label for label in (host or "").lower().split(".") if label not in HOST_LABELS}
    outlets.add(alnum_key(site or ""))
    outlets.discard("")
    return frozenset(outlets)


# A name of this many words or more whose initials are the outlet's is the outlet spelt out
# ("Deutsche Welle" on dw.com, "National Public Radio" on npr.org).
OUTLET_INITIALS = 2


def names_outlet(name: str, outlets: frozenset[str]) -> bool:
    """Whether a name (or a credit) is the publication's: one of its words is the outlet, its
    letters hold or are held by the outlet's ("Do UOL" on uol.com.br, "HomeAdvisor" for "Home
    Advisor"), or its words' initials are the outlet ("Deutsche Welle" on dw.com; a person whose
    initials are the host's name is lost with it, a rare case the byline rules cannot tell apart).
    """
    key, words = alnum_key(name), [alnum_key(word) for word in name.split()]
    initials = "".join(word[:1] for word in words) if len(words) >= OUTLET_INITIALS else ""
    return any(o in words or o == initials or (len(o) >= 4 and (key in o or o in key)) for o in outlets)


def bare(name: str) -> str:
    """A name without the post-nominal letters after it.

    >>> bare("Jillian Kubala, MS, RD")
    'Jillian Kubala'
    """
    if name.isupper():
        return name  # "JACK MA": a name in capitals, where letters cannot be told from a surname
    words = name.split()
    while len(words) > 1 and _credential(words[-1]):
        words.pop()
    return " ".join(words).rstrip(",")


def _credential(word: str) -> bool:
    """Post-nominal letters as a byline writes them, in capitals ("MS", "Ph.D.", "PharmD"); not a
    surname that spells the same ("Jack Ma", "Linh Do")."""
    letters = _CREDENTIAL_MARKS.sub("", word.strip(","))
    return letters.casefold() in CREDENTIALS and sum(c.isupper() for c in letters) >= 2


def credits(raw: Iterable[str], *, handles: bool = False) -> tuple[str, ...]:
    """What a structured author field credits when it names no person: a team, an organisation, a
    handle, a name written in lower case. Only "By" labels, links and e-mail addresses are taken off.
    ``handles``: whether a handle ending in a number ("dave_1985") is a credit, as JSON-LD's author
    of a forum post gives it. Not from a meta or the page's text: a documentation page's "author" meta
    names its maintainer's account, and a "by user42" line of a forum would read the page as a story
    (the page type weighs whether anyone is credited).

    >>> credits(["By The Investopedia Team", "kirstin boatto", "https://example.com/about"])
    ('The Investopedia Team', 'kirstin boatto')
    """
    seen: dict[str, str] = {}
    for text in raw:
        # A credit line goes on with the reading time or the date: "By The X Team | 6 mins | May 2".
        credit = _CREDIT_END.split(fold(_NOISE.sub(" ", text)), maxsplit=1)[0].strip(_CREDIT_PUNCT)
        credit = BYLINE_PREFIXES.sub("", _MORE_BY.sub("", credit)).strip(_CREDIT_PUNCT)
        credit = _without_widgets(_POSTED_TAIL.sub("", credit))
        if not 0 < len(credit) <= MAX_LENGTH or label_words(credit) > MAX_CREDIT_WORDS:
            continue
        if not _HAS_LETTER.search(credit) or credit.casefold() in PLACEHOLDERS or _COLON.search(credit):
            continue  # nothing to read, "admin", or a label left inside ("Updated: 2025-09-13")
        if _LABEL_ONLY.fullmatch(credit):
            continue  # "Published on" before a <time> whose day is in its attribute only
        handle = handles and _HANDLE.fullmatch(credit) is not None
        if " " not in credit and _HAS_DIGIT.search(credit) and not handle:
            continue  # a generated account name ("jdoe2ma0ci", "a1b2c3"), not how anyone signs
        if _YEAR.search(credit) and not handle:
            continue  # a date beside the byline label ("Written By Feb 11, 2019 · 3 min read")
        seen.setdefault(credit.casefold(), credit)
    return tuple(seen.values())


def split_byline(text: str) -> list[str]:
    """The person names in one byline string.

    >>> split_byline("Victor Tangermann, Futurism")
    ['Victor Tangermann']
    """
    # A line break parts names too: a byline box puts name, role and date on lines of their own
    # ("Liza Burke" / "Marketing Director" / "May 14, 2025"), with no comma between them.
    text = "\n".join(_head(fold(line)) for line in _NOISE.sub(" ", text).splitlines() if line.strip())
    # (a label on a line of its own heads a list of names: "By" / "Jane Doe" / "John Roe")
    text = _LABEL_END.sub(lambda label: label.group().rstrip() + " ", _labelled_line_ends(text))
    text = "\n".join(map(_without_date, text.split("\n")))
    text = BYLINE_PREFIXES.sub("", _MORE_BY.sub("", text.strip()))
    if _BY_DOING.match(text):
        return []
    pieces = _SPLIT.split(text)  # part, separator, part, ...
    parts = [("", pieces[0])]  # (the separator before, the part)
    for sep, part in zip(pieces[1::2], pieces[2::2], strict=True):
        if sep.strip() in _JOINERS and len(part.split()) == 1 and len(parts[-1][1].split()) >= 2:
            parts[-1] = (parts[-1][0], f"{parts[-1][1]}{sep}{part}")  # "José Volta e Pinto"
        else:
            parts.append((sep.strip(), part))
    names: list[str] = []
    organisation = False  # whether a part of several words named an organisation, not a person
    after_name = False  # whether the part before was a full name
    in_role = False  # whether the part before was the job of the person named before it
    unnamed = False  # whether the part before was read as a name and named nobody
    for sep, part in parts:
        letters = _credentials_only(part)
        if letters and after_name:
            names[-1] = f"{names[-1]}, {letters}"  # "Jane Doe, MS, RD": her letters, not a second person
            continue
        if ((after_name or in_role) and _job(part) and not (after_name and _co_author(sep, part))) or (
            in_role and sep == ","
        ):
            # What the person named before does, and where: "Jane Doe, Head Winemaker", "Jane Doe" /
            # "Director, Advanced Analytics", "Jane Doe" / "Founder and CEO, Example Digital". A comma
            # goes on with a job title; "and", "&", ";" or a new line may name someone else.
            after_name, in_role = False, in_role or _job(part, TITLE_WORDS)
            continue
        in_role = False
        name = _person(part)
        if unnamed and name is not None and _last_word_after_and(sep, name):
            # The last word of a name that is no person's: "Center for Drug Evaluation and Research",
            # "Office of Science and Technology" (an organisation), not a second author "Research".
            name = None
        unnamed = name is None
        organisation = organisation or (name is None and len(part.split()) > 1 and _job(part, ROLE_WORDS))
        after_name = name is not None and " " in bare(name)
        if name:
            names.append(name)
    if organisation or any(" " in bare(name) for name in names):
        # Beside a full name a lone word is an affiliation or a place ("Jane Doe, Futurism"), not a
        # second author: people who sign with one name sign alone; so it is beside an organisation
        # ("SPIEGEL ONLINE, Hamburg, Germany": a held-out page of trafilatura's tests).
        names = [name for name in names if " " in bare(name)]
    return names


def _job(part: str, words: frozenset[str] = ROLE_WORDS | JOB_WORDS) -> bool:
    """Whether a part of a byline holds one of ``words``: by default, whether it reads as a role or a
    job title ("Staff Writer", "Founder and CEO", "Head Winemaker", "Lead Engineer", "VP")."""
    pieces = {piece for word in part.lower().split() for piece in word.strip(".,").split("-")}
    return not words.isdisjoint(pieces)


def _last_word_after_and(sep: str, name: str) -> bool:
    """Whether a name of one word follows "and" or "&" (", and" too)."""
    return sep.lstrip(", ").casefold() in _AND_SEPARATORS and " " not in name


def _co_author(sep: str, part: str) -> bool:
    """Whether a part that holds a job word, joined to the name before it by "and" or "&", is a
    second person whose surname is that word ("Jane Smith and Paul Nurse", "Jane Doe & John Head"):
    a capitalised name with the job word last only. A job title opens with its job word ("Head
    Winemaker", "Lead Engineer") or follows a comma ("Jane Doe, Registered Nurse")."""
    words = part.split()
    return (
        sep.lstrip(", ").casefold() in _AND_SEPARATORS
        and len(words) >= 2
        and not _job(" ".join(words[:-1]))
        and _person(part) is not None
    )


def _without_date(line: str) -> str:
    """A byline line without the date run into its name ("By Jane Doe Jan. 31, 2026 7:47 am EST"),
    or the publication label that opens it ("By Jane Doe Published on May 1, 2019").
    Not after a comma: what the line holds there may be the person's job ("Jane Doe, Counseling
    Psychologist April 22, 2025"), which the date's digits mark as no name."""
    line = _LABEL_TAIL.sub("", line)
    date = _DATE_TAIL.search(line)
    return line[: date.start()] if date and "," not in line[: date.start()] else line


def _head(line: str) -> str:
    """A line of a byline, or the head of a line too long for one: an author card's biography
    names the places, schools and firms of a career after its commas ("Matt has built connections
    with vineyards across Red Mountain and Willamette Valley, sourcing fruit ..."), and only a
    name at its head is a byline's ("Jane Doe, senior editor with 5+ years testing laptops")."""
    if len(line) <= MAX_LINE_LENGTH:
        return line
    return _SPLIT.split(line, maxsplit=1)[0]


def _labelled_line_ends(text: str) -> str:
    """``text`` up to the end of its "By ..." line when the lines after it are not more of the byline.

    A "By" label and a name on one line open the byline, and a box goes on below it with other matter: a
    label ("By Jane Doe" / "Fact Checked"), the box's links ("Related Topics"). A line after it is
    another person's only when it is labelled too, the byline runs on into it ("By Jane Doe," /
    "and John Roe"), or it is written as the first one is, a name and what the person does
    ("By Jane Doe, 4+ years covering laptops" / "John Roe, senior editor").
    """
    lines = text.split("\n")
    for n, line in enumerate(lines[:-1]):
        if BYLINE_LINE.match(line):
            kept = lines[: n + 1]
            for after in lines[n + 1 :]:
                if (
                    BYLINE_LINE.match(after)
                    or _RUNS_ON.search(kept[-1])
                    or _RUNS_ON_INTO.match(after)
                    or ("," in line and "," in after)  # stacked as the first: "Jane Doe, senior editor"
                ):
                    kept.append(after)
            return "\n".join(kept)
    return text


def _without_role(part: str) -> str:
    """A name without the role a dash sets after it ("Jane Doe - Staff Writer"); a credit whose
    part after the dash is no role stays whole ("GURUS - Drupal")."""
    dash = _DASH.search(part)
    if dash is None:
        return part
    before, after = part[: dash.start()], part[dash.end() :]
    words = {piece for word in after.lower().split() for piece in word.strip(".,").split("-")}
    if ROLE_WORDS.intersection(words):
        return before
    # a person's name before the dash, the outlet after it ("Jenny Smith – The Moon"); not a site's
    # own label, its address after the dash ("Zone Société - ICI.Radio-Canada.ca"), read whole as the
    # outlet it names
    names = before.split()
    person = len(names) >= 2 and all(name[:1].isupper() for name in names)
    return before if person and not _DOMAIN.search(after) else part


def _without_affiliation(part: str) -> str:
    """A name without the outlet it wrote for ("Jane Doe For Daily Mail Australia" is Jane Doe)."""
    affiliation = _AFFILIATION.search(part)
    if affiliation is None or len(part[: affiliation.start()].split()) < 2:
        return part
    return part[: affiliation.start()]


def _without_widgets(text: str) -> str:
    """A name without the buttons its byline box prints after it ("Jane Doe Share Tweet")."""
    if len(text) > MAX_LENGTH + MAX_WIDGETS_LENGTH:
        return text
    return _WIDGET_TAIL.sub("", text)


def _credentials_only(part: str) -> str | None:
    """The post-nominal letters a part of a byline consists of ("MS", "Ph.D.", "CFP®"), else None."""
    words = part.strip(_PUNCT.replace(".", "")).split()  # the dot of "Ph.D." stays
    return " ".join(words) if words and all(map(_credential, words)) else None


def _edges(part: str) -> str:
    """``part`` without the marks around the name: not a vowel sign or a tone mark that ends it
    (Thai "ใจดี", Hindi "गांधी", a decomposed "José"), which ``\\W`` matches as it matches a comma.

    A mark after a symbol is the symbol's (the variation selector of an emoji: "Jane Doe ❤️").

    >>> _edges("- สมชาย ใจดี,"), _edges("(Jane Doe)"), _edges("Jane Doe ❤️")
    ('สมชาย ใจดี', 'Jane Doe', 'Jane Doe')
    """
    part = _LEADING.sub("", part)
    end = len(part)
    while end:
        base = end
        while base and unicodedata.category(part[base - 1]).startswith("M"):
            base -= 1  # the marks that end the part belong to the character before them
        if base and part[base - 1].isalnum():
            break
        end = base - 1 if base else 0
    return part[:end]


def _person(part: str) -> str | None:
    part = _POSTED_TAIL.sub("", BYLINE_PREFIXES.sub("", _edges(part))).strip(_PUNCT)
    part = _without_widgets(_without_affiliation(_without_role(part)))
    if not part or len(part) > MAX_LENGTH or _HAS_DIGIT.search(part) or _DOMAIN.search(part):
        return None
    if _LABEL.search(part) or _CRUMB.search(part):
        return None
    whole = part
    part = bare(part)  # "Jane Doe PhD": the name is read without its letters, which are given back
    letters = whole[len(part) :]
    words = part.split()
    lowered = [w.strip(".,").lower() for w in words]
    pieces = {piece for low in lowered for piece in low.split("-")}  # "Editor-at-large"
    # (the first word as written: "A. J. Neal" opens with an initial, not the article "A")
    if label_words(part) > MAX_WORDS or ROLE_WORDS.intersection(pieces) or words[0].lower() in NOT_FIRST:
        return None
    if len(words) == 1 and part.isupper():
        return None  # "Jane Doe, MS, RDN": credentials; a lone upper-case word is a handle or call sign
    if " ".join(lowered) in WIRE_NAMES or " ".join(lowered) in ACCOUNTS:
        return None  # an agency, or the account that posted ("Webmaster")
    # Every word of a name is capitalised (or in a script without case), bar particles like "de".
    for word, low in zip(words, lowered, strict=True):
        if word[0].isalpha() and word[0].islower() and low not in PARTICLES:
            return None
    if words[0][0].islower():
        return None
    if part.isupper() and len(words) > 1:
        part = part.title()  # "JANE DOE" -> "Jane Doe"
    return part + letters
