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

    def lines(self, future: bool = True) -> list[str]:
        """The import block; a stub file (`.pyi`) has no `from __future__` import."""
        blocks = [sorted(self.future) if future else [], sorted(self.standard), sorted(self.local)]
        out: list[str] = []
        for block in blocks:
            if block:
                if out:
                    out.append("")
                out.extend(block)
        return out
