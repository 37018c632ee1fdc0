"""Length limits of names and labels (a poster's name, a byline, a breadcrumb, a site name, a title's
part) in scripts written without spaces: a Chinese or Japanese name passes the limit a spaced name
passes, and a sentence, which ``str.split()`` took for one word, does not."""

from __future__ import annotations

import pytest

from newsscrape import extract
from newsscrape.extractor._text import label_words
from newsscrape.extractor.content._profiles import PROFILES
from newsscrape.extractor.content._wording import heading_kind
from newsscrape.extractor.metadata._authors import clean_authors, credits
from newsscrape.extractor.metadata._crumbs import is_section_label, is_this_page
from newsscrape.extractor.metadata._site import site_beside_title
from newsscrape.extractor.metadata._title import TitleSources, strip_site
from profiled import content_as

# Written for these tests: sentences of a paywall notice, a report's first line, a headline.
JA_NOTICE = "この記事は会員限定です電子版に登録すると続きをお読みいただけます"
ZH_LEAD = "记者从市交通运输局获悉连接城东新区和老城区的跨江大桥今天上午正式通车"
ZH_HEADLINE = "跨江大桥今天正式通车 两地车程缩短到十分钟左右"


@pytest.mark.parametrize(
    "text",
    ["Jane Doe", "Jane van der Berg", "The Currency editors", "Rain, returns -- at 5 p.m.", "서울 비 온다"],
)
def test_label_words_of_spaced_text_are_its_split(text: str) -> None:
    assert label_words(text) == len(text.split())


@pytest.mark.parametrize("name", ["王明", "王小明", "欧阳晓明", "山田太郎", "さくらももこ", "สมชาย ใจดี"])
def test_label_words_of_an_unspaced_name_are_one_or_two(name: str) -> None:
    assert 1 <= label_words(name) <= 2


def test_label_words_of_an_unspaced_sentence_grow_with_it() -> None:
    assert label_words(JA_NOTICE) > 8
    assert label_words(ZH_LEAD) > 8


def test_japanese_sentence_is_no_author() -> None:
    assert clean_authors([JA_NOTICE]) == ()
    assert clean_authors(["山田太郎"]) == ("山田太郎",)


def test_chinese_sentence_is_no_credit() -> None:
    assert credits([ZH_LEAD + "的消息称本报记者和通讯员共同采写"]) == ()
    assert credits(["本报编辑部"]) == ("本报编辑部",)


def test_long_chinese_crumb_is_this_page() -> None:
    assert is_this_page(ZH_HEADLINE + "市民纷纷点赞", "Something else")
    assert not is_this_page("国内新闻", "Something else")


def test_chinese_headline_is_no_section_label() -> None:
    assert not is_section_label(ZH_LEAD)
    assert is_section_label("国内新闻")


def test_chinese_sentence_is_no_site_name() -> None:
    headline = "城东跨江大桥今天上午正式通车"
    assert site_beside_title(f"{headline} - {ZH_LEAD}", headline) is None
    assert site_beside_title(f"{headline} - 城东日报", headline) == "城东日报"


def test_long_chinese_title_part_is_no_site_label() -> None:
    # a headline beside its summary: neither part names the site, so the title keeps both
    lead = f"{ZH_LEAD}，两地车程缩短到十分钟左右"
    title = f"城东跨江大桥今天上午正式通车 | {lead}"
    assert strip_site(title, TitleSources()) == title
    assert strip_site(f"专题 | {lead}", TitleSources()) == lead  # a short label still goes


ZH_POSTS = (
    ("王小明", "今天上午去桥上走了一圈，风景很好，就是停车的地方太少了，希望以后能多建几个停车场。"),
    ("李华", "以前去新区上班要绕很远的路，现在方便多了，每天能多睡半个小时，真的很开心。"),
    ("王小明", "听说下个月还要开通两条公交线路，到时候不开车也能很方便地过江了。"),
)
# The poster's card prints a status line beside the name, in one box with it.
ZH_STATUS = "本论坛资深会员欢迎大家多多交流"


def _thread() -> str:
    posts = "".join(
        f'<article class="message" itemscope itemtype="https://schema.org/Comment">'
        f'<section class="message-user" itemprop="author" itemscope itemtype="https://schema.org/Person">'
        f'<a class="username" href="/members/{n}/">{name}</a> {ZH_STATUS}</section>'
        f'<div class="message-main"><header class="message-attribution">'
        f'<time class="u-dt" datetime="2024-03-0{n + 3}T10:00:00">2024年3月{n + 3}日</time></header>'
        f'<div class="message-body" itemprop="text"><div class="bbWrapper">{text}</div></div></div></article>'
        for n, (name, text) in enumerate(ZH_POSTS)
    )
    return (
        '<html lang="zh-CN"><head><meta charset="utf-8"></head><body><main>'
        f"<h1>跨江大桥通车了，大家觉得怎么样？</h1>{posts}</main></body></html>"
    )


def test_chinese_posters_name_is_not_its_card_line() -> None:
    content = content_as(_thread(), PROFILES["forum"], url="https://forum.example.org/threads/bridge.12/")
    lines = [block.text for block in content.blocks]
    assert [lines[lines.index(text) - 2] for _, text in ZH_POSTS] == [name for name, _ in ZH_POSTS], lines


def _story(row: str) -> str:
    body = "".join(f"<p>{text}</p>" for _, text in ZH_POSTS) * 2
    return (
        '<html lang="zh-CN"><head><meta charset="utf-8"><title>跨江大桥今天正式通车</title></head>'
        "<body><main>"
        f'<div class="row">{row}</div><h1>跨江大桥今天正式通车</h1>{body}</main></body></html>'
    )


def test_short_chinese_links_above_the_headline_are_a_trail() -> None:
    article = extract(_story('<a href="/">首页</a> » <a href="/news/">国内新闻</a>'), url=STORY_URL)
    assert article.breadcrumbs == ("首页", "国内新闻")


def test_chinese_headlines_above_the_headline_are_no_trail() -> None:
    row = (
        '<a href="/a.html">本市今年新增十所幼儿园提供学位三千个</a> / '
        '<a href="/b.html">春季招聘会周末举行两百多家企业参加</a>'
    )
    article = extract(_story(row), url=STORY_URL)
    assert article.breadcrumbs == ()
    assert article.section is None


STORY_URL = "https://paper.example/news/2025/03/01/bridge.html"


def test_chinese_heading_opening_with_a_one_word_rail_label_is_the_storys() -> None:
    # "热门" ("popular") labels a short rail heading; a story's subheading may open with it too
    assert heading_kind("热门新闻") is not None
    assert heading_kind("热门话题引发网友热议的原因分析") is None
    assert heading_kind("相关新闻") is not None  # a two-word label, as "related news", at any length


# Written for this test: "the Meteorological Department warns people in the north" (a sentence of
# about ten words) and a person's name, given and family, as Thai spaces them.
TH_SENTENCE = "กรมอุตุนิยมวิทยาประกาศเตือนประชาชนในภาคเหนือ"


def test_thai_letter_runs_count_about_a_word_each() -> None:
    assert label_words(TH_SENTENCE) >= 6
    assert clean_authors([TH_SENTENCE]) == ()


@pytest.mark.parametrize("name", ["สมชาย ใจดี", "राहुल गांधी", "Pe\u0301rez Jose\u0301"])
def test_name_ending_in_a_vowel_sign_keeps_it(name: str) -> None:
    # a vowel sign or an accent written apart is a combining mark, which \\W matches as it does a comma
    assert clean_authors([f"By {name},"]) == (name,)
