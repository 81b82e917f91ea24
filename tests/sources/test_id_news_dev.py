"""The id-news sources development set: the labels' integrity, and `kabar eval sources` on it."""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from kabar.evaluate import _parser, render, run
from kabar.evaluate.id_news import DEFAULT_ARTICLES, HALVES, read_articles, read_gold, select, text_dump

GOLD = Path(__file__).resolve().parent / "data" / "id_news_dev.gold.jsonl"
TUNE2 = Path(__file__).resolve().parent / "data" / "id_news_tune2.gold.jsonl"
needs_dataset = pytest.mark.skipif(not DEFAULT_ARTICLES.exists(), reason="id-news dataset not available")

RECORD_KEYS = {"id", "outlet", "half", "sources"}
SOURCE_KEYS = {"name", "aliases", "kind", "required", "role"}
KINDS = {"person", "organization", "media"}


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    with open(GOLD, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def articles() -> dict[str, dict]:
    return read_articles(DEFAULT_ARTICLES)


def test_schema(gold):
    assert len(gold) >= 80
    assert len({g["id"] for g in gold}) == len(gold)
    for g in gold:
        assert set(g) == RECORD_KEYS, g["id"]
        assert g["half"] in HALVES
        for s in g["sources"]:
            assert set(s) <= SOURCE_KEYS and {"name", "kind", "required"} <= set(s), (g["id"], s)
            assert isinstance(s["name"], str) and s["name"].strip() == s["name"] != ""
            assert s["kind"] in KINDS and isinstance(s["required"], bool)
            assert all(isinstance(a, str) and a.strip() for a in s.get("aliases", []))
        keys = [k.casefold() for s in g["sources"] for k in [s["name"], *s.get("aliases", [])]]
        assert len(keys) == len(set(keys)), f"{g['id']}: one name form on two sources"


def test_halves_balanced_over_all_outlets(gold):
    per = Counter((g["outlet"], g["half"]) for g in gold)
    outlets = {g["outlet"] for g in gold}
    assert len(outlets) == 10
    for outlet in outlets:
        assert per[(outlet, "tune")] == per[(outlet, "heldout")] >= 4, outlet
    required = Counter(g["half"] for g in gold for s in g["sources"] if s["required"])
    assert min(required.values()) >= 50


@needs_dataset
def test_gold_is_the_documented_selection(gold, articles):
    chosen = {a["id"]: (a["outlet"], half) for a, half in select(articles.values())}
    assert {g["id"]: (g["outlet"], g["half"]) for g in gold} == chosen


@needs_dataset
def test_labelled_names_occur_in_the_article(gold, articles):
    for g in gold:
        text = articles[g["id"]]["text"]
        for s in g["sources"]:
            aliases = s.get("aliases", [])
            assert all(a in text for a in aliases), (g["id"], s)
            assert s["name"] in text or aliases, (g["id"], s["name"])


@needs_dataset
def test_text_dump_is_one_paragraph_per_line(articles):
    article = next(iter(articles.values()))
    dump = text_dump(article)
    assert dump.splitlines() == [p.strip() for p in article["text"].split("\n\n") if p.strip()]


@needs_dataset
def test_an_id_missing_from_the_dataset_is_an_error(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text(json.dumps({"id": "indosum:0-no-such-article", "outlet": "x", "half": "tune",
                               "sources": []}) + "\n", encoding="utf-8")
    with pytest.raises(KeyError, match="no-such-article"):
        list(read_gold(bad))


@needs_dataset
def test_eval_sources_scores_one_half():
    args = _parser().parse_args(["sources", str(GOLD), "--half", "heldout", "--limit", "6"])
    report = run(args)
    result = report["text"]["sources"]
    assert result["n_docs"] == 6
    assert {d["half"] for d in result["docs"]} == {"heldout"} and set(result["halves"]) == {"heldout"}
    assert result["counts"]["n_req"] > 0 and result["counts"]["n_pred"] > 0
    assert 0.0 <= result["precision"] <= 1.0 and 0.0 <= result["required_recall"] <= 1.0
    assert "half heldout: 6 docs" in render(report)


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


# Later sets take further ranks of the dev set's per-outlet SHA-1 order, one half each.
LATER_SETS = {
    "id_news_tune2.gold.jsonl": (range(10, 14), "tune"),
    "id_news_tune3.gold.jsonl": ((14, 16, 18), "tune"),
    "id_news_heldout2.gold.jsonl": ((15, 17, 19), "heldout"),
    "id_news_tune4.gold.jsonl": (range(20, 26), "tune"),
    "id_news_tune5.gold.jsonl": (range(26, 46), "tune"),
}


@pytest.fixture(scope="module")
def ranked(articles) -> dict[str, list[dict]]:
    from kabar.evaluate.id_news import sha1_rank_key
    by_outlet: dict[str, list[dict]] = defaultdict(list)
    for a in articles.values():
        by_outlet[a["outlet"]].append(a)
    return {o: sorted(arts, key=lambda a: sha1_rank_key(a["id"])) for o, arts in by_outlet.items()}


@needs_dataset
@pytest.mark.parametrize("name", sorted(LATER_SETS))
def test_later_set_is_its_ranks_in_one_half(name, ranked, articles):
    ranks, half = LATER_SETS[name]
    labelled = _read(GOLD.parent / name)
    chosen = {arts[r]["id"]: o for o, arts in ranked.items() for r in ranks}
    assert {g["id"]: g["outlet"] for g in labelled} == chosen
    assert {g["half"] for g in labelled} == {half}
    for g in labelled:
        assert set(g) == RECORD_KEYS, g["id"]
        text = articles[g["id"]]["text"]
        keys = [k.casefold() for s in g["sources"] for k in [s["name"], *s.get("aliases", [])]]
        assert len(keys) == len(set(keys)), f"{g['id']}: one name form on two sources"
        for s in g["sources"]:
            assert set(s) <= SOURCE_KEYS and s["kind"] in KINDS and isinstance(s["required"], bool)
            assert s["name"].strip() == s["name"] != ""
            assert all(a in text for a in s.get("aliases", [])), (g["id"], s)
            assert s["name"] in text or s.get("aliases"), (g["id"], s["name"])


def test_labelled_sets_are_disjoint(gold):
    seen = {g["id"] for g in gold}
    for name in sorted(LATER_SETS):
        ids = {g["id"] for g in _read(GOLD.parent / name)}
        assert not ids & seen, name
        seen |= ids


def test_labelled_sets_are_left_out_of_the_recogniser_statistics():
    from kabar.ner.train import LABELLED
    assert GOLD in LABELLED and TUNE2 in LABELLED


def test_every_labelled_rank_is_below_the_recogniser_reserved_ranks():
    """A labelled rank at or past RESERVED_RANKS would be in the recogniser's counts and silver."""
    from kabar.ner.train import RESERVED_RANKS
    top = max(max(ranks) for ranks, _ in LATER_SETS.values())
    assert top < RESERVED_RANKS, f"labelled rank {top} is not reserved (RESERVED_RANKS={RESERVED_RANKS})"


@needs_dataset
def test_every_labelled_rank_is_reserved_from_the_recogniser(gold):
    """Every labelled article (dev, tune2, tune3, the second held-out set, tune4 and tune5:
    ranks 0-45 per outlet) stays out of the recogniser's counts and silver sentences, whether or not its
    labels are in the repo: the reserved head is the first RESERVED_RANKS of every outlet."""
    from kabar.ner.train import NEWS, RESERVED_RANKS, reserved_ids
    reserved = reserved_ids(NEWS)
    assert len(reserved) == 10 * RESERVED_RANKS
    labelled = {g["id"] for g in gold}
    for name in LATER_SETS:
        labelled |= {g["id"] for g in _read(GOLD.parent / name)}
    assert len(labelled) == 10 * sum(len(ranks) for ranks, _ in LATER_SETS.values()) + len(gold) == 460
    assert labelled <= reserved, f"{len(labelled - reserved)} labelled articles not reserved"
