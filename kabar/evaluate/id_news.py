"""The id-news development set: labels in the repository, article text from the dataset.

The gold (`tests/sources/data/id_news_dev.gold.jsonl`) holds per article `id`, `outlet`,
`half` and `sources`, never the text: that is read by `id` from the id-news dataset
(`<repo>/../shared/datasets/id-news/articles.jsonl`, or the JSONL given as `--inputs`).

Each article becomes a plain text dump, the kind of input the text path gets: its body
paragraphs one per line, nothing else (the dataset has no title; its URL is passed as the
page URL, as a crawler would know it). It then goes through kabar's clean and enrich stages.

`select` is the rule the set was drawn with, so a test can check the gold still matches it.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Iterator

from kabar.record import Doc

HALVES = ("tune", "heldout")
DEFAULT_ARTICLES = Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "id-news" / "articles.jsonl"


def is_id_news_gold(first_record: dict) -> bool:
    return "file" not in first_record and str(first_record.get("id", "")).startswith("indosum:")


def read_articles(path: str | Path) -> dict[str, dict]:
    with open(path, encoding="utf-8") as fh:
        return {a["id"]: a for a in map(json.loads, filter(str.strip, fh))}


def sha1_rank_key(article_id: str) -> str:
    return hashlib.sha1(article_id.encode("utf-8")).hexdigest()


def select(articles: Iterable[dict], per_outlet: int = 10) -> list[tuple[dict, str]]:
    """The first `per_outlet` articles of each outlet in SHA-1 order of the id; even ranks
    are `tune`, odd ranks `heldout` (so each half holds every outlet equally)."""
    by_outlet: dict[str, list[dict]] = defaultdict(list)
    for a in articles:
        by_outlet[a["outlet"]].append(a)
    chosen = []
    for outlet in sorted(by_outlet):
        ranked = sorted(by_outlet[outlet], key=lambda a: sha1_rank_key(a["id"]))[:per_outlet]
        chosen += [(a, HALVES[rank % 2]) for rank, a in enumerate(ranked)]
    return chosen


def text_dump(article: dict) -> str:
    paragraphs = (p.strip() for p in (article.get("text") or "").split("\n\n"))
    return "\n".join(p for p in paragraphs if p) + "\n"


def read_gold(gold_path: Path, articles_path: Path | None = None) -> Iterator[tuple[dict, Doc]]:
    """(gold record, raw text Doc) per labelled article; a label whose id is not in the
    dataset is an error, not a silent skip (the score would quietly change)."""
    articles_path = articles_path or DEFAULT_ARTICLES
    if not articles_path.exists():
        raise FileNotFoundError(f"id-news articles not found: {articles_path} (pass --inputs ARTICLES.jsonl)")
    articles = read_articles(articles_path)
    with open(gold_path, encoding="utf-8") as fh:
        for raw in filter(str.strip, fh):
            rec = json.loads(raw)
            article = articles.get(rec["id"])
            if article is None:
                raise KeyError(f"{gold_path}: id {rec['id']!r} is not in {articles_path}")
            yield rec, Doc(
                source_uri=f"{articles_path.name}#{rec['id']}", source_format="text",
                content=text_dump(article), content_type="text", url=article.get("url"),
            )
