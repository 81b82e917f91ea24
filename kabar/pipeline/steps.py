"""The pipeline's steps besides clean and enrich: read, the GX gates, dedup, write.

Each is a `kabar.steps.Step` like `CleanStep` and `EnrichStep`; their order is declared
in `order.py`.
"""
from __future__ import annotations

from pathlib import Path

from kabar.gates import STAGE, GxProject
from kabar.load import ARTICLES, QUARANTINE, SOURCES, articles_table, quarantine_table
from kabar.minhash import signature
from kabar.readers import read_file
from kabar.record import Doc, Reject
from kabar.sources_table import SOURCE_INPUTS, sources_table
from kabar.steps import DRIVER, OUTPUT, SHARD, Context, ShardResult, Step


class Read(Step):
    """The shard's input files into Docs; unreadable inputs and records become rejects."""

    name = "extract"
    io = True

    def apply(self, shard: ShardResult, ctx: Context) -> ShardResult:
        out = ShardResult()
        for f in ctx.files:
            out.stats["files"] += 1
            for item in read_file(f, ctx.limits):
                if isinstance(item, Doc):
                    out.docs.append(item)
                else:
                    out.rejects.append(item)
                    out.stats[f"dropped_{item.reason}"] += 1
        out.stats["read"] = len(out.docs) + len(out.rejects)
        out.stats["forwarded"] = len(out.docs)
        return out


class Gate(Step):
    """A GX suite over the shard; rows failing a row-level expectation move to the rejects.

    The GX outcome rides along on `outcomes` for the driver to aggregate (table-level
    failures and the suite's quarantine limit are decided over the whole run)."""

    suite = ""
    cacheable = False  # writes GX validation results for Data Docs

    def __init_subclass__(cls, **kw) -> None:
        super().__init_subclass__(**kw)
        cls.name = STAGE[cls.suite]

    def apply(self, shard: ShardResult, ctx: Context) -> ShardResult:
        if ctx.reports_dir is None:  # gates off for this run
            return ShardResult(docs=shard.docs)
        outcome = GxProject(Path(ctx.reports_dir)).validate(self.suite, shard.docs, ctx.run_name)
        out = ShardResult(outcomes=[outcome])
        for i, doc in enumerate(shard.docs):
            failures = outcome.row_failures.get(i)
            if failures:
                detail = "; ".join(d for _, d in failures)
                out.rejects.append(Reject(self.name, failures[0][0], detail, doc.source_uri, doc))
            else:
                out.docs.append(doc)
        out.stats["quarantined"] += len(shard.docs) - len(out.docs)
        return out


class RawGate(Gate):
    suite = "raw"


class CleanGate(Gate):
    suite = "clean"


class EnrichedGate(Gate):
    suite = "enriched"


class Signature(Step):
    """The body's MinHash signature, computed where the shard runs, so the driver's dedup
    only looks it up in the index (kabar/minhash.py: the values datasketch gives)."""

    name = "minhash"
    stage = "load"  # the signature is dedup's input; a failure here is filed with dedup's
    where = SHARD

    def process(self, doc: Doc) -> None:
        doc.minhash = signature(doc.text)


class Dedup(Step):
    """Exact duplicates (and documents already loaded) to quarantine; near duplicates marked.

    Runs in the driver, shard after shard, so it sees every document of the run once."""

    name = "dedup"
    stage = "load"
    where = DRIVER
    cacheable = False

    def apply(self, shard: ShardResult, ctx: Context) -> ShardResult:
        return self.each(shard.docs, ctx.deduper.check)


class Write(Step):
    """The shard's articles, sources and quarantine rows as Parquet parts, staged for the
    run's commit (`ctx.store` is the run's `kabar.output.RunOutput`; fixed names, atomic renames)."""

    name = "load"
    where = OUTPUT
    cacheable = False
    io = True

    def apply(self, shard: ShardResult, ctx: Context) -> ShardResult:
        arts = articles_table(shard.docs, ctx.run_id, ctx.at)
        parts = [ctx.store.write(arts, ARTICLES, ctx.at, ctx.shard_no),
                 ctx.store.write(sources_table(arts.select(SOURCE_INPUTS).to_pylist()), SOURCES, ctx.at, ctx.shard_no),
                 ctx.store.write(quarantine_table(shard.rejects, ctx.run_id, ctx.at), QUARANTINE, ctx.at, ctx.shard_no)]
        return ShardResult(docs=shard.docs, written=[p for p in parts if p])
