"""One copy of each text across every file read: help files repeat the same descriptions by the thousand.

Microsoft Graph's help describes `IMicrosoftGraphUser` and its properties again in every cmdlet that
takes or returns a user; each file is read (and cached, and sent back from a worker) on its own,
so each holds its own copies. Across a whole module most text is such a repeat (in the benchmark's
5,000 files: 568,000 strings, 41,500 different, 50 MiB → 5 MiB), and sharing one copy of each is
what keeps the IR of tens of thousands of files within memory.
"""

from __future__ import annotations

import dataclasses
from typing import Any


class TextTable:
    """Replaces, in place, every string in an IR tree by the first equal string it has seen."""

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}
        self._fields: dict[type, tuple[str, ...]] = {}

    def share(self, node: Any) -> Any:
        """`node` itself, its strings shared; dataclasses (frozen too), lists, tuples and dicts are walked."""
        strings = self._strings
        stack = [node]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                for index, value in enumerate(item):
                    if isinstance(value, str):
                        item[index] = strings.setdefault(value, value)
                    elif value is not None and not isinstance(value, (bool, int, float)):
                        stack.append(value)
            elif isinstance(item, dict):
                for key, value in list(item.items()):
                    if isinstance(value, str):
                        item[key] = strings.setdefault(value, value)
            elif isinstance(item, tuple):
                stack.extend(value for value in item if not isinstance(value, str))  # tuples cannot change
            else:
                names = self._fields.get(type(item))
                if names is None:
                    names = self._field_names(item)
                for name in names:
                    value = getattr(item, name)
                    if isinstance(value, str):
                        object.__setattr__(item, name, strings.setdefault(value, value))  # frozen ones too
                    elif value is not None and not isinstance(value, (bool, int, float)):
                        stack.append(value)
        return node

    def _field_names(self, item: Any) -> tuple[str, ...]:
        names = tuple(f.name for f in dataclasses.fields(item)) if dataclasses.is_dataclass(item) else ()
        self._fields[type(item)] = names
        return names
