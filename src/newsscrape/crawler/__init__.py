"""Orchestration: one URL (``fetch``/``afetch``) and batches (``crawl``), on top of fetcher, extractor, exporter."""

from .single import afetch, fetch

__all__ = ["afetch", "fetch"]
