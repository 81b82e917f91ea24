"""Labelled sets for evaluation, as (normalised gold dict, cleaned Doc) pairs.

Two layouts are read:
- a seeds-style JSONL (`file`, `title`, `body_lines`, …) whose `file` names an input
  file in `inputs` (default `seeds/`);
- an id-news-style JSONL (`id`, `outlet`, `half`, `sources`; no text): the articles are read
  by id from the id-news dataset (`kabar.evaluate.id_news`; `inputs` may name its JSONL);
- a WCXB-style folder (`html/<id>.html.gz` + `ground-truth/<id>.json`). In `text` mode
  each page is rendered to its visible text with html-text (one block per line), the
  kind of dump the text path gets in production; in `html` mode the markup is fed.

- the id-news folder (`articles.jsonl`, no ground-truth/): text dumps generated around
  its real article bodies (kabar.evaluate.id_dumps), or in `html` mode article pages
  (kabar.evaluate.id_pages), gold = the body paragraphs.

A split of either layout is named by a suffix: `DIR@even` / `DIR@odd` keep the pages
whose id is even / odd (numeric ids; others by a CRC-32 of the id), `ID_NEWS@tune` /
`ID_NEWS@heldout` the halves of the id-news dumps, so thresholds can be tuned on one half
and checked on the other. A gold whose records carry a `half` label (`tune` / `heldout`)
is split by that label instead (`half=` of `read_gold`).

Every gold dict has the same keys (missing ones None) so the scorers of body, fields
and sources need not know where it came from.
"""
from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path
from typing import Iterator

from kabar.evaluate.id_news import is_id_news_gold
from kabar.record import Doc

GOLD_KEYS = (
    "id", "title", "body", "authors", "published", "accept_published",
    "outlet", "outlet_domain", "dateline", "language", "sources", "url", "half",
)


def normalise(**values) -> dict:
    gold = {k: values.get(k) for k in GOLD_KEYS}
    gold["authors"] = list(gold["authors"] or [])
    gold["sources"] = list(gold["sources"] or [])
    if gold["accept_published"] is None:
        gold["accept_published"] = [gold["published"]]
    return gold


def render_visible_text(html: str) -> str:
    """Visible text of a page, one block per line: what a text dump looks like."""
    import html_text

    text = html_text.extract_text(html, guess_layout=True)
    return "\n".join(line.strip() for line in text.splitlines())


def _seeds(gold_path: Path, inputs: Path, mode: str) -> Iterator[tuple[dict, Doc]]:
    with open(gold_path, encoding="utf-8") as fh:
        for raw in fh:
            if not raw.strip():
                continue
            rec = json.loads(raw)
            path = inputs / rec["file"]
            content = path.read_text(encoding="utf-8")
            is_html = path.suffix in (".html", ".htm") and mode != "text"
            gold = normalise(id=rec["file"], body="\n".join(rec.get("body_lines") or []), **{
                k: rec.get(k) for k in GOLD_KEYS if k not in ("id", "body")
            })
            yield gold, Doc(
                source_uri=str(path), source_format="html" if is_html else "text",
                content=content, content_type="html" if is_html else "text", url=rec.get("url"),
            )


def _id_news(gold_path: Path, inputs: Path) -> Iterator[tuple[dict, Doc]]:
    from kabar.evaluate import id_news

    articles = inputs if inputs.suffix == ".jsonl" else None
    for rec, doc in id_news.read_gold(gold_path, articles):
        # a sources-only gold: the outlet goes to outlet_domain so the fields scorer skips it
        yield normalise(id=rec["id"], outlet_domain=rec.get("outlet"), sources=rec.get("sources"),
                        half=rec.get("half"), url=doc.url), doc


