"""Per-origin windows (crawler/_hosts.py): turns, hold-offs, and the hosts only redirects reach."""

from __future__ import annotations

import asyncio

import pytest

from newsscrape.crawler._hosts import Host, PassingHosts, TargetBusy, hold_off, wait_turn


async def no_sleep(seconds: float) -> bool:
    """A sleep that ends the wait at once, as ``stop()`` would."""
    return False


def test_hold_off_never_shortens_a_window() -> None:
    async def go() -> float:
        host = Host(origin="https://a.example:443")
        hold_off(host, 30.0)
        hold_off(host, 1.0)
        return host.next_start - asyncio.get_running_loop().time()

    assert asyncio.run(go()) > 29.0


def test_a_turn_beyond_the_limit_is_refused_not_waited_for() -> None:
    async def go() -> None:
        host = Host(origin="https://a.example:443")
        hold_off(host, 30.0)
        with pytest.raises(TargetBusy):
            await wait_turn(host, sleep=no_sleep, limit=asyncio.get_running_loop().time() + 1.0)

    asyncio.run(go())


def test_a_stopped_wait_says_so() -> None:
    async def go() -> tuple[bool, bool]:
        idle, busy = Host(origin="https://a.example:443"), Host(origin="https://b.example:443")
        hold_off(busy, 30.0)
        return await wait_turn(idle, sleep=no_sleep), await wait_turn(busy, sleep=no_sleep)

    assert asyncio.run(go()) == (True, False)


def test_passing_hosts_forget_closed_windows_once_full() -> None:
    async def go() -> PassingHosts:
        passing = PassingHosts(max_size=2)
        waiting, done = Host(origin="https://w.example:443"), Host(origin="https://d.example:443")
        hold_off(waiting, 30.0)
        passing.add(waiting)
        passing.add(done)
        passing.add(Host(origin="https://new.example:443"))  # full: the closed window goes
        return passing

    passing = asyncio.run(go())
    assert passing.get("https://d.example:443") is None
    assert passing.get("https://w.example:443") is not None
    assert passing.pop("https://new.example:443") is not None
