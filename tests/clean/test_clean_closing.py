"""What closes or splits an article and still belongs to it: rows of closing data, the
outlet's recurring subheadings, a lede that tells the headline, a one-word ad slot; and
what does not: a forum's comment thread. Hand-written pages (no dataset text)."""
from kabar.clean import CleanStep
from kabar.clean.lists import line_shape
from kabar.clean.text import label_text
from kabar.enrich.title import strip_site_suffix
from kabar.record import BODY, DROPPED, Doc

HEAD = ["Kabar Bola", "Beranda", "Liga", "Jadwal", "Persib vs Arema", "Oleh Rina Wulandari", "9 Okt 2017 20:00"]
MATCH = [
    "Persib Bandung bermain imbang tanpa gol melawan Arema FC di Stadion Si Jalak Harupat, Senin malam, pada laga pekan ke-28 Liga 1.",
    "Tambahan satu angka tidak mengubah posisi Persib di peringkat ke-11 klasemen sementara, sedangkan Arema naik satu tangga ke peringkat tujuh.",
    "Pertandingan berlangsung menarik sejak peluit kick-off ditiupkan wasit, karena kedua tim memperlihatkan permainan terbuka dan cepat.",
    "Arema sudah menebar ancaman ketika laga baru berjalan tiga menit, namun kiper Persib bekerja keras untuk menepis bola dari sisi kanan.",
    "Menjelang babak pertama usai, Persib mendapat peluang melalui serangan balik, tetapi skor imbang tanpa gol tetap bertahan sampai jeda.",
    "Pada babak kedua tempo permainan kedua tim sedikit menurun, sehingga tidak banyak ancaman terjadi di area pertahanan masing-masing.",
]
FOOT = ["Topik", "Persib", "Arema", "Berita Terkait", "Madura United Menang Tipis atas Bhayangkara", "© 2017 Kabar Bola"]


def _zones(lines, templates=frozenset()):
    zones, _ = label_text("\n\n".join(lines), templates)
    return zones


def _body(zones):
    return [z.text for z in zones if z.zone == BODY]


def test_line_shape_blanks_words_and_figures():
    assert line_shape("Level 1: Super Series Final") == line_shape("Level 6: Grand Prix") == "a9:a"
    assert line_shape("Indiana Pacers 120-95 Miami Heat") == line_shape("Chicago Bulls 105-113 Phoenix Suns") == "a9a"
    assert line_shape("Pelatih: Emral Abus") == line_shape("Wasit: Yeni Krisdianto")


def test_rows_repeating_a_row_of_the_body_close_it():
    bench = " Cadangan: Made Wirawan; Tony Sucipto, Purwaka Yudi, Hariono, Gian Zola, Billy Keraf, Shohei Matsunaga."
    lineup = ["Persib: M Natshir Fadhil; Vladimir Vujovic, Henhen Herdiana, Wildansyah, Supardi Nasir, Atep, Raphael "
              "Maitimo, Kim Kurniawan, Dedi Kusnandar, Michael Essien, Ezechiel N'Douassel." + bench,
              "Pelatih: Emral Abus",
              "Arema: Kurnia Meiga; Hamka Hamzah, Arthur Cunha, Purwaka Yudi, Hanif Sjahbandi, Hendro Siswanto, Adam "
              "Alis, Dendi Santoso, Esteban Vizcarra, Cristian Gonzales, Dedik Setiawan." + bench]
    closing = ["Pelatih: Joko Susilo", "Wasit: Yeni Krisdianto"]
    zones = _zones(HEAD + MATCH + lineup + closing + FOOT)
    assert _body(zones)[-2:] == closing
    assert {z.reason for z in zones if z.text in closing} == {"closing_data"}
    assert all(z.zone == DROPPED for z in zones if z.text in FOOT)


def test_several_rows_of_one_form_close_the_body_and_links_do_not():
    scores = ["Washington Wizards 91-100 Toronto Raptors", "Indiana Pacers 120-95 Miami Heat",
              "Chicago Bulls 105-113 Phoenix Suns"]
    zones = _zones(HEAD + MATCH + ["Iklan"] + scores + FOOT)
    assert _body(zones)[-3:] == scores
    two = _zones(HEAD + MATCH + scores[:2] + FOOT)  # two rows of a form the body never used: not enough
    assert not set(scores[:2]) & set(_body(two))
    links = ["[1] https://example.org/budget-2017", "[2] https://example.org/transport-2018",
             "[3] https://example.org/stadium-2019"]
    assert not set(links) & set(_body(_zones(HEAD + MATCH + links + FOOT)))


