"""What `platygen diff` compares against: a revision read through git (never a checkout), the merge
base by default, a folder; and how little it does when the cache already knows a side."""

from __future__ import annotations

import shutil
from pathlib import Path

import contoso
from generator import config, pipeline
from generator.cache import Cache
from generator.diff import run
from workspace import Param, Workspace, help_file

GADGET = "specs/Contoso.Widgets/Remove-CoGadget.md"
NEW = "specs/Contoso.Widgets/New-CoGadget.md"


def project(tmp_path: Path, subfolder: str = "") -> Workspace:
    ws = Workspace(tmp_path, contoso.SETTINGS, subfolder=subfolder)
    contoso.contoso(ws)
    ws.commit()
    return ws


def added(ws: Workspace, *args: str) -> list[object]:
    return [c["subject"] for c in ws.changes(*args) if c["rule"] == "PD002"]


def test_the_working_tree_is_left_as_it_was(tmp_path: Path) -> None:
    ws = project(tmp_path)
    ws.write(NEW, help_file("New-CoGadget", [Param("Name")]))
    ws.replace(GADGET, "Does things.", "Removes a gadget.")
    status = ws.git("status", "--porcelain")
    files = {
        p: p.read_bytes()
        for p in ws.root.rglob("*")
        if p.is_file() and ".git" not in p.parts and ".platygen-cache" not in p.parts
    }
    assert added(ws, "HEAD") == ["New-CoGadget"]
    assert ws.git("status", "--porcelain") == status
    assert {p: p.read_bytes() for p in files} == files
    assert not (ws.root / "generated").exists()


def test_by_default_the_base_is_the_merge_base_with_main(tmp_path: Path) -> None:
    ws = project(tmp_path)
    ws.git("checkout", "-q", "-b", "feature")
    ws.write(NEW, help_file("New-CoGadget", [Param("Name")]))
    ws.commit("on the branch")
    ws.git("checkout", "-q", "main")
    ws.write("specs/Contoso.Widgets/Set-CoGadget.md", help_file("Set-CoGadget", [Param("Name")]))
    ws.commit("on main, after the branch")
    ws.git("checkout", "-q", "feature")
    # What the branch added, against where it left main; not what main did since.
    code, out = ws.run("--fail-on", "never")
    assert code == 0 and out.startswith("platygen diff: merge base with main (")
    assert added(ws) == ["New-CoGadget"]
    assert not [c for c in ws.changes() if c["subject"] == "Set-CoGadget"]
    # An explicit revision is taken as it is: main has Set-CoGadget, the branch does not.
    assert [c["subject"] for c in ws.changes("main") if c["rule"] == "PD001"] == ["Set-CoGadget"]


def test_a_project_in_a_folder_of_the_repository(tmp_path: Path) -> None:
    ws = project(tmp_path, subfolder="sdk/contoso")
    ws.write(NEW, help_file("New-CoGadget", [Param("Name")]))
    found = ws.changes("HEAD")
    assert [c["subject"] for c in found] == ["New-CoGadget"]
    assert found[0]["head"] == "specs/Contoso.Widgets/New-CoGadget.md:8"  # relative to the project


def test_a_folder_as_base_project_or_specs(tmp_path: Path) -> None:
    ws = project(tmp_path / "repo")
    old = tmp_path / "old"
    shutil.copytree(ws.root, old, ignore=shutil.ignore_patterns(".git"))
    ws.write(NEW, help_file("New-CoGadget", [Param("Name")]))
    assert added(ws, str(old)) == ["New-CoGadget"]  # a project: its own pyproject.toml
    assert added(ws, str(old / "specs")) == ["New-CoGadget"]  # a specs folder, with this project's settings
    code, out = ws.run(str(old), "--format", "json")
    assert code == 0 and str(old) in out


def test_a_revision_that_is_not_there_is_a_usage_error(tmp_path: Path) -> None:
    ws = project(tmp_path)
    result = ws.run("no-such-branch")
    assert result[0] == 2


