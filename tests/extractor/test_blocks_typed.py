"""Sections carry typed blocks (list, table, quote, code, caption) while ``body`` stays plain text."""

from __future__ import annotations

from newsscrape import extract
from newsscrape.config import ExtractConfig
from newsscrape.models import Caption, Code, Link, ListBlock, Paragraph, Quote, Table

URL = "https://example.com/news/2024/summit"
PROSE = "The delegates met for a second day and argued over the wording of the final text. " * 4


def page(inner: str) -> str:
    """A story long enough for the native pass to be sure of itself, with ``inner`` in the middle."""
    return f"""<!DOCTYPE html><html lang="en"><head><title>Summit ends</title></head><body>
<article><h1>Summit ends</h1>
<p>{PROSE}</p>
{inner}
<p>{PROSE.replace("second", "third")}</p>
</article></body></html>"""


def blocks_of(html: str, *, links: bool = False) -> list[object]:
    article = extract(html, url=URL, config=ExtractConfig(links=links))
    return [block for section in article.sections for block in section.blocks]


def test_lists_are_list_blocks_ordered_or_not() -> None:
    html = page("<ul><li>Trade rules</li><li>Fishing rights</li></ul><ol><li>Sign</li><li>Ratify</li></ol>")
    blocks = blocks_of(html)
    assert ListBlock(items=("Trade rules", "Fishing rights"), ordered=False) in blocks
    assert ListBlock(items=("Sign", "Ratify"), ordered=True) in blocks


def test_a_nested_list_is_flattened_into_its_outer_list() -> None:
    html = page("<ul><li>Trade<ul><li>tariffs</li><li>quotas</li></ul></li><li>Fishing</li></ul>")
    lists = [b for b in blocks_of(html) if isinstance(b, ListBlock)]
    assert lists == [ListBlock(items=("Trade", "tariffs", "quotas", "Fishing"))]


def test_a_data_table_keeps_its_rows_cells_and_header() -> None:
    html = page(
        "<table><thead><tr><th>Country</th><th>Votes</th></tr></thead>"
        "<tbody><tr><td>Norway</td><td>12</td></tr><tr><td></td><td>3</td></tr></tbody></table>"
    )
    tables = [b for b in blocks_of(html) if isinstance(b, Table)]
    assert tables == [Table(rows=(("Country", "Votes"), ("Norway", "12"), ("", "3")), header=True)]


def test_a_table_of_td_cells_has_no_header() -> None:
    html = page("<table><tr><td>Norway</td><td>12</td></tr><tr><td>Chile</td><td>9</td></tr></table>")
    tables = [b for b in blocks_of(html) if isinstance(b, Table)]
    assert tables == [Table(rows=(("Norway", "12"), ("Chile", "9")), header=False)]


def test_quote_code_and_figure_caption() -> None:
    html = page(
        "<blockquote><p>We have a deal.</p><p>It holds.</p></blockquote>"
        '<figure><img src="/a.jpg"><figcaption>Delegates at the table.</figcaption></figure>'
        "<pre>def vote(x):\n    return x  # ``` inside\n</pre>"
    )
    blocks = blocks_of(html)
    assert Quote(paragraphs=("We have a deal.", "It holds.")) in blocks
    assert Code(text="def vote(x):\n    return x  # ``` inside") in blocks
    assert Caption(text="Delegates at the table.") in blocks
    assert blocks.index(Caption(text="Delegates at the table.")) < blocks.index(
        Code(text="def vote(x):\n    return x  # ``` inside")
    )


def test_body_and_paragraphs_stay_the_flat_text_of_before() -> None:
    html = page(
        "<ul><li>Trade rules</li><li>Fishing rights</li></ul>"
        "<table><tr><th>Country</th><th>Votes</th></tr><tr><td>Norway</td><td>12</td></tr></table>"
        '<figure><img src="/a.jpg"><figcaption>Delegates at the table.</figcaption></figure>'
        "<blockquote><p>We have a deal.</p></blockquote>"
    )
    article = extract(html, url=URL)
    middle = "Trade rules\n\nFishing rights\n\nCountry | Votes\n\nNorway | 12\n\nWe have a deal."
    assert middle in article.body
    assert "Delegates at the table" not in article.body  # a caption is no part of the body
    assert "\n\n".join(p for s in article.sections for p in s.paragraphs) == article.body


def test_links_are_kept_only_when_asked_resolved_against_the_page() -> None:
    html = page(
        '<p>The text was <a href="/docs/final.pdf">published in full</a> and '
        '<a href="http://[::1/broken">a broken link</a> stays text, as does '
        '<a href="javascript:void(0)">a script link</a>, for readers who want it here.</p>'
        '<ul><li><a href="https://other.example/report">Report</a> on trade</li></ul>'
    )
    assert not any(getattr(b, "links", ()) for b in blocks_of(html))
    blocks = blocks_of(html, links=True)
    para = next(b for b in blocks if isinstance(b, Paragraph) and "published in full" in b.text)
    assert para.links == (Link(text="published in full", url="https://example.com/docs/final.pdf"),)
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    assert lists[0].links == (Link(text="Report", url="https://other.example/report"),)


def test_links_do_not_change_the_body() -> None:
    html = page('<p>See <a href="/a">the annex</a> for the numbers behind the agreement and more.</p>')
    plain = extract(html, url=URL)
    linked = extract(html, url=URL, config=ExtractConfig(links=True))
    assert linked.body == plain.body
    assert linked.to_dict()["sections"] != plain.to_dict()["sections"]
    assert "links" not in str(plain.to_dict())
