"""The flow's task runner, chosen by a setting: threads (default), processes, or Dask.

`kabar run --runner/--workers/--dask-address` pass the setting directly; a deployed
flow reads it from its process environment (`KABAR_RUNNER`, `KABAR_WORKERS`,
`KABAR_DASK_ADDRESS`, set in prefect.yaml's job variables), because a task runner is
fixed before the flow starts and cannot be a flow parameter.

Dask workers only need the installed project: tasks reach them pickled by reference
to `tasks.stages`, which runs the pipeline list of `kabar.pipeline.order`.
"""
from __future__ import annotations

import multiprocessing
import os
from functools import lru_cache

# What every pool worker imports before its first shard: Prefect's task engine with kabar's
# steps (tasks.stages), and GX for the gates. ~10 CPU s a spawned worker on this machine.
WORKER_PRELOAD = ["tasks.stages", "kabar.gates", "great_expectations"]


def _worker_context():
    """Workers forked from a fork server that has imported WORKER_PRELOAD once (copy-on-write),
    instead of spawned interpreters that each import it all again. Where there is no fork
    server (not POSIX), spawn as Prefect does."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(WORKER_PRELOAD)
    return ctx


def start_worker_server() -> None:
    """Start the fork server now (it imports WORKER_PRELOAD while the driver loads its own
    modules and the API server boots), so the pool's workers are ready the moment the
    flow submits its first shards. The server has no threads: forking it is safe."""
    ctx = _worker_context()
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _worker_ready() -> None:
    from kabar.gates import load_gx

    load_gx()  # imported in the fork server already: only its logging set here


def share_api_with_workers() -> None:
    """Worker processes must report to this process's Prefect API.

    Without an API URL, Prefect starts a temporary ("ephemeral") server on first use, and
    it does so in every worker process too: each waits for its own server (slow, and it
    times out on a busy machine). Starting it here and exporting its URL before the workers
    spawn makes them all share one. A configured PREFECT_API_URL is left alone."""
    from prefect.settings import PREFECT_API_URL

    if PREFECT_API_URL.value() or os.environ.get("PREFECT_API_URL"):
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()  # one per port: the flow's own client reuses it
    server.start()
    os.environ["PREFECT_API_URL"] = server.api_url


def make_task_runner(runner: str = "threads", workers: int = 2, dask_address: str | None = None):
    if dask_address:
        runner = "dask"
    if runner in ("processes", "dask") and not dask_address:
        share_api_with_workers()
    if runner == "threads":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=workers)
    if runner == "processes":
        return _preloaded_pool()(max_workers=workers, initializer=_worker_ready)
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        # processes: the stages are CPU-bound Python; no dashboard: nothing may bind a public port
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})
    raise SystemExit(f"kabar: unknown runner {runner!r} (threads, processes, dask)")


def from_env():
    return make_task_runner(os.environ.get("KABAR_RUNNER", "threads"), int(os.environ.get("KABAR_WORKERS", "2")),
                            os.environ.get("KABAR_DASK_ADDRESS") or None)


@lru_cache(maxsize=1)
def _preloaded_pool():
    from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner

    class PreloadedProcessPoolTaskRunner(ProcessPoolTaskRunner):
        """Prefect's process pool, its workers from `_worker_context()` instead of spawned.

        The same set-up as `ProcessPoolTaskRunner.__enter__` (Prefect 3.8) but the context."""

        def __enter__(self):
            import threading
            from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

            from prefect.task_runners import _initialize_process_pool_worker

            TaskRunner.__enter__(self)
            ctx = _worker_context()
            self._subprocess_message_queue = ctx.Queue()
            self._message_forwarding_thread = threading.Thread(
                target=self._forward_subprocess_messages, name="ProcessPoolTaskRunnerMessageForwarder", daemon=True)
            self._message_forwarding_thread.start()
            try:
                self._executor = ProcessPoolExecutor(
                    max_workers=self._max_workers, mp_context=ctx, initializer=_initialize_process_pool_worker,
                    initargs=(self._subprocess_message_queue, self._initializer, self._initargs))
                self._resolver_executor = ThreadPoolExecutor(max_workers=self._max_workers)
            except Exception:
                if self._executor is not None:
                    self._executor.shutdown(cancel_futures=True, wait=True)
                    self._executor = None
                self._stop_message_forwarding()
                raise
            return self

    return PreloadedProcessPoolTaskRunner
