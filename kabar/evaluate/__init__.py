"""`kabar eval`: score the pipeline on a labelled set.

    kabar eval [clean|enrich|sources|all] GOLD [--inputs DIR] [--mode text|html|both]
               [--worst N] [--json OUT] [--limit N] [--half tune|heldout] [--baselines] [--timing]

GOLD is a seeds-style JSONL (inputs in --inputs, default `seeds/`) or a WCXB-style
folder (html/ + ground-truth/) or an id-news-style JSONL (labels only; text from the
id-news dataset, or the JSONL named by --inputs). `clean` scores the body (kabar.evaluate.body);
`enrich` the fields and `sources` the sources, through `kabar.evaluate.fields` and
`kabar.evaluate.sources` when those modules exist (each exposes `score(pairs)` and
`render(result)`); `all` runs the three.
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
import time

from kabar.evaluate import body
from kabar.evaluate.gold import load_pairs, read_gold, run_stages
from kabar.evaluate.id_news import HALVES

SCORERS = {"clean": ["body"], "enrich": ["fields"], "sources": ["sources"], "all": ["body", "fields", "sources"]}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kabar eval", description=__doc__.split("\n\n")[0])
    p.add_argument("what", choices=sorted(SCORERS), nargs="?", default="clean")
    p.add_argument("gold", help="seeds-style JSONL or WCXB-style folder")
    p.add_argument("--inputs", default="seeds", help="folder of the input files named in a JSONL gold")
    p.add_argument("--mode", choices=("text", "html", "both"), default="text")
    p.add_argument("--worst", type=int, default=3, help="worst lines lost/kept shown per document")
    p.add_argument("--json", dest="json_out", help="write the full result as JSON here")
    p.add_argument("--limit", type=int, help="only the first N documents")
    p.add_argument("--half", choices=HALVES, help="only the records of a gold labelled with this half")
    p.add_argument("--baselines", action="store_true",
                   help="clean eval: also score do-nothing and trafilatura (on text / defaults on HTML)")
    p.add_argument("--timing", action="store_true", help="clean eval: ms/doc of clean vs langdetect")
    return p


def _module(name: str):
    try:
        return body if name == "body" else importlib.import_module(f"kabar.evaluate.{name}")
    except ModuleNotFoundError:
        return None


def _langdetect_ms(docs) -> float:
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0
    t0 = time.perf_counter()
    for d in docs:
        try:
            detect_langs(d.text or d.content[:5000])
        except Exception:  # langdetect raises on text without features
            pass
    return 1000 * (time.perf_counter() - t0) / max(1, len(docs))


def run(args: argparse.Namespace) -> dict:
    from kabar.clean import CleanStep

    wanted = SCORERS[args.what]
    modes = ("text", "html") if args.mode == "both" else (args.mode,)
    report: dict = {}
    for mode in modes:
        pairs = read_gold(args.gold, args.inputs, mode, args.limit, half=args.half)
        t0 = time.perf_counter()
        shard = CleanStep()([d for _, d in pairs])
        clean_ms = 1000 * (time.perf_counter() - t0) / max(1, len(pairs))
        if any(w != "body" for w in wanted) and shard.docs:
            from kabar.enrich import EnrichStep

            EnrichStep()(shard.docs)
        section: dict = {"clean_ms_per_doc": clean_ms, "rejected": len(shard.rejects)}
        for name in wanted:
            mod = _module(name)
            if mod is None:
                section[name] = None
                continue
            result = mod.score(pairs, worst=args.worst) if mod is body else mod.score(pairs)
            section[name] = result
        if "body" in wanted and args.baselines:
            from kabar.evaluate.baselines import BASELINES

            section["baselines"] = {
                label: body.score(pairs, worst=0, predicted_of=fn) for label, fn in BASELINES[mode].items()
            }
        if args.timing:
            section["langdetect_ms_per_doc"] = _langdetect_ms([d for _, d in pairs])
        report[mode] = section
    return report


def render(report: dict) -> str:
    out = []
    for mode, section in report.items():
        out.append(f"== mode {mode}")
        for name in ("body", "fields", "sources"):
            if name not in section:
                continue
            result = section[name]
            if result is None:
                out.append(f"{name}: scorer kabar.evaluate.{name} not installed")
                continue
            mod = _module(name)
            out.append(mod.render({**result, "label": "body (kabar clean)"} if name == "body" else result))
        for label, result in (section.get("baselines") or {}).items():
            out.append(body.render({**result, "label": f"baseline {label}"}, per_doc=False))
        out.append(f"clean: {section['clean_ms_per_doc']:.1f} ms/doc, {section['rejected']} rejected")
        if "langdetect_ms_per_doc" in section:
            out.append(f"langdetect (seeded): {section['langdetect_ms_per_doc']:.1f} ms/doc")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    report = run(args)
    print(render(report))
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as fh:
            json.dump(report, fh, ensure_ascii=False, indent=1, default=str)
    return 0


__all__ = ["main", "load_pairs", "read_gold", "run_stages"]


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
