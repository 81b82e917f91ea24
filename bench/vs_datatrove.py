"""kabar against datatrove on the same HTML pages, in interleaved rounds.

    .venv/bin/python bench/vs_datatrove.py --n 700 --rounds 3
    .venv/bin/python bench/vs_datatrove.py --n 300 --rounds 3 --configs floor,kabar1,dt1
    .venv/bin/python bench/vs_datatrove.py --configs prefect,seeds --rounds 5   # fixed cost

Pages: the first N WCXB dev articles (`<repo>/../shared/datasets/wcxb-dev-articles/html`);
past the 711 there are, copies made distinct the way `bench/run.py` makes them. They are
written once as `.html` files to `<out>/pages-N/`, and every configuration reads that folder.

datatrove is never a kabar dependency: it is installed into a virtual environment of its
own (`--dt-venv`, default `~/.cache/kabar-bench/datatrove-venv`, made with uv when missing:
`datatrove[io]`, trafilatura 2.3.1 as kabar pins it, lxml_html_clean; not datatrove's
`[processing]` extra, which pins trafilatura < 1.12).

Configurations (each a child process; this script is the subreaper of everything they
start, so the CPU of every descendant, pool workers and servers included, is counted
once it exits - `getrusage(RUSAGE_CHILDREN)` after all of them have been reaped):
- `floor`:  trafilatura alone, with kabar's arguments (`kabar.clean.html.extract`), per page;
- `bare`:   kabar's stage functions in a plain loop (`bench/run.py --child bare`);
- `kabar1`: `kabar run PAGES --full --workers 1`;
- `kabar2`: `kabar run PAGES --full --workers 2 --runner processes`;
- `dt1`, `dt2`: datatrove: a reader of one page per file -> `Trafilatura` (its defaults but
            the timeout, see DT_TIMEOUT)
            -> `ParquetWriter`, `LocalPipelineExecutor` with 1 and 2 tasks/workers;
- `prefect`: Prefect's ephemeral API server started and stopped, nothing else;
- `seeds`:  `kabar run seeds --full` (5 documents: the fixed cost of a run);
- `base1`, `base2`, `baseseeds`, `basebare`, `basefloor`: `kabar1`, `kabar2`, `seeds`, `bare`, `floor` run from another source tree of
            kabar (`--base DIR`, e.g. `git archive <commit> | tar -x -C DIR`), on this venv:
            before and after a change, in the same rounds.
Start-up: every page configuration also runs on `--small` pages (default 5) once a round;
its wall time there is reported as the start-up cost.
Rounds interleave the configurations (round r runs them all, in a rotated order), so
machine load that comes and goes hits all of them alike; medians over rounds are printed,
and the ratios are taken between medians.
"""
from __future__ import annotations

