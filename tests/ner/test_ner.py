"""The Indonesian name recogniser: shipped model, spans on text, the train command, scorer."""
from __future__ import annotations

import json

import pytest

from kabar.ner import evaluate, lexicons, model, train
from kabar.ner.corpus import detokenise, load, token_tags
from kabar.ner.tokenise import tokenise


def test_model_loads_once_and_is_small():
    assert model.tagger() is model.tagger()
    path = train.data_dir() / model.MODEL
    assert path.stat().st_size < 2_000_000


def test_known_sentence_spans():
    text = ("Juru bicara Komisi Pemberantasan Korupsi (KPK) Febri Diansyah mengatakan "
            "pemeriksaan berlangsung di Jakarta.")
    got = [(e.text, e.type) for e in model.recognise(text)]
    assert got == [("Komisi Pemberantasan Korupsi", "ORG"), ("KPK", "ORG"), ("Febri Diansyah", "PER"),
                   ("Jakarta", "LOC")]


def test_rank_and_unit_stay_out_of_the_person():
    got = [(e.text, e.type) for e in model.recognise(
        "Kapolsek Sukajadi AKP Heri Susanto mengatakan pelaku ditangkap di Bandung, Senin.")]
    assert ("Heri Susanto", "PER") in got
    assert not any(t.startswith(("Kapolsek", "Sukajadi", "AKP")) for t, _ in got)


def test_repair_cuts_roles_and_splits_a_leading_short_form():
    from kabar.ner.repair import split_person
    toks = tokenise("Kapolsek Sukajadi AKP Heri Susanto")
    assert split_person(toks) == [(22, 34, "PER")]
    toks = tokenise("ICW Almas Sjafrina")
    assert split_person(toks) == [(0, 3, "ORG"), (4, 18, "PER")]
    assert split_person(tokenise("Presiden Jokowi")) == [(9, 15, "PER")]
    assert split_person(tokenise("Kajati Jateng")) == [(7, 13, "LOC")]
    assert split_person(tokenise("Husaini Ibrahim MA")) == [(0, 15, "PER")]
    assert split_person(tokenise("Jack Ma")) == [(0, 7, "PER")]


def test_sentence_initial_common_word_is_no_name():
    text = "Dihubungi terpisah, Menteri Perhubungan Ignasius Jonan membenarkan kabar itu."
    ents = model.recognise(text)
    assert not any(e.text.startswith("Dihubungi") for e in ents)
    assert any(e.text == "Ignasius Jonan" and e.type == "PER" for e in ents)


def test_spans_are_character_offsets():
    text = "Menurut Joko Widodo, rapat di Istana Bogor berjalan lancar."
    for e in model.recognise(text):
        assert text[e.start:e.end] == e.text


def test_tokeniser_splits_punctuation_keeps_inner_marks():
    toks = [t for t, _, _ in tokenise('(PPP) "Jokowi-JK" Kompas.com, U.S. 2.000 (29/10/2013)')]
    assert toks == ["(", "PPP", ")", '"', "Jokowi-JK", '"', "Kompas.com", ",", "U.S.", "2.000",
                    "(", "29/10/2013", ")"]


def test_corpus_spans_inside_brackets_and_tags_round_trip():
    sent = detokenise([("Ketua", "O"), ("(PPP)", "B-ORG"), ("Romahurmuziy", "B-PER"),
                       ("berkata", "O"), (".", "O")])
    assert [sent.text[s:e] for s, e, _ in sent.spans] == ["PPP", "Romahurmuziy"]
    body = detokenise([("Komisi", "B-ORG"), ("Pemilihan", "I-ORG"), ("Umum", "I-ORG"), ("(KPU)", "I-ORG")])
    assert [body.text[s:e] for s, e, _ in body.spans] == ["Komisi Pemilihan Umum", "KPU"]
    toks, tags = token_tags(sent)
    assert list(zip([t for t, _, _ in toks], tags)) == [
        ("Ketua", "O"), ("(", "O"), ("PPP", "B-ORG"), (")", "O"), ("Romahurmuziy", "B-PER"),
        ("berkata", "O"), (".", "O")]


def test_scorer_exact_span_and_type():
    gold = [{(0, 5, "PER"), (10, 15, "ORG")}]
    pred = [{(0, 5, "PER"), (10, 15, "LOC"), (20, 22, "PER")}]
    res = evaluate.score(gold, pred)
    assert res["PER"][:3] == (0.5, 1.0, pytest.approx(2 / 3))
    assert res["ORG"][1] == 0.0 and res["LOC"][0] == 0.0


