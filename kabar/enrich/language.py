"""Language of the clean body with langdetect, seeded so results are reproducible.

langdetect has no Malay profile: Malay text is reported as `id`.
"""
from __future__ import annotations

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

DetectorFactory.seed = 0

MIN_CHARS = 20
MIN_PROB = 0.70


def detect_language(text: str) -> tuple[str, float]:
    if len(text.strip()) < MIN_CHARS:
        return "und", 0.0
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return "und", 0.0
    if best.prob < MIN_PROB:
        return "und", 0.0
    return best.lang, round(float(best.prob), 4)
