from kabar.identity import article_id, canonical_url


def test_same_page_under_url_variants_is_one_article():
    a = "https://www.kompas.com/read/2024/01/02/abc?utm_source=x&utm_medium=y#top"
    b = "http://kompas.com/read/2024/01/02/abc/"
    assert canonical_url(a) == canonical_url(b) == "kompas.com/read/2024/01/02/abc"
    assert article_id(a, "x") == article_id(b, "y")
    assert article_id("https://kompas.com/read/2024/01/02/other", "x") != article_id(a, "x")


def test_without_url_the_body_is_the_identity():
    assert canonical_url(None) is None and canonical_url("seeds/a.txt") is None
    assert article_id(None, "s1") == article_id(None, "s1") != article_id(None, "s2")
