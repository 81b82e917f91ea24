"""JSONL / NDJSON dumps: one record per line (`id`, `url`, `html` or `text`, `fetched_at`, `outlet`).

Records are numbered by line, from 1 (as editors and `sed -n Np` count): `uri#N`. Blank lines are
not records and are skipped. A line longer than `max_doc_bytes` is skipped in bounded chunks
(never held whole) and quarantined as `line_too_long`; the lines after it are still read.
If both `html` and `text` are present, `html` wins: it carries the metadata trafilatura uses.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timezone

from kabar.readers.base import ByteStream, reject
from kabar.readers.decode import DecodeFailure, decode_text, preview, preview_prefix
from kabar.readers.html import html_doc
from kabar.record import Doc, Reject

FORMAT = "jsonl"


class BadRecord(ValueError):
    pass


def parse_time(value) -> datetime | None:
    """ISO 8601 string or epoch seconds to aware UTC; a time without offset is taken as UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise BadRecord(f"fetched_at {value!r} is not a date")
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(value, timezone.utc)
        except (OverflowError, OSError, ValueError) as exc:
            raise BadRecord(f"fetched_at {value!r} is not a valid epoch time: {exc}") from None
    if isinstance(value, str):
        try:
            dt = datetime.fromisoformat(value.strip())
        except ValueError:
            raise BadRecord(f"fetched_at {value!r} is not an ISO 8601 date") from None
        return (dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)
    raise BadRecord(f"fetched_at has type {type(value).__name__}, expected an ISO 8601 string")


def _opt_str(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value or None
    raise BadRecord(f"field {key!r} must be a string, got {type(value).__name__}")


def record_to_doc(obj, uri: str, limits) -> Doc | Reject:
    """Doc for one parsed JSON line (raises BadRecord for a malformed record)."""
    if not isinstance(obj, dict):
        raise BadRecord(f"line is a JSON {type(obj).__name__}, expected an object")
    fields = dict(url=_opt_str(obj, "url"), fetched_at=parse_time(obj.get("fetched_at")),
                  outlet_hint=_opt_str(obj, "outlet"))
    html, text = _opt_str(obj, "html"), _opt_str(obj, "text")
    if html and html.strip():
        return html_doc(html, uri, FORMAT, limits, **fields)
    if text and text.strip():
        return Doc(source_uri=uri, source_format=FORMAT, content=text, content_type="text", **fields)
    raise BadRecord(f"record has no non-empty 'html' or 'text' field (keys: {', '.join(sorted(obj)) or 'none'})")


def read_jsonl(stream: ByteStream, uri: str) -> Iterator[Doc | Reject]:
    lim = stream.limits
    n = records = 0
    seen_bytes = False
    while True:
        line = stream.readline(lim.max_doc_bytes + 1)
        if not line:
            break
        seen_bytes = True
        n += 1
        rec_uri = f"{uri}#{n}"
        if len(line) > lim.max_doc_bytes and not line.endswith(b"\n"):
            skipped = stream.skip_line()
            yield reject(
                "line_too_long",
                f"line {n} is {len(line) + skipped:,} bytes, over ReadLimits.max_doc_bytes = "
                f"{lim.max_doc_bytes:,}; skipped, first {lim.preview_bytes:,} bytes kept",
                rec_uri, FORMAT, preview_prefix(line, lim),
            )
            records += 1
            continue
        if n == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        records += 1
        try:
            text, _enc = decode_text(line, lim)
        except DecodeFailure as exc:
            yield reject("bad_jsonl_line", f"line {n}: {exc.detail}", rec_uri, FORMAT,
                         preview(line, lim, decodable=False))
            continue
        try:
            obj = json.loads(text.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            yield reject("bad_jsonl_line", f"line {n} is not valid JSON: {exc}", rec_uri, FORMAT, text)
            continue
        except RecursionError:
            yield reject("bad_jsonl_line", f"line {n} is JSON nested too deeply to parse", rec_uri, FORMAT, text)
            continue
        try:
            yield record_to_doc(obj, rec_uri, lim)
        except BadRecord as exc:
            yield reject("bad_jsonl_line", f"line {n}: {exc}", rec_uri, FORMAT, text)
    if not seen_bytes:
        yield reject("empty_file", "file is empty (0 bytes after decompression)", uri, FORMAT, "")
    elif not records:
        yield reject("empty_file", f"{n} blank line(s) and no record", uri, FORMAT, "")
