"""kabar.minhash gives datasketch's values, so stored signatures and LSH answers are unchanged."""
import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH

from kabar import minhash


def _datasketch(text: str) -> np.ndarray:
    m = MinHash(num_perm=minhash.NUM_PERM, seed=minhash.SEED, scheme=minhash.SCHEME)
    m.update_batch([s.encode("utf-8") for s in minhash.shingles(text)])
    return m.hashvalues


@pytest.mark.parametrize("text", [
    "", "satu", "Presiden Joko Widodo meresmikan bendungan baru di Jawa Tengah pada Senin pagi.",
    "The ministry said on Tuesday that exports rose 4.2% in May, the third monthly rise in a row. " * 5,
    "Ç'est déjà l'été — 東京 2024: naïve café, ünïcödé wörds and ümlauts here again",
])
def test_same_values_as_datasketch(text):
    got = minhash.signature(text)
    assert got.dtype == np.uint64 and got.shape == (minhash.NUM_PERM,)
    assert np.array_equal(got, _datasketch(text))


def test_near_duplicate_found_by_lsh():
    base = " ".join(f"kata{i} berita{i % 7} hari{i % 3}" for i in range(120))
    edited = base.replace("kata60 ", "kalimat yang diubah ")
    other = " ".join(f"lain{i} topik{i % 5}" for i in range(120))
    lsh = MinHashLSH(threshold=0.8, num_perm=minhash.NUM_PERM)
    for key, text in (("base", base), ("other", other)):
        lsh.insert(key, MinHash(num_perm=minhash.NUM_PERM, seed=minhash.SEED, scheme=minhash.SCHEME,
                                hashvalues=minhash.signature(text)))
    query = MinHash(num_perm=minhash.NUM_PERM, seed=minhash.SEED, scheme=minhash.SCHEME,
                    hashvalues=minhash.signature(edited))
    assert lsh.query(query) == ["base"]
