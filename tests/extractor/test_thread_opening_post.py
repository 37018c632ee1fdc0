"""A question-and-answer page whose first reading took the answers' box keeps its question: when the
text a thread's reading chose holds later posts but not the opening one, the opening post's blocks
from the post-by-post reading go first (``_content._opener_missed``, ``_content._opener``). The
page is written here in a generic Q&A style."""

from __future__ import annotations

from newsscrape import extract
from newsscrape.extractor.content._blocks import Block
from newsscrape.extractor.content._content import _given, _opener, _opener_missed
from newsscrape.extractor.content._posts import Head

QUESTION = (
    "My sourdough starter stopped rising after I moved it to the cellar last month.",
    "What can I do to get it going again before the weekend?",
)
ANSWERS = (
    (
        "Keep the starter near the oven for a week and feed it twice a day with equal weights of flour "
        "and water; the warmth wakes the yeast up again.",
        "Rye flour helps too, because it carries more of the wild yeast than white flour does, and the "
        "jar will smell sour again in a few days.",
    ),
    (
        "A cellar is simply too cold for a starter that you want to bake with every weekend, so bring it "
        "up and let it sit at room temperature.",
        "If it still does not rise after three days, throw away most of it and build it up again from a "
        "spoonful with fresh flour and water.",
    ),
    (
        "Check your water as well: chlorinated tap water slows the culture down, and letting it stand "
        "open overnight is enough to fix that.",
        "I switched to filtered water years ago and my starter has doubled reliably every morning since "
        "then, even in the colder months.",
    ),
    (
        "Cold does not kill a starter, it only puts it to sleep, so nothing is lost and a few warm "
        "feedings will bring it back to full strength.",
        "Mine spent a whole winter in the fridge while I was away and it was bubbling again on the "
        "second day after I started feeding it.",
    ),
)


def page() -> str:
    answers = "".join(
        '<div class="answer" itemprop="suggestedAnswer" itemscope itemtype="https://schema.org/Answer">'
        f'<div class="votecell">12</div><div class="answercell"><div class="prose" itemprop="text">'
        f"<p>{first}</p><p>{second}</p></div>"
        "<div class='notes'><p>Thanks, this worked: the jar doubled overnight by the oven.</p></div>"
        f'<div class="user-info">answered Mar {n + 3}, 2024</div></div></div>'
        for n, (first, second) in enumerate(ANSWERS)
    )
    question = "".join(f"<p>{line}</p>" for line in QUESTION)
    return (
        "<html><head><title>Why did my starter stop rising?</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/questions'>Questions</a> <a href='/tags'>Tags</a></nav>"
        "<div id='content'><div id='mainbar'><h1>Why did my starter stop rising?</h1>"
        '<div id="question" itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">'
        '<div class="votecell">30</div><div class="postcell">'
        f'<div class="prose" itemprop="text">{question}</div>'
        '<div class="user-info">asked Mar 2, 2024</div></div></div>'
        f"<div id='answers'><h2>4 Answers</h2>{answers}</div></div>"
        "<div id='sidebar'><h3>Related</h3><a href='/q/1'>Rye starter</a> <a href='/q/2'>Starter smells</a>"
        "</div></div><footer>Site design by an example host</footer></body></html>"
    )


def test_the_question_goes_before_the_answers() -> None:
    article = extract(page(), url="https://cooking.example.org/questions/1/why-did-my-starter-stop-rising")
    assert article.page_type == "forum"
    lines = article.body.splitlines()
    assert QUESTION[0] in lines, article.body
    assert lines.index(QUESTION[0]) < lines.index(QUESTION[1]) < lines.index(ANSWERS[0][0]), article.body


def test_no_opening_post_is_missed_when_the_text_holds_it_or_no_later_post() -> None:
    posts = ["question?", "answerone.", "answertwo."]
    assert _opener_missed(posts, _given([Block(text="Answer one.")]))
    assert not _opener_missed(posts, _given([Block(text="Question?"), Block(text="Answer one.")]))
    assert not _opener_missed(posts, _given([Block(text="Something else entirely.")]))
    assert not _opener_missed(posts[:2], _given([Block(text="Answer one.")]))  # a question and one answer


def test_the_opening_post_is_its_blocks_before_the_second_post_less_those_given() -> None:
    thread = [
        Block(text="Question?"),
        Block(text="More detail."),
        Block(text="Answer one."),
        Block(text="Answer two."),
    ]
    heads: list[Head] = [("question?moredetail.", (), ""), ("answerone.", (), ""), ("answertwo.", (), "")]
    assert [b.text for b in _opener(thread, heads, _given([Block(text="Answer one.")]))] == [
        "Question?",
        "More detail.",
    ]
    given = [Block(text="More detail."), Block(text="Answer one.")]
    assert [b.text for b in _opener(thread, heads, _given(given))] == ["Question?"]
