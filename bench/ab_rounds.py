"""Interleaved A/B rounds in one process, timed in CPU seconds (process_time)."""
from __future__ import annotations

import statistics
import time


def ab_rounds(run_a, run_b, rounds: int, n: int) -> tuple[list[float], list[float], float]:
    """ms per item of each side per round (A B A B …) and the median per-round ratio A/B."""
    a_ms, b_ms = [], []
    for _ in range(rounds):
        for run, out in ((run_a, a_ms), (run_b, b_ms)):
            t0 = time.process_time()
            run()
            out.append((time.process_time() - t0) * 1000 / n)
    return a_ms, b_ms, statistics.median(x / y for x, y in zip(a_ms, b_ms))


def spread(ms: list[float]) -> str:
    return f"{statistics.median(ms):6.2f}  [{min(ms):.2f}-{max(ms):.2f}]"
