from pathlib import Path

import pyarrow.dataset as ds

from kabar.readers import discover, read_file
from kabar.record import Doc


def seed_docs(seeds: Path) -> list[Doc]:
    files, rejects = discover([str(seeds)])
    assert not rejects
    return [d for f in files for d in read_file(f) if isinstance(d, Doc)]


def read_table(path: Path):
    return ds.dataset(str(path), format="parquet", partitioning="hive").to_table()


ARTICLE_TEXT = (
    "Pemerintah kota mengumumkan rencana pembangunan taman baru di pusat kota pada pekan ini. "
    "Wali kota mengatakan proyek itu akan selesai dalam waktu enam bulan dan terbuka untuk umum. "
    "Warga menyambut baik rencana tersebut karena kawasan itu selama ini kekurangan ruang hijau. "
    "Anggaran proyek berasal dari dana daerah dan bantuan pemerintah pusat, kata pejabat setempat."
)


def write_article(folder: Path, name: str, title: str, body: str = ARTICLE_TEXT) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(f"{title}\n\nJakarta -\n\n{body}\n", encoding="utf-8")
    return p

# one real sentence: kept by clean, but under the enriched suite's 15-word minimum
SHORT_BODY = "Kalimat nomor {} ini cukup panjang untuk badan berita tetapi terlalu pendek."
