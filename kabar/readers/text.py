"""Plain-text page dumps (`.txt`, like seeds/): one document per file, visible text."""
from __future__ import annotations

from collections.abc import Iterator

from kabar.readers.base import ByteStream, reject
from kabar.readers.decode import DecodeFailure, decode_text, preview
from kabar.readers.single import read_whole
from kabar.record import Doc
from kabar.steps import Reject

FORMAT = "text"


def read_text(stream: ByteStream, uri: str) -> Iterator[Doc | Reject]:
    data = read_whole(stream, uri, FORMAT)
    if isinstance(data, Reject):
        yield data
        return
    try:
        text, _enc = decode_text(data, stream.limits)
    except DecodeFailure as exc:
        yield reject(exc.reason, exc.detail, uri, FORMAT, preview(data, stream.limits, decodable=False))
        return
    if not text.strip():
        yield reject("empty_document", f"{len(data):,} bytes of white space only", uri, FORMAT, text)
        return
    yield Doc(source_uri=uri, source_format=FORMAT, content=text, content_type="text")
