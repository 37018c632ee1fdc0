"""``benchmarks/body_losses.py`` places a body's extra words (those not in the truth) before, between
or after the lines the truth shares: a closing box kept, or a truth cut short, shows as "after"."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest

STORY = "The council voted to rebuild the bridge.\nEngineers said the road would close for weeks."


@pytest.fixture
def body_losses(bench_script: Callable[[str], ModuleType]) -> ModuleType:
    return bench_script("body_losses")


def test_extra_words_are_placed_by_the_lines_the_truth_shares(body_losses: ModuleType) -> None:
    body = f"Home News Sport\n{STORY}\nRelated stories here\nSubscribe now"
    assert body_losses.placed_extra(body, STORY) == (3, 0, 5)
    inside = STORY.replace("\n", "\nAdvertisement\n")
    assert body_losses.placed_extra(inside, STORY) == (0, 1, 0)


def test_a_body_sharing_no_line_is_all_between(body_losses: ModuleType) -> None:
    assert body_losses.placed_extra("Cookie settings\nAccept all", STORY) == (0, 4, 0)
    assert body_losses.placed_extra(STORY, STORY) == (0, 0, 0)
