"""The content-profile fit scores a profile as the pipeline reads the page with it
(``benchmarks/fit_content.py``: its second-opinion replay against ``extract`` itself)."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from newsscrape import extract
from newsscrape.extractor import _core
from newsscrape.extractor.content import _content, _profiles

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "fit_content.py"
DESCRIPTION = (
    "The kettle boils a litre of water in three minutes and switches itself off when it is done. "
    "Its body is brushed steel with a handle that stays cool, and the lid opens with one press. "
    "A filter in the spout keeps scale out of your cup, and it lifts out to be rinsed under the tap. "
    "The base turns all the way round, so the kettle sits on it from either side of the counter. "
    "A window on the side shows how much water is left, marked in cups as well as in litres."
)
SPECS = "Capacity one point seven litres. Power two thousand two hundred watts. Cord of seventy centimetres."
# the description and specification tabs, printed once for phones and again for desktops
PAGE = f"""<html><head><title>Steel kettle | Home shop</title></head><body>
<header><nav><a href="/">Home</a> <a href="/kitchen">Kitchen</a></nav></header>
<main><h1>Steel kettle</h1><p class="price">49.00</p>
<div class="tabs">
<section><h2>Description</h2><p>{DESCRIPTION}</p><h2>Specifications</h2><p>{SPECS}</p></section>
<section><h2>Description</h2><p>{DESCRIPTION}</p><h2>Specifications</h2><p>{SPECS}</p></section></div>
</main><footer><p>Home shop, all rights reserved.</p></footer></body></html>"""


def _fit_script(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location("fit_content", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "fit_content", module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("second_share", [None, 0.0, 1.0, 1.5])
def test_the_fit_scores_a_profile_as_the_pipeline_reads_the_page(
    monkeypatch: pytest.MonkeyPatch, second_share: float | None
) -> None:
    # the fit swaps in its probes and its profiles: put the library back afterwards
    for module, name in (
        (_content, "_unsure"),
        (_content, "_second_opinion"),
        (_content, "trafilatura_text"),
        (_core, "extract_content"),
        (_profiles, "PROFILES"),
    ):
        monkeypatch.setattr(module, name, getattr(module, name))
    fit = _fit_script(monkeypatch)
    url = "https://shop.example.org/kitchen/steel-kettle"
    body = f"Steel kettle\n\n{DESCRIPTION}\n\nSpecifications\n\n{SPECS}"
    truth = {"url": url, "body": body, "type": "product"}
    profile = replace(_profiles.PROFILES["product"], second_share=second_share)
    [fitted] = fit.page_scores([fit.Page(truth, PAGE.encode())], profile)
    monkeypatch.setattr(_profiles, "PROFILES", dict.fromkeys(fit.TYPES, profile))
    assert fitted == pytest.approx(fit.word_f1(body, extract(PAGE, url=url).body))


def test_each_stage_of_the_fit_reports_its_best_as_it_ends(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # a refit of the article profile runs for an hour: a run cut short by a timeout still tells
    # what each finished stage found and the bar it had to clear
    fit = _fit_script(monkeypatch)
    base = _profiles.ARTICLE
    deeper = replace(base, descent_share=0.6)
    monkeypatch.setattr(fit, "score", lambda docs, profile: 0.9 if profile == deeper else 0.8)
    assert fit.better(base, 0.895, [base, deeper], []) == (base, 0.895)
    assert capsys.readouterr().out == (
        "  stage of 2: best 0.9000, to beat 0.9100; it moves {'descent_share': 0.6}\n"
    )
