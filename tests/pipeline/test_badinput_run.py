"""A whole run over the generated bad-input corpus: it completes, the good records load,
every other record is quarantined with its reason, and read = loaded + quarantined."""
import os
from pathlib import Path

import pytest

from kabar.pipeline import Settings, run_plain
from bad_corpus import ARTICLES, build_bad_corpus

from pipeline_helpers import read_table


@pytest.fixture(scope="module")
def outcome(tmp_path_factory):
    base = tmp_path_factory.mktemp("bad")
    corpus = base / "in"
    corpus.mkdir()
    expected = build_bad_corpus(corpus)
    out = base / "out"
    manifest = run_plain(Settings(inputs=[str(corpus)], out=str(out)))
    return corpus, expected, out, manifest


def key_of(uri: str, corpus: Path) -> str:
    path, _, rec = uri.partition("#")
    rel = os.path.relpath(path, corpus)  # no resolve(): the unreadable case is a dangling symlink
    return f"{rel}#{rec}" if rec else rel


def test_run_completes_and_reconciles(outcome):
    corpus, expected, out, m = outcome
    assert m["status"] == "success", m["error"]
    c = m["counts"]
    assert c["read"] == c["loaded"] + c["quarantined"]
    assert c["read"] == len(expected)


def test_every_record_ends_where_expected(outcome):
    corpus, expected, out, m = outcome
    loaded = {key_of(u, corpus) for u in read_table(out / "articles").column("source_uri").to_pylist()}
    q = read_table(out / "quarantine").to_pylist()
    quarantined = {key_of(r["source_uri"], corpus): r for r in q}
    for key, fate in expected.items():
        if fate == ARTICLES:
            assert key in loaded, f"{key} should load"
            continue
        assert key in quarantined, f"{key} should be quarantined ({fate})"
        row = quarantined[key]
        assert row["reason"] and row["stage"]
        if fate.count(":") == 2:
            _, stage, reason = fate.split(":")
            assert (row["stage"], row["reason"]) == (stage, reason), key
    assert not (loaded & set(quarantined)), "a record is in both tables"
