"""Outlet registry: Indonesian outlets and the media they cite, from `data/registry/outlets.yaml`.

Enrich uses it to name the outlet of a page (URL first, then text signatures);
the sources extractor uses it to recognise and normalise media names and aliases.
Unknown means None: the registry never guesses.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kabar.resources import DataFileError, load_yaml


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    domains: tuple[str, ...]
    country: str | None
    language: str | None
    timezone: str | None
    signatures: tuple[re.Pattern, ...]
    aliases: tuple[str, ...]
    kind: str  # news | wire | broadcaster | …

    @property
    def domain(self) -> str | None:
        return self.domains[0] if self.domains else None

    @property
    def tzinfo(self) -> ZoneInfo | None:
        return ZoneInfo(self.timezone) if self.timezone else None


KNOWN_KEYS = {"name", "domains", "country", "language", "timezone", "signatures", "aliases", "kind"}
KINDS = {"news", "wire", "broadcaster", "magazine", "aggregator"}


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host.lower().rstrip(".") if host else None


class Registry:
    def __init__(self, outlets: list[Outlet]):
        self.outlets = outlets
        self._by_domain: dict[str, Outlet] = {}
        self._by_name: dict[str, Outlet] = {}
        for o in outlets:
            for d in o.domains:
                if d in self._by_domain:
                    raise DataFileError(f"outlets registry: domain {d!r} claimed by {self._by_domain[d].name!r} and {o.name!r}")
                self._by_domain[d] = o
            for n in (o.name, *o.aliases):
                key = _name_key(n)
                other = self._by_name.get(key)
                if other is not None and other is not o:
                    raise DataFileError(f"outlets registry: name/alias {n!r} claimed by {other.name!r} and {o.name!r}")
                self._by_name[key] = o

    @classmethod
    def from_data(cls, entries: list[dict]) -> "Registry":
        outlets = []
        for i, e in enumerate(entries):
            if not isinstance(e, dict) or not e.get("name"):
                raise DataFileError(f"outlets registry: entry #{i} has no name")
            _validate(e)
            sigs = []
            for s in e.get("signatures") or []:
                try:
                    sigs.append(re.compile(s))
                except re.error as exc:
                    raise DataFileError(f"outlets registry: {e['name']!r}: bad signature {s!r}: {exc}") from exc
            outlets.append(
                Outlet(
                    name=e["name"],
                    domains=tuple(d.lower() for d in e.get("domains") or ()),
                    country=e.get("country"),
                    language=e.get("language"),
                    timezone=e.get("timezone"),
                    signatures=tuple(sigs),
                    aliases=tuple(e.get("aliases") or ()),
                    kind=e.get("kind", "news"),
                )
            )
        return cls(outlets)

    def by_domain(self, host: str | None) -> Outlet | None:
        """Exact host or any parent domain (news.detik.com → detik.com)."""
        if not host:
            return None
        parts = host.lower().split(".")
        for i in range(len(parts) - 1):
            hit = self._by_domain.get(".".join(parts[i:]))
            if hit:
                return hit
        return None

    def by_url(self, url: str | None) -> Outlet | None:
        return self.by_domain(host_of(url))

    def by_signature(self, text: str) -> Outlet | None:
        """The outlet whose signature occurs earliest in `text` (header lines of a page).
        On a tie (two signatures matching at the same place) the more specific wins: the
        longer match, then the outlet whose domain is a subdomain of the other's or whose
        signature is more literal ("TRIBUN-TIMUR.COM," over the network's "TRIBUN-?[A-Z]+.COM,"),
        never registry order alone."""
        best: tuple[int, int, int, Outlet] | None = None
        for o in self.outlets:
            for sig in o.signatures:
                m = sig.search(text)
                if not m:
                    continue
                cand = (m.start(), m.end() - m.start(), _literal_chars(sig.pattern), o)
                if best is None or m.start() < best[0] or (m.start() == best[0] and _more_specific(cand, best)):
                    best = cand
        return best[3] if best else None

    def by_exact(self, text: str | None) -> Outlet | None:
        """A whole line that is exactly a registered name, alias or domain ("Okezone",
        "SINDOnews.com", "Katadata.co.id", "The Jakarta Post"); anything more is no match."""
        t = " ".join((text or "").split()).strip()
        if not t:
            return None
        hit = self.by_name(t)
        if hit is None and re.fullmatch(r"(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", t):
            hit = self._by_domain.get(t.lower().removeprefix("www."))
        return hit

    def by_name(self, name: str | None) -> Outlet | None:
        if not name:
            return None
        return self._by_name.get(_name_key(name))

    def all_names(self) -> list[tuple[str, Outlet]]:
        """Every name and alias, longest first (for greedy matching in text)."""
        pairs = [(n, o) for o in self.outlets for n in (o.name, *o.aliases)]
        return sorted(pairs, key=lambda p: -len(p[0]))


def _validate(e: dict) -> None:
    where = f"outlets registry: {e['name']!r}"
    unknown = set(e) - KNOWN_KEYS
    if unknown:
        raise DataFileError(f"{where}: unknown key(s) {sorted(unknown)}")
    for key in ("domains", "signatures", "aliases"):
        if not isinstance(e.get(key) or [], list):
            raise DataFileError(f"{where}: `{key}` must be a list")
    for d in e.get("domains") or []:
        if not re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", str(d).lower()):
            raise DataFileError(f"{where}: bad domain {d!r}")
    if e.get("kind", "news") not in KINDS:
        raise DataFileError(f"{where}: kind {e.get('kind')!r} not in {sorted(KINDS)}")
    if e.get("timezone"):
        try:
            ZoneInfo(e["timezone"])
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise DataFileError(f"{where}: unknown timezone {e['timezone']!r}") from exc


def _literal_chars(pattern: str) -> int:
    """How much of a signature is literal text (a rough measure of how specific it is)."""
    body = re.sub(r"\(\?[a-zA-Z]+\)|\[[^\]]*\]|\\[sSdDwWbB]|[()?*+{}|^$]|\{\d*,?\d*\}", "", pattern)
    return len(body.replace("\\", ""))


def _is_under(a: Outlet, b: Outlet) -> bool:
    """Some domain of `a` is a subdomain of a domain of `b` (makassar.tribunnews.com under tribunnews.com)."""
    return any(da != db and da.endswith("." + db) for da in a.domains for db in b.domains)


def _more_specific(cand: tuple, best: tuple) -> bool:
    (_, clen, clit, co), (_, blen, blit, bo) = cand, best
    if clen != blen:
        return clen > blen
    if _is_under(co, bo) != _is_under(bo, co):
        return _is_under(co, bo)
    return clit > blit


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


@functools.lru_cache(maxsize=1)
def get_registry() -> Registry:
    data = load_yaml("outlets.yaml")
    if not isinstance(data, dict) or not isinstance(data.get("outlets"), list):
        raise DataFileError("outlets.yaml: expected a mapping with an `outlets:` list")
    return Registry.from_data(data["outlets"])
