"""Guards: deep nesting and the per-page time limit end in ExtractError, never in a hang or a crash."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsscrape import ExtractConfig, ExtractError, extract
from newsscrape.extractor import _guard
from newsscrape.extractor._guard import (
    MAX_ATTRIBUTES,
    MAX_VALUE_CHARS,
    Deadline,
    check_markup,
    tame_attributes,
)

TEXT = "<p>" + "A sentence long enough to count as a paragraph of an article. " * 5 + "</p>"


@pytest.mark.parametrize("tag", ["div", "section", "blockquote", "span", "b"])
@pytest.mark.parametrize("depth", [10_000, 50_000])
def test_deep_nesting_is_too_deep(tag: str, depth: int) -> None:
    with pytest.raises(ExtractError) as info:
        extract(f"<html><body>{f'<{tag}>' * depth}{TEXT}</body></html>")
    assert info.value.reason == "too_deep"


def test_deep_balanced_nesting_is_too_deep() -> None:
    html = "<html><body>" + "<div>" * 20_000 + TEXT + "</div>" * 20_000 + "</body></html>"
    with pytest.raises(ExtractError) as info:
        extract(html)
    assert info.value.reason == "too_deep"


@pytest.mark.parametrize(
    "markup",
    [
        "</div>" * 60_000 + "<div>" * 60_000,  # end tags that close nothing, then the nesting
        "<div></span>" * 60_000,  # each start tag "closed" by an end tag of another name
    ],
)
def test_end_tags_that_close_nothing_do_not_hide_nesting(markup: str) -> None:
    with pytest.raises(ExtractError) as info:
        extract(f"<html><body>{markup}{TEXT}</body></html>")
    assert info.value.reason == "too_deep"


def test_an_end_tag_closes_the_elements_left_open_inside_its_own() -> None:
    # 3000 unclosed <span>s inside each <div>, closed by the div's end tag: never deeper than 3001
    html = ("<div>" + "<span>" * 3000 + "</div>") * 20
    assert check_markup(html, max_depth=3001) is True
    with pytest.raises(ExtractError):
        check_markup(html, max_depth=3000)


def test_depth_limit_is_configurable() -> None:
    html = "<html><body>" + "<div>" * 50 + TEXT + "</body></html>"
    with pytest.raises(ExtractError) as info:
        extract(html, config=ExtractConfig(max_depth=20))
    assert info.value.reason == "too_deep"


def test_nesting_under_the_limit_is_extracted() -> None:
    html = "<html><body>" + "<div>" * 100 + TEXT * 3 + "</div>" * 100 + "</body></html>"
    assert "paragraph of an article" in extract(html).body


def test_many_void_and_paragraph_tags_are_not_nesting() -> None:
    # thousands of <p>/<br>/<img> without end tags do not nest: not too deep
    html = (
        "<html><body><div>"
        + "<p>Some words here, and more words.<br><img src=x>" * 5000
        + "</div></body></html>"
    )
    check_markup(html, max_depth=2000)


def test_time_limit_is_timed_out() -> None:
    html = "<html><body>" + TEXT * 200 + "</body></html>"
    with pytest.raises(ExtractError) as info:
        extract(html, config=ExtractConfig(time_limit=1e-9))
    assert info.value.reason == "timed_out"


def test_deadline_not_spent_passes() -> None:
    Deadline(60.0).check()


def test_deadline_spent_raises() -> None:
    deadline = Deadline(1e-9, url="https://example.com/")
    with pytest.raises(ExtractError) as info:
        deadline.check()
    assert info.value.reason == "timed_out"
    assert info.value.url == "https://example.com/"


def test_foreign_exception_becomes_internal_extract_error() -> None:
    # a stage failing with someone else's exception (here: a number where the URL belongs) is
    # converted once, at the boundary, so a batch records it and goes on
    with pytest.raises(ExtractError) as info:
        extract("<article><p>Rain came back to the valley on Monday.</p></article>", url=123)  # type: ignore[arg-type]
    assert info.value.reason == "internal"
    assert isinstance(info.value.__cause__, Exception)


@pytest.mark.parametrize("given", [None, ["<p>not markup</p>"], 5])
def test_a_page_that_is_no_str_or_bytes_is_a_type_error(given: object) -> None:
    # a caller's slip says what is wrong, not "internal error"
    with pytest.raises(TypeError, match="str or bytes"):
        extract(given)  # type: ignore[arg-type]


def test_a_bytearray_or_memoryview_is_read_as_bytes() -> None:
    page = b"<html><body><article><h1>Rain</h1><p>Rain came back to the valley on Monday.</p></article>"
    assert extract(bytearray(page)).title == extract(memoryview(page)).title == "Rain"  # type: ignore[arg-type]


def test_tags_inside_scripts_are_not_nesting() -> None:
    # a JS template that opens thousands of divs in strings is text to the parser, not nesting
    script = "<script>var t = '" + "<div>" * 5000 + "';</script>"
    html = f"<html><head>{script}</head><body><article>{TEXT * 3}</article></body></html>"
    assert "paragraph of an article" in extract(html).body


# -- attributes: lexbor is quadratic in one tag's attributes, so the markup is tamed before the parse


def huge_tag(count: int, tag: str = "div") -> str:
    return f"<{tag} " + " ".join(f'a{i}="v{i}"' for i in range(count)) + ">"


def test_tame_attributes_keeps_the_first_attributes_of_a_huge_tag() -> None:
    html = f"<p>before</p>{huge_tag(100_000)}Text</div><p>after</p>"
    node = LexborHTMLParser(tame_attributes(html)).css_first("div")
    assert node is not None
    assert len(node.attributes) == MAX_ATTRIBUTES
    assert node.attributes[f"a{MAX_ATTRIBUTES - 1}"] == f"v{MAX_ATTRIBUTES - 1}"
    assert node.text() == "Text"


def test_tame_attributes_cuts_the_values_of_a_tamed_tag() -> None:
    html = f'<p title="{"x" * 200_000}" ' + " ".join(f"b{i}" for i in range(1_000)) + ">Text</p>"
    node = LexborHTMLParser(tame_attributes(html)).css_first("p")
    assert node is not None
    assert len(node.attributes["title"] or "") < MAX_VALUE_CHARS
    assert "b10" in node.attributes
    assert node.text() == "Text"


@pytest.mark.parametrize(
    "html",
    [
        f"<html><body><article>{TEXT}</article></body></html>",
        f"<img srcset=\"{'a.jpg 1x, ' * 5_000}\"><div data-x='{'{}' * 50_000}'>x</div>",  # long values alone
        f"<script>var t = '{huge_tag(1_000)}';</script><p>x</p>",  # text to the parser
        f"<!-- {huge_tag(1_000)} --><p>x</p>",
        f"<svg><path d='M0 0'/></svg><style>{huge_tag(1_000)}</style>",
    ],
)
def test_tame_attributes_leaves_other_markup_alone(html: str) -> None:
    assert tame_attributes(html) is html


@pytest.mark.parametrize(
    "prefix",
    ["<svg><style>", "<svg></math><style>", "<!-- x --!>", "<!-->", "<script>x</script>", "<math><title>"],
)
def test_tame_attributes_looks_where_the_parser_reads_tags(prefix: str) -> None:
    # inside <svg>/<math> a <style> or <title> holds markup; "--!>" and "<!-->" end a comment
    html = prefix + huge_tag(1_000, "g") + "x"
    assert len(tame_attributes(html)) < len(html)


def test_page_with_a_huge_tag_keeps_its_article() -> None:
    # before the cap, 80k attributes on one tag took lexbor 11-15 s (125k: never returned)
    html = f"<html><body>{huge_tag(80_000)}<article><h1>Rain</h1>{TEXT * 3}</article></div></body></html>"
    article = extract(html, config=ExtractConfig(time_limit=3.0))
    assert "paragraph of an article" in article.body


# -- the time limit holds inside a stage: Deadline.run stops an overrunning call


def spin() -> None:
    while True:
        pass


def test_deadline_run_stops_a_call_that_overruns() -> None:
    assert Deadline(0.3).run(spin) is None


def test_deadline_run_returns_what_the_call_returns() -> None:
    assert Deadline(60.0).run(lambda a, b: a + b, 2, b=3) == 5


def test_deadline_run_passes_exceptions_on() -> None:
    with pytest.raises(ZeroDivisionError):
        Deadline(60.0).run(lambda: 1 / 0)


def test_deadline_run_skips_a_call_without_time_left() -> None:
    assert Deadline(1.0).run(lambda: "ran", reserve=0.9) is None


def test_nested_runs_stop_on_their_own_time() -> None:
    outer = Deadline(60.0)
    inner = Deadline(0.3)
    assert outer.run(lambda: (inner.run(spin), "outer goes on")[1]) == "outer goes on"


def test_bounded_calls_start_no_thread_each(monkeypatch: pytest.MonkeyPatch) -> None:
    Deadline(60.0).run(lambda: None)  # the one watchdog thread may start here
    started: list[threading.Thread] = []
    start = threading.Thread.start

    def counted(self: threading.Thread) -> None:
        started.append(self)
        start(self)

    monkeypatch.setattr(threading.Thread, "start", counted)
    assert [Deadline(60.0).run(lambda i=i: i) for i in range(50)] == list(range(50))
    assert started == []


def test_runs_in_several_threads_stop_only_the_one_that_overruns() -> None:
    results: dict[str, object] = {}

    def slow() -> None:
        results["slow"] = Deadline(0.3).run(spin)

    def quick() -> None:
        results["quick"] = Deadline(60.0).run(lambda: sum(range(10**6)) and "done")

    threads = [threading.Thread(target=slow), threading.Thread(target=quick)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert results == {"slow": None, "quick": "done"}


def test_extraction_under_a_profiler_ends() -> None:
    # Clearing a late interrupt with PyThreadState_SetAsyncExc(id, NULL) left CPython's "pending"
    # flag set for good: under cProfile the next loop of the thread never ended.
    code = textwrap.dedent(
        """
        import cProfile
        from newsscrape import extract
        from newsscrape.extractor._guard import Deadline
        with cProfile.Profile():
            assert Deadline(60.0).run(lambda: "ran") == "ran"
            assert [word for word in "a b c".split()] == ["a", "b", "c"]
            print(extract(b"<html><body><p>Some words of text in a paragraph.</p></body></html>").body)
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "Some words of text in a paragraph."


def test_an_interrupt_fired_as_the_call_returns_lands_in_the_bounded_call(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    disarm = _guard._Watchdog.disarm

    def late(self: _guard._Watchdog, token: int) -> bool:
        time.sleep(0.5)  # in C: the watchdog fires meanwhile, and the interrupt waits for Python
        return disarm(self, token)

    monkeypatch.setattr(_guard._Watchdog, "disarm", late)
    assert Deadline(0.3).run(lambda: "returned in time") is None  # the late interrupt ended it here
    monkeypatch.undo()
    assert [i for i in range(100_000)][-1] == 99_999  # and nothing is left to land in this code
    assert Deadline(60.0).run(lambda: "next") == "next"
