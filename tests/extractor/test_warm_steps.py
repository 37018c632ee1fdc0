"""What ``_warm.WARM_STEPS`` loads before a crawl's first page (``crawler/_preload.py``)."""

from __future__ import annotations

import subprocess
import sys

# Run in a fresh interpreter: another test may have sent a page through trafilatura's fallbacks.
PROBE = """
from newsscrape.extractor._warm import WARM_STEPS
for step in WARM_STEPS:
    step()
import trafilatura.external
print(trafilatura.external.JT_STOPLIST is not None)
"""


def test_warm_steps_build_justext_stoplist_before_the_first_page() -> None:
    # justext's every-language stop-word list (~0.08 s) was built by each crawl worker on a page
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "True"
