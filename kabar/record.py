"""The one record contract shared by every stage, and the Parquet schemas derived from it.

A `Doc` is created by a reader, filled in by clean and enrich, and written by load.
Stage functions take and return `Doc`s; they never import Prefect. A stage that
rejects a document raises `Rejected`, which the shard runner turns into a quarantine row.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pyarrow as pa

# Zone labels a cleaner assigns to every line of a page.
TITLE, META, BODY, DROPPED = "title", "meta", "body", "dropped"
ZONES = (TITLE, META, BODY, DROPPED)

SOURCE_KINDS = ("person", "media", "organization")
SOURCE_FORMATS = ("text", "html", "jsonl", "warc")  # one per reader
CONTENT_TYPES = ("text", "html")  # how a Doc's `content` must be cleaned


class Rejected(Exception):
    """Raised for a document (or an input) that must go to quarantine: kabar's one reject type.

    `reason` is a short stable code an operator can group by (e.g. `empty_body`,
    `decode_error`); `detail` is free text for a human. Readers subclass it for trouble
    that needs more context (`ReadError`, `DecodeFailure`).
    """

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail

    def reject(self, stage: str, doc: "Doc") -> "Reject":
        """The quarantine entry for `doc`, rejected by `stage`."""
        return Reject(stage, self.reason, self.detail, doc.source_uri, doc)


@dataclass(slots=True)
class ZoneLine:
    """One line of the page, labelled by the cleaner.

    `reason` says why a line is where it is: for `dropped` the rule that removed it
    (`phrase:…`, `template`, `nav`, `related_headline`…), for `meta` what it is
    (`byline`, `date`, `dateline`, `caption`…).
    """

    line_no: int
    text: str
    zone: str
    reason: str = ""


@dataclass(slots=True)
class Source:
    """A quoted or cited source of an article."""

    name: str
    kind: str  # one of SOURCE_KINDS
    role: str | None = None
    cues: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    mentions: int = 1

    def to_row(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "cue": self.cues[0] if self.cues else None,
            "cues": list(self.cues),
            "quote": self.quotes[0] if self.quotes else None,
            "quotes": list(self.quotes),
            "mentions": int(self.mentions),
        }


@dataclass(slots=True)
class Doc:
    # --- set by the reader ---
    source_uri: str  # file path or URL; `path#N` for the N-th record of a multi-record file
    source_format: str  # text | html | jsonl | warc
    content: str  # decoded page: visible text, or HTML markup
    content_type: str  # "text" or "html": how `content` must be cleaned
    url: str | None = None
    fetched_at: datetime | None = None  # aware; when the dump was taken, if known
    outlet_hint: str | None = None  # outlet named by the record itself (JSONL)
    raw_sha1: str = ""  # hash of the decoded content, the basis of doc_id
    # --- set by clean ---
    zones: list[ZoneLine] = field(default_factory=list)
    title: str | None = None
    text: str = ""  # body paragraphs separated by one blank line
    html_meta: dict[str, Any] = field(default_factory=dict)  # metadata found in HTML
    # --- set by enrich ---
    language: str = "und"
    language_score: float = 0.0
    outlet: str | None = None
    outlet_domain: str | None = None
    published_at: datetime | None = None  # UTC
    published_at_local: str | None = None  # ISO 8601 with the page's own offset
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    sources: list[Source] = field(default_factory=list)
    # --- set by the minhash step in the worker (not a column: dedup's input) ---
    minhash: Any = None  # numpy uint64[64], kabar.minhash.signature(text)
    # --- set by dedup (exact duplicates go to quarantine, reason `exact_duplicate`) ---
    near_duplicate_of: str | None = None
    article_id: str | None = None  # the article across crawls (kabar.identity)
    version: int | None = None  # 1 + the article's distinct bodies loaded before
    # (text, its word count, content_sha1): the body split once for gates, dedup and load,
    # which ask for both several times; valid while `text` is that very string
    _body_facts: tuple[str, int, str] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.raw_sha1:
            self.raw_sha1 = sha1_hex(self.content)

    @property
    def doc_id(self) -> str:
        """Stable for the same document: same URL (when known) and same page content."""
        return sha1_hex(f"{self.url or ''}\x00{self.raw_sha1}")[:20]

    @property
    def content_sha1(self) -> str:
        """Hash of the clean body with white space folded: equal for exact duplicates."""
        return self._body()[2]

    @property
    def n_words(self) -> int:
        return self._body()[1]

    def _body(self) -> tuple[str, int, str]:
        facts = self._body_facts
        if facts is None or facts[0] is not self.text:
            words = self.text.split()
            facts = self._body_facts = (self.text, len(words), sha1_hex(" ".join(words)))
        return facts

    def lines(self, zone: str) -> list[ZoneLine]:
        return [z for z in self.zones if z.zone == zone]


@dataclass(slots=True)
class Reject:
    """A quarantined record: who rejected it, why, and what to reprocess it from."""

    stage: str
    reason: str
    detail: str
    source_uri: str
    doc: Doc | None = None  # None when no Doc could be built (unreadable input)
    source_format: str | None = None
    raw_preview: str | None = None  # for inputs that never became a Doc


def sha1_hex(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


# --- Parquet schemas: the single place where column names and types are defined ---

SOURCE_TYPE = pa.struct(
    [
        ("name", pa.string()),
        ("kind", pa.string()),
        ("role", pa.string()),
        ("cue", pa.string()),
        ("cues", pa.list_(pa.string())),
        ("quote", pa.string()),
        ("quotes", pa.list_(pa.string())),
        ("mentions", pa.int32()),
    ]
)

ZONE_TYPE = pa.struct(
    [("line_no", pa.int32()), ("zone", pa.string()), ("reason", pa.string()), ("text", pa.string())]
)

UTC_TS = pa.timestamp("us", tz="UTC")

# (name, type, description) — the README's schema table is generated from this list.
ARTICLE_COLUMNS: list[tuple[str, pa.DataType, str]] = [
    ("doc_id", pa.string(), "Stable id: hash of URL (if any) and page content; same input, same id."),
    ("article_id", pa.string(), "The article across crawls: hash of the canonical URL (the body when no URL)."),
    ("version", pa.int32(), "1 for the first body seen of the article, +1 for each distinct later body."),
    ("source_uri", pa.string(), "Input file path or URL; `path#N` for the N-th record of a multi-record file."),
    ("source_format", pa.string(), "Reader that produced it: text, html, jsonl, warc."),
    ("url", pa.string(), "Page URL when the input states it, else null."),
    ("fetched_at", UTC_TS, "When the page was fetched (WARC date, JSONL fetched_at), UTC; null if unknown."),
    ("title", pa.string(), "Headline, once."),
    ("text", pa.string(), "Clean body; paragraphs separated by a blank line."),
    ("language", pa.string(), "ISO 639-1 code from py3langid on the body, `und` when unsure."),
    ("language_score", pa.float64(), "py3langid probability of `language` (0 for `und`)."),
    ("outlet", pa.string(), "Outlet name from the registry; null when unknown (never guessed)."),
    ("outlet_domain", pa.string(), "Registered domain of the outlet; null when unknown."),
    ("published_at", UTC_TS, "Publish time converted to UTC; null when the page does not state it."),
    ("published_at_local", pa.string(), "Publish time as ISO 8601 with the page's own offset (e.g. +07:00 for WIB)."),
    ("authors", pa.list_(pa.string()), "Author names from the byline (editors and desk labels excluded)."),
    ("dateline", pa.string(), "Place of the dateline (`Jakarta -`), null when none."),
    ("sources", pa.list_(SOURCE_TYPE), "Quoted/cited sources: name, kind (person|media|organization), role, cue(s), quote(s), mentions."),
    ("n_words", pa.int32(), "Words in `text`."),
    ("content_sha1", pa.string(), "SHA-1 of the body with white space folded; equal for exact duplicates."),
    ("near_duplicate_of", pa.string(), "doc_id of a near-duplicate (MinHash LSH) loaded earlier, else null."),
    ("zones", pa.list_(ZONE_TYPE), "Every line of the page with its zone (title/meta/body/dropped) and the reason."),
    ("run_id", pa.string(), "Run that loaded the row."),
    ("ingested_at", UTC_TS, "When the row was loaded, UTC."),
]
ARTICLE_SCHEMA = pa.schema([pa.field(n, t) for n, t, _ in ARTICLE_COLUMNS])
ARTICLE_RUN_COLUMNS = ("run_id", "ingested_at")  # set by load; every other column is the Doc's attribute


def article_row(doc: Doc, run_id: str, ingested_at: datetime) -> dict[str, Any]:
    """A Parquet row of `doc`: each column of ARTICLE_COLUMNS, named as the Doc names it."""
    row = {"run_id": run_id, "ingested_at": ingested_at}
    for f in ARTICLE_SCHEMA:
        if f.name not in row:
            row[f.name] = _cell(getattr(doc, f.name), f.type)
    return row


def _cell(value: Any, typ: pa.DataType) -> Any:
    """A value shaped for its column type: lists item by item, records field by field."""
    if pa.types.is_list(typ):
        return [_cell(v, typ.value_type) for v in value]
    if pa.types.is_struct(typ):
        if hasattr(value, "to_row"):
            return value.to_row()
        return {typ.field(i).name: getattr(value, typ.field(i).name) for i in range(typ.num_fields)}
    if pa.types.is_floating(typ):
        return float(value)
    return value

QUARANTINE_COLUMNS: list[tuple[str, pa.DataType, str]] = [
    ("source_uri", pa.string(), "Input the record came from (`path#N` for multi-record files)."),
    ("stage", pa.string(), "Stage that rejected it: extract, clean, enrich, validate_raw, validate_clean, validate_enriched, load."),
    ("reason", pa.string(), "Short stable code (GX expectation name for gate failures)."),
    ("detail", pa.string(), "Human-readable explanation."),
    ("doc_id", pa.string(), "doc_id when the record got that far, else null."),
    ("source_format", pa.string(), "Reader format, when known."),
    ("url", pa.string(), "URL, when known."),
    ("content", pa.string(), "The decoded record (or a bounded prefix of undecodable bytes, base64) to reprocess it."),
    ("run_id", pa.string(), "Run that quarantined it."),
    ("quarantined_at", UTC_TS, "When, UTC."),
]
QUARANTINE_SCHEMA = pa.schema([pa.field(n, t) for n, t, _ in QUARANTINE_COLUMNS])
