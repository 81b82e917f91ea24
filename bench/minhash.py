"""MinHash signatures: datasketch's MinHash (kabar.dedup's call until 2026-12-01) against kabar.minhash.

    .venv/bin/python bench/minhash.py            # 600 id-news articles, 3 interleaved rounds

Prints CPU ms per body (median of the rounds) and whether every signature is identical
(then every LSH decision is too: the index only ever sees the values).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--n", type=int, default=600)
    p.add_argument("--rounds", type=int, default=3)
    a = p.parse_args()
    import numpy as np

    from kabar import minhash

    with (REPO.parent / "shared" / "datasets" / "id-news" / "articles.jsonl").open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for _, line in zip(range(a.n), fh)]
    from datasketch import MinHash

    def datasketch(text):  # what kabar.dedup did before kabar.minhash
        m = MinHash(num_perm=minhash.NUM_PERM, seed=minhash.SEED, scheme=minhash.SCHEME)
        m.update_batch([s.encode("utf-8") for s in minhash.shingles(text)])
        return m.hashvalues

    impls = {"datasketch MinHash (as kabar.dedup was)": datasketch,
             "kabar.minhash (NumPy)": minhash.signature}
    for f in impls.values():
        f(texts[0])
    times: dict[str, list[float]] = {k: [] for k in impls}
    for _ in range(a.rounds):
        for name, f in impls.items():
            t = time.process_time()
            for text in texts:
                f(text)
            times[name].append((time.process_time() - t) / len(texts) * 1000)
    for name, ts in times.items():
        print(f"{name:34} {statistics.median(ts):6.3f} ms/body CPU (median of {a.rounds})")
    base, new = (statistics.median(times[k]) for k in impls)
    same = all(np.array_equal(datasketch(t), minhash.signature(t)) for t in texts)
    print(f"speed-up {base / new:.2f}x; identical signatures on {len(texts)} bodies: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
