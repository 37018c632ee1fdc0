"""What an untyped caller may hand ``crawl``: a list with a None or bytes in it gives that item an
error record and every other URL its own; one URL string instead of a list is refused at once."""

from __future__ import annotations

from typing import Any

import pytest
from crawl_support import FAST, by_url, quick_extract, run_crawl

from faultserver import FaultServer
from newsscrape.crawler import crawl_sync
from newsscrape.models import Article, ErrorRecord


def test_a_non_str_item_is_an_error_record_and_the_other_urls_are_kept(fault_server: FaultServer) -> None:
    good = fault_server.url("/page/a")
    urls: list[Any] = [None, good, b"http://example.com/1", 5]
    records = by_url(run_crawl(urls, extract_fn=quick_extract))
    assert isinstance(records[good], Article)
    for item, name in ((None, "NoneType"), (b"http://example.com/1", "bytes"), (5, "int")):
        record = records[repr(item)]
        assert isinstance(record, ErrorRecord)
        assert record.kind == "invalid_url"
        assert record.message == f"invalid URL {item!r}: not a str but {name}"


@pytest.mark.parametrize("one", ["http://example.com/1", b"http://example.com/1"])
def test_one_url_instead_of_a_list_is_refused_at_once(one: Any) -> None:
    with pytest.raises(TypeError, match="an iterable of URLs, not one URL"):
        crawl_sync(one, config=FAST)
