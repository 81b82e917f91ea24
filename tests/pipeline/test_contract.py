"""The record contract defines the rows, the gate frames and the expectation value sets."""
from datetime import datetime, timezone

import pyarrow as pa
import pytest

from kabar import record
from kabar.gates import SUITES, frame_for, load_suite_dict
from kabar.load import quarantine_row
from kabar.pipeline import order
from kabar.readers import READERS, formats
from kabar.record import ARTICLE_SCHEMA, QUARANTINE_COLUMNS, QUARANTINE_SCHEMA, Doc, Reject, Source, ZoneLine
from kabar.steps import DRIVER, SHARD, Step

AT = datetime(2026, 1, 2, tzinfo=timezone.utc)


def _doc() -> Doc:
    return Doc("a.txt", "text", "page", "text", zones=[ZoneLine(0, "Body line", record.BODY, "why")], text="Body line",
               authors=["A"], sources=[Source("B", "person", cues=["kata"], quotes=["q"])], language_score=1)


def test_article_row_is_the_schema_filled_from_the_doc():
    row = record.article_row(_doc(), "r1", AT)
    assert list(row) == ["run_id", "ingested_at"] + [n for n in ARTICLE_SCHEMA.names if n not in ("run_id", "ingested_at")]
    assert set(row) == set(ARTICLE_SCHEMA.names)
    table = pa.Table.from_pylist([row], schema=ARTICLE_SCHEMA)  # raises on a value of the wrong shape
    got = table.to_pylist()[0]
    assert got["zones"] == [{"line_no": 0, "zone": "body", "reason": "why", "text": "Body line"}]
    assert got["sources"][0]["cue"] == "kata" and got["language_score"] == 1.0 and got["n_words"] == 2


def test_quarantine_row_has_exactly_the_schema_columns():
    for rej in (Reject("clean", "empty_body", "d", "a.txt", _doc()), Reject("extract", "bad", "d", "b.txt")):
        row = quarantine_row(rej, "r1", AT)
        assert set(row) == set(QUARANTINE_SCHEMA.names)
        pa.Table.from_pylist([row], schema=QUARANTINE_SCHEMA)


def _expectations(suite: str, kind: str) -> dict[str, dict]:
    return {e["kwargs"].get("column", ""): e["kwargs"] for e in load_suite_dict(suite)["expectations"] if e["type"] == kind}


def test_expectation_value_sets_are_the_contracts():
    sets = _expectations("raw", "expect_column_values_to_be_in_set")
    assert sets["source_format"]["value_set"] == list(record.SOURCE_FORMATS)
    assert sets["content_type"]["value_set"] == list(record.CONTENT_TYPES)
    # every reader produces a declared format, and every declared format has a reader
    assert set(READERS) == set(record.SOURCE_FORMATS)
    assert set(formats.EXTENSIONS.values()) == set(record.SOURCE_FORMATS)


@pytest.mark.parametrize("suite", SUITES)
def test_gate_frames_have_the_columns_their_suite_requires(suite):
    [required] = _expectations(suite, "expect_table_columns_to_match_set").values()
    assert list(frame_for(suite, [_doc()]).columns) == required["column_set"]
    assert list(frame_for(suite, []).columns) == required["column_set"]
    for column in _expectations(suite, "expect_column_values_to_not_be_null"):
        assert column in required["column_set"]


def test_every_quarantine_stage_is_documented_in_the_schema():
    documented = dict((n, d) for n, _, d in QUARANTINE_COLUMNS)["stage"]
    for cls in order.PIPELINE:
        assert (cls.stage or cls.name) in documented


def test_pipeline_order_is_declared_once_and_checked():
    assert order.NAMES == ("extract", "validate_raw", "clean", "validate_clean", "enrich", "validate_enriched",
                           "minhash", "dedup", "load")

    class Late(Step):
        name = "late"

    class Early(Step):
        name = "early"
        where = DRIVER

    with pytest.raises(TypeError, match="shard step"):
        order._check((Early, Late))
    assert Late.where == SHARD
