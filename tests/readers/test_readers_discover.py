"""discover(): files, folders, globs, local and fsspec URLs; problems become Rejects."""
from __future__ import annotations

import os

import fsspec

from kabar.readers import discover, read_file
from kabar.record import Doc


def _tree(root):
    (root / "b" / "c").mkdir(parents=True)
    (root / ".git").mkdir()
    for name in ("a.txt", "b/x.html", "b/c/y.jsonl", ".hidden.txt", ".git/config", "b/z.txt"):
        (root / name).write_text("teks\n")
    return root


def test_readers_folder_is_recursive_sorted_relative_and_skips_dotfiles(tmp_path, monkeypatch):
    _tree(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    files, rejects = discover(["in"])
    assert rejects == []
    assert [f.uri for f in files] == ["in/a.txt", "in/b/c/y.jsonl", "in/b/x.html", "in/b/z.txt"]
    assert all(f.size == 5 and f.fingerprint.startswith("5:") for f in files)
    assert files[0].open_url == "file://" + str(tmp_path / "in" / "a.txt")


def test_readers_glob_file_and_duplicates(tmp_path, monkeypatch):
    _tree(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    files, rejects = discover(["in/**/*.txt", "in/a.txt", str(tmp_path / "in" / "b" / "x.html")])
    assert rejects == []
    uris = [f.uri for f in files]
    assert uris == sorted(uris) and len(uris) == len({f.open_url for f in files}) == 3
    assert "in/a.txt" in uris and str(tmp_path / "in" / "b" / "x.html") in uris


def test_readers_missing_paths_and_dangling_symlinks_are_rejects(tmp_path):
    (tmp_path / "d").mkdir()
    os.symlink(tmp_path / "nowhere", tmp_path / "d" / "broken.txt")
    files, rejects = discover([str(tmp_path / "nope.txt"), str(tmp_path / "d"), str(tmp_path / "*.warc"),
                               "memory://nothing/here.txt"])
    assert files == []
    assert {r.reason for r in rejects} == {"unreadable_path"} and len(rejects) == 4
    assert all(r.stage == "extract" and r.detail for r in rejects)


def test_readers_memory_and_file_urls(tmp_path):
    mem = fsspec.filesystem("memory")
    mem.pipe("/kabar-test/dump/a.txt", "Judul\n\nIsi berita yang cukup panjang di sini untuk dibaca.\n".encode())
    mem.pipe("/kabar-test/dump/sub/b.jsonl", b'{"text": "isi"}\n')
    files, rejects = discover(["memory://kabar-test/dump", "memory://kabar-test/dump/*.txt"])
    assert rejects == []
    assert [f.uri for f in files] == ["memory:///kabar-test/dump/a.txt", "memory:///kabar-test/dump/sub/b.jsonl"]
    items = [i for f in files for i in read_file(f)]
    assert [i.source_uri for i in items] == ["memory:///kabar-test/dump/a.txt", "memory:///kabar-test/dump/sub/b.jsonl#1"]
    (tmp_path / "p.txt").write_text("halo dunia\n")
    files, _ = discover(["file://" + str(tmp_path / "p.txt")])
    assert files[0].uri == "file://" + str(tmp_path / "p.txt")
    assert isinstance(next(read_file(files[0])), Doc)


def test_readers_file_vanishing_after_discovery_is_a_reject(tmp_path):
    p = tmp_path / "gone.txt"
    p.write_text("x")
    files, _ = discover([str(p)])
    p.unlink()
    (item,) = list(read_file(files[0]))
    assert item.reason == "unreadable_path" and "gone.txt" in item.source_uri


def test_readers_fingerprint_changes_with_content(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("satu")
    before = discover([str(p)])[0][0].fingerprint
    p.write_text("satu dua")
    assert discover([str(p)])[0][0].fingerprint != before
