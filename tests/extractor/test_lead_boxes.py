"""A story whose CMS wraps its opening in a component of its own, the same rich-text box as the body's:
the boxes named as the container's one level up and before it are walked first, those after it not."""

from __future__ import annotations

from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import extract

URL = "https://www.example.org/health/living-well/keep-your-teeth-healthy"
LEAD = (
    "Proper oral care matters for your overall health, and dental problems can point to other "
    "concerns. Our dental resource center helps you find a dentist near you."
)
ABOUT = (
    "Example Health is a nonprofit insurer serving families across the state since 1946, with "
    "offices in four cities and a network of more than ten thousand doctors."
)


def page(box_class: str) -> str:
    """Three components in one column: the lead, the body, the insurer's boilerplate."""
    body = "".join(f"<p>{p}</p>" for p in (PARA, PARA2, PARA3, PARA, PARA2, PARA3))
    return (
        "<html><head><meta property='og:type' content='article'></head>"
        "<body><h1>Keep your teeth healthy</h1><div class='column'>"
        f"<div class='component-control id-A1'><div class='{box_class}'><p>{LEAD}</p></div></div>"
        f"<div class='component-control id-B2'><div class='{box_class}'><div>{body}</div></div></div>"
        f"<div class='component-control id-C3'><div class='{box_class}'><p>{ABOUT}</p></div></div>"
        "</div></body></html>"
    )


def test_lead_in_a_component_of_its_own_opens_the_story() -> None:
    text = extract(page("wcm-richtext fixed-height"), URL, config=NATIVE).body
    assert text.startswith(LEAD)
    assert PARA3 in text


def test_the_same_box_after_the_story_stays_out() -> None:
    text = extract(page("wcm-richtext fixed-height"), URL, config=NATIVE).body
    assert ABOUT not in text


def test_a_box_of_one_class_name_says_too_little() -> None:
    text = extract(page("richtext"), URL, config=NATIVE).body
    assert LEAD not in text
    assert PARA3 in text
