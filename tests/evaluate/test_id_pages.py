"""The Indonesian HTML dev pages: the dumps' articles and gold, printed as outlet pages."""
from conftest import REPO
from lxml import html as lxml_html

from kabar.evaluate import id_dumps, id_pages
from kabar.evaluate.gold import read_gold

ID_NEWS = REPO.parent / "shared" / "datasets" / "id-news"


def test_pages_hold_the_dumps_articles_and_gold_in_both_halves():
    tune = id_pages.read_pairs(ID_NEWS, "tune")
    dumps = id_dumps.read_pairs(ID_NEWS, "tune")
    assert [g for g, _ in tune] == [g for g, _ in dumps]
    assert [d.content for _, d in tune] == [d.content for _, d in id_pages.read_pairs(ID_NEWS, "tune")]
    assert all(d.content_type == "html" and d.source_format == "html" for _, d in tune)
    heldout = read_gold(f"{ID_NEWS}@heldout", mode="html")
    assert heldout and all(d.content_type == "html" for _, d in heldout)
    assert not {g["id"] for g, _ in tune} & {g["id"] for g, _ in heldout}


def test_every_gold_paragraph_is_on_the_page_among_furniture():
    layouts, furniture = set(), {"baca-juga": 0, "parallax-ads": 0, "related-inline": 0, "<figure": 0,
                                 "<strong>": 0, "<br><br>": 0, "comments": 0, "teaser": 0}
    for gold, doc in id_pages.read_pairs(ID_NEWS, "pool"):
        text = lxml_html.fromstring(doc.content).text_content()
        squeezed = " ".join(text.split())
        assert all(" ".join(p.split()) in squeezed for p in gold["body"].splitlines()[1:]), gold["id"]
        assert "<nav" in doc.content and "<footer>" in doc.content and "<h1>" in doc.content
        layouts.add(next(c for c in ("detail__body-text", "read__content", "article-content") if c in doc.content))
        for k in furniture:
            furniture[k] += k in doc.content
    assert len(layouts) == 3
    assert all(n >= 5 for n in furniture.values()), furniture
