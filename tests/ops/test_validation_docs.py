"""GX validation results readable offline: our pages list and style them without a network.

The browser check runs in real headless Chromium with name resolution disabled; it skips
where no `chromium` is installed (CI installs it, see .ci/run)."""
import shutil
import subprocess
from pathlib import Path

import pytest

from kabar.pipeline import Settings, run_plain

BODY = ("Pemerintah kota mengumumkan rencana pembangunan taman baru di pusat kota pada pekan ini. "
        "Wali kota mengatakan proyek itu akan selesai dalam waktu enam bulan dan terbuka untuk umum. "
        "Warga menyambut baik rencana tersebut karena kawasan itu selama ini kekurangan ruang hijau.")
OFFLINE = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
           "--host-resolver-rules=MAP * ~NOTFOUND"]


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("vd")
    inputs = root / "in"
    inputs.mkdir()
    (inputs / "ok.txt").write_text(f"Judul berita tentang taman kota baru\n\nJakarta -\n\n{BODY}\n")
    (inputs / "short.txt").write_text("Judul berita pendek sekali\n\nJakarta -\n\nKalimat ini cukup panjang untuk "
                                      "badan berita tetapi terlalu pendek.\n")
    m = run_plain(Settings(inputs=[str(inputs)], out=str(root / "out")))
    assert m["status"] == "success", m["error"]
    return root / "out" / "reports"


def test_pages_are_static_html_with_text_status_and_inline_style(reports):
    index = (reports / "validations" / "index.html").read_text()
    assert "http://" not in index and "https://" not in index and "<script" not in index
    assert index.count("<tr data-key=") == 3  # one shard through three suites
    failed = [p for p in (reports / "validations").rglob("*shard*.html") if "✗ failed" in p.read_text()]
    assert failed and "raw" not in {p.parent.name for p in failed}  # the short body fails a later suite
    page = failed[0].read_text()
    assert "rows unexpected" in page and "<style>" in page and "https://" not in page
    assert "validations/enriched/" in (reports / "index.html").read_text()  # the run report links them


def _chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        pytest.skip("chromium not installed (Debian: apt-get install chromium)")
    return exe


def test_offline_in_headless_chromium(reports, tmp_path):
    from PIL import Image

    exe = _chromium()
    dom = subprocess.run([exe, *OFFLINE, "--virtual-time-budget=3000", "--dump-dom",
                          (reports / "validations" / "index.html").as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    assert dom.count('data-status="passed"') + dom.count('data-status="failed"') == 3
    page = next(p for p in (reports / "validations").rglob("*shard*.html") if "✗ failed" in p.read_text())
    shot = tmp_path / "page.png"
    subprocess.run([exe, *OFFLINE, "--window-size=1100,500", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120)
    colours = set(Image.open(shot).convert("RGB").getdata())
    assert (26, 127, 55) in colours and (198, 40, 40) in colours  # passed / failed badges drawn, styled
