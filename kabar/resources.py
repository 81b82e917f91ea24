"""Locates kabar's data files (registry, phrase lists, attribution verbs, settings).

Operators edit these files, not code. They live in the repository's `data/` folder;
`KABAR_DATA_DIR` points elsewhere (e.g. a shared volume for Dask workers).
"""
from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import yaml

_REPO_DATA = Path(__file__).resolve().parent.parent / "data" / "registry"


class DataFileError(ValueError):
    """A data file is missing or malformed; the message names the file and the problem."""


def data_dir() -> Path:
    env = os.environ.get("KABAR_DATA_DIR")
    path = Path(env) if env else _REPO_DATA
    if not path.is_dir():
        raise DataFileError(f"kabar data folder not found: {path} (set KABAR_DATA_DIR)")
    return path


def data_path(name: str) -> Path:
    path = data_dir() / name
    if not path.exists():
        raise DataFileError(f"kabar data file not found: {path}")
    return path


@functools.lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    path = data_path(name)
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: invalid YAML: {exc}") from exc


@functools.lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    """A plain list file: one entry per line, `#` comments and blank lines ignored."""
    path = data_path(name)
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return tuple(out)
