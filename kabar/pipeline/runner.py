"""Running the pipeline list without an orchestrator: one shard in this process, or a whole run."""
from __future__ import annotations

from typing import Any

from kabar.gates import GateError
from kabar.pipeline import stop
from kabar.pipeline.order import shard_steps
from kabar.pipeline.run import Run
from kabar.pipeline.settings import Settings
from kabar.readers import InputFile
from kabar.steps import ShardResult, run_steps


def process_shard(files: list[InputFile], run: Run, shard_no: int) -> ShardResult:
    """The shard steps of the pipeline (read → gates, clean, enrich) in this process."""
    return run_steps(shard_steps(), ShardResult(), run.shard_context(shard_no, files))


def run_plain(settings: Settings, run_id: str | None = None, on_shard=None) -> dict[str, Any]:
    """The whole run in a plain loop, one process, no Prefect (tests, benchmark baseline).

    `on_shard(run, done, total)` is called after each shard is loaded (progress display)."""
    run = Run(settings, run_id)
    error = None
    with stop.on_signals():  # SIGTERM/SIGINT: the run recorded as cancelled, nothing published
        try:
            shards = run.start()
            for i, files in enumerate(shards):
                run.load(process_shard(files, run, i), files)
                if on_shard is not None:
                    on_shard(run, i + 1, len(shards))
        except (GateError, stop.Stopped) as exc:
            error = exc
        except BaseException:
            run.close()  # not ours to judge: re-raise, but free the output folder at once
            raise
        return run.finish(error)
