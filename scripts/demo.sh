#!/usr/bin/env bash
# Install newsscrape into .venv and run it on a built-in example: the fixture pages are served on
# 127.0.0.1, one is fetched with `newsscrape fetch`, then all of them are crawled with `newsscrape crawl`.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e .
exec .venv/bin/python scripts/demo.py
