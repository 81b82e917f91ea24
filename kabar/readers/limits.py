"""Every reader threshold in one place (trafilatura's settings.py idea): tune here, not in code."""
from __future__ import annotations

from dataclasses import dataclass

KiB = 1024
MiB = 1024 * KiB


@dataclass(frozen=True)
class ReadLimits:
    # One document: a .txt/.html file, one JSONL line, one WARC record's HTTP body.
    # Bigger ones become `document_too_large` / `line_too_long` rejects, read in bounded chunks, never whole.
    max_doc_bytes: int = 20_000_000  # = the raw gate's content_chars ceiling (expectations/raw.json)
    # Gzip bomb guard: a gzipped file is cut off (`decompression_limit`) once it has produced more than
    # `max_decompressed_bytes` AND more than `max_gzip_ratio` x the compressed bytes consumed so far.
    # The ratio condition lets real multi-GB dumps through (CC-NEWS .warc.gz and JSONL inflate 3-10x;
    # bombs inflate ~1000x). Set max_gzip_ratio=0 for a hard cap on every gzipped file.
    max_decompressed_bytes: int = 256 * MiB
    max_gzip_ratio: float = 100.0
    # libxml2 (lxml, trafilatura) silently drops everything nested deeper than 256 elements, so deeper
    # pages are flattened to this depth (excess tags removed, their text kept) before they become a Doc.
    max_html_depth: int = 200
    # A WARC record header block larger than this is treated as corrupt (real ones are < 2 KiB).
    max_warc_header_bytes: int = 64 * KiB
    # Bytes kept (base64) of an undecodable or oversized input so an operator can look at it.
    preview_bytes: int = 64 * KiB
    # Binary sniffing on the first `sniff_bytes`: any NUL byte, or more than `max_control_ratio`
    # C0 control characters (other than tab/newlines/form feed), means "not text".
    sniff_bytes: int = 8 * KiB
    max_control_ratio: float = 0.05
