"""Prose for the content tests' inline pages: sentences long enough for the native pass to take
them as the story, and the config that tests that pass alone (not trafilatura's second opinion)."""

from __future__ import annotations

from newsscrape import ExtractConfig

NATIVE = ExtractConfig(fallback=False)

PARA = (
    "The committee met on Tuesday to discuss the new budget, which includes funding for schools, "
    "roads and the public library that was closed last winter after the flood."
)
PARA2 = (
    "Officials said the vote would take place next month, after a period of public consultation "
    "in which residents can send written comments to the council offices."
)
PARA3 = (
    "Critics of the plan argued that the money should instead go to repairing the bridge, which "
    "engineers have described as unsafe for heavy vehicles since the spring."
)
# One sentence a page can be built around (a harbour town's ferries), long enough to be the story.
HARBOUR = (
    "The harbour authority approved the new ferry timetable on Monday after a month of talks with "
    "the operators, and the first boats on the extended evening schedule sail next week."
)
