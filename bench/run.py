"""kabar benchmark: bare loop vs kabar end to end vs the library floor, on one corpus.

    .venv/bin/python bench/run.py --n 1000 10000            # full matrix for each N
    .venv/bin/python bench/run.py --n 50000 --configs kabar2  # one configuration
    .venv/bin/python bench/run.py --n 50 --configs bare,kabar1,floor --out /tmp/b  # smoke

Corpus: N distinct documents generated from real pages, cycling through the seeds
(`seeds/*.txt`), the WCXB dev articles as HTML and the same articles rendered as text
dumps (html-text, one block per line, as `kabar/evaluate/gold.py` does). Every copy is
made distinct: a pseudo-word unique to the copy is inserted after every 20th word of each
long text block, so the clean bodies differ (no exact duplicate) and share well under
80 % of their 5-word shingles (no near duplicate). The corpus lives in
`<out>/corpus-<N>/` (default `bench/out/`, git-ignored) and is reused when present.

Configurations (each runs in its own child process; peak RSS is sampled with psutil over
the whole process tree of the child every 0.2 s, both the tree sum and the largest process):
- `bare`:   the pipeline list without gates and dedup (read, clean, enrich, write Parquet) in a plain loop;
- `floor`:  the libraries alone: trafilatura (kabar's settings) on the HTML pages and
            py3langid (same max_chars) on the clean bodies the bare loop wrote;
- `kabar1`: `kabar run --full --workers 1` (default runner, threads);
- `kabar2`: `kabar run --full --workers 2 --runner processes`;
- `kabar2t`: `kabar run --full --workers 2` (threads; optional);
- `plain`:  `kabar run --full --no-prefect` (the whole run with GX and dedup, no Prefect; optional).

Docs/s are over wall-clock time of the child process (imports, Prefect server start and
GX included): what a user waits for. `steady` docs/s exclude the fixed start-up (bare:
imports; kabar: the manifest's `seconds_total`, which starts once the flow runs).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PY = sys.executable
# shared/ sits beside the checkout (as in CI); KABAR_BENCH_WCXB points elsewhere
WCXB = Path(os.environ.get("KABAR_BENCH_WCXB", REPO.parent / "shared" / "datasets" / "wcxb-dev-articles" / "html"))
DEFAULT_CONFIGS = ("bare", "floor", "kabar1", "kabar2")
STEP = 20  # insert a copy-unique word after every STEP-th word of long blocks

# ---------------------------------------------------------------- corpus


def _templates() -> list[tuple[str, str, object]]:
    """(name, kind 'text'|'html', loader) of every source page; loaders run only when used."""
    out: list[tuple[str, str, object]] = []
    for p in sorted((REPO / "seeds").glob("*.txt")):
        out.append((f"seed-{p.stem}", "text", lambda p=p: p.read_text(encoding="utf-8")))

    def html(p: Path) -> str:
        return gzip.decompress(p.read_bytes()).decode("utf-8", errors="replace")

    def text(p: Path) -> str:
        from kabar.evaluate.gold import render_visible_text

        return render_visible_text(html(p))

    for p in sorted(WCXB.glob("*.html.gz")) if WCXB.is_dir() else []:
        name = p.name[: -len(".html.gz")]
        out.append((f"wcxb-{name}", "html", lambda p=p: html(p)))
        out.append((f"wcxb-{name}", "text", lambda p=p: text(p)))
    return out


def _word(copy: int, j: int) -> str:
    """A lower-case pseudo-word unique to (copy, j)."""
    h = hashlib.blake2b(f"{copy}:{j}".encode(), digest_size=6).digest()
    return "".join("bcdfghjklmnpqrstvwz"[b % 19] + "aeiou"[(b // 19) % 5] for b in h[:4])


def _vary_block(text: str, copy: int, counter: list[int]) -> str:
    words = text.split(" ")
    if len(words) < 8:
        return text
    out = []
    for i, w in enumerate(words, 1):
        out.append(w)
        if i % STEP == 0 or (i == min(len(words), 7)):
            counter[0] += 1
            out.append(_word(copy, counter[0]))
    return " ".join(out)


_HTML_TEXT = re.compile(r">([^<>{}\"=]{60,})<")


def vary(content: str, kind: str, copy: int) -> str:
    counter = [0]
    if kind == "text":
        return "\n".join(_vary_block(line, copy, counter) for line in content.split("\n"))
    body_at = content.lower().find("<body")
    head, body = (content[:body_at], content[body_at:]) if body_at > 0 else ("", content)
    body = _HTML_TEXT.sub(lambda m: ">" + _vary_block(m.group(1), copy, counter) + "<", body)
    return head + body


def _head(text: str, chars: int) -> str:
    """The first lines of a text dump, about `chars` characters (whole lines; at least one)."""
    out, size = [], 0
    for line in text.split("\n"):
        if out and size + len(line) > chars:
            break
        out.append(line)
        size += len(line) + 1
    return "\n".join(out)


def build_corpus(n: int, root: Path, small: int = 0) -> Path:
    """N documents; with `small`, text dumps only, each its template's first ~`small` characters
    (for runs of 100k documents that measure what grows with their number, not their size)."""
    folder = root / (f"corpus-small{small}-{n}" if small else f"corpus-{n}")
    done = folder / ".complete"
    if done.exists():
        return folder
    t = time.perf_counter()
    templates = _templates()
    if small:
        templates = [(name, kind, lambda load=load: _head(load(), small)) for name, kind, load in templates if kind == "text"]
    cache: dict[int, str] = {}
    for i in range(n):
        name, kind, load = templates[i % len(templates)]
        if i % len(templates) not in cache:
            cache[i % len(templates)] = load()
        content = cache[i % len(templates)]
        copy = i // len(templates)
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        ext = "html" if kind == "html" else "txt"
        (sub / f"{i:06d}_{name}.{ext}").write_text(vary(content, kind, copy), encoding="utf-8")
    done.write_text(json.dumps({"n": n, "templates": len(templates)}))
    print(f"corpus: {n} docs from {len(templates)} templates in {folder} ({time.perf_counter() - t:.1f} s)",
          file=sys.stderr)
    return folder


# ---------------------------------------------------------------- child modes


def mode_bare(corpus: Path, out: Path, shard_docs: int) -> dict:
    """The pipeline list without its gates and dedup (read, clean, enrich, write), in this process."""
    t_import = time.perf_counter()
    from collections import Counter

    from kabar.load import Store, utcnow
    from kabar.output import RunOutput
    from kabar.pipeline import plan_shards, steps
    from kabar.pipeline.steps import Dedup, Gate
    from kabar.readers import discover
    from kabar.steps import Context, ShardResult, run_steps

    bare = [s for s in steps() if not isinstance(s, (Gate, Dedup))]
    t0, c0 = time.perf_counter(), time.process_time()
    files, _ = discover([str(corpus)])
    output = RunOutput(Store(str(out)), "bench").open()  # staged parts, published at the end as a run does
    loaded = rejected = 0
    stats: Counter = Counter()
    for n, shard_files in enumerate(plan_shards(files, shard_docs, 64 * 1024 * 1024)):
        ctx = Context(files=shard_files, store=output, run_id="bench", shard_no=n, at=utcnow())
        shard = run_steps(bare, ShardResult(stats=stats), ctx)
        loaded += len(shard.docs)
        rejected += len(shard.rejects)
    output.commit({})
    output.close()
    stage = {s.name: stats.get(f"time_ms.{s.name}", 0) / 1000 for s in bare}
    return {"docs": loaded, "rejected": rejected, "seconds_steady": time.perf_counter() - t0,
            "cpu_steady": time.process_time() - c0,
            "seconds_import": t0 - t_import, "stage_seconds": stage}


def mode_floor(corpus: Path, bodies_from: Path) -> dict:
    """trafilatura on every HTML page + py3langid on every clean body: the libraries alone."""
    import pyarrow.dataset as ds
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from kabar.clean.html import extract
    from kabar.enrich.settings import settings

    cfg = settings()["language"]
    html_files = sorted(corpus.rglob("*.html"))
    n_docs = sum(1 for _ in corpus.rglob("*.*") if _.name != ".complete")
    t0, c0 = time.perf_counter(), time.process_time()
    for p in html_files:
        extract(p.read_text(encoding="utf-8"), None)  # trafilatura with exactly kabar's arguments
    t_traf, c_traf = time.perf_counter() - t0, time.process_time() - c0
    bodies = ds.dataset(str(bodies_from), format="parquet").to_table(columns=["text"]).column("text").to_pylist()
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    t1, c1 = time.perf_counter(), time.process_time()
    for body in bodies:
        identifier.classify(" ".join(body.split())[: cfg["max_chars"]])
    t_lang = time.perf_counter() - t1
    cpu = time.process_time() - c1 + c_traf
    return {"docs": n_docs, "html_pages": len(html_files), "bodies": len(bodies),
            "seconds_steady": t_traf + t_lang, "cpu_steady": cpu, "stage_seconds": {"trafilatura": t_traf, "py3langid": t_lang}}


# ---------------------------------------------------------------- driver


class TreeSampler(threading.Thread):
    """Peak RSS of a process and all its descendants, sampled every `every` seconds."""

    def __init__(self, pid: int, every: float = 0.2):
        super().__init__(daemon=True)
        import psutil

        self.root = psutil.Process(pid)
        self.every = every
        self.tree_peak = 0
        self.proc_peak = 0
        self.stop = threading.Event()

    def run(self) -> None:
        import psutil

        while not self.stop.is_set():
            try:
                procs = [self.root] + self.root.children(recursive=True)
            except psutil.NoSuchProcess:
                break
            total = 0
            for p in procs:
                try:
                    rss = p.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                self.proc_peak = max(self.proc_peak, rss)
            self.tree_peak = max(self.tree_peak, total)
            self.stop.wait(self.every)


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def run_child(cmd: list[str], env: dict | None = None) -> tuple[float, float, int, int, str]:
    """(wall s, CPU s of the child and every descendant it reaped, RSS peaks, stdout)."""
    cpu0 = _children_cpu()
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    sampler = TreeSampler(proc.pid)
    sampler.start()
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t
    cpu = _children_cpu() - cpu0
    sampler.stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}\n{stdout[-2000:]}\n{stderr[-4000:]}")
    return wall, cpu, sampler.tree_peak, sampler.proc_peak, stdout


KABAR_ARGS = {
    "kabar1": ["--workers", "1"],
    "kabar2": ["--workers", "2", "--runner", "processes"],
    "kabar2t": ["--workers", "2"],
    "plain": ["--no-prefect"],
}


def measure(config: str, corpus: Path, work: Path, n: int, shard_docs: int) -> dict:
    out = work / f"out-{corpus.name}-{config}"
    if config in ("bare", "floor"):
        cmd = [PY, str(Path(__file__).resolve()), "--child", config, "--corpus", str(corpus), "--child-out",
               str(out if config == "bare" else work / f"out-{corpus.name}-bare" / "articles"), "--shard-docs", str(shard_docs)]
        wall, cpu, tree, proc, stdout = run_child(cmd)
        res = json.loads(stdout.strip().splitlines()[-1])
    else:
        kabar = str(Path(PY).parent / "kabar")
        cmd = [kabar, "run", str(corpus), "--out", str(out), "--full", "--shard-docs", str(shard_docs),
               *KABAR_ARGS[config]]
        wall, cpu, tree, proc, stdout = run_child(cmd)
        manifests = sorted((out / "runs").glob("*.json"), key=lambda p: p.stat().st_mtime)
        m = json.loads(manifests[-1].read_text())
        res = {"docs": m["counts"]["loaded"], "read": m["counts"]["read"],
               "quarantined": m["counts"]["quarantined"], "near_duplicates": m["counts"]["near_duplicates"],
               "seconds_steady": m["timings"]["seconds_total"], "seconds_start": m["timings"]["seconds_start"],
               "stage_seconds": m["timings"]["stage_cpu_seconds"], "status": m["status"]}
    res.update(config=config, n=n, wall=wall, cpu=cpu, rss_tree_mb=tree / 2**20, rss_proc_mb=proc / 2**20,
               command=" ".join(cmd))
    res["docs_per_s"] = res["docs"] / wall if wall else 0.0
    res["docs_per_cpu_s"] = res["docs"] / cpu if cpu else 0.0
    res["docs_per_s_steady"] = res["docs"] / res["seconds_steady"] if res["seconds_steady"] else 0.0
    if config == "floor":  # the floor processes every document of the corpus (its docs/s is per corpus doc)
        res["docs_per_s"] = n / res["seconds_steady"]
        res["docs_per_s_steady"] = res["docs_per_s"]
    return res


def shares(stage_seconds: dict) -> str:
    total = sum(stage_seconds.values()) or 1.0
    return "  ".join(f"{k} {v / total:.0%}" for k, v in sorted(stage_seconds.items(), key=lambda kv: -kv[1]) if v)


def report(results: list[dict]) -> None:
    by_n: dict[int, dict[str, dict]] = {}
    for r in results:
        by_n.setdefault(r["n"], {})[r["config"]] = r
    for n, rs in sorted(by_n.items()):
        print(f"\n== N = {n} ==")
        print(f"{'config':8} {'docs':>7} {'wall s':>8} {'docs/s':>8} {'steady/s':>9} {'CPU s':>8} {'docs/CPU s':>11}"
              f" {'RSS tree MB':>12} {'RSS max proc MB':>16}")
        for c, r in rs.items():
            print(f"{c:8} {r['docs']:>7} {r['wall']:>8.1f} {r['docs_per_s']:>8.2f} {r['docs_per_s_steady']:>9.2f}"
                  f" {r.get('cpu', 0):>8.1f} {r.get('docs_per_cpu_s', 0):>11.2f}"
                  f" {r['rss_tree_mb']:>12.0f} {r['rss_proc_mb']:>16.0f}")
        ratios = []
        for a, b, label in (("kabar1", "bare", "kabar1 ÷ bare"), ("kabar2", "bare", "kabar2 ÷ bare"),
                            ("kabar1", "floor", "kabar1 ÷ floor"), ("bare", "floor", "bare ÷ floor"),
                            ("kabar2", "kabar1", "kabar2 ÷ kabar1"), ("kabar2t", "kabar1", "kabar2t ÷ kabar1"),
                            ("plain", "bare", "plain ÷ bare")):
            if a in rs and b in rs:
                w = rs[a]["docs_per_s"] / rs[b]["docs_per_s"]
                s = rs[a]["docs_per_s_steady"] / rs[b]["docs_per_s_steady"]
                line = f"  {label:18} wall {w:5.2f}   steady {s:5.2f}"
                if rs[a].get("docs_per_cpu_s") and rs[b].get("docs_per_cpu_s") and "floor" not in (a, b):
                    line += f"   CPU {rs[a]['docs_per_cpu_s'] / rs[b]['docs_per_cpu_s']:5.2f}"
                elif (a, b) == ("bare", "floor") and rs[a].get("cpu_steady") and rs[b].get("cpu_steady"):
                    line += f"   CPU steady {rs[b]['cpu_steady'] / n / (rs[a]['cpu_steady'] / rs[a]['docs']):5.2f}"
                ratios.append(line)
        if ratios:
            print("ratios (docs/s):")
            print("\n".join(ratios))
        print("stage shares:")
        for c, r in rs.items():
            extra = ""
            if "read" in r:
                extra = f"   [read {r['read']} loaded {r['docs']} quarantined {r['quarantined']} near-dup {r['near_duplicates']}]"
            print(f"  {c:8} {shares(r['stage_seconds'])}{extra}")
    ns = sorted(by_n)
    for c in ("kabar2", "kabar1", "bare", "plain"):
        have = [n for n in ns if c in by_n[n]]
        for a, b in zip(have, have[1:]):
            ra, rb = by_n[a][c], by_n[b][c]
            print(f"RSS {c} N={b} ÷ N={a}: tree {rb['rss_tree_mb'] / ra['rss_tree_mb']:.2f}"
                  f"  largest process {rb['rss_proc_mb'] / ra['rss_proc_mb']:.2f}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--n", type=int, nargs="+", default=[1000, 10000, 50000])
    p.add_argument("--configs", default=",".join(DEFAULT_CONFIGS),
                   help="comma-separated: bare, floor, kabar1, kabar2, kabar2t, plain")
    p.add_argument("--out", default=str(REPO / "bench" / "out"))
    p.add_argument("--shard-docs", type=int, default=500)
    p.add_argument("--json", help="also write the results here")
    p.add_argument("--small", type=int, default=0, metavar="CHARS",
                   help="corpus of small text dumps: the first ~CHARS characters of each text template")
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("--corpus", help=argparse.SUPPRESS)
    p.add_argument("--child-out", help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.child:
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
        if a.child == "bare":
            import shutil

            shutil.rmtree(a.child_out, ignore_errors=True)
            res = mode_bare(Path(a.corpus), Path(a.child_out), a.shard_docs)
        else:
            res = mode_floor(Path(a.corpus), Path(a.child_out))
        print(json.dumps(res))
        return 0
    sys.path.insert(0, str(REPO))
    root = Path(a.out)
    root.mkdir(parents=True, exist_ok=True)
    configs = [c.strip() for c in a.configs.split(",") if c.strip()]
    if "floor" in configs and "bare" in configs:  # floor reads the bodies the bare loop wrote
        configs.remove("floor")
        configs.insert(configs.index("bare") + 1, "floor")
    results = []
    for n in a.n:
        corpus = build_corpus(n, root, a.small)
        for c in configs:
            print(f"[{time.strftime('%H:%M:%S')}] N={n} {c} ...", file=sys.stderr, flush=True)
            r = measure(c, corpus, root, n, a.shard_docs)
            print(f"[{time.strftime('%H:%M:%S')}]   {r['docs']} docs in {r['wall']:.1f} s: {r['docs_per_s']:.2f} docs/s; "
                  f"RSS tree {r['rss_tree_mb']:.0f} MB", file=sys.stderr, flush=True)
            results.append(r)
            if a.json:
                Path(a.json).write_text(json.dumps(results, indent=1))
    report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
