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
