"""Article.to_markdown prints the headline once, under ``# title``, when the body opens with it."""

from __future__ import annotations

from newsscrape.models import Article, ListBlock, Paragraph, Section

URL = "https://example.com/news/1"


def _markdown(sections: tuple[Section, ...], title: str | None = "Summit ends in a deal") -> list[str]:
    return Article(url=URL, title=title, sections=sections).to_markdown(front_matter=False).splitlines()


def test_a_first_paragraph_that_is_the_title_is_not_printed_again() -> None:
    lead = Section(
        heading=None,
        level=0,
        blocks=(Paragraph(text="Summit  ends in a DEAL"), Paragraph(text="Leaders met.")),
    )
    assert _markdown((lead,)) == ["# Summit ends in a deal", "", "Leaders met."]


def test_a_first_heading_that_is_the_title_is_not_printed_again_its_blocks_are() -> None:
    first = Section(heading="Summit ends in a deal", level=2, blocks=(Paragraph(text="Leaders met."),))
    assert _markdown((first,)) == ["# Summit ends in a deal", "", "Leaders met."]


def test_the_title_said_later_in_the_body_stays() -> None:
    lead = Section(heading=None, level=0, blocks=(Paragraph(text="Leaders met."),))
    later = Section(
        heading="Summit ends in a deal", level=2, blocks=(Paragraph(text="Summit ends in a deal"),)
    )
    assert _markdown((lead, later)) == [
        "# Summit ends in a deal",
        "",
        "Leaders met.",
        "",
        "## Summit ends in a deal",
        "",
        "Summit ends in a deal",
    ]


def test_a_first_block_that_only_opens_with_the_title_or_is_no_paragraph_stays() -> None:
    lead = Section(heading=None, level=0, blocks=(Paragraph(text="Summit ends in a deal, officials say."),))
    assert _markdown((lead,))[2] == "Summit ends in a deal, officials say."
    listed = Section(heading=None, level=0, blocks=(ListBlock(items=("Summit ends in a deal",)),))
    assert _markdown((listed,))[2] == "- Summit ends in a deal"


def test_no_title_prints_every_block() -> None:
    lead = Section(heading=None, level=0, blocks=(Paragraph(text="Summit ends in a deal"),))
    assert _markdown((lead,), title=None) == ["Summit ends in a deal"]


def test_a_body_without_sections_leaves_out_a_first_paragraph_that_is_the_title() -> None:
    article = Article(url=URL, title="Summit ends", body="Summit ends\n\nLeaders met.")
    assert article.to_markdown(front_matter=False).splitlines() == ["# Summit ends", "", "Leaders met."]
    assert article.body == "Summit ends\n\nLeaders met."  # the record keeps it
