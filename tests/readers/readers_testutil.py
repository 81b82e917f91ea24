"""Helpers shared by the reader tests (imported by name: pytest puts this folder on sys.path)."""
from __future__ import annotations

import os
from pathlib import Path

from kabar.readers import InputFile, ReadLimits, discover, read_file
from kabar.record import Doc


def key(root: Path, uri: str) -> str:
    path, sep, n = uri.partition("#")
    return os.path.relpath(path, root) + sep + n


def read_path(path: Path | str, limits: ReadLimits | None = None) -> list:
    files, rejects = discover([str(path)])
    items = list(rejects)
    for f in files:
        items.extend(read_file(f, limits))
    return items


def read_bytes(tmp_path: Path, name: str, data: bytes, limits: ReadLimits | None = None) -> list:
    p = tmp_path / name
    p.write_bytes(data)
    return read_path(p, limits)


def docs(items: list) -> list[Doc]:
    return [i for i in items if isinstance(i, Doc)]


def reasons(items: list) -> list[str]:
    return [i.reason for i in items if not isinstance(i, Doc)]


def input_file(path: Path) -> InputFile:
    files, _ = discover([str(path)])
    assert len(files) == 1
    return files[0]
