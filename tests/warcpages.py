"""Pages as WARC exchanges, for the tests that write WARC files and read them back (archive, dask)."""

from __future__ import annotations

from faultserver import article_html
from newsscrape.archive import HttpExchange


def exchange(url: str, body: str, status: int = 200) -> HttpExchange:
    """One GET of ``url`` answered with ``body`` as UTF-8 HTML."""
    return HttpExchange(
        method="GET",
        url=url,
        request_headers=[("Host", "example.com")],
        http_version="HTTP/1.1",
        status=status,
        reason="OK",
        response_headers=[("Content-Type", "text/html; charset=utf-8")],
        body=body.encode(),
    )


def long_article(i: int) -> str:
    """About 20 KB of text a page, in paragraphs too long for the extractor's wording caches."""
    words = f"the council of town {i} met again on Monday to argue about the harbour budget, " * 4
    paragraphs = "".join(f"<p>Paragraph {k}: {words}</p>" for k in range(60))
    return article_html(f"story {i}").replace("</article>", paragraphs + "</article>")
