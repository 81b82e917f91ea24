"""A suite's failure limit over the whole run, counting the rejects of the stage before it.

A gate sees only the rows the stage before it let through: a night of navigation pages,
all rejected by clean, reached the clean suite as one good row and passed. Each suite
therefore names, in `meta.kabar.counts_rejects_of`, the stages whose rejects count
against its `max_row_failure_fraction`:

    share = (rows the suite quarantined + rows those stages rejected)
            / (rows the suite validated + rows those stages rejected)
"""
from __future__ import annotations

from typing import Any, Mapping


def _kabar_meta(suite: dict[str, Any]) -> dict[str, Any]:
    return suite.get("meta", {}).get("kabar", {})


def max_row_failure_fraction(suite: dict[str, Any]) -> float:
    return float(_kabar_meta(suite).get("max_row_failure_fraction", 0.5))


def counted_stages(suite: dict[str, Any]) -> list[str]:
    return list(_kabar_meta(suite).get("counts_rejects_of", []))


def limit_breach(name: str, suite: dict[str, Any], rows: int, quarantined: int,
                 stage_rejects: Mapping[str, Mapping[str, int]], top: str = "") -> str | None:
    """The failure message when the suite's share of rejected rows is over its limit, else None.

    `stage_rejects`: stage -> reason -> rows that stage rejected in the run."""
    upstream = {st: dict(stage_rejects.get(st, {})) for st in counted_stages(suite)}
    before = sum(sum(r.values()) for r in upstream.values())
    total = rows + before
    if not total:
        return None
    limit = max_row_failure_fraction(suite)
    share = (quarantined + before) / total
    if share <= limit:
        return None
    parts = [f"{quarantined} quarantined by the suite" + (f" (most common: {top})" if top else "")]
    for st, reasons in upstream.items():
        if reasons:
            most = ", ".join(f"{k} ×{v}" for k, v in sorted(reasons.items(), key=lambda kv: -kv[1])[:3])
            parts.append(f"{sum(reasons.values())} rejected by the {st} stage ({most})")
    return (f"GX suite '{name}' rejected {quarantined + before} of {total} rows "
            f"({share:.0%} > the suite's limit of {limit:.0%}): " + "; ".join(parts))
