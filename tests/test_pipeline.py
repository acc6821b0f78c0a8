"""The whole job: determinism, atomicity, check mode, deleted specs, strictness."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import config, pipeline
from generator.cli import main
from generator.render import format as format_module
from generator.render.writer import read_tree

from support import GENERATED, ROOT


def run_generate(project: Path, *args: str, seed: str = "0") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "generate", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def _nested(files: dict[str, str]) -> dict[str, object]:
    tree: dict[str, object] = {}
    for path, text in files.items():
        *folders, name = path.split("/")
        node = tree
        for folder in folders:
            node = node.setdefault(folder, {})  # type: ignore[assignment]
        node[name] = text
    return tree


def test_generated_tree_snapshot_is_the_committed_generated_folder(snapshot) -> None:  # type: ignore[no-untyped-def]
    """The golden record: `pytest --snapshot-update` rewrites generated/, review it as a diff."""
    outcome = pipeline.generate(config.load(ROOT), check=True)
    snapshot.snapshot_dir = ROOT
    snapshot.assert_match_dir(_nested(outcome.files), "generated")


def test_generate_is_byte_identical_across_hash_seeds(project: Path) -> None:
    trees = []
    for seed in ("1", "2", "12345"):
        result = run_generate(project, "-q", "--no-cache", seed=seed)  # every run computes, none replays
        assert result.returncode == 0, result.stderr
        trees.append(read_tree(project / "generated"))
    assert trees[0] == trees[1] == trees[2]
    assert trees[0] == read_tree(GENERATED)


def test_input_file_order_does_not_change_the_output(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = config.load(project)
    forward = pipeline.generate(cfg, check=True).files
    real_find = pipeline.find_specs
    monkeypatch.setattr(pipeline, "find_specs", lambda folder: list(reversed(real_find(folder))))
    backward = pipeline.generate(cfg, check=True).files
    assert forward == backward


def test_a_failure_while_rendering_leaves_generated_unchanged(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = config.load(project)
    assert pipeline.generate(cfg).written
    before = read_tree(cfg.output)
    (cfg.specs / "Microsoft.Graph.Users" / "Get-MgUser.md").unlink()  # a real change that would alter output

    calls = {"n": 0}
    real_format = format_module.format_python

    def failing_format(source: str, path: str) -> str:
        calls["n"] += 1
        if calls["n"] == 3:
            raise format_module.RenderError(f"{path}: injected failure")
        return real_format(source, path)

    monkeypatch.setattr("generator.render.renderer.format_python", failing_format)
    outcome = pipeline.generate(cfg)
    assert outcome.failed and not outcome.written
    assert any("injected failure" in d.message and d.rule == "PG070" for d in outcome.diagnostics)
    assert read_tree(cfg.output) == before


def test_a_failure_while_writing_leaves_generated_unchanged(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = config.load(project)
    pipeline.generate(cfg)
    before = read_tree(cfg.output)
    (cfg.specs / "Microsoft.Graph.Users" / "Get-MgUser.md").unlink()
    real_write = Path.write_bytes
    written = {"n": 0}

    def failing_write(self: Path, data: bytes) -> int:
        written["n"] += 1
        if written["n"] == 2:
            raise OSError("disk full (injected)")
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", failing_write)
    outcome = pipeline.generate(cfg)
    monkeypatch.undo()
    assert outcome.failed
    assert read_tree(cfg.output) == before
    assert not [p for p in cfg.output.parent.iterdir() if p.name.startswith(".generated")]


def test_an_interrupted_swap_is_repaired_by_the_next_run(project: Path) -> None:
    cfg = config.load(project)
    pipeline.generate(cfg)
    before = read_tree(cfg.output)
    os.rename(cfg.output, cfg.output.parent / ".generated.previous")  # killed between the two renames
    outcome = pipeline.generate(cfg)
    assert not outcome.failed
    assert read_tree(cfg.output) == before


def test_a_broken_user_template_fails_cleanly_and_writes_nothing(project: Path) -> None:
    cfg = config.load(project)
    pipeline.generate(cfg)
    before = read_tree(cfg.output)
    templates = project / "my-templates"
    templates.mkdir()
    (templates / "model_module.py.jinja").write_text("class {{ nope }}(:\n", encoding="utf-8")
    result = run_generate(project, "--templates", str(templates))
    assert result.returncode == 1
    assert "PG070" in result.stderr and "left unchanged" in result.stderr
    assert read_tree(cfg.output) == before


def test_files_of_a_deleted_spec_disappear(project: Path) -> None:
    cfg = config.load(project)
    pipeline.generate(cfg)
    beta = "graph_sdk/models/beta_user.py"
    assert beta in read_tree(cfg.output)
    for spec in (cfg.specs / "Microsoft.Graph.Beta.Users").iterdir():
        spec.unlink()
    assert pipeline.generate(cfg).written
    assert beta not in read_tree(cfg.output)


def test_check_names_the_stale_files_and_exits_1(project: Path) -> None:
    assert run_generate(project, "-q").returncode == 0
    assert run_generate(project, "--check", "-q").returncode == 0
    target = project / "generated" / "graph_sdk" / "_base.py"
    target.write_text(target.read_text() + "# edited by hand\n")
    (project / "generated" / "graph_sdk" / "extra.py").write_text("x = 1\n")
    result = run_generate(project, "--check", "-q")
    assert result.returncode == 1
    assert "stale: generated/graph_sdk/_base.py" in result.stderr
    assert "stale: generated/graph_sdk/extra.py" in result.stderr
    assert "x = 1" in (project / "generated" / "graph_sdk" / "extra.py").read_text()  # check writes nothing


def test_strict_turns_warnings_into_a_failure_without_writing(project: Path) -> None:
    result = run_generate(project, "--strict", "-q")
    assert result.returncode == 1
    assert "PG040" in result.stderr  # the seed's placeholders are warnings
    assert not (project / "generated").exists()


def test_an_error_in_one_spec_stops_generation_and_names_the_file(project: Path) -> None:
    (project / "specs" / "Broken.md").write_bytes(b"---\nschema: 2.0.0\n---\n# Broken\n\xff\xfe bad bytes\n")
    result = run_generate(project, "-q")
    assert result.returncode == 1
    assert "specs/Broken.md:5:1: error: file is not valid UTF-8" in result.stderr
    assert not (project / "generated").exists()


BROKEN = b"---\nschema: 2.0.0\n---\n# Broken\n\xff\xfe bad bytes\n"


def test_keep_going_leaves_out_the_broken_spec_generates_the_rest_and_still_exits_1(project: Path) -> None:
    assert run_generate(project, "-q").returncode == 0
    expected = read_tree(project / "generated")
    (project / "specs" / "Broken.md").write_bytes(BROKEN)
    shutil.rmtree(project / "generated")
    result = run_generate(project, "-q", "--keep-going")
    assert result.returncode == 1
    assert "specs/Broken.md:5:1: error: file is not valid UTF-8" in result.stderr
    assert "left out: specs/Broken.md" in result.stderr
    assert "without 1 spec file (left out above)" in result.stderr
    assert read_tree(project / "generated") == expected  # everything else, as without the broken file


def test_keep_going_leaves_out_a_cmdlet_whose_reading_failed_and_its_models(project: Path) -> None:
    users = project / "specs" / "Microsoft.Graph.Beta.Users"
    spec = next(users.iterdir())
    # An error that still yields a cmdlet: the SYNTAX block holds no parameter set.
    text = spec.read_text(encoding="utf-8")
    start = text.index("## SYNTAX")
    spec.write_text(text[:start] + "## SYNTAX\n\n" + text[text.index("## DESCRIPTION") :], encoding="utf-8")
    for other in users.iterdir():
        if other != spec:
            other.unlink()
    result = run_generate(project, "-q", "--keep-going")
    assert result.returncode == 1
    assert f"left out: specs/Microsoft.Graph.Beta.Users/{spec.name}" in result.stderr
    models = project / "generated" / "graph_sdk" / "models"
    assert models.is_dir() and not (models / "beta_user.py").exists()


def test_keep_going_with_strict_leaves_out_the_specs_whose_reading_gave_warnings(project: Path) -> None:
    cfg = config.load(project)
    outcome = pipeline.generate(cfg, strict=True, keep_going=True)
    read = pipeline.read_all(pipeline.find_specs(cfg.specs), cfg.root)
    warned = [r.path for r in read if any(d.severity.value == "warning" for d in r.diagnostics)]
    assert outcome.left_out == warned and warned  # every spec here has placeholder warnings
    assert outcome.written and outcome.fatal_found and not outcome.failed


def test_without_keep_going_nothing_is_written_and_with_it_check_still_fails(project: Path) -> None:
    (project / "specs" / "Broken.md").write_bytes(BROKEN)
    assert run_generate(project, "-q").returncode == 1
    assert not (project / "generated").exists()
    assert run_generate(project, "-q", "--keep-going").returncode == 1
    check = run_generate(project, "-q", "--keep-going", "--check")
    assert check.returncode == 1 and "is up to date without 1 spec file" in check.stderr


def test_flags_override_the_settings_in_pyproject(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere"
    runner = CliRunner()
    result = runner.invoke(
        main, ["--root", str(project), "generate", "-q", "--output", str(out), "--package", "mysdk"]
    )
    assert result.exit_code == 0, result.output
    assert (out / "mysdk" / "models" / "__init__.py").is_file()
    assert not (project / "generated").exists()


@pytest.mark.parametrize("name", ["../evil", "class", "a-b"])
def test_a_package_name_that_import_would_not_accept_is_a_usage_error(project: Path, name: str) -> None:
    result = CliRunner().invoke(main, ["--root", str(project), "generate", "--package", name])
    assert result.exit_code == 2
    assert "Python identifier" in result.output


def test_display_paths_are_relative_to_the_root_even_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real"
    (real / "specs").mkdir(parents=True)
    (real / "specs" / "A.md").write_text("x")
    link = tmp_path / "link"
    link.symlink_to(real)
    assert pipeline.display_path(link / "specs" / "A.md", link) == "specs/A.md"
    assert pipeline.display_path(real / "specs" / "A.md", link) == "specs/A.md"


def test_quiet_prints_one_summary_line_and_verbose_lists_what_lint_finds(project: Path) -> None:
    quiet = run_generate(project, "-q")
    assert quiet.returncode == 0
    # No errors: nothing listed, only the counts by rule and what was written.
    summary, written = [line for line in quiet.stderr.splitlines() if line.strip()]
    assert re.fullmatch(r"21 files: 0 errors, \d+ warnings, \d+ infos \(.*PG040: \d+.*\)", summary)
    assert re.fullmatch(r"\d+ files written in generated", written)
    again = run_generate(project, "-q")  # a no-op run: the same one line of counts
    assert [line for line in again.stderr.splitlines() if line.strip()][0] == summary
    assert len(again.stderr.splitlines()) == 2, again.stderr

    listed = [
        line for line in run_generate(project, "-v").stderr.splitlines() if re.match(r"\S+:\d+:\d+: ", line)
    ]
    lint = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(project), "lint"],
        capture_output=True,
        text=True,
        check=False,
    )
    found = [line for line in lint.stdout.splitlines() if re.match(r"\S+:\d+:\d+: ", line)]
    assert len(found) > 100 and any(line.endswith("[PG095]") for line in found)  # from the API description
    assert sorted(found) == sorted(listed)
