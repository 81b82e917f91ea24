"""`kabar` command line: `kabar run`, `kabar compact`, `kabar eval`."""
from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import sys

from flows.runners import make_task_runner  # the task runner setting lives with the flow

# Before Prefect or GX are imported: no telemetry, no progress bars, quiet console.
_QUIET_ENV = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "GX_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_UI_ENABLED": "false",
    # the temporary API server needs more than the default 20 s on a busy 2-core machine
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
}


def _quiet_env() -> None:
    for k, v in _QUIET_ENV.items():
        os.environ.setdefault(k, v)


def cmd_run(args: argparse.Namespace) -> int:
    _quiet_env()
    import signal

    from kabar.pipeline import stop

    with stop.on_signals():  # also while Prefect and GX load and the API server boots
        try:
            rc = _run(args)
        except stop.Stopped as exc:
            print(f"kabar: {exc} before the run had read anything; nothing written", file=sys.stderr)
            rc = 1
    name = stop.received()
    return 128 + signal.Signals[name].value if name else rc  # what a shell reports for a process a signal ended


def _run(args: argparse.Namespace) -> int:
    from kabar.pipeline import Settings, run_plain

    from kabar.lock import LockHeld
    from kabar.output import OldFormat

    inputs = args.inputs or ["seeds"]
    if args.no_prefect:
        settings = Settings(inputs=inputs, out=args.out, full=args.full, shard_docs=args.shard_docs,
                            wait=args.wait, compact=args.compact)
        from kabar.progress import Progress

        progress = Progress()
        try:
            manifest = run_plain(settings, on_shard=progress)
        except (LockHeld, OldFormat) as exc:
            print(f"kabar: {exc}", file=sys.stderr)
            return 1
        finally:
            progress.close()
    else:
        from flows.api_server import api_for_run

        before = _latest_manifest(args.out)
        with api_for_run(local_workers=not args.dask_address) as server:  # a temporary API server boots on the other core while the flow and GX load
            if args.runner == "processes":
                from flows.runners import start_worker_server

                start_worker_server()  # the workers' imports, once, meanwhile too
            from flows.kabar_flow import kabar_flow
            from kabar.gates import load_gx
            from kabar.pipeline.settings import SHARDS_PER_WORKER

            load_gx()  # the gates need it in this process (GX project set-up, Data Docs)
            flow = kabar_flow.with_options(task_runner=make_task_runner(args.runner, args.workers, args.dask_address))
            if server is not None:
                server.wait_ready()
            state = flow(inputs=inputs, out=args.out, full=args.full, shard_docs=args.shard_docs,
                         min_shards=SHARDS_PER_WORKER * args.workers if args.workers > 1 else 1,
                         window=max(2, 2 * args.workers), wait=args.wait, compact=args.compact, return_state=True)
        manifest = _latest_manifest(args.out)
        if state.is_failed() and (manifest is None or manifest == before or manifest.get("status") == "success"):
            print(f"kabar: run failed: {state.message}", file=sys.stderr)
            return 1
    print_summary(manifest)
    return 0 if manifest["status"] == "success" else 1


def cmd_compact(args: argparse.Namespace) -> int:
    from kabar.compact import MAX_ROWS, compact
    from kabar.lock import LockHeld

    try:
        rep = compact(args.out, max_rows=args.max_rows or MAX_ROWS, wait=args.wait)
    except LockHeld as exc:
        print(f"kabar compact: {exc}", file=sys.stderr)
        return 1
    print(f"kabar compact {rep.run_id}: {rep.partitions} partition(s), {rep.parts_before} part(s) into "
          f"{rep.parts_after}, {rep.rows} rows; state segments merged: "
          + (", ".join(f"{k} {n}" for k, n in rep.state_segments.items()) or "none"))
    return 0


def _latest_manifest(out: str) -> dict | None:
    import fsspec

    fs, root = fsspec.core.url_to_fs(out)
    paths = sorted(fs.glob(f"{root.rstrip('/')}/runs/*.json"), key=lambda p: fs.info(p).get("mtime", 0) or p)
    if not paths:
        return None
    with fs.open(paths[-1], "r", encoding="utf-8") as fh:
        return json.load(fh)


