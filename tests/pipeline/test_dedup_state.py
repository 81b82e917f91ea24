"""Dedup and versions against the keyed state, across two committed 'runs'."""
import fsspec
import pytest

from kabar.dedup_state import IndexedDeduper
from kabar.record import Doc, Rejected
from kabar.state_index import StateIndex, segment_table, write_segment

BODY = " ".join(f"kalimat{i} berita kota taman warga" for i in range(60))


def doc(url, text, raw="page"):
    d = Doc(f"in/{raw}.txt", "text", f"{raw} {text}", "text", url=url)
    d.text = text
    return d


def commit(idx: StateIndex, dd: IndexedDeduper, run: str) -> None:
    for kind, pairs in dd.state().items():
        write_segment(idx.fs, f"{idx.folder(kind)}/seg-{run}.arrow", segment_table(pairs))
    idx.close()


def test_versions_across_runs(tmp_path):
    fs = fsspec.filesystem("file")
    idx = StateIndex(fs, str(tmp_path))
    first = IndexedDeduper(idx)
    a1 = doc("https://www.kompas.com/read/1/abc", BODY, "a1")
    other = doc("https://kompas.com/read/2/xyz", "lain " * 80, "b1")
    first.prefetch([a1, other])
    first.check(a1)
    first.check(other)
    assert (a1.version, other.version) == (1, 1) and a1.article_id != other.article_id
    commit(idx, first, "r1")

    second = IndexedDeduper(StateIndex(fs, str(tmp_path)))
    edited = doc("http://kompas.com/read/1/abc/?utm_source=x", BODY + " Ralat: angka diperbaiki.", "a2")
    same = doc("https://kompas.com/read/1/abc", BODY, "a3")  # re-crawl, other page furniture, same body
    copy = doc("https://tribun.com/copy", BODY, "c1")  # syndicated copy
    second.prefetch([edited, same, copy])
    second.check(edited)
    assert (edited.article_id, edited.version) == (a1.article_id, 2)
    assert edited.near_duplicate_of == a1.doc_id  # the small edit is also near the first version
    with pytest.raises(Rejected) as e:
        second.check(same)
    assert e.value.reason == "already_loaded"
    with pytest.raises(Rejected) as e:
        second.check(copy)
    assert e.value.reason == "exact_duplicate"
    with pytest.raises(Rejected) as e:
        second.check(a1)  # the very same document again
    assert e.value.reason == "already_loaded"


def test_run_state_kept_once_and_every_key_committed(tmp_path):
    """The driver keeps a checked document's keys once (its prefetched answers dropped), and
    `state()` still lists every pair: near duplicates share band keys, both doc_ids listed."""
    fs = fsspec.filesystem("file")
    dd = IndexedDeduper(StateIndex(fs, str(tmp_path)))
    a = doc("https://kompas.com/read/1/a", BODY, "a")
    b = doc("https://kompas.com/read/2/b", BODY + " tambahan", "b")  # a near duplicate of a
    a2 = doc("https://kompas.com/read/1/a", BODY + " Ralat.", "a2")  # a's article, second version
    dd.prefetch([a, b, a2])
    for d in (a, b, a2):
        dd.check(d)
    assert dd._seen == {}
    assert b.near_duplicate_of == a.doc_id and a2.version == 2
    st = dd.state()
    assert sorted(v for _, v in st["doc_id"]) == ["", "", ""]
    assert sorted(v.split("|")[0] for _, v in st["article"]) == ["1", "1", "2"]
    shared = [k for k, v in st["band"] if v == b.doc_id and (k, a.doc_id) in st["band"]]
    assert shared
    commit(StateIndex(fs, str(tmp_path)), dd, "r1")
    again = IndexedDeduper(StateIndex(fs, str(tmp_path)))
    with pytest.raises(Rejected):
        again.check(doc("https://kompas.com/read/2/b", BODY + " tambahan", "b"))
