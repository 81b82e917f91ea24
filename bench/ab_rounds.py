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


def print_ab(what: str, rounds: int, label_a: str, a_ms: list[float], label_b: str, b_ms: list[float],
             ratio: float) -> None:
    """One shape for every A/B benchmark's output, so their figures read side by side."""
    width = max(len(label_a), len(label_b), len("ratio A/B")) + 2
    print(f"{what}, {rounds} rounds (CPU ms per item, median [min-max])")
    print(f"  {label_a:<{width}}{spread(a_ms)}")
    print(f"  {label_b:<{width}}{spread(b_ms)}")
    print(f"  {'ratio A/B':<{width}}{ratio:6.2f}")
