"""Fit the content pass's per-page-type profiles on WCXB half A; write them as data.

A profile is fitted in three stages. First ``descent_share`` (how far the container search steps
down), ``widen_share`` (how far the container then climbs back up, to the nearest ancestor holding
that share of the page's text: a grid of short product or story cards beside one block of prose) and
``second_share`` (when trafilatura's reading replaces the native one: None, only when the native
text looks short; a number, on every page, when trafilatura's has more than that share of the native
words). Then, with that descent share, the block walk's link rules with the second share again:
``box_link_share`` and ``para_link_share`` (the link share above which a box or a paragraph is
dropped; above 1.0, never), ``list_link_share`` (the same for a paragraph inside a list item or a
table row; None: as any paragraph), ``story_headings`` (whether a heading linking within the site
is dropped) and ``linked_items`` (whether several such headings, each heading a section, are kept as
the story's items). Then the clean-up of the winning text: ``drop_reviews`` (paragraphs found only
inside the page's review boxes or its boxed fine print go; a paragraph given twice is the concern of
``fit_repeats.py``). Each setting of a small grid is scored with WCXB's own metric
(bag-of-words F1, averaged over the type's pages of half A, each page read as its true type). A
stage's best replaces the profile only if it beats it by ``MIN_GAIN``, where the profile to beat is
the better of the article profile and the type's present one (in the data file), so that noise on a
few dozen pages does not move a type off the default and a refit moves a type only on a real gain.
Last, the markup labels the walk leaves unheeded: ``kept_kinds`` (removal kinds whose class/id word,
tag or role drops nothing: a service page's "cta" boxes and carousels are its text) and
``hidden_panels`` (hidden tab panels and ``<details>`` bodies are kept) and ``scoped_headers`` (a
``<header>`` inside an ``<article>`` or ``<section>`` is that card's or section's head, its link the
card's title), one switch at a time, each
earning its place on its own (``kept_markup``). Half B is scored with the chosen profiles beside the
article profile, for the record (it is never used to choose).

The pipeline itself (``explain``, each page read as its true type: every type given the profile)
runs twice per page and walk setting (descent share, link rules, clean-up, markup): once with the
profile's own reading left without trafilatura, once with a second share of 0.0 (trafilatura's text
whenever it is asked and has words, with every clean-up after the second opinion applied to it as
the pipeline does: reviews, the name, copies, signatures, posts). The second share's choice is then
replayed on these two endings with the numbers the pipeline weighed on that reading (``Probe``:
whether the native text was unsure, by its words or the page's declared count; whether trafilatura
was asked at all, which a native text covering the page stops; both texts' words), so that a
profile's score is the pipeline's. (Until this stop the replay took trafilatura's raw text and the
native text's word count alone: on half A it gave the shipped profiles product .621, listing .694,
service .842, forum .794, collection .664 where the pipeline, each page read as its true type,
gives .657, .732, .861, .824, .667.) trafilatura runs once per page (its text kept for the fit).

    python benchmarks/fit_content.py                 # fit on half A, report half B, write the data file
    python benchmarks/fit_content.py --dry-run       # the same, without writing
    python benchmarks/fit_content.py --types product listing   # refit these; the others stay
    python benchmarks/fit_content.py --markup-only   # the markup switches alone; the rest stays

The data file (``src/newsscrape/extractor/data/content_profiles.json``) keeps the fit's date,
grid, scores and the profiles; ``extractor/content/_profiles.py`` reads it. Needs ../shared/bench/wcxb.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from statistics import mean
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsscrape import ExtractConfig, ExtractError  # noqa: E402
from newsscrape.extractor import _core, explain  # noqa: E402
from newsscrape.extractor._guard import Deadline  # noqa: E402
from newsscrape.extractor._text import count_words  # noqa: E402
from newsscrape.extractor.content import _content, _profiles  # noqa: E402
from newsscrape.extractor.content._chrome import ROLE_KIND, TAG_KIND, WORD_KIND  # noqa: E402
from newsscrape.extractor.content._content import Content  # noqa: E402
from newsscrape.extractor.content._profiles import ContentProfile  # noqa: E402

WCXB = ROOT.parent / "shared" / "bench" / "wcxb"
DATA = ROOT / "src" / "newsscrape" / "extractor" / "data" / "content_profiles.json"
DESCENT_SHARES = (0.6, 0.7, 0.8, 0.9, 0.95, 1.01)  # 1.01: never step below <body>'s heaviest box
SECOND_SHARES: tuple[float | None, ...] = (None, 0.0, 0.5, 0.85, 1.0, 1.5)
# the block walk's link rules: link shares above which a box or a paragraph is dropped (above 1.0:
# never), and whether a heading linking within the site is
BOX_LINK_SHARES = (0.65, 0.8, 0.9, 1.01)
PARA_LINK_SHARES = (0.8, 1.01)
LIST_LINK_SHARES: tuple[float | None, ...] = (None, 1.01)  # None: a list item's paragraph as any other
STORY_HEADINGS = (True, False)
LINKED_ITEMS = (True, False)
# the clean-up of the winning text: drop_reviews
CLEAN_UPS = (False, True)
# how far a container climbs back up: to the nearest ancestor holding this share of the page's text
# (0.0: not at all), for types whose cards are too short to vote as paragraphs
WIDEN_SHARES = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9)
# the markup labels a type's walk may leave unheeded: every kind a tag, a role or a class/id word gives
# (hidden text is a switch of its own: only tab panels and <details> bodies, ``hidden_panels``)
MARKUP_KINDS = tuple(sorted({*TAG_KIND.values(), *ROLE_KIND.values(), *WORD_KIND.values()}))
PANELS = "hidden_panels"
# <header>s inside an <article> or <section> walked as the card's or section's head (``scoped_headers``)
SCOPED = "scoped_headers"
# removals of the tree before the walk: no switch moves them
BEFORE_WALK = ("page-wide chrome", "ARIA dialog")
# a switch joins only if it adds this much F1 to the type's half-A mean and betters this many pages
# (by more than PAGE_MOVE) than it worsens: no switch that one page justifies
SWITCH_GAIN = 0.002
SWITCH_PAGES = 2
PAGE_MOVE = 0.005
TYPES = ("article", "collection", "documentation", "forum", "listing", "product", "service")
MIN_GAIN = 0.015  # F1 points a profile must win by over the article profile (a few dozen pages a type)
# the settings a fit chooses (``reading``, the type whose fitted clean-ups a profile keeps, is the
# type being fitted)
PROFILE_FIELDS = tuple(f.name for f in fields(ContentProfile) if f.name != "reading")
NATIVE = ExtractConfig(fallback=False)
FULL = ExtractConfig()
WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Branches:
    """A page's two endings for one walk setting (``read``): the body without trafilatura and the
    body when trafilatura's text wins; whether the native text was unsure; the words of
    trafilatura's text as weighed (None: it was not asked, or gave nothing in time) and of the native."""

    native: str
    second: str
    unsure: bool
    second_words: int | None
    native_words: int


