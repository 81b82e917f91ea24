"""Exact and near duplicates: threshold documented in kabar/dedup.py, checked here."""
import pytest

from kabar.dedup import NEAR_THRESHOLD, Deduper, signature
from kabar.record import Doc, Rejected

from pipeline_helpers import ARTICLE_TEXT


def body_doc(uri: str, text: str) -> Doc:
    return Doc(uri, "text", f"{uri}\n{text}", "text", text=text)


REPORT = " ".join([ARTICLE_TEXT] * 1) + (
    " Pembangunan akan dimulai bulan depan setelah proses lelang selesai. Dinas terkait juga menyiapkan "
    "jalur pejalan kaki dan lampu penerangan baru. Pengawasan proyek melibatkan inspektorat daerah serta "
    "perwakilan warga dari tiga kelurahan di sekitar lokasi taman tersebut."
)
OTHER = (
    "Harga beras di pasar tradisional naik dua kali lipat dalam sepekan terakhir menurut pedagang. "
    "Pemerintah provinsi berjanji menggelar operasi pasar untuk menstabilkan harga sebelum akhir bulan. "
    "Pedagang berharap pasokan dari daerah sentra produksi segera kembali normal setelah panen raya. "
    "Sebagian warga mulai beralih ke bahan pangan lain untuk menghemat pengeluaran rumah tangga mereka."
)


def test_exact_duplicate_body_is_rejected_with_first_id():
    d = Deduper()
    a, b = body_doc("a.txt", REPORT), body_doc("b.txt", REPORT + "  ")
    d.check(a)
    with pytest.raises(Rejected) as exc:
        d.check(b)
    assert exc.value.reason == "exact_duplicate" and a.doc_id in exc.value.detail


def test_same_document_again_is_already_loaded():
    a = body_doc("a.txt", REPORT)
    d = Deduper(loaded=[(a.doc_id, a.content_sha1)])
    with pytest.raises(Rejected) as exc:
        d.check(body_doc("a.txt", REPORT))
    assert exc.value.reason == "already_loaded"


def test_light_edit_is_a_near_duplicate_and_other_report_is_not():
    d = Deduper()
    first = body_doc("a.txt", REPORT)
    edited = body_doc("b.txt", "Jakarta - " + REPORT.replace("enam bulan", "tujuh bulan"))
    other = body_doc("c.txt", OTHER)
    for doc in (first, edited, other):
        d.check(doc)
    assert signature(first.text).jaccard(signature(edited.text)) >= NEAR_THRESHOLD - 0.1
    assert edited.near_duplicate_of == first.doc_id
    assert other.near_duplicate_of is None and first.near_duplicate_of is None


def test_signatures_persist_across_runs():
    d1 = Deduper()
    first = body_doc("a.txt", REPORT)
    d1.check(first)
    table = d1.signatures_table()
    import numpy as np

    sigs = [(i, np.array(v, dtype=np.uint64)) for i, v in zip(table.column("doc_id").to_pylist(), table.column("minhash").to_pylist())]
    d2 = Deduper(signatures=sigs)
    later = body_doc("b.txt", REPORT.replace("enam bulan", "delapan bulan"))
    d2.check(later)
    assert later.near_duplicate_of == first.doc_id
