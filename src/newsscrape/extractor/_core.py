"""The extraction pipeline: bytes/str -> Article (and the same run, recorded, for ``explain``)."""

from __future__ import annotations

import functools
from dataclasses import replace

from selectolax.lexbor import LexborHTMLParser

from .. import models
from ..config import ExtractConfig
from ..errors import ExtractError
from ..models import Article, Section
from ._charset import decode_page, has_mojibake, refuse_documents, undo_mojibake
from ._explanation import Explanation
from ._guard import Deadline, check_markup, check_tree, tame_attributes
from ._nodes import drop_icon_names
from ._pagetype import classify, content_signals, page_signals
from ._plaintext import plain_text_page
from ._text import count_words, unglue, valid_text, valid_utf8
from ._urls import saved_from
from .content._content import SECOND_OPINION_RESERVE, Block, extract_content, reading_type
from .content._profiles import ARTICLE, profile_for
from .content._result import Content
from .content._tidy import drop_trailing_headings, drop_wordless
from .metadata._dates import as_timestamp
from .metadata._language import detect_language, fits_text
from .metadata._metadata import Candidate, Metadata, read_metadata

_DEFAULT = ExtractConfig()
# The title and the opening paragraphs tell a page's language; a few hundred words are plenty.
LANGUAGE_SAMPLE_BLOCKS = 20
LANGUAGE_SAMPLE_CHARS = 2000
# Pages of other pages' cards: a byline printed in their text is a card's, the writer of one story
# the page lists ("By Jane Doe" under the first teaser), not the page's author. What their
# structured fields credit stays: a blog's index names its owner there. WCXB half A: 13 pages of
# 13 sites credited a card's writer, a book's author or a shop's brand from their text; none of
# their truths does.
CARD_PAGES = ("listing", "collection")


def extract(
    html: bytes | str,
    url: str | None = None,
    *,
    final_url: str | None = None,
    charset: str | None = None,
    config: ExtractConfig | None = None,
) -> Article:
    """Turn one HTML page into an Article. ``url`` is the address the page was asked for (and
    ``final_url`` the one it was served from after redirects); without them the page is read at the
    address a browser saved it from (its "saved from url" mark), else at the one it declares for
    itself (its canonical link, else og:url), and the record's ``url`` is None.

    >>> html = (
    ...     b"<html><head><title>Rain returns | Daily</title></head><body>"
    ...     b'<nav><a href="/">Home</a></nav><article><h1>Rain returns</h1>'
    ...     b"<p>The rain came back to the valley on Monday after a dry month of heat and dust.</p>"
    ...     b"<h2>Farmers</h2><p>Farmers welcomed the change and said most crops would recover.</p>"
    ...     b"</article></body></html>"
    ... )
    >>> article = extract(html, url="https://example.com/news/1")
    >>> article.title, article.headings
    ('Rain returns', ('Farmers',))
    """
    return _run(
        html, url, final_url=final_url, charset=charset, config=config or _DEFAULT, explain=False
    ).article


def explain(
    html: bytes | str,
    url: str | None = None,
    *,
    final_url: str | None = None,
    charset: str | None = None,
    config: ExtractConfig | None = None,
) -> Explanation:
    """Run ``extract`` and report which node was taken, what was removed and why, and metadata sources.

    >>> html = (
    ...     b"<html><head><title>Rain returns | Daily</title></head><body>"
    ...     b'<nav><a href="/">Home</a></nav><article><h1>Rain returns</h1>'
    ...     b"<p>The rain came back to the valley on Monday after a dry month of heat and dust.</p>"
    ...     b"</article></body></html>"
    ... )
    >>> report = explain(html, url="https://example.com/news/1")
    >>> report.container, [(r.kind, r.reason) for r in report.removed]
    ('body > article', [('nav', 'page-wide chrome'), ('title', '<h1> element')])
    """
    return _run(html, url, final_url=final_url, charset=charset, config=config or _DEFAULT, explain=True)


def _run(
    html: bytes | str,
    url: str | None,
    *,
    final_url: str | None,
    charset: str | None,
    config: ExtractConfig,
    explain: bool,
) -> Explanation:
    if isinstance(html, bytearray | memoryview):
        html = bytes(html)
    elif not isinstance(html, str | bytes):  # a caller's slip (None, a Response), not a page's fault
        raise TypeError(f"a page is read from str or bytes, not {type(html).__name__}")
    deadline = Deadline(config.time_limit, url=url)
    try:
        # stage by stage the deadline is checked; this stops a stage that overruns it (10 MB of
        # tiny paragraphs, say) at its next Python instruction
        explanation = deadline.run(
            _stages,
            html,
            url,
            final_url=final_url,
            charset=charset,
            config=config,
            deadline=deadline,
            explain=explain,
            at_least=0,
        )
    except ExtractError:
        raise
    except RecursionError as exc:  # belt and braces: our walks are iterative, a dependency's may not be
        raise ExtractError("markup nests too deeply", url=url, reason="too_deep") from exc
    except Exception as exc:  # any other stage failure is a bug; the batch goes on with a record
        raise ExtractError(
            f"internal error: {type(exc).__name__}: {exc}", url=url, reason="internal"
        ) from exc
    if explanation is None:
        raise deadline.expired()
    return explanation


