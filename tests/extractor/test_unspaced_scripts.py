"""Scripts written without spaces between words (Chinese, Japanese, Thai): their words are counted
as a word processor counts them, so a news story in them reads as an article, not as a listing."""

from __future__ import annotations

import pytest

from newsscrape import extract
from newsscrape.extractor import explain
from newsscrape.extractor._text import count_words

# A story of a regional paper, written for this test; its sidebar and its foot carry other stories.
JA_PARAGRAPHS = (
    "市立図書館の新しい分館が１日、駅前の再開発ビルの三階に開館した。開館式には地元の小学生や"
    "商店街の関係者ら約百人が集まり、テープカットの後、さっそく本を手に取る姿が見られた。",
    "分館の広さは約六百平方メートルで、蔵書は児童書を中心に約三万冊。平日は午後九時まで開いて"
    "おり、仕事帰りの会社員や学校帰りの高校生にも利用してもらえるよう、自習席を五十席設けた。",
    "市によると、駅の周辺には図書館がなく、以前から住民の要望が強かったという。市長は式典で"
    "「子どもから高齢者まで、誰もが気軽に立ち寄れる場所にしたい」とあいさつした。",
    "館内には地元の歴史や祭りを紹介するコーナーもあり、古い写真や資料を展示している。来月には"
    "絵本の読み聞かせ会や、地元の作家を招いた講演会も予定されている。",
    "娘と訪れた近くに住む女性は「駅から近いので、買い物のついでに寄れるのがうれしい。娘も"
    "絵本がたくさんあって喜んでいる」と話していた。",
)
JA_OTHER_STORIES = (
    "県内の高校で卒業式　三年ぶりに保護者も出席",
    "市議会が新年度予算案を可決　子育て支援を拡充",
    "春の交通安全運動始まる　駅前で啓発活動",
    "地元産のイチゴ、今年は豊作　直売所に行列",
    "市民マラソン大会の参加者募集　定員は三千人",
    "老舗旅館が改装オープン　外国人客の増加見込む",
    "中学生が職場体験　商店街の店で接客学ぶ",
    "河川敷の桜並木、来週にも見頃",
)
ZH_PARAGRAPHS = (
    "记者从市交通运输局获悉，连接城东新区和老城区的跨江大桥今天上午正式通车。大桥全长约两公里，"
    "双向六车道，设计时速六十公里，建成后两地之间的车程将从四十分钟缩短到十分钟左右。",
    "据介绍，大桥于三年前开工建设，施工期间克服了江面风大、水流急等困难。为了减少对航运的影响，"
    "主桥采用了大跨度的设计，桥下可以同时通过两艘千吨级货船。",
    "通车当天，不少市民早早来到桥头，拍照留念。家住老城区的王先生说：“以前去新区上班要绕很远的路，"
    "现在方便多了，每天能多睡半个小时。”",
    "市交通运输局有关负责人表示，下一步将在大桥两端增设公交线路，并完善周边的停车设施，方便市民出行。",
)
ZH_OTHER_STORIES = (
    "本市今年新增十所幼儿园 提供学位三千个",
    "春季招聘会周末举行 两百多家企业参加",
    "老旧小区改造工程全面启动",
    "市民公园月底前完成升级改造",
    "全市中小学开展防溺水安全教育",
    "地铁三号线二期工程进展顺利",
    "本周末气温回升 最高可达二十五度",
    "图书馆推出夜间阅读服务",
)
TH_PARAGRAPHS = (
    "กรมอุตุนิยมวิทยาประกาศเตือนประชาชนในภาคเหนือและภาคตะวันออกเฉียงเหนือให้เตรียมรับมือกับอากาศหนาวเย็น "
    "ซึ่งจะเริ่มตั้งแต่คืนวันพรุ่งนี้เป็นต้นไป อุณหภูมิต่ำสุดบนยอดดอยอาจลดลงเหลือเพียงห้าองศาเซลเซียส",
    "ผู้อำนวยการศูนย์พยากรณ์อากาศกล่าวว่า มวลอากาศเย็นกำลังแผ่ลงมาจากประเทศจีน "
    "ทำให้หลายจังหวัดจะมีอุณหภูมิลดลงอีกสามถึงห้าองศา และมีลมแรงในบางพื้นที่",
    "ทางจังหวัดได้เตรียมผ้าห่มกันหนาวไว้แจกจ่ายให้กับผู้สูงอายุและเด็กในพื้นที่ห่างไกลแล้ว "
    "พร้อมทั้งขอให้ประชาชนดูแลสุขภาพและสวมเสื้อผ้าให้อบอุ่นเมื่อออกจากบ้านในช่วงเช้า",
    "ด้านผู้ประกอบการรีสอร์ตบนดอยต่างคาดว่าจะมีนักท่องเที่ยวเดินทางมาชมทะเลหมอกมากขึ้น "
    "ในช่วงวันหยุดยาวที่จะถึงนี้ และได้เตรียมที่พักไว้รองรับอย่างเต็มที่",
)
TH_OTHER_STORIES = (
    "ราคาทองคำวันนี้ปรับขึ้นสองร้อยบาท",
    "ตลาดหุ้นไทยปิดบวกเล็กน้อย",
    "เปิดรับสมัครนักเรียนใหม่ปีการศึกษาหน้า",
    "รถไฟฟ้าสายใหม่เปิดให้ทดลองนั่งฟรี",
    "งานลอยกระทงปีนี้คาดคนร่วมงานคึกคัก",
    "ผลการแข่งขันฟุตบอลไทยลีกนัดล่าสุด",
    "สภาพอากาศกรุงเทพฯ ฝนตกบางพื้นที่",
    "ข่าวดีสำหรับผู้ใช้บัตรสวัสดิการแห่งรัฐ",
)


