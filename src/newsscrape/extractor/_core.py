"""The extraction pipeline: bytes/str -> Article (and the same run, recorded, for ``explain``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from ..config import ExtractConfig
from ..errors import ExtractError
from ..models import Article, Section
from ._charset import decode_html
from ._content import Block, Content, Removed, extract_content
from ._dates import as_timestamp
from ._guard import Deadline, check_markup, check_tree
from ._metadata import Metadata, read_metadata
from ._text import count_words

_DEFAULT = ExtractConfig()


@dataclass(slots=True, kw_only=True)
class Explanation:
    """What ``extract`` did on one page: the article node, every removed block, metadata sources."""

    article: Article
    container: str | None
    method: str
    removed: list[Removed] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)


def extract(
    html: bytes | str,
    url: str | None = None,
    *,
    final_url: str | None = None,
    charset: str | None = None,
    config: ExtractConfig | None = None,
) -> Article:
    """Turn one HTML page into an Article.

    >>> article = extract(open("page.html", "rb").read(), url="https://example.com/news/1")
    >>> article.title, article.headings
    """
    return _run(html, url, final_url=final_url, charset=charset, config=config or _DEFAULT).article


def explain(
    html: bytes | str,
    url: str | None = None,
    *,
    final_url: str | None = None,
    charset: str | None = None,
    config: ExtractConfig | None = None,
) -> Explanation:
    """Run ``extract`` and report which node was taken, what was removed and why, and metadata sources.

    >>> report = explain(open("page.html", "rb").read(), url="https://example.com/news/1")
    >>> report.container, [(r.kind, r.reason) for r in report.removed]
    """
    return _run(html, url, final_url=final_url, charset=charset, config=config or _DEFAULT)


def _run(
    html: bytes | str, url: str | None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Explanation:
    try:
        return _stages(html, url, final_url=final_url, charset=charset, config=config)
    except ExtractError:
        raise
    except RecursionError as exc:  # belt and braces: our walks are iterative, a dependency's may not be
        raise ExtractError("markup nests too deeply", url=url, reason="too_deep") from exc
    except Exception as exc:  # any other stage failure is a bug; the batch goes on with a record
        raise ExtractError(
            f"internal error: {type(exc).__name__}: {exc}", url=url, reason="internal"
        ) from exc


def _stages(
    html: bytes | str, url: str | None, *, final_url: str | None, charset: str | None, config: ExtractConfig
) -> Explanation:
    deadline = Deadline(config.time_limit, url=url)
    text = decode_html(html, http_charset=charset, url=url) if isinstance(html, bytes) else html
    if not text.strip():
        raise ExtractError("the document is empty", url=url, reason="empty")
    # lexbor is quadratic on deep block nesting: refuse such markup before parsing it
    odd = check_markup(text, max_depth=config.max_depth, url=url)
    tree = LexborHTMLParser(text)
    if odd and tree.root is not None:  # the tree can nest deeper than the tags say (implied elements)
        check_tree(tree.root, max_depth=config.max_depth, url=url)
    deadline.check()
    meta = read_metadata(tree, url=final_url or url)
    deadline.check()
    content = extract_content(tree, html=text, meta=meta, deadline=deadline, config=config, url=url)
    if not content.blocks:
        raise ExtractError("no article text found", url=url, reason="no_body")
    article = _build(url, final_url, meta, content)
    return Explanation(
        article=article,
        container=content.container,
        method=content.method,
        removed=content.removed,
        sources=dict(meta.sources),
    )


def _build(url: str | None, final_url: str | None, meta: Metadata, content: Content) -> Article:
    sections = _sections(content.blocks)
    body = "\n\n".join(b.text for b in content.blocks)
    return Article(
        url=url,
        final_url=final_url or url,
        canonical_url=meta.canonical_url,
        title=meta.title,
        headings=tuple(b.text for b in content.blocks if b.level),
        sections=sections,
        body=body,
        published=as_timestamp(meta.published) if meta.published else None,
        modified=as_timestamp(meta.modified) if meta.modified else None,
        authors=meta.authors,
        section=meta.section,
        breadcrumbs=meta.breadcrumbs,
        tags=meta.tags,
        language=meta.language,
        site_name=meta.site_name,
        description=meta.description,
        image=meta.image,
        word_count=count_words(body),
    )


def _sections(blocks: list[Block]) -> tuple[Section, ...]:
    """Group paragraphs under the heading before them; the lead (before any heading) has heading None."""
    out: list[Section] = []
    heading: str | None = None
    level = 0
    paras: list[str] = []
    for block in blocks:
        if block.level:
            if heading is not None or paras:
                out.append(Section(heading=heading, level=level, paragraphs=tuple(paras)))
            heading, level, paras = block.text, block.level, []
        else:
            paras.append(block.text)
    if heading is not None or paras:
        out.append(Section(heading=heading, level=level, paragraphs=tuple(paras)))
    return tuple(out)