def test_without_git_a_folder_is_needed(tmp_path: Path) -> None:
    ws = project(tmp_path)
    shutil.rmtree(ws.root / ".git")
    assert ws.run()[0] == 2


def test_a_side_the_cache_knows_is_not_built_again(tmp_path: Path) -> None:
    ws = project(tmp_path)
    cache = Cache.for_project(ws.root)
    cfg = config.load(ws.root)
    # `generate` keeps the snapshot of what it generated: right after it, neither side is built.
    assert not pipeline.generate(cfg, cache=cache).failed
    first = run.diff(cfg, "HEAD", cache)
    assert first.cached == {"base": True, "head": True} and first.changes == []
    ws.write(NEW, help_file("New-CoGadget", [Param("Name")]))
    second = run.diff(cfg, "HEAD", cache)
    assert second.cached == {"base": True, "head": False}
    assert [c.subject for c in second.changes] == ["New-CoGadget"]
    assert run.diff(cfg, "HEAD", cache).cached == {"base": True, "head": True}
    assert run.diff(cfg, "HEAD", None).cached == {"base": False, "head": False}  # --no-cache


def test_the_base_side_reads_through_the_cache(tmp_path: Path) -> None:
    ws = project(tmp_path)
    cache = Cache.for_project(ws.root)
    cfg = config.load(ws.root)
    assert not pipeline.generate(cfg, cache=cache).failed  # every help file at HEAD read once
    shutil.rmtree(cache.folder / "diff")  # no snapshot: the revision's tree is read again
    ws.write(NEW, help_file("New-CoGadget", [Param("Name")]))
    read_before = sorted((cache.folder / "read").rglob("*"))
    result = run.diff(cfg, "HEAD", cache)
    assert result.cached == {"base": False, "head": False}
    new_entries = sorted(set((cache.folder / "read").rglob("*")) - set(read_before))
    # Only the new file was read; HEAD's files, read from git into a temporary folder, were cache hits.
    assert len([p for p in new_entries if p.is_file()]) == 1


def test_an_api_description_outside_the_project_is_read_from_disk_on_both_sides(tmp_path: Path) -> None:
    ws = Workspace(
        tmp_path,
        subfolder="sdk",
        settings='[tool.platygen.api-descriptions]\n"Things" = ["../api/things.json"]\n[tool.platygen.noun-prefixes]\n"Things" = "Ex"\n',
    )
    (tmp_path / "api").mkdir()
    (tmp_path / "api" / "things.json").write_text(contoso.description(), encoding="utf-8")
    ws.write("specs/Things/Update-ExThing.md", contoso.update_thing())
    ws.commit()
    # Changed on disk: both sides read this file as it is now, so the enum did not change between them.
    (tmp_path / "api" / "things.json").write_text(
        contoso.description(state=["on", "off", "standby"]), encoding="utf-8"
    )
    ws.replace("specs/Things/Update-ExThing.md", "Its size.", "Its size, in cm.")
    assert [(c["rule"], c["subject"]) for c in ws.changes("HEAD")] == [("PD092", "IThing.Size")]


def test_a_snapshot_is_kept_per_selection(tmp_path: Path) -> None:
    """`include` / `exclude` shape the API: a snapshot of a selection is not the whole project's."""
    ws = Workspace(tmp_path, 'include = ["Remove-CoGadget"]\n' + contoso.SETTINGS)
    contoso.contoso(ws)
    ws.commit()
    cache = Cache.for_project(ws.root)
    assert not pipeline.generate(config.load(ws.root), cache=cache).failed  # the selection's snapshot
    ws.replace("pyproject.toml", 'include = ["Remove-CoGadget"]\n', "")
    result = run.diff(config.load(ws.root), "HEAD", cache)
    assert result.cached == {"base": True, "head": False}
    assert sorted(c.subject for c in result.changes if c.rule == "PD002") == [
        "Get-CoWidget",
        "Update-CoWidget",
    ]
