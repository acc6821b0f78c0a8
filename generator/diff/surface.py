"""The Python surface of a resolved project: what a user's code names — classes, enums, fields, client
methods and their keyword arguments — keyed by what they are generated from.

The one place `platygen diff` learns how the help becomes Python: when the client's methods are
split per kind (a list and a get method for one cmdlet) or models move to a module each, only this
module changes. It reads the `ResolvedProject`, never rendered files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.resolve.model import ResolvedProject


TypeKey = tuple[str, str]  # (namespace, .NET name): the type a class or enum is generated from


@dataclass(frozen=True, slots=True)
class PyField:
    name: str
    annotation: str


@dataclass(frozen=True, slots=True)
class PyClass:
    name: str
    module: str  # under <package>.models
    fields: dict[str, PyField]  # by the property's name in the help, lower case


@dataclass(frozen=True, slots=True)
class PyEnum:
    name: str
    module: str


@dataclass(frozen=True, slots=True)
class PyArgument:
    name: str  # the keyword
    annotation: str
    type: str  # the annotation with the .NET names of its classes (`unnamed`): what it accepts


@dataclass(frozen=True, slots=True)
class PyMethod:
    """One client method. `kind` tells the methods of one cmdlet apart without their names ("" while a
    cmdlet makes one method); `sets` are the parameter sets it serves."""

    name: str
    kind: str
    sets: tuple[str, ...]
    arguments: dict[str, PyArgument]  # by the parameter's name, lower case


def classes(project: ResolvedProject) -> dict[TypeKey, PyClass]:
    return {
        (c.namespace, c.source_type): PyClass(
            c.name, module.name, {f.source_name.lower(): PyField(f.name, f.annotation) for f in c.fields}
        )
        for module in project.model_modules
        for c in module.classes
    }


def enums(project: ResolvedProject) -> dict[TypeKey, PyEnum]:
    return {
        (module.namespace, e.source_type): PyEnum(e.name, module.name)
        for module in project.model_modules
        for e in module.enums
    }


def methods(project: ResolvedProject, index: dict[str, str] | None = None) -> dict[str, tuple[PyMethod, ...]]:
    """Cmdlet name → the client methods it makes: none when no parameter set has a usable route.

    `index`: `type_names(project)`, when the caller has it already."""
    index = type_names(project) if index is None else index
    return {
        op.cmdlet.name: tuple(
            PyMethod(
                method.name,
                method.kind,
                tuple(s.name for s in method.sets),
                {
                    a.parameter.lower(): PyArgument(a.name, a.annotation, unnamed(a.annotation, index))
                    for a in method.arguments
                },
            )
            for method in op.methods
        )
        for op in project.operations
    }


_QUOTED = re.compile(r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")""")
_NAME = re.compile(r"(?<![\w.])(?:_m_\w+\.|_m\.|_models\.)?([A-Z]\w*)")


def type_names(project: ResolvedProject) -> dict[str, str]:
    """Python class and enum name → the qualified .NET name it stands for."""
    index = {c.name: f"{c.namespace}.{c.source_type}" for m in project.model_modules for c in m.classes}
    index.update({e.name: f"{m.namespace}.{e.source_type}" for m in project.model_modules for e in m.enums})
    return index


def unnamed(annotation: str, index: dict[str, str]) -> str:
    """An annotation with every generated class written as the type it stands for: what it means
    independently of the names the policy chose (`list[_m_x.User] | None` → `list[NS.IMicrosoftGraphUser] | None`).
    """
    parts = _QUOTED.split(annotation)
    for at in range(0, len(parts), 2):  # outside string literals (a Literal's values)
        parts[at] = _NAME.sub(lambda m: index.get(m.group(1), m.group(0)), parts[at])
    return "".join(parts)