import argparse
import ctypes
import gzip
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WCXB = Path(os.environ.get("KABAR_BENCH_WCXB", REPO.parent / "shared" / "datasets" / "wcxb-dev-articles" / "html"))
DT_VENV = Path(os.environ.get("KABAR_BENCH_DT_VENV", Path.home() / ".cache" / "kabar-bench" / "datatrove-venv"))
DT_PACKAGES = ["datatrove[io]", "trafilatura==2.3.1", "lxml_html_clean"]
# datatrove's default per-page timeout (1 s) drops pages whose extraction a loaded machine
# slows past it (and the sandbox process it restarts then re-imports trafilatura); kabar
# has no such cut, so both extract every page
DT_TIMEOUT = 120
PAGE_CONFIGS = ("floor", "bare", "kabar1", "kabar2", "dt1", "dt2", "base1", "base2", "basebare", "basefloor")
DEFAULT_CONFIGS = ("floor", "bare", "kabar1", "kabar2", "dt1", "dt2")
KABAR_ARGS = {"kabar1": ["--workers", "1"], "kabar2": ["--workers", "2", "--runner", "processes"]}
QUIET = {"DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "GX_ANALYTICS_ENABLED": "false"}

# ---------------------------------------------------------------- pages


def build_pages(n: int, root: Path) -> Path:
    folder = root / f"pages-{n}"
    if (folder / ".complete").exists():
        return folder
    sys.path.insert(0, str(REPO / "bench"))
    from run import vary  # the same copy-distinct variation as the main benchmark

    sources = sorted(WCXB.glob("*.html.gz"))
    if not sources:
        raise SystemExit(f"no WCXB pages under {WCXB}")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i in range(n):
        src = sources[i % len(sources)]
        html = gzip.decompress(src.read_bytes()).decode("utf-8", errors="replace")
        if i >= len(sources):
            html = vary(html, "html", i // len(sources))
        (folder / f"{i:06d}_{src.name[:-len('.html.gz')]}.html").write_text(html, encoding="utf-8")
    (folder / ".complete").write_text(str(n))
    return folder


# ---------------------------------------------------------------- children (run in their own process)


def child_floor(pages: Path) -> int:
    from kabar.clean.html import extract

    n = 0
    for p in sorted(pages.glob("*.html")):
        extract(p.read_text(encoding="utf-8"), None)
        n += 1
    return n


def child_datatrove(pages: Path, out: Path, workers: int) -> int:
    """datatrove's own pipeline; runs under the datatrove venv's Python."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.extractors import Trafilatura
    from datatrove.pipeline.readers.base import BaseDiskReader
    from datatrove.pipeline.writers import ParquetWriter

    class PageReader(BaseDiskReader):
        """One document per file: the whole file is the page."""

        name = "page"

        def read_file(self, filepath: str):
            with self.data_folder.open(filepath, "r", encoding="utf-8") as f:
                with self.track_time():
                    doc = self.get_document_from_dict({"text": f.read(), "id": filepath}, filepath, 0)
            if doc:
                yield doc

    LocalPipelineExecutor(
        pipeline=[PageReader(str(pages), glob_pattern="*.html"), Trafilatura(timeout=DT_TIMEOUT), ParquetWriter(str(out / "data"))],
        tasks=workers, workers=workers, logging_dir=str(out / "logs"), skip_completed=False,
    ).run()
    import pyarrow.parquet as pq

    return sum(pq.read_metadata(p).num_rows for p in (out / "data").glob("*.parquet"))


def child_prefect() -> int:
    """Prefect's ephemeral API server alone: what `kabar run` starts before any flow runs."""
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start(timeout=90)
    server.stop()
    return 0


# ---------------------------------------------------------------- driver


def _become_subreaper() -> None:
    """Orphaned grandchildren (pool workers, forkservers, API servers) get reparented to
    this process, so their CPU reaches RUSAGE_CHILDREN once we reap them."""
    libc = ctypes.CDLL(None, use_errno=True)
    PR_SET_CHILD_SUBREAPER = 36
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")


def _reap_all() -> None:
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def ensure_dt_venv(venv: Path) -> Path:
    py = venv / "bin" / "python"
    if py.exists():
        return py
    venv.parent.mkdir(parents=True, exist_ok=True)
    uv = shutil.which("uv")
    if uv:
        subprocess.run([uv, "venv", "-q", "-p", f"{sys.version_info.major}.{sys.version_info.minor}", str(venv)], check=True)
        subprocess.run([uv, "pip", "install", "-q", "--python", str(py), *DT_PACKAGES, "psutil"], check=True)
    else:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", *DT_PACKAGES, "psutil"], check=True)
    return py


def command(config: str, pages: Path, work: Path, dt_python: Path | None) -> tuple[list[str], Path]:
    out = work / f"out-{config}-{pages.name}"
    if config.startswith("base"):
        cmd, _ = command({"base1": "kabar1", "base2": "kabar2", "baseseeds": "seeds", "basebare": "bare", "basefloor": "floor"}[config], pages, work, dt_python)
        for flag in ("--out", "--child-out"):
            if flag in cmd:
                cmd[cmd.index(flag) + 1] = str(out)
        return cmd, out
    me = str(Path(__file__).resolve())
    kabar = str(Path(sys.executable).parent / "kabar")
    if config == "floor":
        return [sys.executable, me, "--child", "floor", "--pages", str(pages)], out
    if config == "bare":
        return [sys.executable, str(REPO / "bench" / "run.py"), "--child", "bare", "--corpus", str(pages),
                "--child-out", str(out), "--shard-docs", "500"], out
    if config in KABAR_ARGS:
        return [kabar, "run", str(pages), "--out", str(out), "--full", *KABAR_ARGS[config]], out
    if config in ("dt1", "dt2"):
        return [str(dt_python), me, "--child", "datatrove", "--pages", str(pages), "--child-out", str(out),
                "--workers", config[-1]], out
    if config == "prefect":
        return [sys.executable, me, "--child", "prefect"], out
    if config == "seeds":
        return [kabar, "run", "seeds", "--out", str(out), "--full"], out
    raise SystemExit(f"unknown configuration {config}")


def run_one(config: str, pages: Path, work: Path, dt_python: Path | None, base: str | None = None) -> dict:
    cmd, out = command(config, pages, work, dt_python)
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, **QUIET}
    if config.startswith("base"):
        if not base:
            raise SystemExit(f"{config} needs --base DIR (a source tree of kabar)")
        env["PYTHONPATH"] = base  # ahead of the venv's editable install of this tree
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t0
    _reap_all()
    cpu = _children_cpu() - cpu0
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    docs = _docs(config, proc.stdout, out)
    return {"config": config, "pages": pages.name, "docs": docs, "wall": wall, "cpu": cpu}


def _docs(config: str, stdout: str, out: Path) -> int:
    if config in KABAR_ARGS or config in ("seeds", "base1", "base2", "baseseeds"):
        manifest = max((out / "runs").glob("*.json"), key=lambda p: p.stat().st_mtime)
        return json.loads(manifest.read_text())["counts"]["loaded"]
    return int(json.loads(stdout.strip().splitlines()[-1])["docs"])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--n", type=int, default=700, help="pages")
    p.add_argument("--small", type=int, default=5, help="pages of the start-up run (0: none)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--configs", default=",".join(DEFAULT_CONFIGS))
    p.add_argument("--base", help="source tree of kabar for the base* configurations")
    p.add_argument("--out", default=str(REPO / "bench" / "out" / "vs"))
    p.add_argument("--dt-venv", default=str(DT_VENV))
    p.add_argument("--json", help="also write every measurement here")
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("--pages", help=argparse.SUPPRESS)
    p.add_argument("--child-out", help=argparse.SUPPRESS)
    p.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.child:
        if a.child == "floor":
            n = child_floor(Path(a.pages))
        elif a.child == "datatrove":
            n = child_datatrove(Path(a.pages), Path(a.child_out), a.workers)
        else:
            n = child_prefect()
        print(json.dumps({"docs": n}))
        return 0

    _become_subreaper()
    configs = [c.strip() for c in a.configs.split(",") if c.strip()]
    work = Path(a.out)
    work.mkdir(parents=True, exist_ok=True)
    dt_python = ensure_dt_venv(Path(a.dt_venv)) if any(c.startswith("dt") for c in configs) else None
    page_configs = [c for c in configs if c in PAGE_CONFIGS]
    big = build_pages(a.n, work) if page_configs else None
    small = build_pages(a.small, work) if page_configs and a.small else None
    results: list[dict] = []
    for r in range(a.rounds):
        order = configs[r % len(configs):] + configs[:r % len(configs)]
        for c in order:
            for pages in ([big] + ([small] if small else [])) if c in PAGE_CONFIGS else [None]:
                res = run_one(c, pages or work, work, dt_python, a.base)
                res["round"] = r
                results.append(res)
                print(f"[{time.strftime('%H:%M:%S')}] round {r + 1} {c:7} {res['pages']:>10}: {res['docs']} docs,"
                      f" wall {res['wall']:.1f} s, CPU {res['cpu']:.1f} s", file=sys.stderr, flush=True)
                if a.json:
                    Path(a.json).write_text(json.dumps(results, indent=1))
    report(results, configs, big.name if big else None, small.name if small else None, a.rounds)
    return 0


def report(results: list[dict], configs: list[str], big: str | None, small: str | None, rounds: int) -> None:
    def med(c: str, pages: str | None, key: str) -> float:
        vals = [r[key] for r in results if r["config"] == c and (pages is None or r["pages"] == pages)]
        return statistics.median(vals) if vals else float("nan")

    rows: dict[str, dict] = {}
    for c in configs:
        pages = big if c in PAGE_CONFIGS else None
        docs = med(c, pages, "docs")
        wall, cpu = med(c, pages, "wall"), med(c, pages, "cpu")
        rows[c] = {"docs": docs, "wall": wall, "cpu": cpu, "per_cpu": docs / cpu if cpu else 0.0,
                   "per_wall": docs / wall if wall else 0.0,
                   "start": med(c, small, "wall") if small and c in PAGE_CONFIGS else float("nan")}
    print(f"\nmedians of {rounds} interleaved rounds; {big or '-'} (start-up: {small or '-'})")
    print(f"{'config':8} {'docs':>6} {'wall s':>8} {'CPU s':>8} {'pages/CPU s':>12} {'pages/wall s':>13} {'start-up s':>11}")
    for c, r in rows.items():
        print(f"{c:8} {r['docs']:>6.0f} {r['wall']:>8.1f} {r['cpu']:>8.1f} {r['per_cpu']:>12.2f} {r['per_wall']:>13.2f}"
              f" {r['start']:>11.1f}")
    print("ratios (of medians):")
    fixed = {c: rows[c] for c in ("prefect", "seeds", "baseseeds") if c in rows}
    rows = {c: r for c, r in rows.items() if r["per_cpu"] and r["per_wall"]}
    for a, b in (("kabar1", "dt1"), ("kabar2", "dt2"), ("kabar1", "floor"), ("bare", "floor"), ("dt1", "floor"),
                 ("kabar2", "kabar1"), ("dt2", "dt1"), ("kabar1", "bare"), ("kabar1", "base1"),
                 ("kabar2", "base2"), ("base1", "dt1"), ("base2", "base1"), ("bare", "basebare"),
                 ("basebare", "basefloor"), ("floor", "basefloor")):
        if a in rows and b in rows:
            print(f"  {a + ' ÷ ' + b:16} pages/CPU s {rows[a]['per_cpu'] / rows[b]['per_cpu']:5.2f}"
                  f"   pages/wall s {rows[a]['per_wall'] / rows[b]['per_wall']:5.2f}")
    for seeds in ("seeds", "baseseeds"):
        if seeds in fixed and "prefect" in fixed:
            print(f"  {seeds} run ÷ Prefect server start   wall {fixed[seeds]['wall'] / fixed['prefect']['wall']:5.2f}"
                  f"   CPU {fixed[seeds]['cpu'] / fixed['prefect']['cpu']:5.2f}")


if __name__ == "__main__":
    sys.exit(main())
