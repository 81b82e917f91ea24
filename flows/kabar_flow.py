"""The kabar flow: the pipeline of `kabar/pipeline/order.py`, shard by shard.

Shards run concurrently on the flow's task runner (threads by default, processes or
Dask as a setting, see flows/runners.py); loading happens in the flow's own process,
one shard at a time, so dedup and the commit see every document exactly once. At most
`window` shards are in flight, which bounds memory however large the input.
"""
from __future__ import annotations

import logging
from collections import deque
from typing import Any

from prefect import flow, get_run_logger
from prefect.states import Cancelled, Failed
from prefect.utilities.annotations import quote  # see tasks/stages.py: no walk over documents

from flows.artifacts import publish_run_summary
from flows.runners import from_env
from kabar.gates import GateError
from kabar.lock import LockHeld
from kabar.output import OldFormat
from kabar.pipeline import Run, Settings, stop
from kabar.progress import Progress
from tasks import stages


class RunFailed(Exception):
    """A run that ended failed for a reason kabar reports (a gate): expected, not a crash."""


class _NoTracebackForRunFailed(logging.Filter):
    """Prefect's engine logs the exception of every failed deployment run with its traceback
    ("Engine execution exited with unexpected exception"). For a RunFailed that is noise
    on-call reads as a crash: keep the record, as one line with the run's message."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, RunFailed):
            record.msg, record.args = "kabar run failed: %s", (str(exc),)
            record.exc_info, record.exc_text = None, None
        return True


for _name in ("prefect.flow_runs", "prefect.engine", "prefect.flow_engine"):
    if not any(isinstance(f, _NoTracebackForRunFailed) for f in logging.getLogger(_name).filters):
        logging.getLogger(_name).addFilter(_NoTracebackForRunFailed())


def submit_shard(run: Run, i: int, files, cache: bool):
    key = stages.shard_key(files) if cache else None
    return stages.shard.submit(files, key, cache, run.shard_context(i, files))


@flow(name="kabar", log_prints=False, validate_parameters=True, task_runner=from_env())
def kabar_flow(
    inputs: list[str] | None = None,
    out: str = "data/out",
    full: bool = False,
    shard_docs: int = 500,
    min_shards: int = 1,
    window: int = 4,
    gates: bool = True,
    cache: bool = False,
    wait: float = 0.0,
    compact: bool = False,
) -> dict[str, Any]:
    """Run kabar over INPUTS (files, folders, globs, fsspec URLs) into OUT.

    `cache`: reuse shard results of an earlier identical attempt (see README, "Caching").
    `wait`: seconds to wait while another run writes OUT (default: refuse at once).
    `compact`: after committing, merge each partition's small parts (as `kabar compact`)."""
    logger = get_run_logger()
    settings = Settings(inputs=list(inputs or ["seeds"]), out=out, full=full, shard_docs=shard_docs, min_shards=min_shards, gates=gates,
                        wait=wait, compact=compact)
    run = Run(settings)
    progress = Progress()
    error: BaseException | None = None
    with stop.on_signals():  # SIGTERM/SIGINT: stop the shards, record the run as cancelled
        try:
            shards = run.start()
        except (LockHeld, OldFormat) as exc:  # another run writes this folder, or an old layout: refuse cleanly
            progress.close()
            return Failed(message=str(exc), data=RunFailed(str(exc)))
        except stop.Stopped as exc:  # nothing read yet, nothing staged
            progress.close()
            run.close()
            return Cancelled(message=str(exc))
        try:
            logger.info("run %s: %d new input file(s) in %d shard(s), %d unchanged skipped",
                        run.run_id, len(run.files), len(shards), run.skipped_inputs)
            pending: deque = deque()
            done = 0

            def load_next() -> None:
                nonlocal done
                future, files = pending.popleft()
                stages.write(quote(run), quote(run.admit(future.result(), files)))  # admit: driver state; write: retried I/O
                done += 1
                progress(run, done, len(shards))

            for i, files in enumerate(shards):
                pending.append((submit_shard(run, i, files, cache), files))
                if len(pending) >= max(1, window):
                    load_next()
            while pending:
                load_next()
        except GateError as exc:
            error = exc
        except stop.Stopped as exc:
            error = exc
            stop.stop_shards(exc)
        except BaseException:
            run.close()
            raise
        finally:
            progress.close()
        manifest = run.finish(error)
    if manifest["status"] == stop.CANCELLED:
        return Cancelled(message=manifest["error"])
    publish_run_summary(manifest, run.store)
    if manifest["status"] != "success":
        # a failed gate is an expected outcome, not a crash: the state carries the message and
        # an exception Prefect can raise (a dict as data made the engine crash resolving it)
        return Failed(message=manifest["error"], data=RunFailed(manifest["error"]))
    logger.info("run %s: read %d, loaded %d, quarantined %d", run.run_id,
                manifest["counts"]["read"], manifest["counts"]["loaded"], manifest["counts"]["quarantined"])
    return manifest
