"""Service landing pages: markup that hides a page's text from the block walk or lets a second
reading made of the site's menus outweigh it.

- A Google Tag Manager ``<noscript><iframe .../></noscript>`` written self-closed takes the rest of
  the document as the frame's raw text in a parser that reads ``<noscript>`` as markup; a browser
  shows that rest as the page (``_chrome._reopen_swallowed``).
"""

from __future__ import annotations

import pytest
from prose import NATIVE, PARA, PARA2, PARA3

import newsscrape

SITE = "https://render.example.com"
GTM = '<iframe src="https://www.googletagmanager.com/ns.html?id=GTM-X1" height="0" width="0"/>'


@pytest.mark.parametrize(
    "before",
    [
        f"<body><noscript>{GTM}</noscript>",  # the pixel opens the body, as most sites print it
        f"<noscript>{GTM}</noscript><body>",  # in <head>: the parser moves the frame into <body>
    ],
)
def test_a_self_closed_frame_in_noscript_leaves_the_page_after_it(before: str) -> None:
    html = (
        f"<html><head><title>Hosting</title></head>{before}<main><h1>Your fastest path to production</h1>"
        f"<p>{PARA}</p><h2>Deploy your code</h2><p>{PARA2}</p><p>{PARA3}</p></main>"
        "<script>window.dataLayer = [];</script></body></html>"
    )
    article = newsscrape.extract(html, url=f"{SITE}/", config=NATIVE)
    assert article.body.split("\n\n") == [PARA, "Deploy your code", PARA2, PARA3]
    assert article.headings == ("Deploy your code",)
