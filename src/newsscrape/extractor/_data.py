"""The values fitted on data: JSON files in ``extractor/data/``, written by ``benchmarks/fit_*.py``."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def fitted(name: str) -> Any:
    """The parsed file ``extractor/data/<name>``, e.g. ``fitted("title.json")["min_overlap"]``."""
    return json.loads(resources.files(__package__).joinpath(f"data/{name}").read_text(encoding="utf-8"))
