"""JSONL / NDJSON: one record per line, numbered from 1; bad lines never stop the file."""
from __future__ import annotations

import gzip
import json
from datetime import datetime, timezone

import pytest

from kabar.readers import ReadLimits
from kabar.readers.jsonl import parse_time
from kabar.record import Doc
from readers_testutil import docs, read_bytes, reasons

UTC = timezone.utc


def _jsonl(*records) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in records)


def test_readers_jsonl_fields_and_numbering(tmp_path):
    data = _jsonl(
        {"id": "a", "url": "https://x.id/a", "html": "<p>Halo</p>", "fetched_at": "2024-06-20T08:00:00+07:00", "outlet": "X"},
        b"",
        {"id": "b", "text": "Teks saja", "fetched_at": 1718841600},
        {"id": "c", "html": "<p>menang</p>", "text": "kalah"},
    )
    items = read_bytes(tmp_path, "d.ndjson", gzip.compress(data))
    a, b, c = items
    assert [i.source_uri.rsplit("#", 1)[1] for i in items] == ["1", "3", "4"]  # line numbers; blank line 2 skipped
    assert (a.source_format, a.content_type, a.url, a.outlet_hint) == ("jsonl", "html", "https://x.id/a", "X")
    assert a.fetched_at == datetime(2024, 6, 20, 1, 0, tzinfo=UTC)
    assert (b.content_type, b.url, b.fetched_at) == ("text", None, datetime(2024, 6, 20, tzinfo=UTC))
    assert (c.content_type, c.content) == ("html", "<p>menang</p>")


@pytest.mark.parametrize("line", [
    b'{"text": "putus',                      # cut JSON
    b'[1, 2]',                               # not an object
    b'{"url": "https://x.id"}',              # no content
    b'{"text": "   "}',                      # blank content
    b'{"text": "ok", "fetched_at": "kemarin"}',
    b'{"text": "ok", "url": 5}',
    b'\xff\xfe\x00\x00garbage\x00',          # binary
    b'[' * 100_000,                          # nesting too deep for json
])
def test_readers_jsonl_bad_line_among_good_ones(tmp_path, line):
    items = read_bytes(tmp_path, "d.jsonl", _jsonl({"text": "satu"}, line, {"text": "tiga"}))
    assert [type(i).__name__ for i in items] == ["Doc", "Reject", "Doc"]
    bad = items[1]
    assert (bad.reason, bad.stage, bad.source_format) == ("bad_jsonl_line", "extract", "jsonl")
    assert bad.source_uri.endswith("d.jsonl#2") and bad.detail.startswith("line 2")
    assert bad.raw_preview


def test_readers_jsonl_long_line_is_skipped_in_bounded_chunks(tmp_path):
    lim = ReadLimits(max_doc_bytes=1000, preview_bytes=50)
    long = json.dumps({"text": "x" * 5000}).encode()
    items = read_bytes(tmp_path, "d.jsonl", _jsonl({"text": "a"}, long, {"text": "c"}), lim)
    assert reasons(items) == ["line_too_long"] and len(docs(items)) == 2
    assert items[1].source_uri.endswith("#2") and len(items[1].raw_preview) == 50
    exact = _jsonl({"text": "y" * (1000 - 12)})  # exactly the limit plus newline: accepted
    assert len(exact) == 1001 and len(docs(read_bytes(tmp_path, "e.jsonl", exact, lim))) == 1


def test_readers_jsonl_empty_and_blank_files(tmp_path):
    assert reasons(read_bytes(tmp_path, "a.jsonl", b"")) == ["empty_file"]
    assert reasons(read_bytes(tmp_path, "b.jsonl", b"\n\n  \n")) == ["empty_file"]


def test_readers_jsonl_truncated_gzip_keeps_earlier_records(tmp_path):
    data = gzip.compress(_jsonl(*({"text": f"dokumen nomor {i} " * 20} for i in range(2000))))
    items = read_bytes(tmp_path, "d.jsonl.gz", data[: len(data) // 2])
    assert reasons(items) == ["truncated_gzip"] and len(docs(items)) > 100
    assert "record(s) read" in items[-1].detail


def test_readers_parse_time():
    assert parse_time("2024-06-20T01:02:03Z") == datetime(2024, 6, 20, 1, 2, 3, tzinfo=UTC)
    assert parse_time("2024-06-20 01:02:03") == datetime(2024, 6, 20, 1, 2, 3, tzinfo=UTC)  # naive = UTC
    assert parse_time(None) is None and parse_time("") is None
    assert isinstance(Doc("x", "jsonl", "c", "text", fetched_at=parse_time("2024-06-20")).fetched_at.tzinfo, timezone)
