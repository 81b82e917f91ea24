"""`kabar run` stopped by SIGTERM (a supervisor) or SIGINT (Ctrl-C, to the whole group) while
its shards run: it exits within seconds, records the run as cancelled, publishes nothing,
keeps what an earlier run committed, and leaves no process it started behind."""
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pyarrow.parquet as pq
import pytest
from process_tree import kill_all

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]
REPO = Path(__file__).resolve().parents[2]
PAGES = REPO.parent / "shared" / "datasets" / "wcxb-dev-articles" / "html"
STOP_WITHIN = 20.0  # seconds from the signal to the exit, on a loaded 2-core machine (~2-10 s seen)


def _pages(folder: Path, names: list[str]) -> Path:
    folder.mkdir()
    for name in names:
        (folder / name.removesuffix(".gz")).write_bytes(gzip.decompress((PAGES / name).read_bytes()))
    return folder


def _articles(out: Path) -> list[tuple]:
    files = sorted((out / "articles").rglob("*.parquet"))
    rows = [r for f in files for r in pq.read_table(f, columns=["doc_id", "source_uri"]).to_pylist()]
    return sorted((r["doc_id"], r["source_uri"]) for r in rows)


def _running(p: psutil.Process) -> bool:
    try:
        return p.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


@pytest.mark.parametrize("sig, runner", [(signal.SIGTERM, "processes"), (signal.SIGINT, "threads")])
def test_a_stop_signal_cancels_the_run_quickly_and_cleanly(tmp_path, sig, runner):
    names = sorted(p.name for p in PAGES.glob("*.html.gz"))
    first, second = _pages(tmp_path / "night1", names[:6]), _pages(tmp_path / "night2", names[6:126])
    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), KABAR_PROGRESS="off")
    kabar = [sys.executable, "-m", "kabar.cli", "run", "--out", str(out)]
    done = subprocess.run([*kabar, str(first), "--no-prefect"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    committed = _articles(out)
    assert len(committed) == 6

    log = open(tmp_path / "run.log", "w+")
    proc = subprocess.Popen([*kabar, str(second), "--workers", "2", "--runner", runner, "--shard-docs", "10"],
                            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    started: dict[int, psutil.Process] = {}
    try:
        # wait until shards are being loaded: the run has staged parts and its workers are busy
        deadline = time.monotonic() + 400
        while not list((out / "_staging").rglob("*.parquet")):
            assert proc.poll() is None, (tmp_path / "run.log").read_text()
            assert time.monotonic() < deadline, (tmp_path / "run.log").read_text()
            started.update((p.pid, p) for p in _descendants(proc.pid))
            time.sleep(0.2)
        started.update((p.pid, p) for p in _descendants(proc.pid))
        if runner == "processes":
            forkserver = [p.pid for p in started.values() if "multiprocessing.forkserver" in " ".join(p.cmdline())]
            assert sum(p.ppid() in forkserver for p in started.values()) == 2  # the pool's two workers
        t0 = time.monotonic()
        if sig == signal.SIGTERM:
            proc.send_signal(sig)  # a supervisor signals the process it started
        else:
            os.killpg(proc.pid, sig)  # Ctrl-C: the terminal signals the whole foreground group
        rc = proc.wait(timeout=120)
        took = time.monotonic() - t0
        text = (tmp_path / "run.log").read_text()
        assert rc == 128 + sig, text
        assert took < STOP_WITHIN, f"exited {took:.1f} s after {sig.name}\n{text}"
        _, alive = psutil.wait_procs(list(started.values()), timeout=5)
        running = [p for p in alive if _running(p)]  # a zombie has exited: only its reaping is left
        assert not running, [" ".join(p.cmdline()) for p in running]
        with pytest.raises(ProcessLookupError):
            os.killpg(proc.pid, 0)  # nothing of its process group is left

        assert "CANCELLED" in text and f"stopped by {sig.name}" in text
        manifests = [json.loads(p.read_text()) for p in (out / "runs").glob("*.json")]
        cancelled = [m for m in manifests if m["status"] == "cancelled"]
        assert len(cancelled) == 1 and cancelled[0]["error"] == f"stopped by {sig.name}"
        assert (out / "reports" / f"run-{cancelled[0]['run_id']}.html").exists()
        assert _articles(out) == committed  # nothing of the stopped run published, nothing committed lost
        assert not list((out / "_staging").rglob("*.parquet"))  # its parts: evidence, not staged
        assert list((out / "failed" / cancelled[0]["run_id"]).rglob("*.parquet"))
        assert not (out / "_state" / "writer.lock").exists()

        # the folder is free and consistent: the next run reads the stopped run's inputs again
        again = subprocess.run([*kabar, str(second), "--no-prefect", "--shard-docs", "120"], env=env,
                               capture_output=True, text=True, timeout=400)
        assert again.returncode == 0, again.stdout + again.stderr
        assert len(_articles(out)) > len(committed)
    finally:
        kill_all(started.values(), proc)