def _first_record(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return next((json.loads(line) for line in fh if line.strip()), {})


def _wcxb(folder: Path, mode: str, half: str | None = None) -> Iterator[tuple[dict, Doc]]:
    for truth_path in sorted((folder / "ground-truth").glob("*.json")):
        page_id = truth_path.stem
        if half and half_of(page_id) != half:  # before rendering: that is the costly part
            continue
        html_path = folder / "html" / f"{page_id}.html.gz"
        if not html_path.exists():
            continue
        rec = json.loads(truth_path.read_text(encoding="utf-8"))
        truth = rec.get("ground_truth") or {}
        author = truth.get("author")
        authors = author if isinstance(author, list) else ([author] if author else [])
        gold = normalise(
            id=page_id, title=truth.get("title"), body=truth.get("main_content") or "",
            authors=authors, published=truth.get("publish_date"), url=rec.get("url"),
        )
        html = gzip.decompress(html_path.read_bytes()).decode("utf-8", errors="replace")
        if mode == "html":
            doc = Doc(source_uri=str(html_path), source_format="html", content=html,
                      content_type="html", url=rec.get("url"))
        else:
            doc = Doc(source_uri=str(html_path), source_format="text",
                      content=render_visible_text(html), content_type="text", url=rec.get("url"))
        yield gold, doc


SPLITS = ("even", "odd")
ID_SPLITS = ("tune", "heldout", "pool")


def half_of(page_id: str) -> str:
    """`even` or `odd`: numeric ids by parity, others by a stable hash."""
    digits = page_id.split("_", 1)[0]
    n = int(digits) if digits.isdigit() else zlib.crc32(page_id.encode("utf-8"))
    return SPLITS[n % 2]


def split_spec(gold_path: str | Path) -> tuple[Path, str | None]:
    """`DIR@odd` → (DIR, "odd"); a path that exists as given is never split."""
    text = str(gold_path)
    base, sep, half = text.rpartition("@")
    if sep and half in SPLITS + ID_SPLITS and not Path(text).exists():
        return Path(base), half
    return Path(text), None


def read_gold(gold_path: str | Path, inputs: str | Path = "seeds", mode: str = "text",
              limit: int | None = None, half: str | None = None) -> list[tuple[dict, Doc]]:
    """Gold records with their raw (not yet cleaned) Docs (`gold_path` may end in `@even`/`@odd`,
    or `@tune`/`@heldout` for the id-news dumps; `half` keeps the records labelled with that half)."""
    gold_path, split = split_spec(gold_path)
    from kabar.evaluate import id_dumps

    if id_dumps.is_id_news(gold_path):
        from kabar.evaluate import id_pages

        pairs = (id_pages if mode == "html" else id_dumps).read_pairs(gold_path, split)
        return pairs[:limit] if limit else pairs
    if split in ID_SPLITS:
        raise ValueError(f"@{split} names a half of the id-news dumps, not of {gold_path}")
    if gold_path.is_dir():
        it = _wcxb(gold_path, mode, split)
    elif is_id_news_gold(_first_record(gold_path)):
        it = _id_news(gold_path, Path(inputs))
    else:
        it = _seeds(gold_path, Path(inputs), mode)
    out = []
    for pair in it:
        if split and half_of(pair[0]["id"]) != split:
            continue
        if half and pair[0]["half"] != half:
            if pair[0]["half"] is None:
                raise ValueError(f"{gold_path}: --half {half} asked, but record {pair[0]['id']!r} has no half label")
            continue
        out.append(pair)
        if limit and len(out) >= limit:
            break
    return out


def run_stages(pairs: list[tuple[dict, Doc]], enrich: bool = True) -> list[tuple[dict, Doc]]:
    """Clean (one batch, so templates are learnt across it), then enrich the survivors.
    Rejected documents stay in the list with an empty body: they score 0, not nothing."""
    from kabar.clean import CleanStep

    docs = [d for _, d in pairs]
    cleaned = CleanStep()(docs)
    if enrich and cleaned.docs:
        from kabar.enrich import EnrichStep

        EnrichStep()(cleaned.docs)
    return pairs


def load_pairs(gold_path: str | Path, inputs: str | Path = "seeds", mode: str = "text",
               limit: int | None = None, enrich: bool = True) -> list[tuple[dict, Doc]]:
    """(normalised gold, Doc after CleanStep and EnrichStep) for every labelled page."""
    return run_stages(read_gold(gold_path, inputs, mode, limit), enrich=enrich)
