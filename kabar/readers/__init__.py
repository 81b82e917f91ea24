"""Extract stage: find the inputs and read every raw-dump format into `Doc`s or `Reject`s.

    files, rejects = discover(["seeds", "s3://bucket/dumps/*.warc.gz"])
    for item in read_file(files[0]):      # Doc | Reject, lazily
        ...

One reader per format (text, html, jsonl, warc), all on a shared bounded byte stream
(`base.ByteStream`: transparent gzip, bomb guard, bounded lines) and shared decoding
(`decode`: BOM / declared charset / strict UTF-8 / charset-normalizer). `read_file` never
raises for bad data: every problem is a Reject with stage "extract" and a stable reason.
Multi-record files name their records `uri#N`, N counted from 1 (JSONL line, WARC record).
"""
from __future__ import annotations

import traceback
from collections.abc import Iterator

from kabar.readers.base import ByteStream, InputFile, ReadError, reject
from kabar.readers.decode import preview
from kabar.readers.discover import discover
from kabar.readers.formats import format_from_name, sniff_format
from kabar.readers.html import read_html
from kabar.readers.jsonl import read_jsonl
from kabar.readers.limits import ReadLimits
from kabar.readers.text import read_text
from kabar.readers.warc import read_warc
from kabar.record import Doc, Reject

__all__ = ["InputFile", "ReadLimits", "discover", "read_file", "READERS"]

READERS = {"text": read_text, "html": read_html, "jsonl": read_jsonl, "warc": read_warc}


def read_file(f: InputFile, limits: ReadLimits | None = None) -> Iterator[Doc | Reject]:
    """Every document of one input file, in file order, as a Doc or a Reject (never raises for bad data)."""
    limits = limits or ReadLimits()
    fmt = format_from_name(f.uri)
    try:
        fh = f.open_bytes()
    except Exception as exc:  # vanished since discovery, permission, network
        yield reject("unreadable_path", f"cannot open: {type(exc).__name__}: {exc}", f.uri, fmt)
        return
    n = 0
    try:
        with fh:
            stream = ByteStream(fh, limits)
            if fmt is None:
                head = stream.read(4096)
                stream.unread(head)
                fmt = sniff_format(head)
                if fmt is None:
                    what = "empty" if not head else f"starts with {head[:16]!r}"
                    yield reject("unsupported_format",
                                 f"unknown file type (supported: .txt .html .htm .jsonl .ndjson .warc, optionally gzipped); "
                                 f"content {what}", f.uri, None, preview(head, limits) if head else "")
                    return
            for item in READERS[fmt](stream, f.uri):
                n += 1
                yield item
    except ReadError as exc:  # the stream broke mid-file: records before it were already yielded
        where = f" (after {n} record(s) read from this file; the rest of the file was not read)" if n else ""
        yield reject(exc.reason, exc.detail + where, f.uri, fmt,
                     preview(exc.partial, limits) if exc.partial else None)
    except Exception as exc:  # a reader bug must not sink the run: quarantine the rest of the file
        yield reject("reader_error", f"{type(exc).__name__}: {exc} (after {n} record(s))\n"
                     f"{traceback.format_exc(limit=4)}", f.uri, fmt)
