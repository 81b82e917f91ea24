"""Keyed state segments: lookups find every stored value, newest last, across segments and compaction."""
import fsspec
import numpy as np
import pytest

from kabar.state_index import BATCH, StateIndex, key_of, segment_table, write_segment


@pytest.mark.parametrize("protocol", ["file", "memory"])
def test_lookup_across_segments_and_compaction(tmp_path, protocol):
    fs = fsspec.filesystem(protocol)
    root = str(tmp_path) if protocol == "file" else f"/idx-{tmp_path.name}"
    idx = StateIndex(fs, root)
    rng = np.random.default_rng(1)
    first = {f"doc{i}": f"v{i}" for i in rng.permutation(5 * BATCH + 7)}
    write_segment(fs, f"{idx.folder('k')}/seg-r1.arrow", segment_table((key_of(k), v) for k, v in first.items()))
    write_segment(fs, f"{idx.folder('k')}/seg-r2.arrow", segment_table([(key_of("doc3"), "newer"), (key_of("x"), "y")]))
    asks = ["doc0", "doc3", "missing", "x", f"doc{5 * BATCH + 6}"]
    got = idx.lookup("k", [key_of(a) for a in asks])
    assert got == [["v0"], ["v3", "newer"], [], ["y"], [f"v{5 * BATCH + 6}"]]
    # every stored key is found, in any order
    keys = list(first)
    assert [g[0] for g in idx.lookup("k", [key_of(k) for k in keys])] == [first[k] for k in keys]
    assert idx.compact("k", latest_only=True) == (2, len(first) + 1)
    assert [p.rsplit("/", 1)[1] for p in idx.segment_paths("k")] == ["seg-r2~c.arrow"]
    assert StateIndex(fs, root).lookup("k", [key_of(a) for a in asks]) == [["v0"], ["newer"], [], ["y"], [f"v{5 * BATCH + 6}"]]


def test_empty_and_unknown_kinds(tmp_path):
    fs = fsspec.filesystem("file")
    idx = StateIndex(fs, str(tmp_path))
    write_segment(fs, f"{idx.folder('k')}/seg-r1.arrow", segment_table([]))
    assert idx.lookup("k", [key_of("a")]) == [[]]
    assert idx.lookup("nothing", [key_of("a")]) == [[]]