def test_rows_under_a_heading_ending_in_a_colon_close_the_body():
    rows = ["Persib (4-3-3): Natshir; Vujovic, Herdiana, Supardi; Essien, Kusnandar, Atep; Maitimo, N'Douassel.",
            "Arema (4-4-2): Meiga; Hamka, Arthur, Purwaka, Hanif; Hendro, Alis, Dendi, Esteban; Cristian, Dedik."]
    zones = _zones(HEAD + MATCH + ["Susunan Pemain:", "ADVERTISEMENT"] + rows + FOOT)
    assert _body(zones)[-3:] == ["Susunan Pemain:"] + rows


def _match_page(n: int) -> str:
    rival = ["Arema", "Persija", "Bali United", "PSM Makassar"][n]
    paras = [f"{p.replace('Arema', rival)} Itu pertemuan ke-{n + 5} kedua tim." for p in MATCH]  # no paragraph recurs
    page = HEAD[:4] + [f"Persib vs {rival}"] + paras[:3] + ["Babak pertama"] + paras[3:5] + ["Lanjutkan Membaca"] \
        + ["Babak kedua", paras[5]] + FOOT
    return "\n\n".join(page)


def test_a_recurring_subheading_in_the_articles_own_words_stays_and_a_marker_goes():
    docs = [Doc(f"m{n}", "text", _match_page(n), "text", url=f"https://bola.example.com/{n}") for n in range(4)]
    for doc in CleanStep()(docs).docs:
        reasons = {z.text: (z.zone, z.reason) for z in doc.zones}
        assert reasons["Babak pertama"][0] == BODY and reasons["Babak kedua"][0] == BODY
        assert reasons["Lanjutkan Membaca"] == (DROPPED, "template")
        assert reasons["Beranda"] == (DROPPED, "template")


def test_a_lede_telling_the_headline_is_body_though_it_shares_few_words():
    lede = ("Persib gagal menuai poin penuh pekan ke-26 usai imbang 1-1 menghadapi Arema di Kanjuruhan, Malang, "
            "Minggu (24/9) malam, hasil yang membuat Maung Bandung tertahan.")
    other = [
        "Kedua tim menampilkan permainan menyerang sejak menit awal dan tendangan kaki kiri dari luar kotak penalti ditangkap kiper.",
        "Serangan bertubi-tubi terus dilancarkan tuan rumah, namun berkali-kali peluang yang didapat belum bisa berbuah gol.",
        "Penyelamatan gemilang dilakukan penjaga gawang setelah menggagalkan sepakan dari dalam kotak penalti dengan kakinya.",
        "Tuan rumah yang terus tampil menekan justru kebobolan lebih dulu pada menit ke-34 lewat sepakan keras dari dalam kotak.",
        "Tertinggal satu gol, tuan rumah kembali melakukan serangan secara gencar hingga turun minum tanpa tambahan angka.",
        "Selepas jeda, pelatih coba menyegarkan aliran bola timnya dengan memasukkan dua pemain sayap yang lebih cepat.",
        "Hingga akhirnya, pada menit ke-80 kebuntuan pecah lewat sundulan yang memanfaatkan bola muntah dari mistar gawang.",
    ]
    zones = _zones(HEAD + ["Getty Images", lede, "BACA JUGA: Timnas Putri Lolos ke Semifinal"] + other + FOOT)
    assert _body(zones)[0] == lede


def test_prose_under_a_one_word_ad_slot_continues_the_article():
    last = "Musim baru dimulai Maret dengan laga tandang ke Surabaya yang cukup padat."
    zones = _zones(HEAD + MATCH + ["ADVERTISEMENT", last] + FOOT)
    assert _body(zones)[-1] == last


def test_a_forum_comment_thread_ends_the_body():
    article = [
        "Elite computer science degrees are no longer a guaranteed way into technology jobs, as hiring slows across the industry.",
        "A recent graduate said there was a very dreary mood on campus, with many students still looking for work months later.",
        "Hiring managers say that where they once needed ten engineers, they now hire two and give them better tools instead.",
    ]
    thread = ["Re: Guaranteed jobs? (Score: 2)", "by Fons ( 1311177 ) writes:",
              "Flipping burgers is what most of the people I studied with ended up doing after the last downturn, sadly.",
              "Reply to This", "Re: (Score: 3)", "by ozmartian ( 5754788 ) writes:",
              "How are juniors supposed to be mentored and gain the experience to become the seniors of tomorrow then?"]
    zones = _zones(["Slashdot", "Grads Find Their Degrees No Longer Guarantee Jobs"] + article + thread)
    assert _body(zones) == article


