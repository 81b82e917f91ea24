"""Every case of the generated bad-input corpus ends as expected, and the good records come through."""
from __future__ import annotations

import time
import tracemalloc

import pytest

from kabar.readers import ReadLimits, read_file
from bad_corpus import ARTICLES, QUARANTINE_LATER
from kabar.record import Doc
from kabar.steps import Reject

from readers_testutil import input_file, read_bytes, reasons


def test_every_record_has_exactly_the_expected_outcome(bad_corpus, corpus_outcomes):
    _, expected = bad_corpus
    assert set(corpus_outcomes) == set(expected)
    for k, fate in expected.items():
        item = corpus_outcomes[k]
        if fate in (ARTICLES, QUARANTINE_LATER):
            assert isinstance(item, Doc), (k, item)
        else:
            assert isinstance(item, Reject), (k, item)
            assert f"quarantine:{item.stage}:{item.reason}" == fate, (k, item.detail)
            assert item.detail and item.source_uri


@pytest.mark.parametrize("case", ["empty.txt", "whitespace.txt", "binary.txt", "image.png", "truncated.txt.gz",
                                  "bomb.txt.gz", "long_line.txt", "long_line.jsonl#2", "mixed.jsonl#2",
                                  "mixed.warc#4", "unreadable.txt"])
def test_badinput_case_is_quarantined_with_reason(case, bad_corpus, corpus_outcomes):
    _, expected = bad_corpus
    item = corpus_outcomes[case]
    assert isinstance(item, Reject) and item.stage == "extract"
    assert expected[case] == f"quarantine:extract:{item.reason}"


@pytest.mark.parametrize("case", ["cp1252.txt", "latin1.txt", "good/cp1252_meta.html", "deep.html", "nav_only.html",
                                  "mixed.jsonl#1", "mixed.jsonl#3", "mixed.warc#3", "mixed.warc#5",
                                  "long_line.jsonl#1", "long_line.jsonl#3", "cc-news.warc.gz#2", "good/no_extension"])
def test_badinput_good_records_come_through(case, corpus_outcomes):
    doc = corpus_outcomes[case]
    assert isinstance(doc, Doc)
    assert doc.content.strip() and "\ufffd" not in doc.content
    assert doc.raw_sha1


def test_badinput_misencoded_text_is_decoded_not_ignored(corpus_outcomes):
    assert "“Kepala dinas”" in corpus_outcomes["cp1252.txt"].content
    assert "Café" in corpus_outcomes["cp1252.txt"].content
    assert "Müller Café" in corpus_outcomes["latin1.txt"].content
    assert "Jakarta (Français) -" in corpus_outcomes["latin1.txt"].content
    assert "“Café”" in corpus_outcomes["good/cp1252_meta.html"].content


def test_badinput_unreadable_rejects_keep_something_to_reprocess(corpus_outcomes):
    binary = corpus_outcomes["binary.txt"]
    assert binary.raw_preview.startswith("base64:") and binary.source_format == "text"
    assert corpus_outcomes["mixed.jsonl#2"].raw_preview.startswith('{"id": "2"')
    assert "WARC/1.0" in corpus_outcomes["mixed.warc#4"].raw_preview
    assert len(corpus_outcomes["long_line.txt"].raw_preview) <= ReadLimits().preview_bytes
    assert corpus_outcomes["truncated.txt.gz"].raw_preview  # what was decoded before the cut


def test_badinput_record_fields(corpus_outcomes):
    j1, j3 = corpus_outcomes["mixed.jsonl#1"], corpus_outcomes["mixed.jsonl#3"]
    assert (j1.source_format, j1.content_type, j1.url, j1.outlet_hint) == ("jsonl", "html", "https://contoh.id/1", "Contoh")
    assert j1.fetched_at.isoformat() == "2024-06-20T01:02:03+00:00"
    assert (j3.content_type, j3.fetched_at, j3.outlet_hint) == ("text", j1.fetched_at, None)
    w = corpus_outcomes["mixed.warc#5"]
    assert (w.source_format, w.content_type, w.url) == ("warc", "html", "https://contoh.id/w3")
    assert w.fetched_at == j1.fetched_at
    assert corpus_outcomes["good/page.htm.gz"].source_format == "html"


def test_badinput_deep_html_is_flattened_and_keeps_its_text(corpus_outcomes):
    from kabar.clean import CleanStep
    from kabar.readers.nesting import nesting_depth

    doc = corpus_outcomes["deep.html"]
    assert nesting_depth(doc.content) <= ReadLimits().max_html_depth
    res = CleanStep()([doc])
    assert res.docs and "Kepala dinas" in res.docs[0].text


def test_badinput_bomb_is_bounded_by_a_configurable_limit(bad_corpus):
    d, _ = bad_corpus
    f = input_file(d / "bomb.txt.gz")
    limits = ReadLimits(max_doc_bytes=1 << 30, max_decompressed_bytes=4 << 20)
    t0 = time.perf_counter()
    (item,) = list(read_file(f, limits))
    assert item.reason == "decompression_limit" and "4,194,304" in item.detail
    assert time.perf_counter() - t0 < 2


def test_badinput_bomb_in_a_stream_keeps_records_read_before_the_limit(tmp_path):
    import gzip
    import json

    line = json.dumps({"text": "Kalimat berita yang cukup panjang untuk satu dokumen kecil di sini."}).encode() + b"\n"
    items = read_bytes(tmp_path, "bomb.jsonl.gz", gzip.compress(line * 200_000),
                       ReadLimits(max_decompressed_bytes=1 << 20))
    assert reasons(items) == ["decompression_limit"]
    assert 1000 < len(items) < 200_000


def test_badinput_50mb_line_is_fast_and_memory_bounded(bad_corpus):
    d, _ = bad_corpus
    f = input_file(d / "long_line.jsonl")
    tracemalloc.start()
    t0 = time.perf_counter()
    items = list(read_file(f))
    seconds = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [type(i).__name__ for i in items] == ["Doc", "Reject", "Doc"]
    assert items[1].reason == "line_too_long" and "50,000,027" in items[1].detail
    assert peak < 2.5 * ReadLimits().max_doc_bytes  # never the whole 50 MB line (+ copies)
    assert seconds < 5
