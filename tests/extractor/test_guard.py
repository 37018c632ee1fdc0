"""Guards: deep nesting and the per-page time limit end in ExtractError, never in a hang or a crash."""

from __future__ import annotations

import pytest

from newsscrape import ExtractConfig, ExtractError, extract
from newsscrape.extractor._guard import Deadline, check_markup

TEXT = "<p>" + "A sentence long enough to count as a paragraph of an article. " * 5 + "</p>"


@pytest.mark.parametrize("tag", ["div", "section", "blockquote", "span", "b"])
@pytest.mark.parametrize("depth", [10_000, 50_000])
def test_deep_nesting_is_too_deep(tag: str, depth: int) -> None:
    with pytest.raises(ExtractError) as info:
        extract(f"<html><body>{f'<{tag}>' * depth}{TEXT}</body></html>")
    assert info.value.reason == "too_deep"


def test_deep_balanced_nesting_is_too_deep() -> None:
    html = "<html><body>" + "<div>" * 20_000 + TEXT + "</div>" * 20_000 + "</body></html>"
    with pytest.raises(ExtractError) as info:
        extract(html)
    assert info.value.reason == "too_deep"


def test_depth_limit_is_configurable() -> None:
    html = "<html><body>" + "<div>" * 50 + TEXT + "</body></html>"
    with pytest.raises(ExtractError) as info:
        extract(html, config=ExtractConfig(max_depth=20))
    assert info.value.reason == "too_deep"


def test_nesting_under_the_limit_is_extracted() -> None:
    html = "<html><body>" + "<div>" * 100 + TEXT * 3 + "</div>" * 100 + "</body></html>"
    assert "paragraph of an article" in extract(html).body


def test_many_void_and_paragraph_tags_are_not_nesting() -> None:
    # thousands of <p>/<br>/<img> without end tags do not nest: not too deep
    html = (
        "<html><body><div>"
        + "<p>Some words here, and more words.<br><img src=x>" * 5000
        + "</div></body></html>"
    )
    check_markup(html, max_depth=2000)


def test_time_limit_is_timed_out() -> None:
    html = "<html><body>" + TEXT * 200 + "</body></html>"
    with pytest.raises(ExtractError) as info:
        extract(html, config=ExtractConfig(time_limit=1e-9))
    assert info.value.reason == "timed_out"


def test_deadline_not_spent_passes() -> None:
    Deadline(60.0).check()


def test_deadline_spent_raises() -> None:
    deadline = Deadline(1e-9, url="https://example.com/")
    with pytest.raises(ExtractError) as info:
        deadline.check()
    assert info.value.reason == "timed_out"
    assert info.value.url == "https://example.com/"


def test_foreign_exception_becomes_internal_extract_error() -> None:
    # a stage failing with someone else's exception (here: a list where markup belongs) is
    # converted once, at the boundary, so a batch records it and goes on
    with pytest.raises(ExtractError) as info:
        extract(["<p>not markup</p>"])  # type: ignore[arg-type]
    assert info.value.reason == "internal"
    assert isinstance(info.value.__cause__, Exception)


def test_tags_inside_scripts_are_not_nesting() -> None:
    # a JS template that opens thousands of divs in strings is text to the parser, not nesting
    script = "<script>var t = '" + "<div>" * 5000 + "';</script>"
    html = f"<html><head>{script}</head><body><article>{TEXT * 3}</article></body></html>"
    assert "paragraph of an article" in extract(html).body
