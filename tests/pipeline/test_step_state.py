"""A step that learns from its shard (`prepare`) keeps what it learnt to that shard, even
when one step instance (built once per process, `order.steps()`) serves two shards on two
threads at once: the thread runner runs shards of different outlets side by side."""
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from kabar.clean import CleanStep
from kabar.readers import discover, read_file
from kabar.record import Doc

FURNITURE = {
    "a": "Ikuti terus kabar terbaru dari redaksi kami setiap hari melalui kanal berita yang terpercaya ini.",
    "b": "Simak juga laporan khusus pilihan editor kami tentang ekonomi daerah dan pembangunan kota.",
}
STORIES = [
    "Pemerintah kota mengumumkan rencana pembangunan taman baru di pusat kota pada pekan ini. "
    "Wali kota mengatakan proyek itu akan selesai dalam waktu enam bulan dan terbuka untuk umum.",
    "Harga beras di pasar tradisional naik dua kali dalam sebulan terakhir menurut para pedagang. "
    "Dinas perdagangan berjanji menggelar operasi pasar untuk menstabilkan harga bagi warga.",
    "Hujan deras sejak sore merendam puluhan rumah di bantaran sungai di pinggiran kota itu. "
    "Petugas gabungan mengevakuasi warga lanjut usia dan anak-anak ke balai desa terdekat.",
    "Sekolah negeri di kabupaten itu mulai menerapkan kurikulum baru pada tahun ajaran ini. "
    "Kepala dinas pendidikan menyebut pelatihan guru sudah berlangsung sejak awal tahun.",
]


def _shard(folder: Path, outlet: str) -> list[Doc]:
    """Four dumps of one outlet (one folder: one template group), each ending in the outlet's furniture line."""
    folder.mkdir()
    for i, story in enumerate(STORIES):
        (folder / f"{outlet}{i}.txt").write_text(f"Judul berita {outlet} nomor {i}\n\n{story}\n\n{FURNITURE[outlet]}\n",
                                                 encoding="utf-8")
    files, missing = discover([str(folder)])
    assert not missing
    return [d for f in files for d in read_file(f) if isinstance(d, Doc)]


class _BothPreparedFirst(CleanStep):
    """CleanStep that lets no shard process a document before both shards have prepared:
    the interleaving two threads may hit by chance, made certain."""

    def __init__(self) -> None:
        super().__init__()
        self.both_prepared = threading.Barrier(2, timeout=60)

    def prepare(self, docs: list[Doc]) -> None:
        super().prepare(docs)
        self.both_prepared.wait()


def test_one_step_two_shards_on_threads_keep_their_own_templates(tmp_path):
    alone = {}
    for outlet in FURNITURE:
        res = CleanStep()(_shard(tmp_path / f"alone-{outlet}", outlet))
        alone[outlet] = [d.text for d in res.docs]
        assert len(alone[outlet]) == len(STORIES)
        assert not any(FURNITURE[outlet] in t for t in alone[outlet])  # learnt from the shard: furniture

    step = _BothPreparedFirst()
    shards = [_shard(tmp_path / outlet, outlet) for outlet in FURNITURE]
    with ThreadPoolExecutor(max_workers=2) as pool:
        together = [[d.text for d in res.docs] for res in pool.map(step, shards)]
    assert dict(zip(FURNITURE, together)) == alone
