"""Plain-text page dumps (`.txt`, like seeds/): one document per file, visible text."""
from __future__ import annotations

from collections.abc import Iterator

from kabar.readers.base import ByteStream
from kabar.readers.decode import decode_text
from kabar.readers.single import read_decoded
from kabar.record import Doc, Reject

FORMAT = "text"


def read_text(stream: ByteStream, uri: str) -> Iterator[Doc | Reject]:
    text = read_decoded(stream, uri, FORMAT, decode_text)
    yield text if isinstance(text, Reject) else Doc(source_uri=uri, source_format=FORMAT, content=text, content_type="text")
