"""SPIP, a CMS family of the French-speaking press and public bodies, calls its readers' comments a
"forum": its distributed templates set the thread as ``<ul class="forum">`` with one
``<li class="forum-fil">`` per comment. Under a story, that thread is comments, however much longer
than the story it has grown; on a page read as a thread, it is the thread."""

from __future__ import annotations

import pytest
from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import extract

URL = "https://blog.example.fr/la-pluie-revient-dans-la-vallee"
TITLE = "La pluie revient dans la vallée"
REPLY = (
    "Merci pour ce billet, mais je ne suis pas d'accord avec la conclusion : les agriculteurs de la "
    "vallée attendent depuis des années une vraie politique de l'eau, et la pluie de lundi n'y change "
    "rien. Il faudrait parler des réserves, des canaux et du prix payé par les petites exploitations. "
)


def page(item: str) -> str:
    comments = "".join(
        f'<{item} class="forum-fil"><div class="forum-message"><div class="forum-chapo">'
        f'<strong class="forum-titre"><a href="#forum{n}">Re: la pluie</a></strong>'
        f"<small>{n} juin 2018, par Lecteur {n}</small></div>"
        f'<div class="forum-texte"><p>{REPLY * 2}</p></div></div></{item}>'
        for n in range(1, 13)
    )
    thread = f'<ul class="forum">{comments}</ul>' if item == "li" else f'<div class="forum">{comments}</div>'
    return (
        f"<html><head><title>{TITLE} - Le blog</title></head><body><div id='page'>"
        f"<div id='contenu'><h1 class='crayon article-titre'>{TITLE}</h1>"
        f"<div class='crayon article-texte texte'><p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p></div></div>"
        f"<div id='navigation'><div class='divforum'>{thread}</div></div></div></body></html>"
    )


@pytest.mark.parametrize("item", ["li", "div"])
def test_a_long_spip_thread_under_a_story_is_its_comments(item: str) -> None:
    text = extract(page(item), URL, config=NATIVE).body
    assert text.startswith(PARA)
    assert "agriculteurs" not in text


def test_a_forum_named_box_is_not_a_comment_by_its_name_alone() -> None:
    # a forum engine's wrapper called "forum" (no thread item in it) holds the page's own text
    html = page("li").replace('class="forum-fil"', 'class="topic-post"')
    assert "agriculteurs" in extract(html, URL, config=NATIVE).body
