"""What ``extract`` did on one page, as ``explain`` returns it: the article node, the readings of
the text weighed, every removed block, each metadata field's candidates and the page-type decision,
as a JSON object (``to_dict``) or as text for a reader (``render``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..models import Article
from ._pagetype import PageType
from .content._blocks import Removed
from .content._result import WeighedReading
from .metadata._metadata import Candidate, MetaField


@dataclass(slots=True, kw_only=True)
class Explanation:
    """What ``extract`` did on one page: the article node, every removed block, metadata sources."""

    article: Article
    container: str | None
    method: str
    removed: list[Removed] = field(default_factory=list)
    # every reading of the text weighed, in order, the one taken marked: the first as an article,
    # then (a page of another type) as its type
    readings: list[WeighedReading] = field(default_factory=list)
    sources: dict[MetaField, str] = field(default_factory=dict)
    page_type: PageType | None = None  # the page-type decision with its probabilities and evidence
    # every value each metadata rule read, in precedence order, the winner marked
    candidates: list[Candidate] = field(default_factory=list)
    # the address the page was read at, and where it came from: "the caller" (url, final_url), "the
    # page's saved-from mark" or "the address the page declares" (canonical link, og:url)
    address: str | None = None
    address_from: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The explanation as one JSON object (``newsscrape explain --json``)."""
        return {
            "address": self.address,
            "address_from": self.address_from,
            "container": self.container,
            "method": self.method,
            # every reading of the text weighed, in order: the one taken has "won"
            "readings": [
                {"method": r.method, "words": r.words, "won": r.won, "why": r.why} for r in self.readings
            ],
            "removed": [
                {"kind": r.kind, "reason": r.reason, "where": r.where, "text": r.text} for r in self.removed
            ],
            "sources": self.sources,
            # each field's candidates in precedence order: the winner and the values that lost
            "candidates": {
                name: [
                    {"source": c.source, "rule": c.rule, "value": _jsonable(c.value), "won": c.won}
                    for c in self.candidates
                    if c.field == name
                ]
                for name in dict.fromkeys(c.field for c in self.candidates)
            },
            "page_type": None
            if self.page_type is None
            else {
                "label": self.page_type.label,
                "probabilities": dict(self.page_type.probabilities),
                "evidence": dict(self.page_type.evidence),
            },
            "article": self.article.to_dict(),
        }

    def render(self) -> str:
        """The explanation as text for a reader (``newsscrape explain``)."""
        article = self.article
        where = f"{self.address} (from {self.address_from})" if self.address else "(no address)"
        lines = [
            f"read at      : {where}",
            f"article node : {self.container or '(none found)'}",
            f"method       : {self.method}",
            f"title        : {article.title!r}",
            f"headings     : {len(article.headings)}, body words: {article.word_count}",
            "",
            "readings weighed (* the text taken):",
        ]
        for r in self.readings:
            words = "-" if r.words is None else r.words
            lines.append(f"  {'*' if r.won else ' '} {r.method:<12} {words:>6} words  {r.why}")
        lines += ["", f"removed blocks ({len(self.removed)}):"]
        lines += [f"  - {r.kind:<14} {r.where}  ({r.reason})  {_clip(r.text)!r}" for r in self.removed]
        lines += ["", "metadata sources (and the candidates that lost):"]
        record = article.to_dict()
        for name in sorted({*self.sources, *(c.field for c in self.candidates)}):
            source = self.sources.get(name, "-")
            lines.append(f"  {name:<13} <- {source:<8} {_clip(str(record.get(name, '')))!r}")
            for lost in (c for c in self.candidates if c.field == name and not c.won):
                what = f"{lost.source} ({lost.rule})"
                shown = ", ".join(lost.value) if isinstance(lost.value, tuple) else str(_jsonable(lost.value))
                lines.append(f"  {'':<13}    lost: {what:<28} {_clip(shown, 48)!r}")
        if self.page_type is not None:
            odds = ", ".join(f"{label} {p:.2f}" for label, p in self.page_type.probabilities if p >= 0.01)
            lines += [
                "",
                f"page type    : {self.page_type.label}  ({odds})",
                "  evidence (feature, push over the runner-up):",
            ]
            lines += [f"  {name:<24} {push:+.2f}" for name, push in self.page_type.evidence]
        return "\n".join(lines)


def _jsonable(value: object) -> object:
    """A candidate's value as JSON holds it: dates in ISO 8601, tuples as lists."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
