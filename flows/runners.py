"""The flow's task runner, chosen by a setting: threads (default), processes, or Dask.

`kabar run --runner/--workers/--dask-address` pass the setting directly; a deployed
flow reads it from its process environment (`KABAR_RUNNER`, `KABAR_WORKERS`,
`KABAR_DASK_ADDRESS`, set in prefect.yaml's job variables), because a task runner is
fixed before the flow starts and cannot be a flow parameter.

Dask workers only need the installed project: tasks reach them pickled by reference
to `tasks.stages`, which imports the pure shard functions from `kabar.pipeline`.
"""
from __future__ import annotations

import os


def make_task_runner(runner: str = "threads", workers: int = 2, dask_address: str | None = None):
    if dask_address:
        runner = "dask"
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