@dataclass(slots=True)
class Page:
    truth: dict[str, str]
    html: bytes
    native: dict[tuple[object, ...], Branches] | None = None  # walk settings -> the pipeline's endings
    # walk settings -> the kinds the block walk dropped (a markup switch of another kind changes nothing)
    dropped: dict[tuple[object, ...], frozenset[str]] = field(default_factory=dict)


def word_prf(true: str, pred: str) -> tuple[float, float, float]:
    """WCXB's metric for one page, with the precision and recall it is made of: (P, R, F1) of the
    bags of lower-case words (both empty: 1, 1, 1; one empty: 0, 0, 0)."""
    t, p = Counter(WORD.findall(true.lower())), Counter(WORD.findall(pred.lower()))
    if not t or not p:
        same = float(not t and not p)
        return same, same, same
    hit = sum((t & p).values())
    precision, recall = hit / sum(p.values()), hit / sum(t.values())
    return precision, recall, 2 * precision * recall / (precision + recall) if hit else 0.0


def word_f1(true: str, pred: str) -> float:
    """WCXB's metric for one page."""
    return word_prf(true, pred)[2]


def pages(half: str) -> list[Page]:
    out = []
    with gzip.open(WCXB / "ground-truth.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            truth = json.loads(line)
            if "AB"[int(truth["id"]) % 2] == half:
                html = gzip.decompress((WCXB / "html" / f"{truth['id']}.html.gz").read_bytes())
                out.append(Page(truth, html))
    return out


def walk_key(profile: ContentProfile) -> tuple[object, ...]:
    """The settings of a profile that change the native body."""
    return (
        profile.reading,
        profile.descent_share,
        profile.box_link_share,
        profile.para_link_share,
        profile.list_link_share,
        profile.story_headings,
        profile.linked_items,
        profile.widen_share,
        profile.drop_reviews,
        profile.kept_kinds,
        profile.hidden_panels,
        profile.scoped_headers,
    )


class Probe:
    """What the content pass weighed on its last reading: whether the native text was unsure,
    whether trafilatura was asked, and the words of both texts it compared (``_more_words``)."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.unsure = False
        self.asked = False
        self.native: int | None = None
        self.second: int | None = None


class Reading:
    """The profile being read, and whether its reading goes without trafilatura (the native ending;
    the page's first reading, as an article, keeps its second opinion as in the pipeline: a page
    whose native text is empty as an article is still read as its type)."""

    profile: ContentProfile | None = None
    native_only = False


PROBE = Probe()
_UNSURE, _SECOND, _MORE = _content._unsure, _content._second_opinion, _content._more_words
_EXTRACT = _core.extract_content


def _extract(*args: Any, profile: ContentProfile = _profiles.ARTICLE, **kwargs: Any) -> Content:
    """``_content.extract_content`` as ``_core`` calls it, the profile's reading without trafilatura
    when ``Reading.native_only``."""
    if Reading.native_only and profile == Reading.profile:
        kwargs["config"] = NATIVE
    return _EXTRACT(*args, profile=profile, **kwargs)


def _probed_unsure(content: Content, meta: Any) -> bool:
    """``_content._unsure``, recorded; called once a reading, before the second opinion's gates."""
    PROBE.reset()
    PROBE.unsure = _UNSURE(content, meta)
    return PROBE.unsure


def _probed_second(content: Content, html: str, deadline: Deadline, **kwargs: Any) -> None:
    """``_content._second_opinion``, with the words of the two texts it compares recorded."""
    PROBE.asked = True

    def more(texts: Any, than: list[Any], share: float) -> bool:
        texts = list(texts)
        PROBE.native = sum(count_words(b.text) for b in than)
        PROBE.second = sum(map(count_words, texts))
        return bool(_MORE(texts, than, share))

    _content._more_words = more
    try:
        _SECOND(content, html, deadline, **kwargs)
    finally:
        _content._more_words = _MORE


def _probe() -> None:
    """Record the second opinion's weighing (``Probe``), and keep trafilatura's text of every page
    (the content pass keeps the last page's only; the fit reads each page once per walk setting)."""
    _content._unsure = _probed_unsure
    _core.extract_content = _extract
    _content._second_opinion = _probed_second
    _content.trafilatura_text = functools.cache(_content.trafilatura_text.__wrapped__)


def _body(page: Page, profile: ContentProfile, *, native: bool) -> tuple[str, frozenset[str]]:
    """The pipeline's body of ``page`` read with ``profile`` as every type's (``native``: that
    reading without trafilatura), and the kinds its block walk dropped."""
    _profiles.PROFILES = dict.fromkeys(TYPES, profile)
    Reading.profile, Reading.native_only = profile, native
    try:
        report = explain(page.html, url=page.truth["url"], config=FULL)
    except ExtractError:
        return "", frozenset()
    return report.article.body, frozenset(r.kind for r in report.removed if r.reason not in BEFORE_WALK)


def read(page: Page, profile: ContentProfile) -> Branches:
    """The pipeline's two endings of a page for this profile's walk settings (cached): the body
    without trafilatura, the body when trafilatura's text wins (the pipeline asked with a second
    share of 0.0: every clean-up after the second opinion applied as it is to that text), and the
    numbers the second opinion's choice is made from, recorded as the pipeline weighed them."""
    if _content._unsure is not _probed_unsure:
        _probe()
    if page.native is None:
        page.native = {}
    key = walk_key(profile)
    if key not in page.native:
        native, page.dropped[key] = _body(page, profile, native=True)
        second, _ = _body(page, replace(profile, second_share=0.0), native=False)
        asked = PROBE.second if PROBE.asked else None
        page.native[key] = Branches(native, second, PROBE.unsure, asked, PROBE.native or 0)
    return page.native[key]


def chosen_text(page: Page, profile: ContentProfile) -> str:
    """The body the pipeline gives with ``profile``: its second-opinion choice replayed on the two
    endings (``read``) with the gates of ``_content.extract_content``."""
    branches = read(page, profile)
    share = profile.second_share
    if branches.unsure:
        share = min(share if share is not None else 1.0, 1.0)
    elif branches.second_words is None:  # not asked with a share of 0.0: the native text covered the page
        share = None
    if share is None or branches.second_words is None:
        return branches.native
    return branches.second if branches.second_words > share * branches.native_words else branches.native


def score(docs: list[Page], profile: ContentProfile) -> float:
    return mean(page_scores(docs, profile))


def page_scores(
    docs: list[Page], profile: ContentProfile, *, like: tuple[ContentProfile, list[float], str] | None = None
) -> list[float]:
    """Each page's F1 with ``profile``; ``like``: a profile that differs from it by one markup switch
    of this kind only, with its scores, so that a page on which the walk dropped nothing of that kind
    keeps its score unread."""
    f1s = []
    for n, page in enumerate(docs):
        if like is not None:
            base, scores, kind = like
            read(page, base)
            if kind not in page.dropped[walk_key(base)]:
                f1s.append(scores[n])
                continue
        f1s.append(word_f1(page.truth["body"], chosen_text(page, profile)))
    return f1s


def better(
    profile: ContentProfile, floor: float, grid: list[ContentProfile], docs: list[Page]
) -> tuple[ContentProfile, float]:
    """The best of ``grid`` if it beats ``floor`` (the score of ``profile``) by MIN_GAIN, else ``profile``."""
    scored = [(score(docs, candidate), candidate) for candidate in grid]
    best, candidate = max(scored, key=lambda sc: sc[0])
    moved = {
        name: getattr(candidate, name)
        for name in PROFILE_FIELDS
        if getattr(candidate, name) != getattr(profile, name)
    }
    print(
        f"  stage of {len(grid)}: best {best:.4f}, to beat {floor + MIN_GAIN:.4f}; it moves {moved}",
        flush=True,
    )
    if best < floor + MIN_GAIN:
        return profile, floor
    return parsimonious(candidate, best, profile, docs)


def parsimonious(
    candidate: ContentProfile, best: float, profile: ContentProfile, docs: list[Page]
) -> tuple[ContentProfile, float]:
    """``candidate`` with every setting that does not earn its move put back to ``profile``'s.

    A stage moves several settings at once; one of them can ride along on another's gain (a near
    tie on a few dozen pages). Each moved setting is put back in turn and stays back when that
    costs less than ``MIN_GAIN`` (all put back together), the bar a profile must clear to move.
    """
    top = best
    for name in PROFILE_FIELDS:
        old = getattr(profile, name)
        if getattr(candidate, name) == old:
            continue
        back = replace(candidate, **{name: old})
        f1 = score(docs, back)
        if f1 > top - MIN_GAIN:  # against the stage's best: the losses of several put back add up
            candidate, best = back, f1
    return candidate, best


def kept_markup(profile: ContentProfile, docs: list[Page]) -> tuple[ContentProfile, float]:
    """``profile`` with the markup switches that earn their place, added greedily.

    A switch is a removal kind whose markup label the walk leaves unheeded (``MARKUP_KINDS``),
    ``hidden_panels`` or ``scoped_headers``. From none, the switch adding the most F1 joins while it
    adds ``SWITCH_GAIN`` and betters ``SWITCH_PAGES`` more pages than it worsens; the type's present
    switches are not assumed (a refit chooses them again).
    """
    current = replace(profile, kept_kinds=frozenset(), hidden_panels=False, scoped_headers=False)
    now = page_scores(docs, current)
    while True:
        best: tuple[float, ContentProfile, list[float]] | None = None
        for switch in (*MARKUP_KINDS, PANELS, SCOPED):
            like: tuple[ContentProfile, list[float], str] | None
            if switch == PANELS:
                if current.hidden_panels:
                    continue
                candidate, like = replace(current, hidden_panels=True), (current, now, "hidden")
            elif switch == SCOPED:
                if current.scoped_headers:
                    continue
                # every page read again: a header another rule walks already changes too
                candidate, like = replace(current, scoped_headers=True), None
            elif switch in current.kept_kinds:
                continue
            else:
                candidate = replace(current, kept_kinds=current.kept_kinds | {switch})
                like = (current, now, switch)
            scores = page_scores(docs, candidate, like=like)
            gain = mean(scores) - mean(now)
            moved = sum(new > old + PAGE_MOVE for new, old in zip(scores, now, strict=True)) - sum(
                new < old - PAGE_MOVE for new, old in zip(scores, now, strict=True)
            )
            if gain >= SWITCH_GAIN and moved >= SWITCH_PAGES and (best is None or gain > best[0]):
                best = (gain, candidate, scores)
        if best is None:
            return current, mean(now)
        _, current, now = best


def from_data(name: str, value: object) -> object:
    """A profile setting as the data file holds it, as the profile holds it."""
    return frozenset(value) if name == "kept_kinds" and isinstance(value, list) else value


def as_data(value: object) -> object:
    """A profile setting as JSON holds it (a set of kinds as a sorted list)."""
    return sorted(value) if isinstance(value, frozenset) else value


def earlier_stages(profile: ContentProfile, best: float, docs: list[Page]) -> tuple[ContentProfile, float]:
    """Stages 1-3: descent, widening and second share; link rules; clean-up."""
    links = {  # stage 1: descent, widening and second share, with the present link rules
        "box_link_share": profile.box_link_share,
        "para_link_share": profile.para_link_share,
        "list_link_share": profile.list_link_share,
        "story_headings": profile.story_headings,
        "linked_items": profile.linked_items,
    }
    grid = [
        ContentProfile(
            reading=profile.reading, descent_share=share, second_share=second, widen_share=widen, **links
        )
        for share in DESCENT_SHARES
        for widen in WIDEN_SHARES
        for second in SECOND_SHARES
    ]
    profile, best = better(profile, best, grid, docs)
    grid = [  # stage 2: link rules and second share, with that descent share
        replace(
            profile,
            second_share=second,
            box_link_share=box,
            para_link_share=para,
            list_link_share=items,
            story_headings=heads,
            linked_items=items_kept,
        )
        for box in BOX_LINK_SHARES
        for para in PARA_LINK_SHARES
        for items in LIST_LINK_SHARES
        for heads in STORY_HEADINGS
        for items_kept in (LINKED_ITEMS if heads else (profile.linked_items,))
        for second in SECOND_SHARES
    ]
    profile, best = better(profile, best, grid, docs)
    grid = [  # stage 3: the clean-up of the winning text
        replace(profile, drop_reviews=reviews) for reviews in CLEAN_UPS
    ]
    profile, best = better(profile, best, grid, docs)
    return profile, best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dry-run", action="store_true", help="do not write the data file")
    ap.add_argument("--types", nargs="+", choices=TYPES, default=TYPES, help="page types to refit")
    ap.add_argument("--markup-only", action="store_true", help="refit the markup switches (stage 4) alone")
    args = ap.parse_args()
    present = json.loads(DATA.read_text(encoding="utf-8"))["profiles"]
    by_type: dict[str, dict[str, list[Page]]] = defaultdict(lambda: defaultdict(list))
    for half in "AB":
        for page in pages(half):
            by_type[page.truth["type"]][half].append(page)
    saved = dict(_profiles.PROFILES)
    chosen: dict[str, dict[str, object]] = {}
    header = ("type", "pages A", "article A", "best A", "profile", "article B", "best B")
    print("{:<14} {:>7} {:>9} {:>7}  {:<22} {:>9} {:>7}".format(*header))
    for page_type, halves in sorted(by_type.items()):
        if page_type not in args.types:
            chosen[page_type] = present[page_type]
            continue
        # the article profile read as this type (its fitted clean-ups kept, as every candidate's)
        article = replace(_profiles.ARTICLE, reading=page_type)
        default = score(halves["A"], article)
        old = present.get(page_type, {})
        incumbent = replace(
            article,
            **{name: from_data(name, old[name]) for name in PROFILE_FIELDS if name in old},
        )
        on_a = score(halves["A"], incumbent)
        print(f"{page_type:<14} shipped profile on A: {on_a:.4f} (article profile {default:.4f})", flush=True)
        profile, best = (incumbent, on_a) if on_a >= default else (article, default)
        if args.markup_only:
            profile, best = incumbent, on_a
        else:
            profile, best = earlier_stages(profile, best, halves["A"])
        # stage 4: the markup switches, each earning its place on its own (``kept_markup``)
        profile, best = kept_markup(profile, halves["A"])
        on_b = score(halves["B"], profile), score(halves["B"], article)
        chosen[page_type] = {
            **{name: as_data(getattr(profile, name)) for name in PROFILE_FIELDS},
            "half_a": {"pages": len(halves["A"]), "article_f1": round(default, 4), "f1": round(best, 4)},
            "half_b": {"pages": len(halves["B"]), "article_f1": round(on_b[1], 4), "f1": round(on_b[0], 4)},
        }
        label = "/".join(str(getattr(profile, name)) for name in PROFILE_FIELDS)
        print(
            f"{page_type:<14} {len(halves['A']):>7} {default:>9.3f} {best:>7.3f}  {label:<22} "
            f"{on_b[1]:>9.3f} {on_b[0]:>7.3f}",
            flush=True,
        )
    _profiles.PROFILES = saved
    if not args.dry_run:
        DATA.write_text(
            json.dumps(
                {
                    "fitted": dt.date.today().isoformat(),
                    "by": "benchmarks/fit_content.py",
                    "data": "WCXB development split, half A (even ids); half B reported, not used",
                    "grid": {
                        "descent_share": DESCENT_SHARES,
                        "second_share": SECOND_SHARES,
                        "box_link_share": BOX_LINK_SHARES,
                        "para_link_share": PARA_LINK_SHARES,
                        "list_link_share": LIST_LINK_SHARES,
                        "story_headings": STORY_HEADINGS,
                        "linked_items": LINKED_ITEMS,
                        "widen_share": WIDEN_SHARES,
                        "drop_reviews": CLEAN_UPS,
                        "kept_kinds": MARKUP_KINDS,
                        "scoped_headers": (False, True),
                        "switch_gain, switch_pages": (SWITCH_GAIN, SWITCH_PAGES),
                    },
                    "min_gain": MIN_GAIN,
                    "profiles": chosen,
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
        print(f"wrote {DATA.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
