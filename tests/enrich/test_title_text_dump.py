"""The headline of a text dump whose head is a long menu: the <h1> right above the body is
found however many menu lines come first, and the <title> atop the dump stays a candidate."""
from kabar.clean.text import label_text

PARAS = [
    "Local councils have been planning new budgets for road repairs after the floods of last week damaged bridges.",
    "The repairs will start once the rainy season is over, so that the new road surface lasts through next winter.",
    "\"We ask residents to be patient because repairing the bridges takes time,\" the council leader told reporters.",
    "Residents say they have waited for the road repairs for years because accidents there happen every month.",
]
# menu items, as shop and guide sites print them by the hundred before the article
MENU = [f"{w} {k}" for k in range(30) for w in ("Garden Tools", "Kitchen Gifts", "Travel Deals")]


def test_headline_right_above_the_body_past_a_long_menu():
    head = "Councils Plan Road Repairs After Floods"
    page = "\n".join(["Example News", *MENU, head, *PARAS])
    assert len(MENU) > 80
    _, title = label_text(page)
    assert title == head


def test_title_line_atop_a_long_head_is_still_a_candidate():
    head = "Councils Plan Road Repairs After Floods"
    page = "\n".join([f"{head} | Example News", *MENU, "Share this article", *PARAS])
    _, title = label_text(page)
    assert title == head


def test_h1_worded_a_little_differently_from_the_title_line_is_the_headline():
    head = "Councils Plan Road Repairs After the Floods"
    page = "\n".join(["Road Repairs After Floods: Councils Plan Ahead | Example News", "Home", "News", "Politics",
                      "Garden Tools", "Kitchen Gifts", "Travel Deals", head, *PARAS])
    _, title = label_text(page)
    assert title == head


def test_the_h1_most_like_the_title_line_wins_over_a_menu_line_printed_twice():
    head = "Councils Plan Road Repairs After Floods This Spring"
    page = "\n".join(["Road Repairs After Floods | Example News", "Book Road Repairs Online", "Home", "News",
                      "Book Road Repairs Online", "Garden Tools", head, *PARAS])
    _, title = label_text(page)
    assert title == head


def test_a_bare_name_above_the_date_line_is_the_byline_not_the_headline():
    page = "\n".join(["Example News", "Home / News", "Dewi Anggraini", "28 Nov 2017", *PARAS])
    _, title = label_text(page)
    assert title is None


def test_a_two_word_menu_label_is_no_headline_when_nothing_fits():
    page = "\n".join(["Example News", "Live Score", "Fixtures", "Oleh Dewi Anggraini", "11 Agu 2017 04:39", *PARAS])
    _, title = label_text(page)
    assert title is None