def print_summary(m: dict) -> None:
    from kabar.report import suite_outcome

    c = m["counts"]
    ok = m["status"] == "success"
    print(f"kabar run {m['run_id']}: {'OK' if ok else m['status'].upper()}")
    loaded = "loaded" if ok else "passed (not published)"
    print(f"  read {c['read']}  {loaded} {c['loaded']}  quarantined {c['quarantined']}"
          f"  (reconciled: {'yes' if c['reconciled'] else 'NO'})")
    if c.get("inputs_skipped_unchanged"):
        print(f"  inputs unchanged since an earlier run, skipped: {c['inputs_skipped_unchanged']}")
    if c.get("near_duplicates"):
        print(f"  near-duplicates flagged: {c['near_duplicates']}")
    for reason, n in list(c["quarantine_reasons"].items())[:8]:
        print(f"  quarantine  {n:>5}  {reason}")
    gx = "  ".join(
        f"{suite}: {suite_outcome(m, suite)}" + (f" ({g['rows_quarantined']} rows quarantined)" if g["rows_quarantined"] else "")
        for suite, g in m["gx"].items() if g["ran"]
    )
    if gx:
        print(f"  GX  {gx}")
    if not ok:
        print(f"  error: {m['error']}")
    w = m.get("written") or {}
    if not ok:
        ev = w.get("evidence_rows") or {}
        print("  nothing published: the datasets are as before this run")
        if w.get("evidence"):
            print(f"  kept as evidence ({', '.join(f'{n} {k}' for k, n in ev.items())}): {w['evidence']}")
    o = m["outputs"]
    print(f"  articles    {o['articles']}")
    print(f"  quarantine  {o['quarantine']}")
    if m.get("report"):
        print(f"  report      {m['report']}")
    if m.get("validation_docs"):
        print(f"  validations {m['validation_docs']}")
    if m.get("data_docs"):
        print(f"  data docs   {m['data_docs']}")
    print(f"  manifest    {o['manifest']}")
    print(f"  time        {m['timings']['seconds_total']:.1f} s")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kabar", description="Nightly news ETL: raw page dumps in; clean, enriched, validated Parquet out.")
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="run the pipeline over INPUT files, folders, globs or fsspec URLs")
    r.add_argument("inputs", nargs="*", metavar="INPUT", help="default: seeds/")
    r.add_argument("--out", default="data/out", help="output folder or fsspec URL (default: data/out)")
    r.add_argument("--full", action="store_true", help="rebuild the datasets from all inputs instead of only new ones")
    r.add_argument("--workers", type=int, default=2, help="concurrent shards (default: 2)")
    r.add_argument("--runner", choices=["threads", "processes", "dask"], default="threads",
                   help="Prefect task runner (default: threads)")
    r.add_argument("--dask-address", help="address of an existing Dask scheduler (implies --runner dask)")
    r.add_argument("--shard-docs", type=int, default=500, help="input files per shard (default: 500)")
    r.add_argument("--no-prefect", action="store_true", help="plain loop in this process, without Prefect")
    r.add_argument("--wait", type=float, default=0.0,
                   help="seconds to wait while another run writes the same --out (default: refuse at once)")
    r.add_argument("--compact", action="store_true", help="after committing, merge each partition's small parts")
    r.set_defaults(func=cmd_run)
    c = sub.add_parser("compact", help="merge each partition's small parts into few large ones (under the writer lock)")
    c.add_argument("--out", default="data/out", help="output folder or fsspec URL (default: data/out)")
    c.add_argument("--wait", type=float, default=0.0, help="seconds to wait for a running run to finish (default: 0)")
    c.add_argument("--max-rows", type=int, default=None, help="rows per compacted file (default: 200000)")
    c.set_defaults(func=cmd_compact)
    e = sub.add_parser("eval", help="score clean/enrich/sources against a labelled set", add_help=False)
    e.add_argument("rest", nargs=argparse.REMAINDER)
    e.set_defaults(func=lambda a: _eval(a.rest))
    return p


def _eval(rest: list[str]) -> int:
    _quiet_env()
    from kabar.evaluate import main as eval_main

    return eval_main(rest)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(argv)
    if getattr(args, "dask_address", None):
        args.runner = "dask"
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    rc = args.func(args)
    # The run is over and its output closed. Python's exit would now garbage-collect the
    # whole heap (Prefect, GX, pandas...) several times over while tearing the modules
    # down: seconds of CPU for nothing. Frozen objects are left out of those passes.
    gc.freeze()
    return rc


if __name__ == "__main__":
    sys.exit(main())