def _card(href: str, headline: str) -> str:
    return (
        f'<li class="card"><a class="card-link" href="{href}">'
        f'<img class="card-thumb" src="{href}.jpg" alt="">'
        f'<h3 class="card-title">{headline}</h3></a><span class="card-date">03/01</span></li>'
    )


def _page(
    lang: str, title: str, paragraphs: tuple[str, ...], others: tuple[str, ...], labels: tuple[str, str, str]
) -> str:
    """A story page as a generic CMS prints it: a menu of sections, the story with its related
    stories below it, a ranking and the latest stories in the sidebar (each other story a card:
    thumbnail, linked headline, date), and a footer of the site's own pages."""
    sections = (
        "news",
        "politics",
        "economy",
        "world",
        "sports",
        "culture",
        "life",
        "opinion",
        "photo",
        "video",
    )
    menu = "".join(f'<li><a href="/{s}/">{s}</a></li>' for s in sections)
    ranking = "".join(_card(f"/news/2025/03/{i:02d}/{100 + i}.html", h) for i, h in enumerate(others))
    related = "".join(_card(f"/news/2025/02/{i:02d}/{200 + i}.html", h) for i, h in enumerate(others))
    latest = "".join(
        _card(f"/news/2025/01/{i:02d}/{300 + i}.html", h) for i, h in enumerate(reversed(others))
    )
    site = ("about", "contact", "privacy", "terms", "advertise", "careers")
    foot = "".join(f'<li><a href="/{s}/">{s}</a></li>' for s in site)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<html lang="{lang}"><head><meta charset="utf-8"><title>{title} | Site</title></head>
<body><header><div class="logo"><a href="/">Site</a></div><nav class="gnav"><ul>{menu}</ul></nav></header>
<div class="container"><div class="main-column"><div class="article">
<h1 class="article-title">{title}</h1><p class="date">2025-03-01 10:30</p>
<div class="article-body">{body}</div>
<div class="related"><h2>{labels[1]}</h2><ul>{related}</ul></div></div></div>
<div class="side-column"><div class="ranking"><h2>{labels[0]}</h2><ol>{ranking}</ol></div>
<div class="latest"><h2>{labels[2]}</h2><ul>{latest}</ul></div></div></div>
<footer><ul>{foot}</ul><p>Copyright 2025</p></footer></body></html>"""


PAGES = {
    "ja": (
        _page(
            "ja",
            "駅前に図書館の分館が開館",
            JA_PARAGRAPHS,
            JA_OTHER_STORIES,
            ("アクセスランキング", "関連記事", "新着記事"),
        ),
        JA_PARAGRAPHS,
        JA_OTHER_STORIES,
    ),
    "zh": (
        _page(
            "zh-CN",
            "跨江大桥今天正式通车",
            ZH_PARAGRAPHS,
            ZH_OTHER_STORIES,
            ("热门新闻", "相关新闻", "最新新闻"),
        ),
        ZH_PARAGRAPHS,
        ZH_OTHER_STORIES,
    ),
    "th": (
        _page(
            "th",
            "เตือนภาคเหนืออากาศหนาวเย็นลงอีก",
            TH_PARAGRAPHS,
            TH_OTHER_STORIES,
            ("ข่าวยอดนิยม", "ข่าวที่เกี่ยวข้อง", "ข่าวล่าสุด"),
        ),
        TH_PARAGRAPHS,
        TH_OTHER_STORIES,
    ),
}


def test_count_words_counts_each_chinese_or_japanese_character() -> None:
    assert count_words("東京で雨。") == 4
    assert count_words("跨江大桥今天正式通车") == 10
    assert count_words("iPhoneを販売した 2025年") == 1 + 5 + 1 + 1  # Latin and digit runs stay one word each


def test_count_words_spaced_scripts_unchanged() -> None:
    assert count_words("Rain returns, at 5 p.m.") == 6
    assert count_words("서울에 비가 온다") == 3  # Korean spaces its words
    assert count_words("Café «été» — ok") == 3


def test_count_words_thai_counts_more_than_its_phrases() -> None:
    # Thai puts spaces between phrases only: each phrase is several words, never one
    text = TH_PARAGRAPHS[0]
    assert count_words(text) >= 4 * len(text.split())


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_story_in_unspaced_script_is_an_article(lang: str) -> None:
    html, _, _ = PAGES[lang]
    page_type = explain(html, url=f"https://paper.example/news/2025/03/01/{lang}.html").page_type
    assert page_type is not None
    assert page_type.label == "article"
    # more likely an article than anything else together: its paragraphs read as prose, not as cards
    assert dict(page_type.probabilities)["article"] > 0.5


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_story_in_unspaced_script_body_without_other_stories(lang: str) -> None:
    html, paragraphs, others = PAGES[lang]
    body = extract(html, url=f"https://paper.example/news/2025/03/01/{lang}.html").body
    assert all(p in body for p in paragraphs)
    assert not any(h in body for h in others)


@pytest.mark.parametrize("lang", ["ja", "zh"])
def test_word_count_of_chinese_or_japanese_story_is_its_characters(lang: str) -> None:
    html, paragraphs, _ = PAGES[lang]
    article = extract(html, url=f"https://paper.example/news/2025/03/01/{lang}.html")
    letters = sum(1 for p in paragraphs for c in p if c.isalnum())
    assert 0.9 * letters <= article.word_count <= 1.2 * letters
