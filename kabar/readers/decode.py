"""Bytes to text: BOM, declared charset, strict UTF-8, then charset-normalizer; never errors="ignore".

A wrong guess silently corrupts every word of a page, so we only trust what can be checked:
a declared charset is used only if the bytes decode strictly with it, and anything that fails
strict decoding goes to detection. Bytes that are not text at all are refused (`binary_content`).
"""
from __future__ import annotations

import base64
import codecs
import re

from charset_normalizer import from_bytes

from kabar.readers.limits import ReadLimits
from kabar.record import Rejected

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Browsers (WHATWG Encoding) read these labels as windows-1252, a superset; so do we.
_AS_CP1252 = {"iso8859-1", "latin-1", "ascii", "iso8859-15"}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([-\w.:]+)""", re.I)
CP1252_TIE_CHAOS = 0.02  # how much "messier" than the best guess cp1252 may be and still win
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13))


class DecodeFailure(Rejected):
    """Bytes that are not text kabar can read (`decode_error`, `binary_content`)."""


def bom_encoding(data: bytes) -> str | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return None


def binary_reason(data: bytes, limits: ReadLimits) -> str | None:
    """Why `data` is not text (None if it may be). UTF-16/32 with a BOM legitimately contain NULs."""
    if bom_encoding(data) in ("utf-16", "utf-32"):
        return None
    sample = data[: limits.sniff_bytes]
    nul = sample.find(b"\x00")
    if nul >= 0:
        return f"NUL byte at offset {nul} (starts with {sample[:16].hex(' ')})"
    ctrl = len(sample) - len(sample.translate(None, _CONTROL))
    if sample and ctrl / len(sample) > limits.max_control_ratio:
        return f"{ctrl} control bytes in the first {len(sample)} (starts with {sample[:16].hex(' ')})"
    return None


def normalize_charset(label: str | bytes | None) -> str | None:
    """Python codec name for a declared charset label, or None if unknown."""
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "replace")
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    if name in _AS_CP1252:
        return "cp1252"
    if name.startswith(("utf-16", "utf-32")):  # a meta tag can only be read in an ASCII-compatible file
        return "utf-8"
    return name


def _is_single_byte(enc: str) -> bool:
    try:
        return len("é".encode(enc)) == 1
    except (UnicodeError, LookupError):
        return False


def _try(data: bytes, enc: str) -> str | None:
    try:
        return data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(data: bytes) -> tuple[str, str]:
    """charset-normalizer's guess, with near-ties broken towards windows-1252.

    Latin-script news (Indonesian, English) has only a few accented letters, too few for the
    detector to tell single-byte code pages apart (it may say cp775 for "Müller"); windows-1252
    is by far the most likely legacy encoding of such a page, so a candidate that decodes the
    bytes like cp1252 and is about as clean as the best guess wins."""
    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise DecodeFailure("decode_error", "bytes are neither UTF-8 nor any encoding charset-normalizer recognises")
    for m in results:
        if "cp1252" in m.could_be_from_charset and m.chaos <= best.chaos + CP1252_TIE_CHAOS:
            if (text := _try(data, "cp1252")) is not None:
                return text, "cp1252"
    return str(best), best.encoding


def _check_binary(data: bytes, limits: ReadLimits) -> None:
    why = binary_reason(data, limits)
    if why:
        raise DecodeFailure("binary_content", f"not text: {why}")


def decode_text(data: bytes, limits: ReadLimits) -> tuple[str, str]:
    """(text, encoding) for a plain-text dump: BOM, else strict UTF-8, else detection."""
    _check_binary(data, limits)
    enc = bom_encoding(data)
    if enc and (text := _try(data, enc)) is not None:
        return text, enc
    if (text := _try(data, "utf-8")) is not None:
        return text, "utf-8"
    return _detect(data)


def meta_charset(data: bytes) -> str | None:
    """Charset of `<meta charset>` or `<meta http-equiv=Content-Type content="…; charset=…">`."""
    m = _META_CHARSET.search(data[:8192])
    return normalize_charset(m.group(1)) if m else None


def decode_html(data: bytes, limits: ReadLimits, http_charset: str | None = None) -> tuple[str, str]:
    """(text, encoding) for HTML: BOM, then HTTP header, then meta tag, then UTF-8, then detection.

    A declared single-byte charset loses to valid multi-byte UTF-8: pages served as UTF-8 but
    labelled iso-8859-1 are common, while real cp1252 text is almost never valid UTF-8.
    """
    _check_binary(data, limits)
    enc = bom_encoding(data)
    if enc and (text := _try(data, enc)) is not None:
        return text, enc
    utf8 = _try(data, "utf-8")
    for declared in (normalize_charset(http_charset), meta_charset(data)):
        if not declared:
            continue
        if utf8 is not None and _is_single_byte(declared) and not data.isascii():
            return utf8, "utf-8"
        if (text := _try(data, declared)) is not None:
            return text, declared
    if utf8 is not None:
        return utf8, "utf-8"
    return _detect(data)


def preview(data: bytes, limits: ReadLimits, decodable: bool = True) -> str:
    """Something an operator can reprocess: the text if it decodes, else `base64:` + the first bytes."""
    if decodable and not binary_reason(data, limits):
        try:
            return decode_text(data, limits)[0]
        except DecodeFailure:
            pass
    return "base64:" + base64.b64encode(data[: limits.preview_bytes]).decode("ascii")


def preview_prefix(data: bytes, limits: ReadLimits) -> str:
    """A bounded preview of an oversized input (UTF-8 prefix, or base64)."""
    head = data[: limits.preview_bytes]
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # only the cut through the last character failed
            return head[: exc.start].decode("utf-8")
    return preview(head, limits)
