"""WARC: response records with HTML, lazily; a corrupt record is reported and skipped."""
from __future__ import annotations

import gzip
import io
from datetime import datetime, timezone

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kabar.readers import ReadLimits
from bad_corpus import warc_other, warc_response
from readers_testutil import docs, read_bytes, reasons

PAGE = "<html><head><meta charset='utf-8'></head><body><p>Berita “baik” hari ini.</p></body></html>".encode()


def _warcio_file(gz: bool) -> bytes:
    """Written by warcio itself: gzip per record, chunked + gzip Content-Encoding payload, non-HTML."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    w.write_record(w.create_warcinfo_record("x.warc", {"software": "test"}))
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in (PAGE[:20], PAGE[20:])) + b"0\r\n\r\n"
    h = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://x.id/a", "response", payload=io.BytesIO(chunked), http_headers=h))
    h = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip")],
                         protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://x.id/b", "response", payload=io.BytesIO(gzip.compress(PAGE)), http_headers=h))
    h = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://x.id/c.png", "response", payload=io.BytesIO(b"\x89PNG\x00"), http_headers=h))
    h = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://x.id/d", "response", payload=io.BytesIO(b"<p>hilang</p>"), http_headers=h))
    return buf.getvalue()


@pytest.mark.parametrize("gz", [True, False])
def test_readers_warcio_written_file(tmp_path, gz):
    items = read_bytes(tmp_path, "x.warc.gz" if gz else "x.warc", _warcio_file(gz))
    a, b, png, missing = items
    assert [i.source_uri.rsplit("#", 1)[1] for i in items] == ["2", "3", "4", "5"]  # warcinfo is record 1
    for d, url in ((a, "https://x.id/a"), (b, "https://x.id/b")):
        assert d.content == PAGE.decode() and d.url == url and d.content_type == "html" and d.source_format == "warc"
        assert d.fetched_at.tzinfo == timezone.utc
    assert (png.reason, missing.reason) == ("unsupported_content_type", "http_error_status")


def _records(*recs: bytes) -> bytes:
    return b"".join(recs)


GOOD1 = warc_response("https://x.id/1", PAGE)
GOOD2 = warc_response("https://x.id/2", PAGE.replace(b"baik", b"bagus"))


@pytest.mark.parametrize("case,middle", [
    ("bad_length", GOOD1.replace(b"Content-Length: ", b"Content-Length: x", 1)),
    ("too_long", GOOD1.replace(b"Content-Length: %d" % (len(GOOD1.split(b"\r\n\r\n", 1)[1]) - 4),
                               b"Content-Length: %d" % (len(GOOD1.split(b"\r\n\r\n", 1)[1]) + 40), 1)),
    ("too_short", GOOD1.replace(b"Content-Length: %d" % (len(GOOD1.split(b"\r\n\r\n", 1)[1]) - 4),
                                b"Content-Length: 30", 1)),
    ("junk", b"\x00garbage that is not a record\r\nmore garbage\r\n"),
    ("no_header_end", b"WARC/1.0\r\nWARC-Type: response\r\n" + b"X-Pad: y\r\n" * 10_000),
])
def test_readers_warc_one_corrupt_record_among_good_ones(tmp_path, case, middle):
    items = read_bytes(tmp_path, "c.warc", _records(warc_other("warcinfo", ""), GOOD1, middle, GOOD2))
    assert reasons(items) == ["corrupt_warc_record"], [(type(i).__name__, getattr(i, "detail", "")) for i in items]
    assert [d.url for d in docs(items)] == ["https://x.id/1", "https://x.id/2"]
    bad = next(i for i in items if not hasattr(i, "content"))
    assert bad.source_uri.endswith("c.warc#3") and bad.detail.startswith("record 3")


def test_readers_warc_truncated_last_record_and_gzip(tmp_path):
    whole = _records(GOOD1, GOOD2)
    items = read_bytes(tmp_path, "t.warc", whole[:-100])
    assert reasons(items) == ["corrupt_warc_record"] and len(docs(items)) == 1 and "truncated" in items[-1].detail
    gz = gzip.compress(GOOD1) + gzip.compress(GOOD2)
    items = read_bytes(tmp_path, "t.warc.gz", gz[:-30])
    assert len(docs(items)) == 1 and reasons(items)[-1] in ("truncated_gzip", "corrupt_warc_record")


def test_readers_warc_limits_and_wet_conversion(tmp_path):
    lim = ReadLimits(max_doc_bytes=100)
    items = read_bytes(tmp_path, "big.warc", _records(GOOD1, warc_other("request", "https://x.id/r")), lim)
    assert reasons(items) == ["document_too_large"]
    conv = warc_other("conversion", "https://x.id/wet", "Judul\n\nIsi teks.".encode())
    (d,) = read_bytes(tmp_path, "w.warc", conv)
    assert (d.content_type, d.content, d.fetched_at) == ("text", "Judul\n\nIsi teks.", datetime(2024, 6, 20, 1, 2, 3, tzinfo=timezone.utc))


def test_readers_warc_is_read_lazily(tmp_path):
    from kabar.readers import discover, read_file

    p = tmp_path / "many.warc"
    with open(p, "wb") as fh:
        for i in range(2000):
            fh.write(warc_response(f"https://x.id/{i}", PAGE))
    it = read_file(discover([str(p)])[0][0])
    first = next(it)
    assert first.source_uri.endswith("#1")
    assert sum(1 for _ in it) == 1999
