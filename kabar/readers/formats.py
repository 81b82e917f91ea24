"""Which reader a file needs: by name (after a compression suffix), else by sniffing its first bytes."""
from __future__ import annotations

from urllib.parse import urlsplit

EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc",
}
COMPRESSION_SUFFIXES = (".gz", ".gzip")  # gzip itself is detected by magic bytes, not by name


def format_from_name(uri: str) -> str | None:
    path = urlsplit(uri).path if "://" in uri else uri
    name = path.rsplit("/", 1)[-1].lower()
    for suffix in COMPRESSION_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    dot = name.rfind(".")
    return EXTENSIONS.get(name[dot:]) if dot > 0 else None


def sniff_format(head: bytes) -> str | None:
    """Format of a file with an unknown name, from its first (decompressed) bytes."""
    if head.startswith(b"WARC/"):
        return "warc"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<") and (b"<html" in start or b"<!doctype html" in start):
        return "html"
    return None
