"""What trafilatura's options cost per HTML page, and what kabar's other HTML readers cost.

    .venv/bin/python bench/trafilatura_cost.py --n 150

CPU ms per page (the lower of 2 rounds, interleaved) on the first N WCXB dev articles:
kabar's call (`kabar.clean.html.extract`: metadata, trafilatura's fallback comparison),
the same without metadata and/or without the fallback (`no_fallback=True`), with
`favor_precision`, datatrove's call (`trafilatura.extract`, favor_precision, deduplicate),
and kabar's own page readers (`htmlmeta.read`, htmldate) and a bare lxml parse.
"""
from __future__ import annotations

import argparse
import gzip
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
WCXB = REPO.parent / "shared" / "datasets" / "wcxb-dev-articles" / "html"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--n", type=int, default=150)
    p.add_argument("--rounds", type=int, default=2)
    a = p.parse_args()
    import lxml.html
    import trafilatura
    from htmldate import find_date
    from trafilatura.settings import set_date_params

    from kabar.clean.html import HTMLDATE_FORMAT, extract
    from kabar.enrich.htmlmeta import read

    pages = [gzip.decompress(f.read_bytes()).decode("utf-8", "replace") for f in sorted(WCXB.glob("*.html.gz"))[:a.n]]
    dates = {**set_date_params(extensive=False), "outputformat": HTMLDATE_FORMAT}

    def call(**kw):
        args = dict(with_metadata=True, date_extraction_params=dates, include_comments=False, include_tables=True)
        return lambda h: trafilatura.bare_extraction(h, **{**args, **kw})

    cands = {
        "kabar's call (metadata, fallback)": lambda h: extract(h, None),
        "no metadata": call(with_metadata=False),
        "metadata, no_fallback": call(no_fallback=True),
        "no metadata, no_fallback": call(with_metadata=False, no_fallback=True),
        "favor_precision (metadata)": call(favor_precision=True),
        "datatrove's call": lambda h: trafilatura.extract(h, favor_precision=True, include_comments=False,
                                                          deduplicate=True),
        "kabar htmlmeta.read": read,
        "htmldate find_date": lambda h: find_date(h, original_date=True, extensive_search=False),
        "lxml parse only": lambda h: lxml.html.fromstring(h.encode("utf-8", "surrogatepass")),
    }
    res: dict[str, list[float]] = {k: [] for k in cands}
    for _ in range(a.rounds):
        for k, f in cands.items():
            t = time.process_time()
            for h in pages:
                f(h)
            res[k].append(1000 * (time.process_time() - t) / len(pages))
    print(f"{len(pages)} WCXB pages, CPU ms per page (lower of {a.rounds} interleaved rounds)")
    for k, v in res.items():
        print(f"  {k:36} {min(v):7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
