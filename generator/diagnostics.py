"""Diagnostics are values: every problem the reader, resolver or renderer finds becomes one."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True, order=True, slots=True)
class Diagnostic:
    path: str
    line: int
    column: int
    severity: Severity = field(compare=False)
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity.value}: {self.message} [{self.rule}]"

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity.value,
            "rule": self.rule,
            "message": self.message,
        }


class DiagnosticSink:
    """Collects diagnostics for one file so that readers never raise on bad input."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[Diagnostic] = []

    def report(self, severity: Severity, rule: str, line: int, message: str, column: int = 1) -> None:
        self.items.append(Diagnostic(self.path, max(line, 1), max(column, 1), severity, rule, message))

    def error(self, rule: str, line: int, message: str, column: int = 1) -> None:
        self.report(Severity.ERROR, rule, line, message, column)

    def warning(self, rule: str, line: int, message: str, column: int = 1) -> None:
        self.report(Severity.WARNING, rule, line, message, column)

    def info(self, rule: str, line: int, message: str, column: int = 1) -> None:
        self.report(Severity.INFO, rule, line, message, column)


def at_origin(origin: str, severity: Severity, rule: str, message: str) -> Diagnostic:
    """A diagnostic at a `path:line` origin, the form in which the resolver remembers where things came from."""
    path, _, line = origin.rpartition(":")
    return Diagnostic(path, int(line) if line.isdigit() else 1, 1, severity, rule, message)


def sort_diagnostics(items: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(set(items), key=lambda d: (d.path, d.line, d.column, d.rule, d.message))


def has_errors(items: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in items)


def fatal_severities(strict: bool) -> set[Severity]:
    """What makes a run fail: errors, and warnings too with --strict."""
    return {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
