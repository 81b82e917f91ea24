"""Bad-input corpus for tests: generated on the fly (no committed blobs).

`build_bad_corpus(dir)` writes every case into `dir` and returns, for each record, its key
(the path relative to `dir`, `#N` for a record of a multi-record file) and its expected fate:
`articles`, `quarantine:extract:<reason>`, or `quarantine` (a later stage's call). Feed `[str(dir)]` to `discover`/the flow: the
unreadable path is a dangling symlink inside `dir`, so nothing else needs passing.
Records that are not documents (WARC warcinfo/request) have no key.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import random
import zlib
from datetime import datetime, timezone
from pathlib import Path

ARTICLES = "articles"
QUARANTINE_LATER = "quarantine"  # read fine, quarantined by a later stage (clean or a gate), reason theirs
LONG_LINE_BYTES = 50 * 1000 * 1000
BOMB_BYTES = 64 * 1024 * 1024  # inflates 1000x; trips the default guard at max_doc_bytes (20 MB)

_WORDS = (
    "pemerintah kota warga jalan proyek anggaran daerah sekolah rumah sakit pasar harga beras petani nelayan "
    "banjir hujan sungai jembatan kereta bandara pelabuhan listrik air bersih polisi hakim sidang kasus "
    "menteri presiden gubernur bupati wali rapat program bantuan sosial pendidikan kesehatan vaksin dokter "
    "perawat pasien guru murid ujian festival budaya musik film olahraga sepak bola pemain pelatih stadion "
    "ekonomi inflasi bank investasi saham rupiah ekspor impor pabrik pekerja upah pajak desa lahan hutan "
    "kebakaran gempa relawan pengungsi tenda makanan minuman lingkungan sampah plastik laut pantai wisata"
).split()
_VERBS = "mengatakan menyebutkan menjelaskan menambahkan menegaskan melaporkan meminta berharap".split()


def article_paragraphs(seed: int, n: int = 5) -> list[str]:
    """Distinct Indonesian-looking prose (so dedup keeps every good record)."""
    rnd = random.Random(seed)
    paras = []
    for _ in range(n):
        sentences = []
        for _ in range(2):
            words = rnd.sample(_WORDS, 12)
            sentences.append(
                f"Kepala dinas {words[0]} {rnd.choice(_VERBS)} bahwa {' '.join(words[1:7])} "
                f"akan diperbaiki pada tahun {rnd.randint(2025, 2030)} bersama {' '.join(words[7:])}."
            )
        paras.append(" ".join(sentences))
    return paras


def article_text(seed: int) -> str:
    title = f"Warga Kota {seed} Menyambut Program Baru Pemerintah Daerah"
    return "\n\n".join([title, "Jakarta - Rabu (19/6/2024)", *article_paragraphs(seed)]) + "\n"


def article_html(seed: int, charset: str = "utf-8", body_wrap: tuple[str, str] = ("", "")) -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in article_paragraphs(seed))
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>Berita {seed}</title></head>'
        f"<body><nav><a href='/'>Beranda</a> <a href='/news'>Berita</a></nav>"
        f"{body_wrap[0]}<article><h1>Warga Kota {seed} Menyambut Program Baru</h1>{paras}</article>{body_wrap[1]}"
        f"<footer>Hak cipta dilindungi</footer></body></html>"
    )


def _warc_record(wtype: str, uri: str, payload: bytes, date: str, content_type: str,
                 content_length: str | None = None) -> bytes:
    head = (
        f"WARC/1.0\r\nWARC-Type: {wtype}\r\nWARC-Record-ID: <urn:uuid:{random.Random(uri + wtype).getrandbits(64):016x}>\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {content_length if content_length is not None else len(payload)}\r\n\r\n"
    )
    return head.encode() + payload + b"\r\n\r\n"


def http_response(body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


def warc_response(uri: str, body: bytes, date: str = "2024-06-20T01:02:03Z", **kw) -> bytes:
    return _warc_record("response", uri, http_response(body, **kw), date, "application/http; msgtype=response")


def warc_other(wtype: str, uri: str, payload: bytes = b"x: y\r\n", date: str = "2024-06-20T01:02:03Z") -> bytes:
    ctype = {"warcinfo": "application/warc-fields", "request": "application/http; msgtype=request"}.get(wtype, "text/plain")
    return _warc_record(wtype, uri, payload, date, ctype)


def warc_corrupt(uri: str, body: bytes) -> bytes:
    """A response record whose Content-Length header is garbage: it cannot be framed."""
    return _warc_record("response", uri, http_response(body), "2024-06-20T01:02:03Z",
                        "application/http; msgtype=response", content_length="12x4")


def gzip_bomb(path: Path, size: int = BOMB_BYTES, chunk: bytes = b"A" * (1 << 20)) -> None:
    """`size` bytes of one letter, gzipped in a stream (~1000x ratio) without holding them."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31 = gzip container
    with open(path, "wb") as fh:
        for _ in range(size // len(chunk)):
            fh.write(comp.compress(chunk))
        fh.write(comp.flush())


def build_bad_corpus(dir: Path) -> dict[str, str]:
    d = Path(dir)
    d.mkdir(parents=True, exist_ok=True)
    exp: dict[str, str] = {}

    def put(name: str, data: bytes | str, fate: str | None = ARTICLES) -> Path:
        p = d / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        if fate:
            exp[name] = fate
        return p

    q = "quarantine:extract:"
    # good inputs of every format
    put("good/article.txt", article_text(1))
    put("good/page.html", article_html(2))
    put("good/page.htm.gz", gzip.compress(article_html(3).encode()))
    put("good/cp1252_meta.html", article_html(4, charset="windows-1252").replace("Menyambut", "Menyambut “Café”").encode("cp1252"))
    put("good/no_extension", article_html(5).encode())  # sniffed as HTML

    put("empty.txt", b"", q + "empty_file")
    put("whitespace.txt", b" \n\t\n \n", q + "empty_document")
    put("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40, q + "binary_content")
    put("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, q + "unsupported_format")
    # mis-encoded text: typographic quotes, é, ü: undecodable as UTF-8, decoded by detection
    put("cp1252.txt", article_text(6).replace("Kepala dinas", "“Kepala dinas”", 3).replace("Kota", "Kota Café", 1).encode("cp1252"))
    put("latin1.txt", article_text(7).replace("Kota", "Kota Müller Café", 1).replace("Jakarta -", "Jakarta (Français) -").encode("latin-1"))

    full = gzip.compress(article_text(8).encode() * 4)
    put("truncated.txt.gz", full[: len(full) // 2], q + "truncated_gzip")
    gzip_bomb(d / "bomb.txt.gz")
    exp["bomb.txt.gz"] = q + "decompression_limit"

    with open(d / "long_line.txt", "wb") as fh:  # 50 MB, no newline
        block = b"kata " * 200_000
        for _ in range(LONG_LINE_BYTES // len(block)):
            fh.write(block)
    exp["long_line.txt"] = q + "document_too_large"
    with open(d / "long_line.jsonl", "wb") as fh:
        fh.write(json.dumps({"id": "a", "url": "https://contoh.id/a", "text": article_text(9)}).encode() + b"\n")
        fh.write(b'{"id": "huge", "text": "')
        block = b"kata " * 200_000
        for _ in range(LONG_LINE_BYTES // len(block)):
            fh.write(block)
        fh.write(b'"}\n')
        fh.write(json.dumps({"id": "c", "url": "https://contoh.id/c", "text": article_text(10)}).encode() + b"\n")
    exp.update({"long_line.jsonl#1": ARTICLES, "long_line.jsonl#2": q + "line_too_long", "long_line.jsonl#3": ARTICLES})

    # 5000 unclosed <div>s around the article: flattened to ReadLimits.max_html_depth, text kept
    put("deep.html", article_html(11, body_wrap=("<div>" * 5000, "")))

    fetched = datetime(2024, 6, 20, 1, 2, 3, tzinfo=timezone.utc).isoformat()
    lines = [
        json.dumps({"id": "1", "url": "https://contoh.id/1", "html": article_html(12), "fetched_at": fetched, "outlet": "Contoh"}),
        '{"id": "2", "url": "https://contoh.id/2", "text": "Berita yang terpotong',  # cut-off JSON
        json.dumps({"id": "3", "url": "https://contoh.id/3", "text": article_text(13), "fetched_at": "2024-06-20T08:02:03+07:00"}),
    ]
    put("mixed.jsonl", "\n".join(lines) + "\n", None)
    exp.update({"mixed.jsonl#1": ARTICLES, "mixed.jsonl#2": q + "bad_jsonl_line", "mixed.jsonl#3": ARTICLES})

    warc = b"".join([
        warc_other("warcinfo", ""),
        warc_other("request", "https://contoh.id/w1", b"GET /w1 HTTP/1.1\r\nHost: contoh.id\r\n\r\n"),
        warc_response("https://contoh.id/w1", article_html(14).encode()),
        warc_corrupt("https://contoh.id/w2", article_html(15).encode()),
        warc_response("https://contoh.id/w3", article_html(16, charset="iso-8859-1").encode("cp1252"),
                      content_type="text/html"),
    ])
    put("mixed.warc", warc, None)
    exp.update({"mixed.warc#3": ARTICLES, "mixed.warc#4": q + "corrupt_warc_record", "mixed.warc#5": ARTICLES})
    gz = io.BytesIO()
    for rec in (warc_other("warcinfo", ""), warc_response("https://contoh.id/g1", article_html(17).encode())):
        gz.write(gzip.compress(rec))  # one gzip member per record, like CC-NEWS
    put("cc-news.warc.gz", gz.getvalue(), None)
    exp["cc-news.warc.gz#2"] = ARTICLES

    # Not an article: the reader passes it on (judging pages is clean's job); it must end in quarantine
    # at a later stage (clean `empty_body`, or the clean gate's body_chars minimum).
    nav = "".join(f"<a href='/{w.lower()}'>{w}</a> " for w in ("Beranda", "Berita", "Olahraga", "Kontak"))
    put("nav_only.html", f"<html><head><title>Beranda</title></head><body><header><nav>{nav}</nav></header>"
        "<footer><a href='/privasi'>Privasi</a></footer></body></html>", QUARANTINE_LATER)

    link = d / "unreadable.txt"
    if not link.is_symlink():
        os.symlink(d / "no-such-target.txt", link)
    exp["unreadable.txt"] = q + "unreadable_path"
    return exp
