"""A paragraph given again (a forum post's quote of an earlier post) in a script written without
spaces: its runs of words are runs of characters, so a quote of part of a clause is found, as a
quote of part of a spaced sentence is (``_content.repeated``)."""

from __future__ import annotations

from newsscrape.extractor._text import split_words
from newsscrape.extractor.content._content import Block, repeated

# Written for this test: a post, a reply quoting half of its first clause, and the reply's own words.
POST = "今天上午去桥上走了一圈风景很好，就是停车的地方太少了，希望以后能多建几个停车场。"
QUOTE = "去桥上走了一圈风景很好"
REPLY = "同意，周末人特别多，建议大家错开高峰时间去。"


def test_split_words_cuts_chinese_into_characters_and_spaced_text_into_runs() -> None:
    assert split_words("停车场 parking lot") == ["停", "车", "场", "parking", "lot"]
    assert split_words("Rain returns, at 5 p.m.") == ["Rain", "returns", "at", "5", "p", "m"]


def test_quote_of_part_of_a_chinese_clause_is_given_again() -> None:
    blocks = [Block(text=POST), Block(text=QUOTE), Block(text=REPLY)]
    assert repeated(blocks, 10) == [False, True, False]


def test_chinese_paragraph_sharing_only_short_runs_stays() -> None:
    # "停车" and "周末" of the post recur, never four characters in a row of it
    other = "停车不方便的话可以坐公交，周末还有免费的接驳车。"
    assert repeated([Block(text=POST), Block(text=other)], 10) == [False, False]
