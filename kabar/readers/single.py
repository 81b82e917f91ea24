"""Shared part of the one-document-per-file readers (text, HTML): bounded whole-file read."""
from __future__ import annotations

from collections.abc import Callable

from kabar.readers.base import ByteStream, ReadError, reject
from kabar.readers.decode import DecodeFailure, preview, preview_prefix
from kabar.record import Reject


def read_whole(stream: ByteStream, uri: str, fmt: str) -> bytes | Reject:
    """The file's decompressed bytes, or the Reject saying why there are none usable."""
    lim = stream.limits
    try:
        data, more = stream.read_bounded(lim.max_doc_bytes)
    except ReadError as exc:  # truncated/corrupt gzip: keep what came out for the operator
        partial = exc.partial[: lim.max_doc_bytes]
        return reject(exc.reason, exc.detail, uri, fmt, preview(partial, lim) if partial else None)
    if more:
        if stream.looks_like_bomb():
            return reject(
                "decompression_limit",
                f"gzip inflated past {lim.max_doc_bytes:,} bytes from {stream.compressed:,} compressed "
                f"(ratio {stream.ratio():.0f}x > {lim.max_gzip_ratio:g}x): looks like a gzip bomb; reading stopped",
                uri, fmt, preview_prefix(data, lim),
            )
        return reject(
            "document_too_large",
            f"document is larger than ReadLimits.max_doc_bytes = {lim.max_doc_bytes:,} bytes; "
            f"only the first {lim.preview_bytes:,} bytes are kept as preview",
            uri, fmt, preview_prefix(data, lim),
        )
    if not data:
        return reject("empty_file", "file is empty (0 bytes after decompression)", uri, fmt, "")
    return data


def read_decoded(stream: ByteStream, uri: str, fmt: str, decode: Callable) -> str | Reject:
    """The whole file decoded with `decode(data, limits) -> (text, encoding)`, or a Reject."""
    data = read_whole(stream, uri, fmt)
    if isinstance(data, Reject):
        return data
    try:
        text, _enc = decode(data, stream.limits)
    except DecodeFailure as exc:
        return reject(exc.reason, exc.detail, uri, fmt, preview(data, stream.limits, decodable=False))
    if not text.strip():
        return reject("empty_document", f"{len(data):,} bytes of white space only", uri, fmt, text)
    return text