def _stages(
    html: bytes | str,
    url: str | None,
    *,
    final_url: str | None,
    charset: str | None,
    config: ExtractConfig,
    deadline: Deadline,
    explain: bool,
) -> Explanation:
    # the caller's URLs end up in the record too (and relative links resolve against them)
    url = valid_text(url) if url else url
    final_url = valid_text(final_url) if final_url else final_url
    if isinstance(html, bytes):
        text, utf8 = decode_page(html, http_charset=charset, url=url)
    else:  # given as text: what decoding would have refused, it refuses too
        refuse_documents(html, url=url)
        text, utf8 = html, None
    text, utf8 = valid_utf8(text, utf8)  # a str may carry lone surrogates; no record may
    encoded = text  # the text utf8 holds
    if has_mojibake(utf8):  # encoded twice upstream: undone while at most half the budget is spent
        text = deadline.run(undo_mojibake, text, reserve=deadline.limit / 2) or text
    if not text or text.isspace():  # (not text.strip(), which copies the page to look at it)
        raise ExtractError("the document is empty", url=url, reason="empty")
    text = plain_text_page(text) or text  # no markup at all: its paragraphs are its blank lines
    # lexbor is quadratic in the attributes of one tag: keep the first few hundred of each
    text = tame_attributes(text)
    text = unglue(text)  # words the markup prints apart, in boxes of their own
    # lexbor reads UTF-8: the bytes valid_utf8 made, unless a repair has changed the text since
    tree = _parse(text, utf8 if text is encoded else None, config, url=url)
    drop_icon_names(tree, text)  # an icon font's "chevron_right" is a glyph on screen, no word
    deadline.check()
    # Markup given without its URL is read at the address a browser saved it from, else at the one
    # it declares for itself (rel=canonical, og:url: ``Page.read``), by every pass: its host tells a
    # site's name in a title and the site's own links from others' (WCXB read without URLs: half A
    # 0.8834 -> 0.8858, half B 0.8717 -> 0.8731). The record keeps the caller's URLs.
    saved = None if url or final_url else saved_from(text)
    meta = read_metadata(tree, url=final_url or url or saved, explain=explain)
    address = meta.address
    # page-type signals come from the tree before the content pass edits it
    signals = page_signals(tree, text, url=address, meta=meta)
    deadline.check()
    # links resolve against the address the page was served from (or the one its <base href> names)
    read = functools.partial(
        extract_content,
        tree,
        html=text,
        meta=meta,
        deadline=deadline,
        config=config,
        url=url or address,
        base_url=address,
    )
    content = read(junk_stripped=True, explain=explain)  # stripped by page_signals
    if not content.blocks:  # the page's metadata still goes into the error record
        found = _build(url, final_url, meta, content, page_type=None)
        raise ExtractError("no article text found", url=url, reason="no_body", metadata=found)
    # the page-type model was fitted on readings that dropped the headings now kept as the story's
    # items (``Content.item_headings``): it weighs the reading without them
    items = {id(block) for block in content.item_headings}
    kind = classify(signals | content_signals(block for block in content.blocks if id(block) not in items))
    profile = profile_for(reading_type(kind.label, kind.probabilities))
    # Read as the type it is: on the same tree, whose page-wide chrome the first reading removed
    # (the container choice and the block walk only read it). Not when the first reading spent the
    # budget (a second opinion stopped for time leaves only its reserve): a page that cannot be
    # read twice in time keeps its first reading rather than timing out.
    readings = list(content.readings or [])
    if profile != ARTICLE and deadline.remaining() > 2 * SECOND_OPINION_RESERVE:
        again = read(profile=profile, again=content, explain=explain)
        if again.blocks:
            content = again
            readings = [replace(r, won=False) for r in readings]  # the first reading's text is not taken
        readings += again.readings or []
    drop_wordless(content)
    if profile == ARTICLE:
        drop_trailing_headings(content)
    if kind.label in CARD_PAGES and meta.sources.get("authors") == "dom":
        _credit_structured_authors(meta)
    _check_language(meta, content)
    article = _build(url, final_url, meta, content, kind.label)
    return Explanation(
        page_type=kind,
        article=article,
        container=content.container,
        method=content.method,
        removed=content.removed,
        readings=readings,
        sources=dict(meta.sources),
        candidates=meta.candidates,
        address=address,
        address_from=_address_from(final_url or url, saved, address),
    )


def _address_from(given: str | None, saved: str | None, address: str | None) -> str | None:
    """Where the address a page was read at came from, for ``explain``."""
    if given:
        return "the caller"
    if saved:
        return "the page's saved-from mark"
    return "the address the page declares" if address else None


