"""Publish the run summary as Prefect artifacts, so it shows on the flow run in the UI.

The content comes from `kabar.report` (pure); only the publishing is Prefect's.
A failure here never fails the run: the data is already committed.
"""
from __future__ import annotations

import logging
from typing import Any

from kabar import report
from kabar.load import Store

log = logging.getLogger("kabar")


def publish_run_summary(manifest: dict[str, Any], store: Store) -> None:
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    try:
        dists = report.distributions(report.run_rows(store, manifest))
        create_markdown_artifact(key="kabar-run-report", markdown=report.summary_markdown(manifest, dists),
                                 description=f"kabar run {manifest['run_id']}: {manifest['status']}")
        create_table_artifact(
            key="kabar-stage-counts",
            table=[{"stage": s, "in": i, "out": o, "quarantined": q} for s, i, o, q in report.stage_counts(manifest)],
            description=f"Documents per stage, run {manifest['run_id']}",
        )
    except Exception as exc:
        log.warning("could not publish the run summary artifact: %s", exc)
