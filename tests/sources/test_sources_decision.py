"""The learned keep/drop decision over candidate sources, its trainer and the scorer's matching."""
from __future__ import annotations

import numpy as np

from kabar.enrich.sources import extract_sources
from kabar.enrich.sources.decision import Evidence, features, model, rules_keep
from kabar.enrich.sources.resolution import candidate_sources
from kabar.evaluate.sources import gold_index, pred_keys
from kabar.evaluate.sources_model import FOLDS, fit, fold_of
from kabar.record import Doc
from kabar.registry import get_registry


def _doc(text: str) -> Doc:
    doc = Doc(source_uri="t", source_format="text", content=text, content_type="text")
    doc.text, doc.language = text, "id"
    return doc


def test_the_shipped_model_reads_features_the_pipeline_makes():
    m = model()
    assert m is not None and 0.0 < m.drop_below <= m.keep_from < 1.0
    made = features("Budi Karya Sumadi", "person", 2, Evidence(["leading"], ["per"]), False)
    assert set(m.names) <= set(made)
    assert len(m.names) == len(m.mean) == len(m.scale) == len(m.weights)


def test_a_candidate_the_recogniser_turned_down_is_reported_and_dropped():
    doc = _doc("Dihubungi terpisah, Menteri Perhubungan Ignasius Jonan mengatakan tarif akan turun.\n\n"
               "Penataan kawasan itu mengatakan bahwa warga harus pindah.")
    found = {s.name: ev for s, ev, _ in candidate_sources(doc, get_registry())}
    assert found["Ignasius Jonan"].vias == ["per"] and rules_keep(found["Ignasius Jonan"])
    turned_down = [n for n, ev in found.items() if ev.vias == ["rejected"]]
    assert turned_down and not any(rules_keep(found[n]) for n in turned_down)
    assert [s.name for s in extract_sources(doc, get_registry())] == ["Ignasius Jonan"]


def test_a_bare_place_as_subject_rates_below_a_person_in_the_same_shape():
    # real articles rarely quote a country by its name alone: the rules keep it, the model
    # gives it less weight than a recognised person saying the same
    text = ("Washington juga mengklaim bahwa Rusia memberi bantuan teknis.\n\n"
            "Menteri Perhubungan Ignasius Jonan juga mengklaim bahwa tarif akan turun.")
    found = {s.name: (ev, f) for s, ev, f in candidate_sources(_doc(text), get_registry())}
    assert rules_keep(found["Washington"][0]) and found["Washington"][1]["place"] == 1.0
    m = model()
    assert m.probability(found["Washington"][1]) < m.probability(found["Ignasius Jonan"][1])


def test_media_are_left_to_the_rules():
    m = model()
    feats = features("Interfax", "media", 1, Evidence(["channel"], ["medium"]), True)
    assert m.keep(feats, Evidence(["channel"], ["medium"]))


def test_fit_separates_a_separable_set_and_folds_keep_an_article_together():
    x = np.array([[0.0], [0.2], [0.8], [1.0]] * 5)
    y = np.array([0, 0, 1, 1] * 5, dtype=float)
    w, b = fit((x - x.mean()) / x.std(), y, penalty=0.1)
    p = 1 / (1 + np.exp(-(((x - x.mean()) / x.std()) @ w + b)))
    assert (p[y == 1] > 0.9).all() and (p[y == 0] < 0.1).all()
    assert fold_of("indosum:a") == fold_of("indosum:a") and {fold_of(f"d{i}") for i in range(50)} == set(range(FOLDS))


def test_scorer_matches_a_person_without_first_given_names():
    reg = get_registry()
    golds = [{"name": "Raden Prabowo Argo Yuwono", "aliases": ["Argo"], "kind": "person"},
             {"name": "Komisi Pemberantasan Korupsi", "aliases": ["KPK"], "kind": "organization"}]
    assert gold_index(golds, reg, pred_keys("Argo Yuwono", reg)) == 0
    assert gold_index(golds, reg, pred_keys("Prabowo Argo Yuwono", reg)) == 0
    assert gold_index(golds, reg, pred_keys("Yuwono", reg)) is None  # one word: an alias or nothing
    assert gold_index(golds, reg, pred_keys("Kombes Argo Yuwono", reg)) is None  # role on the name
    assert gold_index(golds, reg, pred_keys("Pemberantasan Korupsi", reg)) is None  # bodies: whole names


def test_a_medium_only_a_media_cue_named_that_is_part_of_a_person_is_that_person():
    doc = _doc('"Layanan ini membantu warga," kata Manajer SLRT Nia Nindyawati.\n\n'
               "Pantauan Nia di lokasi, warga antre sejak pagi.")
    got = {s.name: s for s in extract_sources(doc, get_registry(), rules_only=True)}
    assert list(got) == ["Nia Nindyawati"] and got["Nia Nindyawati"].kind == "person"


def test_a_malformed_model_file_is_a_clear_error(tmp_path, monkeypatch):
    import pytest

    from kabar.enrich.sources import decision
    from kabar.resources import DataFileError, load_yaml
    (tmp_path / decision.MODEL_FILE).write_text("drop_below: 0.2\nmodel: {features: [a]}\n", encoding="utf-8")
    monkeypatch.setenv("KABAR_DATA_DIR", str(tmp_path))
    load_yaml.cache_clear()
    decision.model.cache_clear()
    try:
        with pytest.raises(DataFileError, match="sources_keep.yaml"):
            decision.model()
    finally:
        monkeypatch.delenv("KABAR_DATA_DIR")
        load_yaml.cache_clear()
        decision.model.cache_clear()
