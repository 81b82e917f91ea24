"""Night-over-archive benchmark of the keyed state: does a night cost the same at 10k and 1M?

    .venv/bin/python bench/state_lookup.py --archive 10000 1000000 --night 1000

For each archive size N it writes a simulated `_state/index` (one compacted segment per
kind: N inputs, N doc ids, N body hashes, N articles, 5 N MinHash band keys, as a year of nights would leave
after `kabar compact`, plus `--nightly` small segments of recent nights) and then times
one night's lookups for `--night` new documents (input, doc id, body hash, article, 5 bands each;
half of the body hashes present), opening the index as a run does. Prints the median of
`--repeat` nights and the ratio to the smallest archive.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time

import fsspec
import numpy as np
import pyarrow as pa

from kabar.state_index import KEY_BYTES, StateIndex, write_segment

KINDS = {"input": 1, "doc_id": 1, "sha1": 1, "article": 1, "band": 5}  # what a night asks per document


def build(root: str, n: int, nightly: int, rng) -> None:
    fs = fsspec.filesystem("file")
    idx = StateIndex(fs, root)
    for kind, per_doc in KINDS.items():
        keys = rng.bytes(n * per_doc * KEY_BYTES)
        table = pa.table({"key": pa.FixedSizeBinaryArray.from_buffers(pa.binary(KEY_BYTES), n * per_doc,
                                                                       [None, pa.py_buffer(keys)]),
                          "value": pa.array(np.char.mod("d%d", np.arange(n * per_doc)))})
        write_segment(fs, f"{idx.folder(kind)}/seg-00000000~c.arrow", table)
        for night in range(nightly):
            m = 1000 * per_doc
            small = pa.table({"key": pa.FixedSizeBinaryArray.from_buffers(pa.binary(KEY_BYTES), m,
                                                                           [None, pa.py_buffer(rng.bytes(m * KEY_BYTES))]),
                              "value": pa.array(["n"] * m)})
            write_segment(fs, f"{idx.folder(kind)}/seg-{night + 1:08d}.arrow", small)


def night(root: str, n_docs: int, present: list[bytes], rng) -> float:
    t = time.perf_counter()
    idx = StateIndex(fsspec.filesystem("file"), root)
    for kind, per_doc in KINDS.items():
        keys = [rng.bytes(KEY_BYTES) for _ in range(n_docs * per_doc)]
        if kind == "sha1":
            keys[::2] = present[: len(keys[::2])]
        idx.lookup(kind, keys)
    idx.close()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--archive", type=int, nargs="+", default=[10_000, 1_000_000])
    ap.add_argument("--night", type=int, default=1000)
    ap.add_argument("--nightly", type=int, default=30, help="small segments of recent nights on top")
    ap.add_argument("--repeat", type=int, default=7)
    a = ap.parse_args()
    results = {}
    for n in a.archive:
        rng = np.random.default_rng(n)
        with tempfile.TemporaryDirectory() as root:
            build(root, n, a.nightly, rng)
            seg = StateIndex(fsspec.filesystem("file"), root).segments("sha1")[0]
            present = [seg.reader.get_batch(0).column(0)[i].as_py() for i in range(min(a.night, seg.reader.get_batch(0).num_rows))]
            times = [night(root, a.night, present, rng) for _ in range(a.repeat)]
        results[n] = statistics.median(times)
        print(f"archive {n:>9,} docs: night of {a.night} docs, {a.nightly} nightly segments + 1 compacted: "
              f"median {results[n] * 1000:.1f} ms over {a.repeat} nights")
    base = results[a.archive[0]]
    for n, t in results.items():
        print(f"ratio archive {n:,} / {a.archive[0]:,}: {t / base:.2f}")


if __name__ == "__main__":
    main()
