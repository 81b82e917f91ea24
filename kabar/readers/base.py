"""Shared plumbing of all readers: the input handle, a bounded byte stream, and reject helpers.

Every reader gets a `ByteStream`: the file's bytes with gzip removed transparently (detected by
magic bytes, not by name), counted against the bomb guard, with bounded `readline` and a push-back
buffer (the WARC framer needs to re-read bytes after a corrupt record). Stream-level trouble
(truncated/corrupt gzip, bomb, I/O) surfaces as `ReadError` with an operator-readable reason.
"""
from __future__ import annotations

import gzip
import io
import zlib
from dataclasses import dataclass

import fsspec

from kabar.readers.limits import ReadLimits
from kabar.record import Reject, Rejected

STAGE = "extract"
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class InputFile:
    uri: str  # as the user would recognise it: local path as given/joined, or full fsspec URL
    size: int | None
    fingerprint: str  # size + mtime/etag: cheap change detector for incremental runs
    # Absolute fsspec URL used for I/O, so a worker with another working directory opens the same file.
    open_url: str = ""

    def open_bytes(self):
        """A binary file object (context manager) for the raw bytes; raises OSError if unreadable."""
        return fsspec.open(self.open_url or self.uri, "rb").open()


class ReadError(Rejected):
    """A problem that stops reading the rest of a file (or one record); `reason` is the quarantine code."""

    def __init__(self, reason: str, detail: str):
        super().__init__(reason, detail)
        self.partial = b""  # bytes decoded before the problem, when the caller kept them


class _Counting(io.RawIOBase):
    """Raw reader over an fsspec file that replays already-peeked bytes and counts what it hands out."""

    def __init__(self, fh, head: bytes):
        self._fh, self._head, self.count = fh, head, 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self._head:
            n = min(len(b), len(self._head))
            b[:n], self._head = self._head[:n], self._head[n:]
        else:
            data = self._fh.read(len(b))
            n = len(data)
            b[:n] = data
        self.count += n
        return n


class ByteStream:
    """Decompressed bytes of one input, bounded by `ReadLimits`; never holds more than one chunk."""

    def __init__(self, fh, limits: ReadLimits):
        self.limits = limits
        head = fh.read(2)
        self.gzipped = head == GZIP_MAGIC
        self._raw = _Counting(fh, head)
        buffered = io.BufferedReader(self._raw, 1024 * 1024)
        self._src = gzip.GzipFile(fileobj=buffered, mode="rb") if self.gzipped else buffered
        self.produced = 0  # decompressed bytes handed out (push-back not double counted)
        self._back = b""

    @property
    def compressed(self) -> int:
        return self._raw.count

    def ratio(self) -> float:
        return self.produced / max(1, self.compressed)

    def looks_like_bomb(self) -> bool:
        return self.gzipped and self.ratio() > self.limits.max_gzip_ratio

    def _call(self, fn, *args) -> bytes:
        try:
            data = fn(*args)
        except EOFError as exc:  # gzip: stream ends before the end-of-stream marker
            raise ReadError(
                "truncated_gzip",
                f"gzip data ends early after {self.produced:,} decompressed bytes "
                f"(file cut short: incomplete download or copy?): {exc}",
            ) from None
        except (gzip.BadGzipFile, zlib.error) as exc:
            raise ReadError(
                "corrupt_gzip", f"gzip data is corrupt after {self.produced:,} decompressed bytes: {exc}"
            ) from None
        except OSError as exc:
            raise ReadError("read_error", f"I/O error after {self.produced:,} bytes: {exc}") from None
        self.produced += len(data)
        lim = self.limits
        if self.gzipped and self.produced > lim.max_decompressed_bytes and self.looks_like_bomb():
            raise ReadError(
                "decompression_limit",
                f"gzip inflated to more than {lim.max_decompressed_bytes:,} bytes from {self.compressed:,} "
                f"compressed (ratio {self.ratio():.0f}x > {lim.max_gzip_ratio:g}x): looks like a gzip bomb; "
                f"reading stopped (ReadLimits.max_decompressed_bytes / max_gzip_ratio)",
            )
        return data

    def read(self, n: int) -> bytes:
        if self._back:
            data, self._back = self._back[:n], self._back[n:]
            if len(data) < n:
                data += self._call(self._src.read, n - len(data))
            return data
        return self._call(self._src.read, n)

    def read1(self, n: int) -> bytes:
        """At most `n` bytes from one underlying read: keeps the data decoded before a gzip error."""
        if self._back:
            data, self._back = self._back[:n], self._back[n:]
            return data
        return self._call(self._src.read1, n)

    def readline(self, limit: int) -> bytes:
        """One line including its newline, at most `limit` bytes (a longer line is returned cut)."""
        if self._back:
            i = self._back.find(b"\n", 0, limit)
            if i >= 0:
                data, self._back = self._back[: i + 1], self._back[i + 1 :]
                return data
            if len(self._back) >= limit:
                data, self._back = self._back[:limit], self._back[limit:]
                return data
            data, self._back = self._back, b""
            return data + self._call(self._src.readline, limit - len(data))
        return self._call(self._src.readline, limit)

    def unread(self, data: bytes) -> None:
        if data:
            self._back = data + self._back

    def skip_line(self, chunk: int = 1024 * 1024) -> int:
        """Discard the rest of the current line in bounded chunks; returns the bytes skipped."""
        skipped = 0
        while True:
            part = self.readline(chunk)
            skipped += len(part)
            if not part or part.endswith(b"\n"):
                return skipped

    def skip(self, n: int, chunk: int = 1024 * 1024) -> int:
        skipped = 0
        while skipped < n:
            part = self.read(min(chunk, n - skipped))
            if not part:
                break
            skipped += len(part)
        return skipped

    def read_bounded(self, limit: int, chunk: int = 1024 * 1024) -> tuple[bytes, bool]:
        """Up to `limit` bytes of what is left; the flag says whether there was more.

        Read in chunks so that a ReadError (truncated gzip) still carries what was decoded (`partial`)."""
        parts: list[bytes] = []
        total = 0
        while total <= limit:
            try:
                part = self.read1(min(chunk, limit + 1 - total))
            except ReadError as exc:
                exc.partial = b"".join(parts)
                raise
            if not part:
                break
            parts.append(part)
            total += len(part)
        data = b"".join(parts)
        return data[:limit], total > limit

def reject(reason: str, detail: str, uri: str, fmt: str | None, raw_preview: str | None = None, doc=None) -> Reject:
    return Reject(STAGE, reason, detail, uri, doc=doc, source_format=fmt, raw_preview=raw_preview)
