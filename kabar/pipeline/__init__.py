"""The pipeline: its steps declared once, run by one runner, driven by a `Run`.

- `order.py`    the ordered list of steps (read, gates, clean, enrich, dedup, write);
- `steps.py`    the steps that are not clean or enrich (read, gates, dedup, write);
- `runner.py`   the plain executor: `process_shard` (one shard here) and `run_plain`;
- `run.py`      the driver of one run: discovery, crash recovery, GX set-up, the driver
                steps (dedup, write), commit;
- `manifest.py` the gate totals and the manifest of a run;
- `settings.py`, `shards.py` the run's settings and how inputs are cut into shards.

`tasks/stages.py` runs the same list as Prefect tasks (one task run per shard and step).
"""
from kabar.pipeline.order import PIPELINE, steps
from kabar.pipeline.run import Batch, Run
from kabar.pipeline.runner import process_shard, run_plain
from kabar.pipeline.settings import Settings
from kabar.pipeline.shards import plan_shards

__all__ = ["PIPELINE", "Batch", "Run", "Settings", "plan_shards", "process_shard", "run_plain", "steps"]