def test_a_dump_headline_loses_its_site_segments_like_an_html_title():
    assert strip_site_suffix("Persib Ditahan Imbang Arema | Liga 1 | Kabar Bola") == "Persib Ditahan Imbang Arema"
    assert strip_site_suffix("Persib vs Arema - Kabar Bola") == "Persib vs Arema"
    assert strip_site_suffix("Berita - Kabar Bola") == "Berita - Kabar Bola"  # too little would stay


def test_a_gap_repeating_the_articles_own_markers_is_no_end_of_it():
    from kabar.clean.lines import read_lines
    from kabar.clean.text import _furniture_gap, _inner_gaps

    page = [MATCH[0], "Advertisement", "6. Merasa Mual", MATCH[1], MATCH[2], "Advertisement", "7. Merasa Depresi", MATCH[3],
            "Dapatkan Promo Menarik", "7. Merasa Depresi", MATCH[4]]
    lines = read_lines("\n\n".join(page))
    blocks = [(0, 1), (3, 5), (7, 8), (10, 11)]
    inner = _inner_gaps(lines, blocks)
    assert not _furniture_gap(lines, 5, 7, inner[1])  # the ad slot and a numbered subheading again
    assert not _furniture_gap(lines, 5, 7)  # ... and `7.` follows the `6.` above it: the article's list goes on
    assert _furniture_gap(lines, 8, 10, inner[2])  # a promo line the article never printed before


def test_menu_entries_glued_on_one_long_line_are_not_prose():
    menu = ("Average Cost of Community College Average Cost of Private School Average Graduate Student Loan Debt College "
            "Dropout Rate Student Loan Forgiveness Programs Best Online Colleges Best Community Colleges Scholarship Search "
            "Financial Aid Guide")
    zones = _zones(["Education Data", menu, "How Much Does College Cost in 2025"] + [
        "The average cost of college in the United States is about thirty thousand dollars per student per year, "
        "including books, supplies and daily living expenses, and the figure has doubled in twenty years.",
        "Students at public four-year schools who pay in-state tuition spend less than half of what students at "
        "private universities pay, though the gap narrows once financial aid is counted."])
    assert menu not in _body(zones)


def test_an_affiliate_disclosure_goes_and_a_sentence_on_pay_stays():
    disclosure = "We may earn a commission when you buy through links on our site."
    pay = ("Sales staff at the firm can earn a commission of up to five percent on each contract, the company said "
           "in its annual report, and most of them also receive a fixed monthly salary.")
    zones = _zones(["City News", "Council Expands Bus Network to Outer Districts", disclosure] + [pay] + [
        "The council said the new routes would start in March and that fares would stay the same for at least a year.",
        "Residents of the outer districts have asked for better bus links for years, and many welcomed the decision."])
    assert pay in _body(zones) and disclosure not in _body(zones)
    assert [z.reason for z in zones if z.text == disclosure] == ["disclosure"]


def test_a_paragraph_naming_the_people_of_the_one_above_continues_it():
    from kabar.clean.lines import read_lines
    from kabar.clean.text import _continues_above

    above = "Sebelumnya, pada laga ganda putra lain, duet Angga Pratama dan Ricky Karanda harus mengakui keunggulan tuan rumah."
    para = "Pasangan Angga dan Ricky kalah dari Vladimir Ivanov serta Ivan Sozonov dengan skor 9-21 dan 12-21 di lapangan utama."
    other = "Pasangan Vladimir Ivanov dan Ivan Sozonov melaju ke final setelah menang mudah atas wakil tuan rumah di lapangan utama."
    headline = "Ivanov dan Sozonov Melaju ke Final Hong Kong Terbuka"
    # past an ad slot the article goes on, named or not; past another story's headline it does not
    for page, continues in [([above, "Iklan", para], True), ([above, "Iklan", other], True),
                            ([above, headline, para], False), ([above, headline, other], False)]:
        lines = read_lines("\n\n".join(page))
        assert _continues_above(lines, 2, 3, [False] * 3) is continues
