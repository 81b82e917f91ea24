import os
from pathlib import Path

import pytest

# Before Prefect/GX import anywhere in the test session.
for k, v in {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "GX_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_UI_ENABLED": "false",
    # the temporary API server needs more than the default 20 s on a busy 2-core machine
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
}.items():
    os.environ.setdefault(k, v)

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
GOLD = REPO.parent / "shared" / "gold" / "seeds.gold.jsonl"
WCXB = REPO.parent / "shared" / "datasets" / "wcxb-dev-articles"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS
