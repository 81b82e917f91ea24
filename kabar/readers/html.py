"""HTML pages (`.html`, `.htm`): one document per file; charset from BOM, meta tag or detection."""
from __future__ import annotations

from collections.abc import Iterator

from kabar.readers.base import ByteStream, reject
from kabar.readers.decode import decode_html
from kabar.readers.limits import ReadLimits
from kabar.readers.nesting import cap_nesting
from kabar.readers.single import read_decoded
from kabar.record import Doc, Reject

FORMAT = "html"


def html_doc(
    markup: str, uri: str, fmt: str, limits: ReadLimits, **fields
) -> Doc | Reject:
    """Doc for decoded HTML (shared with the JSONL and WARC readers): empty check and depth cap."""
    if not markup.strip():
        return reject("empty_document", "page is white space only", uri, fmt, markup)
    markup, _depth = cap_nesting(markup, limits.max_html_depth)
    return Doc(source_uri=uri, source_format=fmt, content=markup, content_type="html", **fields)


def read_html(stream: ByteStream, uri: str) -> Iterator[Doc | Reject]:
    markup = read_decoded(stream, uri, FORMAT, decode_html)
    yield markup if isinstance(markup, Reject) else html_doc(markup, uri, FORMAT, stream.limits)
