"""Word lists the name recogniser (and the sources extractor) read: loaded once, cached.

- `common_words_id.tsv`: how often each word form appears in lower case, and capitalised
  inside / at the start of a sentence, in real Indonesian news (derived counts only; rebuilt
  by `python -m kabar.ner.train`). A word usually written in lower case is a common word,
  so its capitalised sentence-initial form ("Dihubungi", "Senada") is not a name.
- `roles_id.yaml`: ranks, offices, honorifics, unit heads and their qualifiers.
- the outlet registry's names and aliases (media are organisations).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from kabar.resources import DataFileError, data_path, load_yaml

COMMON_WORDS = "ner/common_words_id.tsv"
ROLES = "ner/roles_id.yaml"
ROLE_KEYS = ("ranks", "offices", "honorifics", "unit_heads", "qualifiers", "degrees", "regions")


@dataclass(frozen=True)
class WordCounts:
    lower: int
    cap_mid: int
    cap_initial: int


@dataclass(frozen=True)
class Phrases:
    """Multi-word phrases by first word, longest first."""
    index: dict

    @classmethod
    def of(cls, entries) -> "Phrases":
        idx: dict[str, list] = {}
        for e in {tuple(str(x).lower().split()) for x in entries if str(x).strip()}:
            idx.setdefault(e[0], []).append(e)
        return cls({k: tuple(sorted(v, key=len, reverse=True)) for k, v in idx.items()})

    def match(self, words: list[str], i: int) -> int:
        """Length of the longest phrase starting at words[i] (case-insensitive), else 0."""
        if i >= len(words):
            return 0
        for p in self.index.get(words[i].lower(), ()):
            n = len(p)
            if i + n <= len(words) and all(words[i + k].lower() == p[k] for k in range(1, n)):
                return n
        return 0


@functools.lru_cache(maxsize=1)
def common_words() -> dict[str, WordCounts]:
    path = data_path(COMMON_WORDS)
    out = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4 or not all(p.isdigit() for p in parts[1:]):
                raise DataFileError(f"{path}:{n}: expected `word<TAB>lower<TAB>cap_mid<TAB>cap_initial`")
            out[parts[0]] = WordCounts(int(parts[1]), int(parts[2]), int(parts[3]))
    return out


@functools.lru_cache(maxsize=1)
def roles() -> dict[str, Phrases]:
    data = load_yaml(ROLES)
    if not isinstance(data, dict) or any(not isinstance(data.get(k), list) for k in ROLE_KEYS):
        raise DataFileError(f"{ROLES}: expected lists {', '.join(ROLE_KEYS)}")
    return {k: Phrases.of(data[k]) for k in ROLE_KEYS}


@functools.lru_cache(maxsize=1)
def media_names() -> Phrases:
    from kabar.registry import get_registry
    return Phrases.of(n for n, _ in get_registry().all_names())


@functools.lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Every role list and the media names in one index: first word -> ((phrase, list), …),
    longest first, so a token costs one lookup whatever the number of lists."""
    lists = dict(roles(), media=media_names())
    idx: dict[str, list] = {}
    for key, phrases in lists.items():
        for first, entries in phrases.index.items():
            idx.setdefault(first, []).extend((p, key) for p in entries)
    return {k: tuple(sorted(v, key=lambda e: len(e[0]), reverse=True)) for k, v in idx.items()}
