"""The flow's task runner, chosen by a setting: threads (default), processes, or Dask.

`kabar run --runner/--workers/--dask-address` pass the setting directly; a deployed
flow reads it from its process environment (`KABAR_RUNNER`, `KABAR_WORKERS`,
`KABAR_DASK_ADDRESS`, set in prefect.yaml's job variables), because a task runner is
fixed before the flow starts and cannot be a flow parameter.

Dask workers only need the installed project: tasks reach them pickled by reference
to `tasks.stages`, which runs the pipeline list of `kabar.pipeline.order`.
"""
from __future__ import annotations

import os


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
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner(max_workers=workers)
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
