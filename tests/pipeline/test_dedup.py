"""Exact and near duplicates: threshold documented in kabar/dedup.py, checked here."""
import pytest

import fsspec

from kabar.dedup import NEAR_THRESHOLD, signature
from kabar.dedup_state import IndexedDeduper
from kabar.record import Doc, Rejected
from kabar.state_index import StateIndex, segment_table, write_segment

from pipeline_helpers import ARTICLE_TEXT


def body_doc(uri: str, text: str) -> Doc:
    return Doc(uri, "text", f"{uri}\n{text}", "text", text=text)


@pytest.fixture
def deduper(tmp_path):
    """A fresh deduper over the keyed state in tmp_path; `.commit()` writes its keys as a run would."""
    fs = fsspec.filesystem("file")

    def make():
        d = IndexedDeduper(StateIndex(fs, str(tmp_path)))

        def commit(run="r1"):
            for kind, pairs in d.state().items():
                write_segment(fs, f"{d.index.folder(kind)}/seg-{run}.arrow", segment_table(pairs))
            d.index.close()
        d.commit = commit
        return d
    return make


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


def test_exact_duplicate_body_is_rejected_with_first_id(deduper):
    d = deduper()
    a, b = body_doc("a.txt", REPORT), body_doc("b.txt", REPORT + "  ")
    d.check(a)
    with pytest.raises(Rejected) as exc:
        d.check(b)
    assert exc.value.reason == "exact_duplicate" and a.doc_id in exc.value.detail


def test_same_document_again_is_already_loaded(deduper):
    a = body_doc("a.txt", REPORT)
    first = deduper()
    first.check(a)
    first.commit()
    d = deduper()
    with pytest.raises(Rejected) as exc:
        d.check(body_doc("a.txt", REPORT))
    assert exc.value.reason == "already_loaded"


def test_light_edit_is_a_near_duplicate_and_other_report_is_not(deduper):
    d = deduper()
    first = body_doc("a.txt", REPORT)
    edited = body_doc("b.txt", "Jakarta - " + REPORT.replace("enam bulan", "tujuh bulan"))
    other = body_doc("c.txt", OTHER)
    for doc in (first, edited, other):
        d.check(doc)
    assert signature(first.text).jaccard(signature(edited.text)) >= NEAR_THRESHOLD - 0.1
    assert edited.near_duplicate_of == first.doc_id
    assert other.near_duplicate_of is None and first.near_duplicate_of is None


def test_signatures_persist_across_runs(deduper):
    d1 = deduper()
    first = body_doc("a.txt", REPORT)
    d1.check(first)
    d1.commit()
    d2 = deduper()
    later = body_doc("b.txt", REPORT.replace("enam bulan", "delapan bulan"))
    d2.check(later)
    assert later.near_duplicate_of == first.doc_id
