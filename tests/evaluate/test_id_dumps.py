"""The Indonesian dev dumps: deterministic, gold paragraphs printed verbatim among real furniture."""
from conftest import REPO

from kabar.evaluate.body import lost_paragraphs
from kabar.evaluate.id_dumps import body_paragraphs, read_pairs, title_of

ID_NEWS = REPO.parent / "shared" / "datasets" / "id-news"


def test_dumps_are_deterministic_and_split_in_two_halves():
    every = read_pairs(ID_NEWS)
    tune, heldout = read_pairs(ID_NEWS, "tune"), read_pairs(ID_NEWS, "heldout")
    assert 190 <= len(every) <= 240
    assert [d.content for _, d in every] == [d.content for _, d in read_pairs(ID_NEWS)]
    ids = lambda pairs: {g["id"] for g, _ in pairs}  # noqa: E731
    assert ids(tune) | ids(heldout) == ids(every) and not ids(tune) & ids(heldout)
    assert len({g["outlet_domain"] for g, _ in tune}) == len({g["outlet_domain"] for g, _ in heldout}) == 10


def test_the_pool_is_other_articles_of_every_outlet():
    pool, every = read_pairs(ID_NEWS, "pool"), read_pairs(ID_NEWS)
    ids = lambda pairs: {g["id"] for g, _ in pairs}  # noqa: E731
    assert len(pool) == 200 and not ids(pool) & ids(every)
    assert len({g["outlet_domain"] for g, _ in pool}) == 10
    assert [d.content for _, d in pool] == [d.content for _, d in read_pairs(ID_NEWS, "pool")]


def test_gold_paragraphs_sit_verbatim_among_furniture():
    pairs = read_pairs(ID_NEWS)
    for gold, doc in pairs:
        lines = set(doc.content.splitlines())
        paras = gold["body"].splitlines()
        assert all(p in lines for p in paras), gold["id"]
        assert len(doc.content.splitlines()) > len(paras) + 5  # header and footer around them
    assert sum(len(g["body"].splitlines()) == 1 for g, _ in pairs) >= 15  # short articles
    assert sum(any(p.startswith(("Oleh karena itu", "Oleh sebab itu")) for p in g["body"].splitlines())
               for g, _ in pairs) >= 10
    assert sum(g["title"] not in d.content for g, d in pairs) >= 10  # ledes without a title line


def test_upstream_residue_is_not_gold():
    assert body_paragraphs("Suara.com -\n\nLede kalimat panjang.\n\nBaca juga:\n\nJudul Lain\n\nAkhir. (ama/ama)") \
        == ["Suara.com - Lede kalimat panjang.", "Akhir."]
    assert body_paragraphs("Teks.\n\nSumber: The Verge.") is None
    assert title_of("http://www.antaranews.com/berita/581598/polda-metro-tilang-219-pelanggar") \
        == "Polda Metro Tilang 219 Pelanggar"


def test_paragraphs_lost_counts_mostly_missing_gold_lines():
    gold = "satu dua tiga empat lima enam\ntujuh delapan sembilan sepuluh sebelas"
    assert lost_paragraphs(gold, "satu dua tiga empat lima enam") == (1, 2)
    assert lost_paragraphs(gold, gold) == (0, 2)
