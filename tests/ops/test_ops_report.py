"""The run report's figures agree with the manifest; progress shows only on a terminal."""
import io
import json
from html.parser import HTMLParser

from kabar.load import Store
from kabar.pipeline import Settings, run_plain
from kabar.progress import Progress
from kabar.report import distributions, run_rows, stage_counts, summary_markdown

SHORT = "Kalimat ini cukup panjang untuk badan berita tetapi terlalu pendek sekali."


class Tables(HTMLParser):
    """{table id: {row key: [cell texts]}}, plus the KPI boxes and the images."""

    def __init__(self):
        super().__init__()
        self.tables, self.kpis, self.imgs = {}, {}, []
        self.table = self.key = self.kpi = None
        self.cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self.table = self.tables.setdefault(a.get("id"), {})
        elif tag == "tr" and self.table is not None and "data-key" in a:
            self.key = a["data-key"]
            self.table[self.key] = []
        elif tag == "td" and self.key is not None:
            self.cell = ""
        elif tag == "div" and "data-key" in a:
            self.kpi = a["data-key"]
            self.kpis[self.kpi] = ""
        elif tag == "img":
            self.imgs.append(a["src"])

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.table[self.key].append(self.cell)
            self.cell = None
        elif tag == "table":
            self.table = self.key = None
        elif tag == "div":
            self.kpi = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        elif self.kpi is not None and not self.kpis[self.kpi]:
            self.kpis[self.kpi] = data


def test_ops_report_figures_match_the_manifest(seeds_dir, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for p in seeds_dir.iterdir():
        (inputs / p.name).write_bytes(p.read_bytes())
    (inputs / "short.txt").write_text(f"Judul berita pendek sekali\n\nJakarta -\n\n{SHORT}\n", encoding="utf-8")
    out = tmp_path / "out"
    m = run_plain(Settings(inputs=[str(inputs)], out=str(out)))
    assert m["status"] == "success", m["error"]
    saved = json.loads((out / "runs" / f"{m['run_id']}.json").read_text())
    page = (out / "reports" / "index.html").read_text(encoding="utf-8")
    assert page == (out / "reports" / f"run-{m['run_id']}.html").read_text(encoding="utf-8")
    t = Tables()
    t.feed(page)
    c = saved["counts"]
    for k in ("read", "loaded", "quarantined"):
        assert int(t.kpis[k].replace(",", "")) == c[k]
    assert c["quarantined"] >= 1
    assert {k: int(v[-1]) for k, v in t.tables["reasons"].items()} == c["quarantine_reasons"]
    assert {k: [int(x) for x in v[1:]] for k, v in t.tables["stages"].items()} == \
        {s: [i, o, q] for s, i, o, q in stage_counts(saved)}
    stages = t.tables["stages"]
    assert int(stages["extract"][1]) == c["per_stage"]["extract"]["read"]
    assert int(stages["dedup"][2]) == c["loaded"]
    for suite, g in saved["gx"].items():
        assert t.tables["gx"][suite][:4] == [suite, "passed" if g["success"] else "FAILED", str(g["rows"]),
                                             str(g["rows_quarantined"])]
    # distributions: each sums to the articles loaded, and equals what the parts say
    dists = distributions(run_rows(Store(str(out)), saved))
    for name, counter in dists.items():
        got = {k: int(v[-1]) for k, v in t.tables[name].items()}
        assert got == dict(counter) and sum(got.values()) == c["loaded"]
    # charts are local files next to the page, and exist
    assert t.imgs and all(not s.startswith(("http:", "https:", "//")) for s in t.imgs)
    assert all((out / "reports" / s).stat().st_size > 1000 for s in t.imgs)
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page
    md = summary_markdown(saved, dists)
    assert f"loaded **{c['loaded']}**" in md and "| validate_raw |" in md


class FakeRun:
    stats = {"extract.read": 10, "clean.total": 9, "enrich.total": 9, "time_ms.clean": 500}
    counts = {"read": 10, "loaded": 8, "quarantined": 2}


def test_ops_progress_only_on_a_terminal(monkeypatch):
    monkeypatch.delenv("KABAR_PROGRESS", raising=False)
    log = io.StringIO()  # not a terminal: a log file, a pipe, cron
    p = Progress(log)
    p(FakeRun(), 1, 2)
    p.close()
    assert log.getvalue() == ""

    class Tty(io.StringIO):
        def isatty(self):
            return True

    tty = Tty()
    p = Progress(tty)
    p(FakeRun(), 1, 2)
    p.close()
    text = tty.getvalue()
    assert text.startswith("\r") and text.endswith("\n")
    assert "shard 1/2" in text and "clean 9 (18/s)" in text and "docs/s" in text
