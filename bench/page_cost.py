"""Where kabar's per-page CPU goes: the bare loop's pieces, timed one by one.

    .venv/bin/python bench/page_cost.py --pages bench/out/vs/pages-300
    .venv/bin/python bench/page_cost.py --base OTHER_TREE   # this tree and another, rounds interleaved

CPU ms per page (process time, the lower of `--rounds` rounds) of each piece of the
shard steps on the same HTML pages: read (decode, nesting cap), clean (of it trafilatura's
`bare_extraction`, html-text when trafilatura finds nothing), each enrich extractor by
name, the MinHash signature, the Parquet write of the articles table. Every piece is timed
where it runs in the pipeline, on the real step objects; the table gives each one's share
of the pages' total. With `--base`, each round runs in a child process per tree (this
one, then `--base` on PYTHONPATH), alternating, and the table shows both side by side. Library calls are timed by wrapping the module attribute kabar calls
(`trafilatura.bare_extraction`, `html_text.extract_text`), so the figure is theirs whatever
kabar's code around them looks like.
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import subprocess
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
    from kabar.clean import html as clean_html
    from kabar.enrich import htmlmeta

    for module, attr in ((clean_html, "parse"), (clean_html, "page_fields"), (htmlmeta, "read")):
        if hasattr(module, attr):  # this tree's pieces; a base tree may not have them all
            _timed(module, attr, lib, f"{module.__name__.split('.')[-1]}.{attr}")
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
    in_clean = dict(lib)  # htmlmeta.read runs in enrich's page_meta on a tree without the shared parse
    cost["clean"] += time.process_time() - t - sum(in_clean.values())
    for k, v in in_clean.items():
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


def measure(pages: Path, n: int, rounds: int) -> tuple[int, dict]:
    from kabar.readers import discover

    files, _ = discover([str(pages)])
    files = files[:n] if n else files
    one_round(files[:10], defaultdict(float))  # models, imports and caches load outside the timing
    costs = []
    for _ in range(rounds):
        cost: dict = defaultdict(float)
        count = one_round(files, cost)
        costs.append(cost)
    return count, {k: min(c.get(k, 0.0) for c in costs) for k in costs[0]}


def child(pages: Path, n: int, base: str | None) -> dict:
    env = {**os.environ, "PYTHONPATH": base} if base else dict(os.environ)
    out = subprocess.run([sys.executable, __file__, "--pages", str(pages), "--n", str(n), "--rounds", "1", "--json"],
                         capture_output=True, text=True, env=env, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--pages", type=Path, default=REPO / "bench" / "out" / "vs" / "pages-300",
                   help="a folder of HTML pages (bench/vs_datatrove.py builds one)")
    p.add_argument("--n", type=int, default=0, help="first N pages only (0: all)")
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--base", help="another source tree of kabar: measured in the same run, rounds interleaved")
    p.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # a child's answer
    a = p.parse_args()
    import kabar

    if a.json:
        n, best = measure(a.pages, a.n, a.rounds)
        print(json.dumps({"n": n, "tree": Path(kabar.__file__).parent.parent.name, "cost": best}))
        return 0
    if not a.base:
        n, best = measure(a.pages, a.n, a.rounds)
        tables = {Path(kabar.__file__).parent.parent.name: best}
    else:
        runs: dict[str, list[dict]] = defaultdict(list)
        for _ in range(a.rounds):
            for base in (None, a.base):
                r = child(a.pages, a.n, base)
                runs["after" if base is None else "base"].append(r["cost"])
                n = r["n"]
        tables = {name: {k: min(c.get(k, 0.0) for c in rs) for k in set().union(*rs)} for name, rs in runs.items()}
    names = list(tables)
    totals = {t: sum(tables[t].values()) for t in names}
    keys = sorted(set().union(*tables.values()), key=lambda k: -max(tables[t].get(k, 0.0) for t in names))
    print(f"{n} pages from {a.pages.name}; CPU ms per page (share), lower of {a.rounds} rounds"
          + (f", interleaved; base = {a.base}" if a.base else ""))
    print(f"  {'piece':40} " + " ".join(f"{t:>16}" for t in names))
    for k in keys:
        print(f"  {k:40} " + " ".join(f"{1000 * tables[t].get(k, 0.0) / n:8.2f} ({100 * tables[t].get(k, 0.0) / totals[t]:4.1f}%)"
                                      for t in names))
    print(f"  {'total':40} " + " ".join(f"{1000 * totals[t] / n:8.2f}        " for t in names))
    if len(names) == 2:
        print(f"  total {names[1]} / {names[0]}: {totals[names[1]] / totals[names[0]]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
