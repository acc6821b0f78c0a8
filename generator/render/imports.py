"""The import block of a generated module; templates never write an import by hand."""

from __future__ import annotations

_STANDARD = {
    "typing": "import typing as _t",
    "datetime": "import datetime as _dt",
    "decimal": "import decimal as _decimal",
    "uuid": "import uuid as _uuid",
    "pydantic": "import pydantic as _pd",
}


class Imports:
    def __init__(self) -> None:
        self.future = {"from __future__ import annotations"}
        self.standard: set[str] = set()
        self.local: set[str] = set()

    def add_module(self, name: str) -> None:
        self.standard.add(_STANDARD[name])

    def add_local(self, line: str) -> None:
        self.local.add(line)

    def lines(self) -> list[str]:
        blocks = [sorted(self.future), sorted(self.standard), sorted(self.local)]
        out: list[str] = []
        for block in blocks:
            if block:
                if out:
                    out.append("")
                out.extend(block)
        return out
