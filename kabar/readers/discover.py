"""Turn the user's inputs (files, folders, globs; local paths or fsspec URLs) into InputFiles.

`uri` is what the user recognises: a local input keeps its form (a relative folder gives
relative file paths), a URL input gives full URLs. Folders are walked recursively.
Skipped on purpose (documented): names starting with "." (dotfiles, `.git/`, editor swap files)
inside a folder or glob match; an explicitly named dotfile is still read.
Anything that cannot be listed or is not a regular file (missing path, dangling symlink,
permission error) becomes an `unreadable_path` Reject; discovery never raises.
"""
from __future__ import annotations

import os
from datetime import datetime

from fsspec.core import url_to_fs

from kabar.readers.base import InputFile, reject
from kabar.record import Reject

_GLOB_CHARS = set("*?[")


def _is_url(inp: str) -> bool:
    return "://" in inp


def _hidden(rel: str) -> bool:
    return any(part.startswith(".") for part in rel.replace("\\", "/").split("/") if part not in ("", ".", ".."))


def _stamp(value) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return "" if value is None else str(value)


def fingerprint(info: dict) -> str:
    """size + the best change marker the filesystem offers (etag, mtime, LastModified…)."""
    for key in ("ETag", "etag", "md5Hash", "mtime", "LastModified", "last_modified", "updated", "created"):
        if info.get(key) not in (None, ""):
            return f"{info.get('size')}:{_stamp(info[key]).strip(chr(34))}"
    return f"{info.get('size')}:"


def _local_uri(inp: str, path: str) -> str:
    """A glob match shown like the input: relative to the working folder if the input was."""
    return path if os.path.isabs(os.path.expanduser(inp)) else os.path.relpath(path)


def discover(inputs: list[str]) -> tuple[list[InputFile], list[Reject]]:
    files: dict[str, InputFile] = {}
    rejects: list[Reject] = []

    def bad(uri: str, detail: str) -> None:
        rejects.append(reject("unreadable_path", detail, uri, None))

    def add(fs, path: str, info: dict, uri: str) -> None:
        kind = info.get("type")
        if kind == "directory":
            for p, sub in sorted(fs.find(path, detail=True, withdirs=False).items()):
                rel = os.path.relpath(p, path)
                if not _hidden(rel):
                    add(fs, p, sub, fs.unstrip_protocol(p) if _is_url(uri) else os.path.join(uri, rel))
        elif kind not in ("file", None):
            target = f" -> {info['destination']}" if info.get("destination") else ""
            bad(uri, f"not a regular file ({kind}{target}): dangling symlink or special file")
        else:
            size = info.get("size")
            url = fs.unstrip_protocol(path)
            files.setdefault(url, InputFile(uri, int(size) if size is not None else None, fingerprint(info), url))

    for inp in inputs:
        try:
            fs, path = url_to_fs(inp)
            if _GLOB_CHARS & set(path):
                matches = fs.glob(path, detail=True)
                root = path[: min(path.find(c) for c in _GLOB_CHARS if c in path)]
                shown = 0
                for p, info in sorted(matches.items()):
                    if _hidden(p[len(root):] if p.startswith(root) else p):
                        continue
                    shown += 1
                    add(fs, p, info, fs.unstrip_protocol(p) if _is_url(inp) else _local_uri(inp, p))
                if not shown:
                    bad(inp, "glob matches no file")
            else:
                info = fs.info(path)  # FileNotFoundError for a missing path or dangling symlink
                add(fs, path, info, fs.unstrip_protocol(path) if _is_url(inp) else inp.rstrip("/") or inp)
        except FileNotFoundError:
            bad(inp, "no such file or folder (or a dangling symlink)")
        except Exception as exc:  # permission, bad URL, missing fsspec backend, network…
            bad(inp, f"cannot list input: {type(exc).__name__}: {exc}")
    return sorted(files.values(), key=lambda f: f.uri), sorted(rejects, key=lambda r: r.source_uri)
