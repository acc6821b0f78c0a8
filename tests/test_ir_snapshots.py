"""The IR of real files, as `platygen parse` prints it, pinned by snapshots reviewed in PRs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.read.reader import read_bytes
from generator.serialize import to_json

from support import CORPUS, ROOT

SPREAD = [
    "seed/Update-MgApplicationSynchronizationJob.md",
    "graph/Microsoft.Graph.Applications/Update-MgApplicationSynchronizationJob.md",
    "graph/Microsoft.Graph.Applications/Add-MgApplicationPassword.md",
    "graph/Microsoft.Graph.Users/Get-MgUser.md",
    "jumpcloud/JumpCloud.SDK.V1/New-JcSdkUser.md",
    "jumpcloud/JumpCloud.SDK.DirectoryInsights/Get-JcSdkEvent.md",
    "platyps-assets/get-date.md",
    "platyps-assets/Get-Date.V2.md",
    "platyps-assets/Get-ChildItem.md",
    "platyps-assets/bad-commandhelp.md",
]


@pytest.mark.parametrize("name", SPREAD)
def test_ir_of_corpus_file(name: str, snapshot) -> None:  # type: ignore[no-untyped-def]
    result = read_bytes(name, (CORPUS / name).read_bytes())
    snapshot.snapshot_dir = ROOT / "tests" / "snapshots" / "ir"
    snapshot.assert_match(
        to_json({"cmdlet": result.cmdlet, "diagnostics": result.diagnostics}),
        name.replace("/", "__") + ".json",
    )


def test_parse_command_prints_stable_json_without_absolute_paths(tmp_path: Path) -> None:
    seed = (
        ROOT / "specs" / "Microsoft.Graph.Identity.Application" / "Update-MgApplicationSynchronizationJob.md"
    )
    runner = CliRunner()
    first = runner.invoke(main, ["--root", str(ROOT), "parse", str(seed)])
    second = runner.invoke(main, ["--root", str(ROOT), "parse", str(seed)])
    assert first.exit_code == 0, first.output
    assert first.output == second.output
    assert str(ROOT) not in first.output
    data = json.loads(first.output)
    cmdlet = data[0]["cmdlet"]
    assert (
        data[0]["path"]
        == "specs/Microsoft.Graph.Identity.Application/Update-MgApplicationSynchronizationJob.md"
    )
    assert cmdlet["name"] == "Update-MgApplicationSynchronizationJob"
    assert [s["name"] for s in cmdlet["parameter_sets"]] == [
        "UpdateExpanded",
        "Update",
        "UpdateViaIdentity",
        "UpdateViaIdentityExpanded",
    ]
    assert list(cmdlet) == sorted(cmdlet)  # keys sorted


def test_parse_yaml_has_the_same_content_as_json() -> None:
    from ruamel.yaml import YAML

    seed = (
        ROOT / "specs" / "Microsoft.Graph.Identity.Application" / "Update-MgApplicationSynchronizationJob.md"
    )
    runner = CliRunner()
    as_json = json.loads(runner.invoke(main, ["--root", str(ROOT), "parse", str(seed)]).output)
    as_yaml = YAML(typ="safe").load(
        runner.invoke(main, ["--root", str(ROOT), "parse", "--format", "yaml", str(seed)]).output
    )
    assert as_yaml == as_json
