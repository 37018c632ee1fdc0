"""Web archives (WARC) in and out: the raw pages a crawl saw, and the pages an archive holds.

``WarcWriter`` appends each HTTP exchange of a crawl as WARC 1.1 request and response records
(``crawl --warc``); ``read_warc_pages`` yields the 200 HTML responses of a WARC file, the rest
counted in ``WarcStats``; ``read_inputs`` walks what a user has on disk (HTML files, ``.gz``,
directories, WARC files) for ``extract``. warcio parses and writes the records; deciding what a
record means, decoding HTTP payloads and repairing a cut file happen here.

    For example::

        for page in read_warc_pages("CC-NEWS-20240501.warc.gz"):
            article = extract(page.content, page.url, charset=page.charset)
"""

from ._http import media_type, payload
from ._inputs import InputError, read_inputs
from ._reader import ArchivedPage, WarcStats, is_warc, read_warc_pages, read_warc_stream
from ._writer import HttpExchange, WarcWriter, repair_warc

__all__ = [
    "ArchivedPage",
    "HttpExchange",
    "InputError",
    "WarcStats",
    "WarcWriter",
    "is_warc",
    "media_type",
    "payload",
    "read_inputs",
    "read_warc_pages",
    "read_warc_stream",
    "repair_warc",
]