def _parse(text: str, utf8: bytes | None, config: ExtractConfig, *, url: str | None) -> LexborHTMLParser:
    """The tree of ``text``, given its UTF-8 encoding too when the caller has it (else lexbor's
    wrapper encodes it again)."""
    # lexbor is quadratic on deep block nesting: refuse such markup before parsing it
    odd = check_markup(text, max_depth=config.max_depth, url=url)
    tree = LexborHTMLParser(text if utf8 is None else utf8)
    if odd and tree.root is not None:  # the tree can nest deeper than the tags say (implied elements)
        check_tree(tree.root, max_depth=config.max_depth, url=url)
    return tree


def _build(
    url: str | None, final_url: str | None, meta: Metadata, content: Content, page_type: str | None
) -> Article:
    sections = _sections(_with_captions(content.blocks, content.captions))
    # the body is the sections' text, so the two cannot disagree: a code block the walk read as
    # several paragraphs (a <pre> of one <div> per line) is one paragraph of each
    body = "\n\n".join(text for s in sections for text in ((s.heading,) if s.heading else ()) + s.paragraphs)
    found = meta.record  # the metadata fields, as the record carries them
    return replace(
        found,
        url=url,
        final_url=final_url or url,
        headings=tuple(b.text for b in content.blocks if b.level),
        sections=sections,
        body=body,
        published=as_timestamp(found.published) if found.published else None,
        modified=as_timestamp(found.modified) if found.modified else None,
        word_count=count_words(body),
        page_type=page_type,
    )


def _credit_structured_authors(meta: Metadata) -> None:
    """A page of cards (``CARD_PAGES``) is credited to whom its structured fields name, or nobody.
    Under ``explain`` the printed byline that won before is marked lost and the structured value
    won, so the report agrees with the record."""
    names, source = meta.structured_authors
    meta.choose("authors", names, source)
    if not meta.candidates:  # not explaining
        return
    winner = next(
        (
            n
            for n, c in enumerate(meta.candidates)
            if c.field == "authors" and (c.source, c.value) == (source, names)
        ),
        None,
    )
    meta.candidates[:] = [
        c._replace(won=n == winner) if c.field == "authors" else c for n, c in enumerate(meta.candidates)
    ]
    if winner is None and source is not None:
        meta.candidates.append(Candidate("authors", source, "structured fields", names, True))


def _check_language(meta: Metadata, content: Content) -> None:
    """A page that declares no language, or one its body refutes, gets the language of its text."""
    sample = "\n".join([meta.record.title or "", *(b.text for b in content.blocks[:LANGUAGE_SAMPLE_BLOCKS])])
    sample = sample[:LANGUAGE_SAMPLE_CHARS]
    declared = meta.record.language
    if declared is not None and fits_text(declared, sample):
        return
    detected = detect_language(sample)
    meta.choose("language", detected, "text" if detected else None)


def _sections(blocks: list[Block]) -> tuple[Section, ...]:
    """Group paragraphs under the heading before them (the lead, before any heading, has heading
    None), and consecutive paragraphs of one list, table, quote, code or caption into its block."""
    out: list[Section] = []
    heading: str | None = None
    level = 0
    typed: list[models.Block] = []
    run: list[Block] = []
    for block in blocks:
        if block.level:
            if run:
                typed.append(_typed(run))
            if heading is not None or typed:
                out.append(Section(heading=heading, level=level, blocks=tuple(typed)))
            heading, level, typed, run = block.text, block.level, [], []
        elif run and block.group and block.group == run[0].group and block.kind == run[0].kind:
            run.append(block)
        else:
            if run:
                typed.append(_typed(run))
            run = [block]
    if run:
        typed.append(_typed(run))
    if heading is not None or typed:
        out.append(Section(heading=heading, level=level, blocks=tuple(typed)))
    return tuple(out)


def _with_captions(blocks: list[Block], captions: list[tuple[int, Block]]) -> list[Block]:
    """The body's blocks with the figure captions (no part of the body) back in their places."""
    if not captions:
        return blocks
    merged: list[Block] = []
    pending = iter(captions)
    nxt = next(pending, None)
    for n, block in enumerate(blocks):
        while nxt is not None and nxt[0] <= n:
            merged.append(nxt[1])
            nxt = next(pending, None)
        merged.append(block)
    merged += [caption for _, caption in ([nxt] if nxt is not None else [])]
    merged += [caption for _, caption in pending]
    return merged


def _typed(run: list[Block]) -> models.Block:
    """One typed block from the paragraphs of one element (a single paragraph of prose, mostly)."""
    first = run[0]
    links = tuple(link for block in run for link in block.links)
    if first.kind == "paragraph":
        return models.Paragraph(text=first.text, links=links)
    if first.kind == "list":
        return models.ListBlock(items=tuple(b.text for b in run), ordered=first.ordered, links=links)
    if first.kind == "table":
        return models.Table(rows=tuple(b.cells for b in run), header=first.header, links=links)
    if first.kind == "quote":
        return models.Quote(paragraphs=tuple(b.text for b in run), links=links)
    if first.kind == "code":
        return models.Code(text="\n".join(b.raw or b.text for b in run).strip("\n"))
    return models.Caption(text=" ".join(b.text for b in run), links=links)
