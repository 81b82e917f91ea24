"""The README's column tables say exactly what the record contract writes."""
import re
from pathlib import Path

from kabar.record import ARTICLE_COLUMNS, ARTICLE_SCHEMA, QUARANTINE_COLUMNS

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def table_after(heading: str) -> list[tuple[str, str]]:
    part = README.split(heading, 1)[1].split("\n### ", 1)[0]
    return re.findall(r"^\| `(\w+)` \| `([^`]+)` \|", part, flags=re.M)


def test_articles_table_matches_schema():
    assert table_after("### `articles` columns") == [(n, str(t)) for n, t, _ in ARTICLE_COLUMNS]


def test_quarantine_table_matches_schema():
    assert table_after("### `quarantine` columns") == [(n, str(t)) for n, t, _ in QUARANTINE_COLUMNS]


def test_sources_table_matches_schema():
    from kabar.sources_table import SOURCES_COLUMNS

    assert table_after("### `sources` columns") == [(n, str(t)) for n, t, _ in SOURCES_COLUMNS]


def test_schema_has_the_interface_columns():
    required = {"doc_id", "source_uri", "source_format", "url", "title", "text", "language", "language_score",
                "outlet", "outlet_domain", "published_at", "published_at_local", "authors", "dateline", "sources",
                "n_words", "content_sha1", "run_id", "ingested_at"}
    assert required <= set(ARTICLE_SCHEMA.names)
    source_fields = {f.name for f in ARTICLE_SCHEMA.field("sources").type.value_type}
    assert {"name", "kind", "cue", "quote"} <= source_fields
