"""A real update: Update-MgApplicationSynchronizationJob's help as the seed has it (platyPS schema
2.0.0, Microsoft.Graph.Identity.Application) replaced by the 2024-05-01 help Microsoft Graph publishes
now (Microsoft.Graph.Applications). The report is pinned by a snapshot; what matters is asserted."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from support import CORPUS, ROOT
from workspace import Workspace

HELP = "specs/Microsoft.Graph.Applications/Update-MgApplicationSynchronizationJob.md"
CMDLET = "Update-MgApplicationSynchronizationJob"


@pytest.fixture(scope="module")
def update(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    ws = Workspace(tmp_path_factory.mktemp("update"), package="graph_sdk")
    ws.write(HELP, (CORPUS / "seed" / f"{CMDLET}.md").read_text(encoding="utf-8"))
    ws.commit("seed")
    ws.write(
        HELP, (CORPUS / "graph" / "Microsoft.Graph.Applications" / f"{CMDLET}.md").read_text(encoding="utf-8")
    )
    return ws


@pytest.fixture(scope="module")
def changes(update: Workspace) -> list[dict[str, object]]:
    return update.changes("HEAD")


def messages(changes: list[dict[str, object]], rule: str) -> dict[object, object]:
    return {c["subject"]: c["message"] for c in changes if c["rule"] == rule}


def test_the_report_is_pinned(update: Workspace, snapshot) -> None:  # type: ignore[no-untyped-def]
    code, text = update.run("--fail-on", "never")
    assert code == 0
    assert text.startswith("platygen diff: merge base with main (")  # BASE by default
    snapshot.snapshot_dir = ROOT / "tests" / "snapshots" / "diff"
    snapshot.assert_match(
        re.sub(r"\([0-9a-f]{7}\)", "(seed)", text, count=1), "update-synchronization-job.txt"
    )


def test_the_flattened_schedule_parameters_fold_into_schedule(changes: list[dict[str, object]]) -> None:
    removed = messages(changes, "PD020")
    for name in ("Expiration", "Interval", "State"):
        assert removed[f"{CMDLET} -Schedule{name}"] == (
            f"parameter -Schedule{name} removed; its value is now -Schedule's property {name}"
        )
    assert f"{CMDLET} -Schedule" in messages(changes, "PD022")
    # So do the properties of the body type: SynchronizationJob.schedule replaces schedule_state.
    gone = messages(changes, "PD042")
    assert gone["IMicrosoftGraphSynchronizationJob.ScheduleState"] == (
        "property ScheduleState removed (field schedule_state); its value is now Schedule's property State"
    )


def test_the_new_properties_are_listed(changes: list[dict[str, object]]) -> None:
    added = messages(changes, "PD043")
    for name in ("BulkUpload", "Schedule", "Schema"):
        assert f"IMicrosoftGraphSynchronizationJob.{name}" in added
    assert added["IMicrosoftGraphSynchronizationJob.Schema"] == "property Schema added (field schema_)"
    assert "IMicrosoftGraphSynchronizationSchedule" in messages(changes, "PD041")


def test_what_did_not_change_is_not_reported(changes: list[dict[str, object]]) -> None:
    subjects = {c["subject"] for c in changes}
    assert f"{CMDLET} -SynchronizationJobId" not in {c["subject"] for c in changes if not c["text_only"]}
    assert not [
        c for c in changes if str(c["rule"]).startswith(("PD06", "PD08", "PD01"))
    ]  # routes, names, sets
    assert "IMicrosoftGraphSynchronizationJob.Id" in subjects  # only its description changed: text only
    assert [c["rule"] for c in changes if c["subject"] == "IMicrosoftGraphSynchronizationJob.Id"] == ["PD092"]


def test_text_only_changes_are_kept_apart(update: Workspace, changes: list[dict[str, object]]) -> None:
    text_only = [c for c in changes if c["text_only"]]
    assert text_only and {c["rule"] for c in text_only} <= {"PD090", "PD091", "PD092"}
    assert all(c["level"] == "compatible" for c in text_only)
    code, out = update.run("--format", "json", "--fail-on", "never")
    summary = json.loads(out)["summary"]
    assert summary["text only"] == len(text_only)
    assert summary["compatible"] == len(
        [c for c in changes if c["level"] == "compatible" and not c["text_only"]]
    )
    _, markdown = update.run("--format", "markdown", "--fail-on", "never")
    assert markdown.index("<summary>Text only") > markdown.index("<summary>Compatible")
    assert markdown.index("#### Breaking changes") < markdown.index("<details>")


def test_it_fails_on_the_breaking_changes(update: Workspace) -> None:
    assert update.run()[0] == 1
    assert update.run("--fail-on", "warning")[0] == 1
    assert update.run("--fail-on", "never")[0] == 0
