"""An Indonesian dev set of real prose: text dumps built from the id-news article bodies.

The bodies in `../shared/datasets/id-news/articles.jsonl` are real articles of ten
outlets, with no page around them. Each chosen article becomes a visible-text dump the
way its outlet prints the page: masthead, menu, breadcrumb, headline (not always),
byline and date line, a photo caption; between paragraphs the outlet's markers (ads,
`SCROLL TO CONTINUE WITH CONTENT`, read-also links, video teasers, page breaks) and now
and then another article's headline with its first paragraph; after the body the
editor's code, credits, tags, related headlines and the footer. The furniture words are
in `id_furniture.py`; every choice comes from an RNG seeded by the article id, so the
set is the same on every run. Gold is the article's body paragraphs.

About 200 articles are chosen by a hash of the id (20 per outlet, plus every article
with a paragraph opening `Oleh karena itu` / `Oleh sebab itu`); ~1 in 8 is cut to its
first 1-3 sentences (short articles); a second hash splits them into `tune` and
`heldout` halves. A third set, `pool`, is 20 other articles per outlet (in neither half),
rendered with another seed: tune on it so `heldout` stays unseen. Read through `read_pairs`, or `kabar eval clean <id-news>@tune`.
Inspect: `python -m kabar.evaluate.id_dumps OUT_DIR [tune|heldout|pool]` writes the dumps.
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

from kabar.evaluate import id_furniture as F
from kabar.record import Doc

HALVES = ("tune", "heldout")
POOL = "pool"  # a third set for tuning: other articles, other seeds, so `heldout` stays untuned
PER_OUTLET = 20
SHORT_EVERY = 8  # one article in this many is cut to its first 1-3 sentences
GAP_FURNITURE = 0.3  # chance of furniture in a gap between two paragraphs
GAP_TEASER = 0.06  # chance that the furniture is another article's headline + first paragraph

# Residue the upstream extraction left in the bodies. Read-also lines and editor codes
# are taken out (the generator prints its own); an article with a paragraph of unclear
# status (a source or photo credit, a byline line) is not chosen, so gold stays clean.
_READ_ALSO = re.compile(r"^[\[(]?(baca|simak|lihat)([ _]juga\b|\s*:)", re.I)
_CODE_TAIL = re.compile(  # `(ama/ama)`, `[tyo]`, Antara's `(Uu. H - RF/I015)`, `(T.H - ZG/S023)`, `(*/aa)`
    r"\s*[(\[](?:[A-Za-z]{2,8}(?:/[A-Za-z]{2,8})*|[*A-Za-z0-9. -]{1,20}/[A-Za-z0-9. ]{1,12}|[A-Za-z. -]{1,12}\d{3})[)\]]\s*$")
_DATELINE_ONLY = re.compile(r"^\S+(?:\s+\S+){0,3}\s*[-–—]+$")
_UNCLEAR = re.compile(r"^\W*(sumber|foto|penulis|editor|pewarta|reporter|laporan|ilustrasi|disclosure)\b|\(foto|^\W*$"
                      r"|[-–—]\s*[,/]|\n", re.I)  # `Suara.com -, (8/11/2017) pagi.`: a paragraph broken upstream
_OLEH = re.compile(r"^Oleh (karena|sebab) itu\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_SMALL = frozenset("di ke dari dan yang untuk dengan pada ini itu atau dalam soal jadi vs".split())


def _hash(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16)


def half_of(article_id: str) -> str:
    return HALVES[_hash(article_id + "#half") % 2]


def title_of(url: str) -> str:
    """The headline from the URL slug (the set has no titles): `…/polda-metro-tilang-219` →
    `Polda Metro Tilang 219`."""
    segments = [p.removesuffix(".html") for p in urlparse(url).path.split("/") if p]
    slug = max(segments, key=lambda p: (p.count("-") + p.count("."), len(p)), default="")
    words = [w for w in re.split(r"[-.]+", slug) if w]
    while words and words[0].isdigit() and len(words[0]) >= 5:  # an article number
        words.pop(0)
    out = [w if w.isupper() or any(c.isdigit() for c in w) else
           (w.lower() if i and w.lower() in _SMALL else w[:1].upper() + w[1:]) for i, w in enumerate(words)]
    return " ".join(out)


def section_of(url: str) -> str:
    parts = [p for p in urlparse(url).path.split("/") if p]
    for p in parts[:-1]:
        if p.isalpha() and p not in ("berita", "news", "read", "post", "id-ID"):
            return p.replace("-", " ").title()
    return "Berita"


def body_paragraphs(text: str) -> list[str] | None:
    """The article's paragraphs without upstream residue; None for an article not chosen."""
    raw = [p.strip() for p in text.split("\n\n") if p.strip()]
    paras: list[str] = []
    skip_next = False
    for p in raw:
        if skip_next:
            skip_next = False
            if len(p.split()) <= 20 and not p.endswith("."):
                continue
        if _READ_ALSO.match(p):
            skip_next = len(p.split()) <= 3  # a bare label: the next line is the link
            continue
        if paras and _DATELINE_ONLY.match(paras[-1]):  # `Suara.com -` printed apart
            paras[-1] = f"{paras[-1]} {p}"
            continue
        paras.append(p)
    if paras:
        paras[-1] = _CODE_TAIL.sub("", paras[-1])
        if not paras[-1] or _CODE_TAIL.fullmatch(paras[-1]):
            paras.pop()
    if not paras or any(_UNCLEAR.search(p) or _DATELINE_ONLY.match(p) for p in paras):
        return None
    return paras