def test_train_command_on_a_tiny_slice(tmp_path):
    """The documented command rebuilds both files from data of the same shape."""
    rows = [("Menurut", "O"), ("Rudi", "B-PER"), ("Hartono", "I-PER"), (",", "O"), ("PT", "B-ORG"),
            ("Maju", "I-ORG"), ("untung", "O"), ("di", "O"), ("Medan", "B-LOC"), (".", "O")]
    conll = "\r\n".join(f"{t} X {g}" for t, g in rows) + "\r\n\r\n"
    data = tmp_path / "ner"
    data.mkdir()
    (data / "train.txt").write_text(conll * 3, encoding="utf-8")
    (data / "dev.txt").write_text(conll, encoding="utf-8")
    news = tmp_path / "articles.jsonl"
    news.write_text("\n".join(json.dumps({"id": f"a{i}", "text": "Menurut dia, harga naik. harga turun."})
                              for i in range(3)), encoding="utf-8")
    labelled = tmp_path / "gold.jsonl"
    labelled.write_text(json.dumps({"id": "a0"}) + "\n", encoding="utf-8")
    out, lex = tmp_path / "m.crfsuite", tmp_path / "words.tsv"
    try:
        assert train.main(["--ner-data", str(data), "--news", str(news), "--exclude-ids", str(labelled),
                           "--lexicon-out", str(lex), "--out", str(out), "--max-iterations", "20",
                           "--reserved-ranks", "0"]) == 0
    finally:  # the counts cached by the run are the tiny ones: back to the shipped file
        lexicons.common_words.cache_clear()
        train.features.clear_caches()
    counts = {line.split("\t")[0]: line.split("\t")[1:] for line in lex.read_text().splitlines()[1:]}
    assert counts["harga"] == ["4", "0", "0"]  # lower case, twice in each of 2 articles kept
    assert counts["menurut"][2] == "2"  # sentence-initial, capitalised
    import pycrfsuite
    tag = pycrfsuite.Tagger()
    tag.open(str(out))
    ents = {(e.text, e.type) for e in model.recognise("Menurut Rudi Hartono, PT Maju untung di Medan.", tag)}
    assert ("Rudi Hartono", "PER") in ents


def test_shipped_model_beats_targets_on_dev():
    """A cheap guard that the committed model is the trained one (targets are on test)."""
    sents = load(train.NER_DATA / "dev.txt")[:120]
    res = evaluate.score([set(s.spans) for s in sents], evaluate.crf_spans(sents, None))
    assert res["PER"][2] >= 0.8 and res["ORG"][2] >= 0.7


def test_widened_person_names_are_kept_apart():
    ents, names = model.recognise_with_names("Pemimpin Tertinggi Korut Kim Jong Un mengatakan hubungan erat.")
    assert ("Kim Jong Un", "PER") in {(e.text, e.type) for e in names}
    assert all(e.type == "PER" for e in names)
    assert ents == model.recognise("Pemimpin Tertinggi Korut Kim Jong Un mengatakan hubungan erat.")


def test_rule_chunker_baseline_runs_on_the_same_spans():
    sents = load(train.NER_DATA / "test.txt")[:40]
    res = evaluate.score([set(s.spans) for s in sents], evaluate.rule_spans(sents))
    assert 0 < res["PER"][2] < 1 and res["LOC"][3] > 0


def test_silver_harvest_takes_people_a_quote_verb_names():
    from kabar.ner.silver import harvest
    words = lambda s: [t for t, _, _ in tokenise(s)]  # noqa: E731
    sents = [words('"Kami siap," kata Kapolsek Gubug AKP Dedy Setya.'),
             words('"Harga naik," ujar Ketua Golkar Idrus Marham.'),  # Golkar alone below
             words("Golkar menolak usulan itu."),
             words('"Kami menang," kata Pengungsi.'),  # one word, a common noun
             words('"Itu benar," kata KPK.'),  # an acronym: a body
             words("Dedy Setya mengatakan pelaku ditangkap.")]  # no quote before the verb
    assert harvest(sents) == {("Dedy", "Setya"), ("Idrus", "Marham")}


def test_silver_labels_keep_the_model_tags_around_the_name():
    from kabar.ner.silver import label
    words = ["Menkeu", "Sri", "Mulyani", "Indrawati", "dan", "Dedy", "bertemu", "di", "Jakarta", "."]
    model_tags = ["B-PER", "I-PER", "I-PER", "I-PER", "O", "O", "O", "O", "B-LOC", "O"]
    got = label(words, model_tags, {("Sri", "Mulyani"), ("Dedy", "Setya")})
    # the model's longer form of the name stays one person, the office before it is no name,
    # a one-word short form of a harvested name is a person, the place keeps its tag
    assert got == ["O", "B-PER", "I-PER", "I-PER", "O", "B-PER", "O", "O", "B-LOC", "O"]
    assert label(["Harga", "naik", "."], ["O", "O", "O"], {("Dedy", "Setya")}) is None
