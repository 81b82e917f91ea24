"""Fixtures for the reader tests: the generated bad-input corpus (helpers live in readers_testutil.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kabar.readers import discover, read_file
from bad_corpus import build_bad_corpus
from readers_testutil import key


@pytest.fixture(scope="session")
def bad_corpus(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """(folder, expected fate per record key), built once: it holds two 50 MB files."""
    d = tmp_path_factory.mktemp("bad_corpus")
    return d, build_bad_corpus(d)


@pytest.fixture(scope="session")
def corpus_outcomes(bad_corpus) -> dict[str, object]:
    """Record key (path relative to the corpus, `#N` kept) -> the Doc or Reject the extract stage gave."""
    d, _ = bad_corpus
    files, rejects = discover([str(d)])
    out: dict[str, object] = {}
    for r in rejects:
        out[key(d, r.source_uri)] = r
    for f in files:
        for item in read_file(f):
            k = key(d, item.source_uri)
            assert k not in out, f"two outcomes for {k}"
            out[k] = item
    return out
