"""Widgets a page prints beside its text that are no part of it: a documentation page's feedback and
edit prompts, and a site builder's form status lines shown only once a form is sent."""

from __future__ import annotations

from prose import NATIVE, PARA, PARA2, PARA3

from newsscrape import extract


def page(body: str) -> str:
    return (
        "<html><head><title>Installing the tool</title></head><body>"
        f"<main><h1>Installing the tool</h1>{body}</main>"
        "</body></html>"
    )


def body_of(html: str) -> str:
    return extract(html, url="https://docs.example.com/install", config=NATIVE).body


def test_feedback_and_edit_prompts_on_their_own_line_go() -> None:
    html = page(
        f"<p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p>"
        '<div class="feedback"><p>Was this page helpful?</p></div>'
        '<div class="page-tools"><p><a href="https://github.com/org/docs/edit/main/install.md">'
        "Edit this page on GitHub</a></p></div>"
        '<div class="rating"><p>Is this page useful?</p></div>'
    )
    body = body_of(html)
    assert PARA3 in body
    for prompt in ("Was this page helpful?", "Edit this page", "Is this page useful?"):
        assert prompt not in body


def test_rating_prompts_on_their_own_line_go() -> None:
    prompts = ("Rate this article", "How useful was this post?", "Did you find the article helpful?")
    html = page(
        f"<p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p>" + "".join(f"<div><p>{p}</p></div>" for p in prompts)
    )
    body = body_of(html)
    assert PARA3 in body
    for prompt in prompts:
        assert prompt not in body


def test_a_question_that_starts_alike_stays() -> None:
    line = "Did you find the missing keys? Most readers look under the doormat first, then in the car."
    assert line in body_of(page(f"<p>{PARA}</p><p>{line}</p><p>{PARA2}</p>"))


def test_a_sentence_that_starts_alike_stays() -> None:
    line = "Editing this page is easy: open the file in any text editor and save it again."
    body = body_of(page(f"<p>{PARA}</p><p>{line}</p><p>{PARA2}</p>"))
    assert line in body


def test_form_status_lines_of_a_site_builder_go() -> None:
    # Webflow prints both lines with every form and shows one after a submit
    html = page(
        f"<p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p>"
        '<div class="w-form"><form><p>Get in touch and we will call you back within a day.</p></form>'
        '<div class="w-form-done"><div>Thank you! Your submission has been received!</div></div>'
        '<div class="w-form-fail"><div>Oops! Something went wrong while submitting the form.</div></div>'
        "</div>"
    )
    body = body_of(html)
    assert PARA3 in body
    assert "submission has been received" not in body
    assert "Something went wrong" not in body
