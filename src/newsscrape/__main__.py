"""``python -m newsscrape``: the same command line as the ``newsscrape`` script.

$ python -m newsscrape fetch https://example.com/news/1 | jq .title
"""

from .cli import main

if __name__ == "__main__":
    main(prog_name="newsscrape")
