"""The changes as text (plain, or a rich table in a terminal), markdown for a pull request comment and
JSON for tools. Breaking changes first; text-only changes apart, at the end."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable

from generator.diff.compare import Change
from generator.diff.rules import Level
from generator.diff.run import Result

GROUPS: tuple[tuple[str, Callable[[Change], bool]], ...] = (
    ("breaking", lambda c: not c.text_only and c.level is Level.BREAKING),
    ("potentially breaking", lambda c: not c.text_only and c.level is Level.POTENTIAL),
    ("compatible", lambda c: not c.text_only and c.level is Level.COMPATIBLE),
    ("text only", lambda c: c.text_only),
)


def summary(result: Result) -> dict[str, int]:
    counts = Counter(label for c in result.changes for label, belongs in GROUPS if belongs(c))
    return {label: counts[label] for label, _ in GROUPS}


def _where(change: Change) -> str:
    return f"{change.base or '-'} → {change.head or '-'}"


def _notes(result: Result) -> list[str]:
    notes = []
    for side, errors in (("base", result.base_errors), ("head", result.head_errors)):
        if errors:
            notes.append(
                f"{side}: {errors} error{'s' if errors != 1 else ''} in its inputs (`platygen lint` lists them);"
                " what could be read is compared"
            )
    return notes


def _title(result: Result) -> str:
    return f"platygen diff: {result.base} → {result.head}"


def _count_line(result: Result) -> str:
    return ", ".join(f"{count} {label}" for label, count in summary(result).items())


def text(result: Result) -> str:
    lines = [_title(result)]
    for label, belongs in GROUPS:
        group = [c for c in result.changes if belongs(c)]
        if not group:
            continue
        lines += ["", f"{label} ({len(group)}):"]
        lines += [f"  {c.rule} {c.subject}: {c.message}  [{_where(c)}]" for c in group]
    lines += ["", *_notes(result), _count_line(result) if result.changes else "no changes"]
    return "\n".join(lines) + "\n"


def rich_text(result: Result) -> None:
    """The same, as tables with colours, on a terminal."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"[bold]{_title(result)}[/bold]")
    styles = {"breaking": "red", "potentially breaking": "yellow", "compatible": "green", "text only": "dim"}
    for label, belongs in GROUPS:
        group = [c for c in result.changes if belongs(c)]
        if not group:
            continue
        table = Table(
            title=f"{label} ({len(group)})", title_style=f"bold {styles[label]}", title_justify="left"
        )
        for column in ("rule", "subject", "change", "base → head"):
            table.add_column(column, overflow="fold")
        for c in group:
            table.add_row(c.rule, c.subject, c.message, _where(c))
        console.print(table)
    for note in _notes(result):
        console.print(note)
    console.print(_count_line(result) if result.changes else "no changes")


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("<", "&lt;")


# GitHub refuses a comment over 65,536 characters; the JSON output has everything.
MARKDOWN_BUDGET = 60_000


def _row(c: Change) -> str:
    return f"| {c.rule} | `{_cell(c.subject)}` | {_cell(c.message)} | {_cell(c.base) or '–'} | {_cell(c.head) or '–'} |"


def _table(group: list[Change], budget: int) -> list[str]:
    rows = ["| rule | subject | change | base | head |", "|---|---|---|---|---|"]
    used = sum(len(r) + 1 for r in rows)
    for shown, change in enumerate(group):
        row = _row(change)
        if used + len(row) + 1 > budget:
            rows.append(
                f"\n… and {len(group) - shown} more: `platygen diff --format json` lists every change."
            )
            break
        rows.append(row)
        used += len(row) + 1
    return rows


def markdown(result: Result, budget: int = MARKDOWN_BUDGET) -> str:
    """A pull request comment: the counts, the breaking changes, everything else folded; within `budget`
    characters, breaking changes first."""
    counts = summary(result)
    lines = [f"### {_cell(_title(result))}", ""]
    if not result.changes:
        return "\n".join(lines + ["No change to the API or the Python surface.", *_notes(result)]) + "\n"
    lines += ["| | changes |", "|---|---|"]
    lines += [f"| {label} | {count} |" for label, count in counts.items()]
    notes = _notes(result)
    left = budget - sum(len(line) + 1 for line in lines + notes) - 200
    for label, belongs in GROUPS:
        group = [c for c in result.changes if belongs(c)]
        if not group:
            continue
        table = _table(group, max(left, 0))
        left -= sum(len(row) + 1 for row in table)
        lines.append("")
        if label == "breaking":
            lines += [f"#### Breaking changes ({len(group)})", "", *table]
        else:
            lines += [
                f"<details><summary>{label.capitalize()} ({len(group)})</summary>",
                "",
                *table,
                "",
                "</details>",
            ]
    return "\n".join(lines + ([""] + notes if notes else [])) + "\n"


def as_json(result: Result) -> str:
    data = {
        "base": result.base,
        "head": result.head,
        "summary": summary(result),
        "errors": {"base": result.base_errors, "head": result.head_errors},
        "changes": [c.to_json() for c in result.changes],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def failing(result: Result, fail_on: str) -> bool:
    """--fail-on: breaking (a breaking change), warning (a breaking or potentially breaking one), never."""
    levels = {"breaking": {Level.BREAKING}, "warning": {Level.BREAKING, Level.POTENTIAL}, "never": set()}[
        fail_on
    ]
    return any(c.level in levels and not c.text_only for c in result.changes)
