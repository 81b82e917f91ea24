"""Where kabar's per-page CPU goes: the bare loop's pieces, timed one by one.

    .venv/bin/python bench/page_cost.py --pages bench/out/vs/pages-300
    PYTHONPATH=OTHER_TREE .venv/bin/python bench/page_cost.py ...   # the same on another tree

CPU ms per page (process time, the lower of `--rounds` rounds) of each piece of the
shard steps on the same HTML pages: read (decode, nesting cap), clean (of it trafilatura's
`bare_extraction`, html-text when trafilatura finds nothing), each enrich extractor by
name, the MinHash signature, the Parquet write of the articles table. Every piece is timed
where it runs in the pipeline, on the real step objects; the table gives each one's share
of the pages' total. Library calls are timed by wrapping the module attribute kabar calls
(`trafilatura.bare_extraction`, `html_text.extract_text`), so the figure is theirs whatever
kabar's code around them looks like.
"""
from __future__ import annotations

import argparse
import functools
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _timed(module, attr: str, into: dict, key: str) -> None:
    """Wrap `module.attr` so that its CPU time is added to `into[key]`."""
    fn = getattr(module, attr)

    @functools.wraps(fn)
    def wrapper(*a, **kw):
        t = time.process_time()
        try:
            return fn(*a, **kw)
        finally:
            into[key] += time.process_time() - t
    setattr(module, attr, wrapper)


def one_round(files, cost: dict) -> int:
    import html_text
    import trafilatura

    from kabar.clean import CleanStep
    from kabar.enrich import EnrichStep
    from kabar.enrich.extractors import DOC_FIELDS
    from kabar.load import articles_table, utcnow
    from kabar.minhash import signature
    from kabar.readers import read_file
    from kabar.record import Doc, Rejected

    lib: dict = defaultdict(float)
    _timed(trafilatura, "bare_extraction", lib, "trafilatura.bare_extraction")
    _timed(html_text, "extract_text", lib, "html_text.extract_text")
    clean, enrich = CleanStep(), EnrichStep()
    t = time.process_time()
    docs = [d for f in files for d in read_file(f) if isinstance(d, Doc)]
    cost["read"] += time.process_time() - t
    t = time.process_time()
    clean.prepare(docs)
    kept = []
    for doc in docs:
        try:
            clean.process(doc)
            kept.append(doc)
        except Rejected:
            pass
    cost["clean"] += time.process_time() - t - sum(lib.values())
    for k, v in lib.items():
        cost[f"clean: {k}"] += v
    for doc in kept:
        values = {"doc": doc, "resources": enrich.resources}
        for ex in enrich.extractors:
            t = time.process_time()
            out = ex(*(values[v] for v in ex.reads))
            cost[f"enrich: {ex.name}"] += time.process_time() - t
            for name, value in zip(ex.writes, (out,) if len(ex.writes) == 1 else out, strict=True):
                values[name] = value
                if name in DOC_FIELDS:
                    setattr(doc, name, value)
    t = time.process_time()
    for doc in kept:
        doc.minhash = signature(doc.text)
    cost["minhash"] += time.process_time() - t
    t = time.process_time()
    import pyarrow.parquet as pq

    pq.write_table(articles_table(kept, "bench", utcnow()), "/dev/null")
    cost["parquet write"] += time.process_time() - t
    return len(docs)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--pages", type=Path, default=REPO / "bench" / "out" / "vs" / "pages-300",
                   help="a folder of HTML pages (bench/vs_datatrove.py builds one)")
    p.add_argument("--n", type=int, default=0, help="first N pages only (0: all)")
    p.add_argument("--rounds", type=int, default=2)
    a = p.parse_args()
    import kabar
    from kabar.readers import discover

    files, _ = discover([str(a.pages)])
    files = files[: a.n] if a.n else files
    rounds = []
    for _ in range(a.rounds):
        cost: dict = defaultdict(float)
        n = one_round(files, cost)
        rounds.append(cost)
    best = {k: min(r.get(k, 0.0) for r in rounds) for k in rounds[0]}
    total = sum(best.values())
    print(f"{n} pages from {a.pages.name}, kabar from {Path(kabar.__file__).parent.parent.name}; "
          f"CPU ms per page, lower of {a.rounds} rounds")
    for k, v in sorted(best.items(), key=lambda kv: -kv[1]):
        print(f"  {k:40} {1000 * v / n:7.2f}  {100 * v / total:5.1f} %")
    print(f"  {'total':40} {1000 * total / n:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
