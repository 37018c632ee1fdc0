"""The crawl's input from a file or a pipe: each line reaches the crawl as soon as it is read, not
once 512 lines (or the end) came (`slow-producer | newsscrape crawl -` crawled nothing meanwhile)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest

from newsscrape.crawler._reader import READ_BATCH, stream_lines


def test_a_line_is_handed_over_while_the_source_waits_for_the_next() -> None:
    later = threading.Event()

    def pipe() -> Iterator[str]:  # one URL now, the next one later
        yield "https://example.com/1\n"
        later.wait(30)
        yield "https://example.com/2\n"

    async def first() -> str:
        lines = stream_lines(pipe())
        try:
            return await asyncio.wait_for(anext(lines), 5)
        finally:
            later.set()
            await lines.aclose()

    assert asyncio.run(first()) == "https://example.com/1\n"


def test_every_line_in_order_and_a_read_error_is_raised_in_the_crawl() -> None:
    count = 3 * READ_BATCH + 7

    def source() -> Iterator[str]:
        yield from (f"https://example.com/{i}\n" for i in range(count))
        raise UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")

    got: list[str] = []

    async def read_into() -> None:
        async for line in stream_lines(source()):
            got.append(line)

    with pytest.raises(UnicodeDecodeError):
        asyncio.run(read_into())
    assert got == [f"https://example.com/{i}\n" for i in range(count)]


def test_a_file_is_read_whole() -> None:
    lines = [f"https://example.com/{i}\n" for i in range(2 * READ_BATCH + 1)]

    async def read() -> list[str]:
        return [line async for line in stream_lines(iter(lines))]

    assert asyncio.run(read()) == lines
