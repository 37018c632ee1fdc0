"""``python -m newsscrape`` and the ``newsscrape`` script: the command line of ``cli``.

$ python -m newsscrape fetch https://example.com/news/1 | jq .title

The script's entry point is :func:`main` here, not ``cli.main``: the command line's imports (click,
httpx, the crawler: most of a second on a busy machine) then run inside it, so a Ctrl-C while they
load ends the command as a Ctrl-C later does, exit 130, instead of printing a traceback. (A Ctrl-C
before this module runs, while Python itself starts, is Python's to report.)
"""

from __future__ import annotations

import sys

EXIT_INTERRUPTED = 130  # as cli.EXIT_INTERRUPTED, which cannot be imported before the try below


def main() -> None:
    """Run the ``newsscrape`` command line on ``sys.argv``; exits with its status."""
    try:
        from .cli import main as command_line
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    command_line(prog_name="newsscrape")


if __name__ == "__main__":
    main()
