"""The line rules are tried with each line lowered once for all gated rules, and the byline-fields
split only on a line holding a separator: the labels are those of each rule's own search in turn."""

from __future__ import annotations

from newsscrape.extractor.content import _wording
from newsscrape.extractor.content._line_rules import CTA_RULES, LINE_RULES
from newsscrape.extractor.content._wording import _first_rule, _short_line_kind

LINES = (
    "Sign up for our newsletter to get the news in your inbox",
    "SHARE THIS STORY WITH a friend",
    "Please consider supporting our journalism",
    "Copyright 2024 by The Daily",
    "© 2024 Zeitung. Alle Rechte vorbehalten",
    "Ⓒ 2024 신문 무단전재 및 재배포 금지",
    "Riproduzione riservata ©",
    "This site requires JavaScript",
    "You must be logged in to reply to this topic.",
    "Photo: Jane Doe / Reuters",
    "By Ben Smith ⋅ Review Editor",
    "March 15, 2022 · 3 min read · By ASU Online",
    "05/10/2018 - Publicado por: Ana Silva - Categoria: Saúde",
    "By using this site you agree | Terms",
    "Posted by: Jane Doe |",
    "Rain returns to the valley on Monday after a dry week.",
    "Die Zeitung für Newsletter-Leser, bitte teilen",
    "Posts: 1725",
    "Related stories",
)


def _reference(text: str) -> tuple[str, str] | None:
    for kind, reason, rule in CTA_RULES:
        if rule.search(text):
            return kind, reason
    if len(text) > _wording.SHORT_LINE:
        return None
    if _wording.is_label(text):
        return "label", "label text"
    for kind, reason, rule in LINE_RULES:
        if rule.search(text):
            return kind, reason
    fields = _wording._FIELD_SEP.split(text.strip())
    if len(fields) > 1 and any(_wording._BYLINE_FIELD.match(field) for field in fields):
        return "bio", _wording.BYLINE_FIELDS
    return _short_line_kind.__wrapped__(text)  # the rules after these are unchanged


def test_each_line_gets_the_label_of_the_first_rule_whose_own_search_matches() -> None:
    labels = [_short_line_kind.__wrapped__(text) for text in LINES]
    assert labels == [_reference(text) for text in LINES]
    assert labels.count(None) < len(LINES) // 2


def test_a_gated_rule_is_searched_in_a_line_of_other_characters_than_ascii_whatever_its_words() -> None:
    tests = _wording._CTA_TESTS
    assert _first_rule(tests, "Abonnez-vous à la newsletter — sign up", None) == (
        "newsletter",
        "newsletter prompt",
    )
    assert _first_rule(tests, "sign up", "sign up") is None
