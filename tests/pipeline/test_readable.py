"""The datasets open as they are in pandas, pyarrow, DuckDB and Polars."""
import duckdb
import pandas as pd
import polars as pl
import pyarrow.dataset as ds
import pytest

from kabar.pipeline import Settings, run_plain


@pytest.fixture(scope="module")
def out(tmp_path_factory, seeds_dir):
    out = tmp_path_factory.mktemp("readable") / "out"
    m = run_plain(Settings(inputs=[str(seeds_dir)], out=str(out)))
    assert m["status"] == "success"
    return out


def test_pandas(out):
    df = pd.read_parquet(out / "articles")
    assert len(df) == 5
    assert str(df["published_at"].dt.tz) == "UTC"
    assert isinstance(df["authors"].iloc[0].tolist(), list)


def test_pyarrow(out):
    t = ds.dataset(out / "articles", format="parquet", partitioning="hive").to_table()
    assert t.num_rows == 5 and "ingest_date" in t.column_names


def test_duckdb(out):
    con = duckdb.connect()
    n, = con.execute(f"SELECT count(*) FROM read_parquet('{out}/articles/**/*.parquet', hive_partitioning=true)").fetchone()
    assert n == 5
    kinds = con.execute(
        f"SELECT DISTINCT s.kind FROM read_parquet('{out}/articles/**/*.parquet') a, unnest(a.sources) AS t(s)"
    ).fetchall()
    assert {k for (k,) in kinds} <= {"person", "media", "organization"}
    n, = con.execute(f"SELECT count(*) FROM '{out}/articles/**/*.parquet'").fetchone()
    assert n == 5


def test_polars(out):
    df = pl.read_parquet(f"{out}/articles/**/*.parquet")
    assert df.height == 5
    assert df.schema["sources"].inner.fields[0].name == "name"
