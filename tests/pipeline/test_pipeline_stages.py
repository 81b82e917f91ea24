"""Pure stage functions, no Prefect: each stage on the seeds."""
from kabar.clean import CleanStep
from kabar.enrich import EnrichStep
from kabar.record import BODY, TITLE, Doc, Rejected
from kabar.steps import Step

from pipeline_helpers import seed_docs


def test_clean_then_enrich_on_seeds(seeds_dir):
    docs = seed_docs(seeds_dir)
    assert len(docs) == 5
    cleaned = CleanStep()(docs)
    assert cleaned.stats["forwarded"] == 5 and not cleaned.rejects
    for d in cleaned.docs:
        assert d.text and d.title
        assert any(z.zone == TITLE for z in d.zones) and any(z.zone == BODY for z in d.zones)
        assert "SCROLL TO CONTINUE" not in d.text and "Baca juga" not in d.text
    enriched = EnrichStep()(cleaned.docs)
    assert enriched.stats["forwarded"] == 5
    assert {d.language for d in enriched.docs} == {"id"}
    assert all(0.7 < d.language_score <= 1.0 for d in enriched.docs)


def test_step_turns_errors_into_rejects():
    class Boom(Step):
        name = "boom"

        def process(self, doc):
            if "bad" in doc.content:
                raise Rejected("bad_content", "it said bad")
            if "crash" in doc.content:
                raise ValueError("unexpected")

    docs = [Doc(f"u{i}", "text", c, "text") for i, c in enumerate(["ok", "bad", "crash"])]
    res = Boom()(docs)
    assert [d.content for d in res.docs] == ["ok"]
    assert sorted(r.reason for r in res.rejects) == ["bad_content", "error_ValueError"]
    assert res.stats["total"] == 3 and res.stats["forwarded"] == 1


def test_doc_id_is_stable_and_content_based():
    a = Doc("x/a.txt", "text", "same page", "text")
    b = Doc("y/b.txt", "text", "same page", "text")
    c = Doc("x/a.txt", "text", "other page", "text")
    assert a.doc_id == b.doc_id != c.doc_id
    assert Doc("u", "html", "p", "html", url="https://a/1").doc_id != Doc("u", "html", "p", "html", url="https://a/2").doc_id
