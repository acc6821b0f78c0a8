"""The rule table in README.md is the one the code uses; every rule the code emits is documented."""

from __future__ import annotations

import re

from generator.rules import RULES

from support import ROOT


def test_every_rule_is_in_the_readme_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in RULES.values():
        assert f"| {rule.id} | {rule.severity.value} | {rule.summary} |" in readme, rule.id


def test_every_rule_id_used_in_the_code_is_defined() -> None:
    used = set()
    for path in (ROOT / "generator").rglob("*.py"):
        used |= set(re.findall(r"\"(PG\d{3})\"", path.read_text(encoding="utf-8")))
    assert used - set(RULES) == set()


def test_readme_shows_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make generate" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_diff_rule_is_in_the_readme_table_and_emitted() -> None:
    from generator.diff.rules import RULES as DIFF_RULES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = [line for line in readme.splitlines() if re.match(r"\| PD\d{3} \|", line)]
    expected = [
        f"| {r.id} | {r.level.value}{', text only' if r.text_only else ''} | {r.summary} | {r.why} |"
        for r in DIFF_RULES.values()
    ]
    assert table == expected
    emitted = set(
        re.findall(r"\"(PD\d{3})\"", (ROOT / "generator" / "diff" / "compare.py").read_text(encoding="utf-8"))
    )
    assert emitted == set(DIFF_RULES)


def test_the_ci_recipe_is_a_workflow_that_runs_make_check_and_posts_the_diff() -> None:
    from ruamel.yaml import YAML

    workflow = YAML(typ="safe").load((ROOT / ".ci" / "platygen-diff.yml").read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "make check" in runs
    assert "platygen diff" in runs and "--format markdown" in runs
    assert any(step.get("with", {}).get("fetch-depth") == 0 for step in steps)
    assert ".ci/platygen-diff.yml" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readmes_command_line_example_runs_with_the_environment_make_sets_up() -> None:
    import os
    import subprocess
    import sys

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (line,) = [line for line in readme.splitlines() if line.startswith("PYTHONPATH=generated ")]
    venv = re.search(r"^VENV\s*\?=\s*(\S+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert venv is not None
    command = line.split("#")[0].split()
    # Not the system Python (it has no httpx): the interpreter of the environment `make` creates, which
    # runs these tests.
    assert command[1] == f"{venv.group(1)}/bin/python", line
    env = {**os.environ, "PYTHONPATH": str(ROOT / "generated"), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, *command[2:]], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stdout.startswith(
        "Usage: graph-sdk [OPTIONS] COMMAND"
    ), result.stderr
