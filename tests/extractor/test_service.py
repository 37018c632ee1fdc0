"""Service landing pages: markup that hides a page's text from the block walk or lets a second
reading made of the site's menus outweigh it.

- A Google Tag Manager ``<noscript><iframe .../></noscript>`` written self-closed takes the rest of
  the document as the frame's raw text in a parser that reads ``<noscript>`` as markup; a browser
  shows that rest as the page (``_chrome._reopen_swallowed``).
- A mega-menu of promotional paragraphs inside the site's ``<nav>``: trafilatura reads it as prose
  beside a short service text; its lines found only in the menus removed as page-wide chrome do not
  weigh when the two readings are compared (``_pagewide.MENU_KINDS``).
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


PROMOS = (
    "Our cloud team helped a regional bank move its ledgers to a managed platform in six weeks, "
    "and the bank now closes its books two days sooner every month.",
    "Read how a hospital group used our analytics practice to cut the waiting time in its emergency "
    "rooms by a third while keeping the same staff on every shift.",
    "Join our webinar on the practical steps that utility companies can take to bring automation to "
    "their field crews without replacing the systems they already trust.",
    "Download the readiness assessment that shows where your organisation stands on its path to "
    "artificial intelligence and which investments pay back first.",
)
SERVICE = (
    "We audit your networks and rank every weakness we find by the harm it could do.",
    "Our analysts watch your systems around the clock and call you when an alert is real.",
)


def test_a_mega_menu_read_by_trafilatura_does_not_outweigh_the_service_text() -> None:
    menu = "".join(
        f"<div class='mega-dropdown'><h2><a href='/services/{n}'>Services {n}</a></h2>"
        f"<div class='dropdown-section'><p>{promo}</p></div></div>"
        for n, promo in enumerate(PROMOS)
    )
    html = (
        "<html><head><title>Cybersecurity services</title></head><body>"
        f"<header><nav class='navbar' role='navigation'>{menu}</nav></header>"
        "<main><h1>Cybersecurity services</h1>"
        + "".join(f"<p>{text}</p>" for text in SERVICE)
        + "</main><footer><p>Copyright 2025 Example Consulting</p></footer></body></html>"
    )
    body = newsscrape.extract(html, url="https://consult.example.com/services/security/").body
    assert body.split("\n\n") == list(SERVICE)
    for promo in PROMOS:
        assert promo not in body
