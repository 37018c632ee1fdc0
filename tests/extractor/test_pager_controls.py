"""A pager's or a carousel's controls printed as blocks of their own ("<<", "<", "1" ... "14", ">",
">>" under a photo gallery) are no part of the story; a short run of such signs is left alone (a
score, a "***" section break, a list's numbers)."""

from __future__ import annotations

from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import extract

URL = "https://news.example.com/2013/11/28/us/holiday-weather/"


def page(controls: list[str]) -> str:
    pager = "".join(f'<div class="item"><span>{c}</span></div>' for c in controls)
    return (
        "<html><head><title>Storm clears for the holiday</title></head><body><div class='story'>"
        f"<h1>Storm clears for the holiday</h1><p>{PARA}</p>"
        f"<div class='gallery'><div class='slide'>Snow on the interstate</div>{pager}</div>"
        f"<p>{PARA2}</p><p>{PARA3}</p></div></body></html>"
    )


def test_a_gallery_pager_is_dropped() -> None:
    controls = ["&lt;&lt;", "&lt;", *(str(n) for n in range(1, 15)), "&gt;", "&gt;&gt;"]
    lines = extract(page(controls), URL, config=NATIVE).body.split("\n\n")
    assert lines[0] == PARA
    assert lines[-2:] == [PARA2, PARA3]
    assert not [line for line in lines if len(line) <= 3]


def test_a_short_run_of_signs_stays() -> None:
    lines = extract(page(["1", "2", "3"]), URL, config=NATIVE).body.split("\n\n")
    assert [line for line in lines if len(line) <= 3] == ["1", "2", "3"]
