"""A theme's layout wrapper ("content-sidebar-wrap", "has-sidebar") holds the page's content as well
as the sidebar beside it: its name labels no chrome. The sidebar itself is still removed."""

from __future__ import annotations

import pytest
from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import extract

TOPICS = ("Schools", "Roads", "Library", "Bridge")
TITLES = tuple(f"{topic} {n}: what the new budget means" for n in range(1, 6) for topic in TOPICS)
SIDEBAR_LINE = "Subscribe to the weekly letter and get the seasonal planner free of charge today."


def _page(wrapper: str, sidebar: str) -> str:
    # a Genesis-style category page: a topic menu and the category's own words above, then its
    # posts (an image and a title each) and the sidebar inside one layout wrapper, which so holds
    # less than half of the page's words
    topics = "".join(f'<li><a href="/topic/{n}/">Topic number {n}</a></li>' for n in range(20))
    posts = "".join(
        f'<article class="post entry"><a href="/post-{n}/"><img src="/img/{n}.jpg" alt=""></a>'
        f'<h2 class="entry-title"><a href="/post-{n}/">{title}</a></h2></article>'
        for n, title in enumerate(TITLES)
    )
    return (
        '<html><body><div class="site-container"><header class="site-header"><a href="/">Home</a></header>'
        f'<div class="tagline"><p>{PARA3}</p></div><div class="topics"><ul>{topics}</ul></div>'
        f'<div class="archive-description"><h1>Budget stories</h1><p>{PARA}</p><p>{PARA2}</p></div>'
        f'<div class="site-inner"><div class="{wrapper}"><main class="content">{posts}</main>'
        f'<div class="{sidebar}"><p>{SIDEBAR_LINE}</p></div></div></div></div></body></html>'
    )


@pytest.mark.parametrize(
    "wrapper",
    [
        "content-sidebar-wrap",  # Genesis
        "content_sidebar",
        "sidebar-content",
        "has-sidebar",
        "with-sidebar",
        "no-sidebar",
        "wrap with_sidebar",
    ],
)
def test_content_inside_a_layout_wrapper_is_kept(wrapper: str) -> None:
    text = extract(_page(wrapper, "sidebar"), config=NATIVE).body
    assert TITLES[0] in text
    assert TITLES[-1] in text


@pytest.mark.parametrize("sidebar", ["sidebar", "widget-sidebar", "sidebar-content blog-sidebar"])
def test_the_sidebar_itself_is_still_removed(sidebar: str) -> None:
    text = extract(_page("content-sidebar-wrap", sidebar), config=NATIVE).body
    assert TITLES[0] in text
    assert SIDEBAR_LINE not in text
