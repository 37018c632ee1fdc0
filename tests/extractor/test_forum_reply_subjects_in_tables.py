"""A reply's subject cut from a thread's line cuts it from the record's typed blocks too: on a board
printed as a table (one row a post's head, "Re: <title> by poster: time"), the section's table row
says what the body says. The page is written here in a generic bulletin-board style."""

from __future__ import annotations

from newsscrape import extract

TITLE = "Kiln shelf cracked on the first firing"
POSTS = (
    "My new cordierite shelf cracked straight across during a cone 6 glaze firing. Is it the shelf?",
    "Did you let it cool in the kiln? Opening it above 200 degrees will crack a shelf every time.",
    "Also check that the posts sit right above each other, or the shelf bends under the load.",
)


def board() -> str:
    rows = "".join(
        f"<tr><td class='post-head'>{'Re: ' if n else ''}{TITLE} by poster{n}: 9:4{n}pm On Mar {n + 2}, 2024"
        f"</td></tr><tr><td class='post-body'><div class='narrow'>{text}</div></td></tr>"
        for n, text in enumerate(POSTS)
    )
    return (
        f"<html><head><title>{TITLE}</title></head><body><nav><a href='/'>Board index</a></nav>"
        f"<h1>{TITLE}</h1><table summary='posts'>{rows}</table><footer>An example pottery board</footer>"
        "</body></html>"
    )


def test_a_table_row_cut_to_its_poster_and_time_says_what_the_body_says() -> None:
    article = extract(board(), "https://board.example.org/t/7")
    rows = [
        row for s in article.sections for b in s.blocks if b.kind == "table" for row in b.to_dict()["rows"]
    ]
    cells = [cell for row in rows for cell in row]
    assert "by poster1: 9:41pm On Mar 3, 2024" in article.body.split("\n\n"), article.body
    assert not [cell for cell in cells if cell.startswith("Re:")], cells
    parts = (((s.heading,) if s.heading else ()) + s.paragraphs for s in article.sections)
    assert "\n\n".join(p for part in parts for p in part) == article.body