def load_articles(folder: Path) -> list[dict]:
    with open(folder / "articles.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _boilerplate(articles: list[dict]) -> set[str]:
    """Long paragraphs printed under many articles (an outlet's promo) are not body."""
    seen: dict[str, int] = {}
    for a in articles:
        for p in {p.strip() for p in a["text"].split("\n\n")}:
            if len(p.split()) >= 10:
                seen[p] = seen.get(p, 0) + 1
    return {p for p, n in seen.items() if n >= 3}


def _eligible(articles: list[dict]) -> list[tuple[dict, list[str], list[str]]]:
    promo = _boilerplate(articles)
    eligible = []
    for a in articles:
        kept = [p for p in a["text"].split("\n\n") if p.strip() not in promo]
        paras = body_paragraphs("\n\n".join(kept))
        if paras:
            tail = [p.strip() for p in a["text"].split("\n\n") if p.strip() in promo]
            eligible.append((a, paras, tail))
    return eligible


def choose(articles: list[dict]) -> list[tuple[dict, list[str], list[str]]]:
    """(article, gold paragraphs, outlet boilerplate paragraphs) of the chosen articles."""
    eligible = _eligible(articles)
    eligible.sort(key=lambda row: _hash(row[0]["id"]))
    picked, per = [], {}
    for row in eligible:
        outlet = row[0]["outlet"]
        if per.get(outlet, 0) < PER_OUTLET or any(_OLEH.match(p) for p in row[1]):
            per[outlet] = per.get(outlet, 0) + 1
            picked.append(row)
    return picked


def choose_pool(articles: list[dict]) -> list[tuple[dict, list[str], list[str]]]:
    """`PER_OUTLET` articles per outlet in neither half, picked by another hash."""
    taken = {row[0]["id"] for row in choose(articles)}
    rest = [row for row in _eligible(articles) if row[0]["id"] not in taken]
    rest.sort(key=lambda row: _hash(row[0]["id"] + "#pool"))
    picked, per = [], {}
    for row in rest:
        outlet = row[0]["outlet"]
        if per.get(outlet, 0) < PER_OUTLET:
            per[outlet] = per.get(outlet, 0) + 1
            picked.append(row)
    return picked


def _tags(paras: list[str], rng: random.Random) -> list[str]:
    """Tag links: names the article uses more than once (capitalised inside a sentence)."""
    counts: dict[str, int] = {}
    for p in paras:
        for m in re.finditer(r"(?<=[a-z,] )[A-Z][a-z]{3,}(?: [A-Z][a-z]+)?", p):
            counts[m.group(0)] = counts.get(m.group(0), 0) + 1
    names = sorted(n for n, c in counts.items() if c >= 2)
    return rng.sample(names, min(len(names), rng.randint(2, 4)))


def _short(paras: list[str], rng: random.Random) -> list[str]:
    sentences = _SENTENCE.split(paras[0])
    return [" ".join(sentences[: rng.randint(1, 3)])]


class _Page:
    """Fills the outlet's templates for one article."""

    def __init__(self, article: dict, others: list[dict], rng: random.Random):
        self.a, self.others, self.rng = article, others, rng
        self.style = F.OUTLETS[article["outlet"]]
        stamp = int(article["id"].split(":", 1)[1].split("-", 1)[0]) - rng.randint(9, 36) * 3600
        import datetime as dt

        t = dt.datetime.fromtimestamp(stamp, dt.timezone(dt.timedelta(hours=7)))
        name, name2 = rng.sample(F.NAMES, 2)
        section = section_of(article["url"])
        self.fields = {
            "day": F.DAYS[t.weekday()], "d": t.day, "dd": f"{t.day:02d}", "mo": f"{t.month:02d}",
            "month": F.MONTHS[t.month - 1], "month_short": F.MONTHS_SHORT[t.month - 1], "y": t.year,
            "hh": f"{t.hour:02d}", "mm": f"{t.minute:02d}", "name": name, "name2": name2,
            "section": section, "section_upper": section.upper().replace(" ", ""),
            "c1": "".join(rng.choice("abcdefghijklmnoprstuwy") for _ in range(3)),
            "c2": "".join(rng.choice("abcdefghijklmnoprstuwy") for _ in range(3)),
        }

    def fill(self, template: str) -> str:
        values = dict(self.fields)
        if "{headline" in template:
            values["headline"] = self.headline()
            values["headline2"] = self.headline()
        return template.format(**values)

    def headline(self) -> str:
        return title_of(self.rng.choice(self.others)["url"])

    def teaser(self) -> list[str]:
        other = self.rng.choice(self.others)
        first = body_paragraphs(other["text"]) or [other["text"].split("\n\n")[0]]
        return [title_of(other["url"]), first[0]]


def _gap(page: _Page, rng: random.Random, last: bool) -> list[str]:
    """Furniture printed between two paragraphs (none most of the time)."""
    if rng.random() >= GAP_FURNITURE:
        return []
    if rng.random() < GAP_TEASER:
        return page.teaser()
    style = page.style
    kinds = ["marker", "marker", "read_also", "read_also"] + ["video"] * bool(style["video"]) \
        + ["page"] * (not last) + ["caption"] * bool(style["caption"])
    kind = rng.choice(kinds)
    if kind == "marker":
        block = rng.choice(list(style["markers"]) + list(F.COMMON_MARKERS))
    elif kind == "read_also":
        block = style["read_also"] + (["{headline2}"] if len(style["read_also"]) == 2 and rng.random() < 0.5 else [])
        if block == ["Baca juga:"]:
            block = ["Baca juga:", "{headline}", "{headline2}"][: rng.randint(2, 3)]
    elif kind == "video":
        block = [rng.choice(style["video"])]
    elif kind == "page":
        block = rng.choice(F.PAGE_BREAKS)
    else:
        block = [style["caption"]]
    return [page.fill(t) for t in block]


def render(article: dict, paras: list[str], promo: list[str], others: list[dict],
           salt: str = "") -> tuple[str, list[str]]:
    """(the page dump, the gold paragraphs) of one article; `salt` reseeds every choice."""
    rng = random.Random(_hash(article["id"] + salt))
    if _hash(article["id"] + salt + "#short") % SHORT_EVERY == 0:
        paras = _short(paras, rng)
    page = _Page(article, others, rng)
    style = page.style
    blocks: list[list[str]] = []
    head = list(style["masthead"][: rng.randint(1, len(style["masthead"]))])
    if rng.random() < 0.8:
        nav = style["nav"]
        head += nav[: rng.randint(len(nav) // 2, len(nav))]
    if rng.random() < 0.7:
        head.append(page.fill(style["crumb"]))
    blocks.append(head)
    top = []
    if rng.random() < 0.85:  # ledes are also printed without a title line above them
        top.append(title_of(article["url"]))
    top += [page.fill(t) for t in style["byline_head"]]
    top.append(page.fill(style["date"]))
    top += style.get("share", [])
    if style["caption"] and rng.random() < 0.5:
        top.append(page.fill(style["caption"]))
    blocks.append(top)
    for i, p in enumerate(paras):
        blocks.append([p])
        if i < len(paras) - 1:
            gap = _gap(page, rng, i == len(paras) - 2)
            if gap:
                blocks.append(gap)
    tail = []
    if style["code"]:
        tail.append(page.fill(style["code"]))
    tail += [page.fill(t) for t in style["credits"]]
    tail += promo
    if style["video"] and rng.random() < 0.3:
        tail.append(page.fill(rng.choice(style["video"])))
    blocks.append(tail)
    if style["tags_head"]:
        tags = _tags(paras, rng)
        blocks.append([style["tags_head"]] + tags if tags else [])
    blocks.append([style["related_head"]] + [page.headline() for _ in range(rng.randint(2, 5))])
    if rng.random() < 0.3:
        blocks.append(page.teaser())
    blocks.append([page.fill(t) for t in style["footer"]])
    sep = "\n\n" if rng.random() < 0.7 else "\n"
    dump = sep.join("\n".join(b) for b in blocks if b) + "\n"
    return dump, paras


def read_pairs(folder: str | Path, half: str | None = None, salt: str = "") -> list[tuple[dict, Doc]]:
    """(gold, raw Doc) for the chosen articles of one half (both when `half` is None), or of
    the `pool` (articles in neither half, rendered with another seed). A `salt` renders the
    same articles with other furniture: a second unseen set, to score a change before and
    after, never to tune on."""
    from kabar.evaluate.gold import normalise

    folder = Path(folder)
    articles = load_articles(folder)
    by_outlet: dict[str, list[dict]] = {}
    for a in articles:
        by_outlet.setdefault(a["outlet"], []).append(a)
    out = []
    pool = half == POOL
    for article, paras, promo in (choose_pool(articles) if pool else choose(articles)):
        if half and not pool and half_of(article["id"]) != half:
            continue
        others = [o for o in by_outlet[article["outlet"]] if o["id"] != article["id"]]
        dump, gold_paras = render(article, paras, promo, others, salt=("#pool" if pool else "") + salt)
        page_id = article["id"].removeprefix("indosum:")
        gold = normalise(id=page_id, title=title_of(article["url"]), body="\n".join(gold_paras),
                         url=article["url"], outlet_domain=article["outlet"], language="id")
        out.append((gold, Doc(source_uri=f"{folder / 'articles.jsonl'}#{page_id}", source_format="text",
                              content=dump, content_type="text", url=article["url"])))
    return out


def is_id_news(folder: Path) -> bool:
    return folder.is_dir() and (folder / "articles.jsonl").exists() and not (folder / "ground-truth").exists()


def write_pairs(read, argv: list[str], suffix: str) -> int:  # pragma: no cover - an inspection aid
    """`python -m kabar.evaluate.<module> OUT_DIR [half]`: each page and its gold body as files."""
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "id-news"
    for gold, doc in read(folder, argv[1] if len(argv) > 1 else None):
        (out / f"{gold['id'][:60]}{suffix}").write_text(doc.content, encoding="utf-8")
        (out / f"{gold['id'][:60]}.gold.txt").write_text(gold["body"], encoding="utf-8")
    return 0


def main(argv: list[str]) -> int:  # pragma: no cover - an inspection aid
    return write_pairs(read_pairs, argv, ".txt")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
