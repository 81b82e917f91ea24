"""Progress of a run on a terminal: one line, rewritten after each shard is loaded.

Shown only when stderr is a terminal (`KABAR_PROGRESS=on|off` overrides), so logs
and cron mail stay free of carriage returns. Per stage it shows documents seen and
documents per second of that stage's own time (the slowest stage is the bottleneck);
the last figure is documents per second of wall time over the whole run.
"""
from __future__ import annotations

import os
import sys
import time
from typing import TextIO

STAGES = (("extract", "extract.read"), ("clean", "clean.total"), ("enrich", "enrich.total"))


def wanted(stream: TextIO) -> bool:
    mode = os.environ.get("KABAR_PROGRESS", "auto").lower()
    if mode in ("on", "1", "true"):
        return True
    if mode in ("off", "0", "false"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def line(stats, counts, elapsed: float, done: int, total: int) -> str:
    parts = []
    for name, key in STAGES:
        n = stats.get(key, 0)
        secs = stats.get(f"time_ms.{name}", 0) / 1000
        parts.append(f"{name} {n}" + (f" ({n / secs:,.0f}/s)" if secs > 0 else ""))
    parts.append(f"loaded {counts.get('loaded', 0)}  quarantined {counts.get('quarantined', 0)}")
    rate = counts.get("read", 0) / elapsed if elapsed > 0 else 0.0
    return f"shard {done}/{total}  " + " · ".join(parts) + f"  | {rate:,.1f} docs/s"


class Progress:
    """Callable as `on_shard(run, done, total)`; `close()` ends the line."""

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.enabled = wanted(self.stream)
        self.t0 = time.perf_counter()
        self.shown = False

    def __call__(self, run, done: int, total: int) -> None:
        if not self.enabled:
            return
        text = line(run.stats, run.counts, time.perf_counter() - self.t0, done, total)
        self.stream.write("\r\x1b[K" + text)  # \x1b[K: clear what a longer previous line left
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = False
