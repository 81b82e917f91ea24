"""Enrich settings from `data/registry/enrich.yaml`, checked once with a clear error.

Every threshold and word list of title, byline, dateline, outlet, date and language lives in
that file; code reads them through `settings()`.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kabar.resources import DataFileError, load_yaml

FILE = "enrich.yaml"

# section -> {key: type}; lists are lists of strings
SCHEMA: dict[str, dict[str, type | str]] = {
    "header": {"max_lines": int, "body_min_words": int, "max_byline_chars": int, "date_line_max_chars": int},
    "title": {"site_separators": list, "field_labels": list, "max_h1_words": int, "min_match_words": int, "fold_min_words": int,
              "site_segment_max_words": int, "label_max_words": int, "near_ratio": float, "near_word_diff": int,
              "shown_length": "numbers"},
    "byline": {"author_labels": list, "editor_labels": list, "not_names": list, "team_words": list,
               "conjunctions": list, "near_date_lines": int, "name_line_max_chars": int, "listed_author_max_words": int,
               "html_before_weight": int, "html_nested_within": int, "html_name_lower_words": int, "by_words": list, "outlet_desk_prefixes": list, "max_name_words": int, "max_authors": int, "tail_lines": int,
               "html_lead_labels": list, "html_cut_labels": list, "role_words": list, "html_before": int,
               "html_after": int, "qualified_labels": list, "desk_words": list, "html_label_after": int,
               "trailing_labels": list, "date_glue": list},
    "names": {"particles": list, "everyday_particles": list},
    "html_meta": {"max_chunk_chars": int, "byline_max_chars": int, "date_keys": list, "author_keys": list, "modified_keys": list},
    "sources": {"name_after_cue": int, "name_after_trailing_verb": int, "name_after_other_cue": int,
                "name_after_channel": int, "name_after_quote": int, "role_between": int, "subject_before_verb": int, "quote_after_verb": int,
                "pronoun_window_chars": int, "aside_words": int},
    "dateline": {"max_words": int, "short_line_words": int, "title_case_min_chars": int, "colon_place_max_words": int, "not_places": list},
    "outlet": {"masthead_lines": int, "footer_lines": int, "copyright_labels": list, "rights_phrases": list},
    "dates": {"zones": dict, "language_timezone": dict, "update_labels": list, "publish_labels": list,
              "min_year": int, "relative_max_days": int, "visible_before": int, "visible_after": int,
              "line_max_words": int, "body_pieces": int, "label_lookback": int, "split_stamp_max_chars": int,
              "split_stamp_pieces": int, "month_first_regions": list,
              "dateparser_languages": list},
    "language": {"min_chars": int, "min_words": int, "min_prob": float, "max_chars": int, "malay": dict},
}
MALAY_SCHEMA = {"enabled": bool, "reported_as": str, "min_markers": int, "ratio": float, "min_distinct": int, "ms_markers": list,
                "id_markers": list}


@dataclass(frozen=True)
class Settings:
    raw: dict
    zones: dict[str, timezone]  # "WIB" -> UTC+7
    language_tz: dict[str, ZoneInfo]

    def __getitem__(self, section: str) -> dict:
        return self.raw[section]


def _check(section: str, values: dict, schema: dict[str, type]) -> None:
    if not isinstance(values, dict):
        raise DataFileError(f"{FILE}: `{section}` must be a mapping")
    for key, typ in schema.items():
        if key not in values:
            raise DataFileError(f"{FILE}: `{section}.{key}` is missing")
        v = values[key]
        if typ == "numbers":  # a short list of numbers, e.g. a range
            if not isinstance(v, list) or not all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in v):
                raise DataFileError(f"{FILE}: `{section}.{key}` must be a list of numbers, got {v!r}")
            continue
        ok = isinstance(v, (int, float)) and not isinstance(v, bool) if typ is float else isinstance(v, typ)
        if typ is int and isinstance(v, bool):
            ok = False
        if not ok:
            raise DataFileError(f"{FILE}: `{section}.{key}` must be {typ.__name__}, got {v!r}")
        if typ is list and not all(isinstance(x, str) and x for x in v):
            raise DataFileError(f"{FILE}: `{section}.{key}` must be a list of non-empty strings")


def parse(data: dict) -> Settings:
    if not isinstance(data, dict):
        raise DataFileError(f"{FILE}: expected a mapping")
    for section, schema in SCHEMA.items():
        _check(section, data.get(section), schema)
    _check("language.malay", data["language"]["malay"], MALAY_SCHEMA)
    zones = {}
    for abbr, hours in data["dates"]["zones"].items():
        if not isinstance(hours, (int, float)) or not -14 <= hours <= 14:
            raise DataFileError(f"{FILE}: `dates.zones.{abbr}` must be an offset in hours, got {hours!r}")
        zones[str(abbr).upper().rstrip(".")] = timezone(timedelta(hours=hours))
    lang_tz = {}
    for lang, name in data["dates"]["language_timezone"].items():
        try:
            lang_tz[lang] = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise DataFileError(f"{FILE}: `dates.language_timezone.{lang}`: unknown zone {name!r}") from exc
    return Settings(data, zones, lang_tz)


@functools.lru_cache(maxsize=1)
def settings() -> Settings:
    return parse(load_yaml(FILE))


def name_particles(in_running_text: bool = False) -> frozenset[str]:
    """`names.particles`; inside running text, without `names.everyday_particles`."""
    cfg = settings()["names"]
    drop = set(cfg["everyday_particles"]) if in_running_text else set()
    return frozenset(p for p in cfg["particles"] if p not in drop)


def words_rx(words: list[str]) -> str:
    """Alternation of literal phrases, longest first, spaces matching any white space."""
    alts = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(alts) + ")"
