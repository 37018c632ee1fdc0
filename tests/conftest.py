"""Shared fixtures: the fault server (see faultserver.py), the anyio backend for async tests, and the
scripts of ``benchmarks/`` imported by name."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings

from faultserver import FaultServer

# Machines here are shared and noisy: Hypothesis must judge correctness, never speed.
settings.register_profile("noisy", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("noisy")

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"

# --doctest-modules would import this file as a module named "conftest", which src/conftest.py
# (the doctests' set-up) already is: it holds no examples, so it is not collected.
collect_ignore = ["conftest.py"]


@pytest.fixture
def anyio_backend() -> str:
    # The fetcher keeps its deadline with asyncio.timeout, so async tests run on asyncio only.
    return "asyncio"


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    """A fresh fault server on 127.0.0.1 (empty log, default robots) for one test."""
    with FaultServer() as server:
        yield server


@pytest.fixture
def fault_servers() -> Iterator[Callable[[str], FaultServer]]:
    """Start more servers, one per host: ``a, b = fault_servers("127.0.0.2"), fault_servers("127.0.0.3")``.

    Each is a distinct host for politeness and redirect tests; all are closed after the test.
    """
    started: list[FaultServer] = []

    def start(host: str = "127.0.0.1") -> FaultServer:
        server = FaultServer(host).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.close()


@pytest.fixture
def bench_script(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], ModuleType]:
    """Import a script of ``benchmarks/`` by name: ``bench_script("crawl")``; sys.path restored after."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    return importlib.import_module
