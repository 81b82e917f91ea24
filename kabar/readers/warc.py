"""WARC files (CC-NEWS style): `response` records with HTML become documents.

Framing is done here, record by record from the stream (a 10 GB WARC is never held in memory),
so that one corrupt record can be reported and skipped: warcio's ArchiveIterator stops at the
first bad record. Each well-framed record is then parsed by warcio (HTTP headers, chunked
transfer and gzip/deflate Content-Encoding).

Numbering: `uri#N` is the N-th record of the file counting from 1 and counting EVERY record
(warcinfo, request, metadata too), so N locates the record with any WARC tool.
Documents: `response` records (and `resource`/`conversion` records) whose payload is HTML, or
plain text for `resource`/`conversion` (WET). `warcinfo`, `request`, `metadata`, `revisit`
records are not documents: skipped silently, not counted as read. A document record that
cannot be used (non-HTML payload, HTTP error status, undecodable body) is quarantined.
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import datetime, timezone

from warcio.recordloader import ArcWarcRecordLoader

from kabar.readers.base import ByteStream, reject
from kabar.readers.decode import DecodeFailure, decode_html, decode_text, preview, preview_prefix
from kabar.readers.html import html_doc
from kabar.record import Doc, Reject

FORMAT = "warc"
DOC_TYPES = {"response", "resource", "conversion"}
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([-\w.:]+)", re.I)
_NEXT_RECORD = re.compile(rb"\r?\nWARC/\d\.\d+\r?\n")


def _is_blank(line: bytes) -> bool:
    return line in (b"\r\n", b"\n")


def _resync(stream: ByteStream, limit: int) -> int:
    """Skip to the next line that starts a record (pushed back); returns bytes skipped."""
    skipped = 0
    while True:
        line = stream.readline(limit)
        if not line:
            return skipped
        if line.startswith(b"WARC/"):
            stream.unread(line)
            return skipped
        skipped += len(line)


def _headers(lines: list[bytes]) -> dict[str, str]:
    out: dict[str, str] = {}
    for raw in lines[1:]:
        name, sep, value = raw.decode("utf-8", "replace").partition(":")
        if sep:
            out.setdefault(name.strip().lower(), value.strip())
    return out


def read_warc(stream: ByteStream, uri: str) -> Iterator[Doc | Reject]:
    lim = stream.limits
    hmax = lim.max_warc_header_bytes
    n = 0
    seen_bytes = False
    while True:
        line = stream.readline(hmax)
        if not line:
            break
        seen_bytes = True
        if _is_blank(line):
            continue
        n += 1
        rec_uri = f"{uri}#{n}"
        if not line.startswith(b"WARC/"):
            skipped = len(line) + _resync(stream, hmax)
            yield reject("corrupt_warc_record",
                         f"record {n}: {skipped:,} bytes that are not a WARC record (no 'WARC/' version line); "
                         "skipped to the next record", rec_uri, FORMAT, preview_prefix(line, lim))
            continue
        head, size, ended = [line], len(line), False
        while size <= hmax:
            h = stream.readline(hmax)
            if not h:
                break
            head.append(h)
            size += len(h)
            if _is_blank(h):
                ended = True
                break
        headers = _headers(head)
        clen = headers.get("content-length", "")
        if not ended or not clen.isdigit():
            why = "header block is not terminated" if not ended else f"invalid Content-Length {clen!r}"
            skipped = _resync(stream, hmax)
            yield reject("corrupt_warc_record", f"record {n}: {why}; skipped {size + skipped:,} bytes to the next record",
                         rec_uri, FORMAT, preview_prefix(b"".join(head), lim))
            continue
        clen_i = int(clen)
        wtype = headers.get("warc-type", "").lower()
        if wtype not in DOC_TYPES or clen_i > lim.max_doc_bytes:
            got = stream.skip(clen_i)
            if wtype in DOC_TYPES:
                yield reject("document_too_large",
                             f"record {n}: {clen_i:,} bytes, over ReadLimits.max_doc_bytes = {lim.max_doc_bytes:,}; skipped",
                             rec_uri, FORMAT, preview_prefix(b"".join(head), lim))
            if got < clen_i:
                yield reject("corrupt_warc_record", f"record {n} is truncated: Content-Length {clen_i:,}, "
                             f"only {got:,} bytes left in the file", rec_uri, FORMAT, None)
                break
            continue
        block = stream.read(clen_i)
        raw = b"".join(head) + block
        if len(block) < clen_i:
            yield reject("corrupt_warc_record", f"record {n} is truncated: Content-Length {clen_i:,}, "
                         f"only {len(block):,} bytes left in the file", rec_uri, FORMAT, preview(raw, lim))
            break
        after = stream.readline(hmax)
        if after and not _is_blank(after) and not after.startswith(b"WARC/"):
            # Content-Length is wrong. Too long: the next record starts inside the block; hand it back.
            m = _NEXT_RECORD.search(block)
            if m:
                stream.unread(block[m.start():].lstrip(b"\r\n") + after)
                why = "Content-Length runs into the next record"
            else:
                stream.unread(after)
                _resync(stream, hmax)
                why = "Content-Length ends inside the record"
            yield reject("corrupt_warc_record", f"record {n}: {why}; record skipped", rec_uri, FORMAT, preview(raw, lim))
            continue
        stream.unread(after)
        yield _record_doc(raw, headers, wtype, n, rec_uri, lim)
    if not seen_bytes:
        yield reject("empty_file", "file is empty (0 bytes after decompression)", uri, FORMAT, "")


def _record_doc(raw: bytes, headers: dict[str, str], wtype: str, n: int, rec_uri: str, lim) -> Doc | Reject:
    def bad(reason: str, detail: str) -> Reject:
        return reject(reason, f"record {n}: {detail}", rec_uri, FORMAT, preview(raw, lim))

    url = headers.get("warc-target-uri", "").strip("<> ") or None
    try:
        fetched_at = datetime.fromisoformat(headers.get("warc-date", "")).astimezone(timezone.utc)
    except ValueError:
        return bad("corrupt_warc_record", f"invalid WARC-Date {headers.get('warc-date')!r}")
    try:
        rec = ArcWarcRecordLoader().parse_record_stream(io.BytesIO(raw))
        http = rec.http_headers if wtype == "response" else None
        if wtype == "response" and http is None:
            return bad("corrupt_warc_record", "response record without HTTP headers")
        body = rec.content_stream().read(lim.max_doc_bytes + 1)
    except Exception as exc:  # malformed HTTP head, broken chunking or Content-Encoding
        return bad("corrupt_warc_record", f"HTTP payload could not be parsed: {type(exc).__name__}: {exc}")
    if len(body) > lim.max_doc_bytes:
        return bad("document_too_large", f"payload inflates past ReadLimits.max_doc_bytes = {lim.max_doc_bytes:,}")
    if http is not None:
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return bad("http_error_status", f"HTTP status {status or '?'} for {url}: not a page")
        ctype = http.get_header("content-type") or ""
    else:
        ctype = headers.get("content-type", "")
    mime = ctype.split(";")[0].strip().lower()
    sniff_html = body.lstrip()[:1] == b"<"
    is_html = mime in HTML_TYPES or (not mime and sniff_html)
    is_text = wtype != "response" and mime == "text/plain"
    if not (is_html or is_text):
        return bad("unsupported_content_type", f"payload is {mime or 'untyped'} for {url}, not HTML")
    if not body.strip():
        return bad("empty_document", f"empty payload for {url}")
    charset = (m.group(1) if (m := _CHARSET.search(ctype)) else None)
    try:
        text = decode_html(body, lim, charset)[0] if is_html else decode_text(body, lim)[0]
    except DecodeFailure as exc:
        return bad(exc.reason, exc.detail)
    fields = dict(url=url, fetched_at=fetched_at)
    if is_html:
        return html_doc(text, rec_uri, FORMAT, lim, **fields)
    return Doc(source_uri=rec_uri, source_format=FORMAT, content=text, content_type="text", **fields)
