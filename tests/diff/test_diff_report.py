"""The three outputs: text for a terminal or a log, markdown for a pull request comment (counts,
breaking changes first, the rest folded, within GitHub's size limit), JSON for tools."""

from __future__ import annotations

import json

from generator.diff import report
from generator.diff.compare import Change, sort_changes
from generator.diff.rules import RULES
from generator.diff.run import Result

CHANGES = sort_changes(
    [
        Change("PD092", "IWidget.Size", "description changed", "specs/a.md:3", "specs/a.md:3"),
        Change("PD022", "Update-CoWidget -Note", "parameter -Note added", "specs/a.md:1", "specs/a.md:40"),
        Change("PD020", "Update-CoWidget -Tags", "parameter -Tags removed", "specs/a.md:30", "specs/a.md:1"),
        Change(
            "PD061",
            "Update-CoWidget [Update]",
            "path /a|b → /c",
            "specs/routes.yaml:4",
            "specs/routes.yaml:4",
        ),
    ]
)


def result(changes: list[Change] = CHANGES, head_errors: int = 0) -> Result:
    return Result("main (abc1234)", "working tree", changes, 3, 3, 0, head_errors)


def test_changes_are_ordered_breaking_first_and_text_last() -> None:
    assert [c.rule for c in CHANGES] == ["PD020", "PD061", "PD022", "PD092"]


def test_text_lists_each_group_with_both_places() -> None:
    text = report.text(result())
    assert text.splitlines()[0] == "platygen diff: main (abc1234) → working tree"
    assert (
        "breaking (1):\n  PD020 Update-CoWidget -Tags: parameter -Tags removed  [specs/a.md:30 → specs/a.md:1]"
        in text
    )
    assert text.index("potentially breaking (1)") < text.index("compatible (1)") < text.index("text only (1)")
    assert text.endswith("1 breaking, 1 potentially breaking, 1 compatible, 1 text only\n")
    assert report.text(result([])).endswith("no changes\n")


def test_markdown_counts_then_breaking_changes_then_folded_details() -> None:
    md = report.markdown(result(head_errors=2))
    assert md.startswith("### platygen diff: main (abc1234) → working tree\n")
    assert "| breaking | 1 |\n| potentially breaking | 1 |\n| compatible | 1 |\n| text only | 1 |" in md
    breaking = md.index("#### Breaking changes (1)")
    assert breaking < md.index("<details><summary>Potentially breaking (1)</summary>")
    assert (
        "| PD020 | `Update-CoWidget -Tags` | parameter -Tags removed | specs/a.md:30 | specs/a.md:1 |" in md
    )
    assert "path /a\\|b → /c" in md  # a pipe cannot end a cell
    assert md.count("<details>") == md.count("</details>") == 3
    assert "head: 2 errors in its inputs" in md


def test_markdown_stays_within_the_comment_limit() -> None:
    many = [
        Change("PD042", f"IWidget.P{i}", "property removed " + "x" * 200, "a.md:1", "a.md:2")
        for i in range(2000)
    ]
    md = report.markdown(result(many))
    assert len(md) < report.MARKDOWN_BUDGET
    assert "… and " in md and "`platygen diff --format json` lists every change." in md


def test_json_has_every_change_with_its_rule_level_and_places() -> None:
    data = json.loads(report.as_json(result()))
    assert data["base"] == "main (abc1234)" and data["head"] == "working tree"
    assert data["summary"] == {"breaking": 1, "potentially breaking": 1, "compatible": 1, "text only": 1}
    first = data["changes"][0]
    assert first == {
        "rule": "PD020",
        "level": "breaking",
        "text_only": False,
        "subject": "Update-CoWidget -Tags",
        "message": "parameter -Tags removed",
        "base": "specs/a.md:30",
        "head": "specs/a.md:1",
    }


def test_fail_on() -> None:
    assert report.failing(result(), "breaking") and report.failing(result(), "warning")
    assert not report.failing(result(), "never")
    potential = [c for c in CHANGES if c.rule == "PD061"]
    assert not report.failing(result(potential), "breaking") and report.failing(result(potential), "warning")
    text_only = [c for c in CHANGES if RULES[c.rule].text_only]
    assert not report.failing(result(text_only), "warning")


def test_a_terminal_gets_tables(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "200")
    report.rich_text(result())
    out = capsys.readouterr().out
    assert "platygen diff: main (abc1234) → working tree" in out
    for title in ("breaking (1)", "potentially breaking (1)", "compatible (1)", "text only (1)"):
        assert title in out
    assert "PD020" in out and "parameter -Tags removed" in out
