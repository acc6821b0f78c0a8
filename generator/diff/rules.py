"""The rules of `platygen diff`: every change it reports carries one of these ids (README.md's table).

Levels as oasdiff's and griffe's: breaking (a caller's code or a call that worked fails), potentially
breaking (it may, depending on how the caller uses it: a response may now lack a field, a request
goes elsewhere), compatible. Text-only changes are compatible and reported apart.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Level(str, enum.Enum):
    BREAKING = "breaking"
    POTENTIAL = "potentially breaking"
    COMPATIBLE = "compatible"

    @property
    def rank(self) -> int:
        return {"breaking": 0, "potentially breaking": 1, "compatible": 2}[self.value]


@dataclass(frozen=True)
class DiffRule:
    id: str
    level: Level
    summary: str
    why: str
    text_only: bool = False


_B, _P, _C = Level.BREAKING, Level.POTENTIAL, Level.COMPATIBLE

RULES: dict[str, DiffRule] = {
    r.id: r
    for r in [
        # Cmdlets and parameter sets
        DiffRule("PD001", _B, "cmdlet removed", "its client method and CLI command are gone"),
        DiffRule("PD002", _C, "cmdlet added", "a new method and command"),
        DiffRule(
            "PD003",
            _C,
            "cmdlet moved to another module",
            "its routes and names follow the new module; changes are listed apart",
        ),
        DiffRule("PD010", _B, "parameter set removed", "calls that matched only this set match none"),
        DiffRule("PD011", _C, "parameter set added", "more calls are accepted"),
        DiffRule(
            "PD012",
            _P,
            "default parameter set changed",
            "a call that fits several sets may be sent another way",
        ),
        # Parameters
        DiffRule(
            "PD020", _B, "parameter removed (from the cmdlet or one of its sets)", "calls passing it fail"
        ),
        DiffRule("PD021", _B, "required parameter added to an existing set", "calls without it fail"),
        DiffRule("PD022", _C, "optional parameter added", "nothing a caller sends changes"),
        DiffRule("PD023", _B, "parameter became required", "calls without it fail"),
        DiffRule("PD024", _C, "parameter became optional", "every call still fits"),
        DiffRule(
            "PD025", _B, "parameter type changed", "values of the old type are refused or sent differently"
        ),
        DiffRule("PD026", _B, "parameter alias removed", "commands using the alias fail"),
        DiffRule("PD027", _C, "parameter alias added", "one more name"),
        DiffRule("PD028", _B, "accepted values narrowed", "a value that was accepted is refused"),
        DiffRule("PD029", _C, "accepted values widened", "every value still accepted"),
        DiffRule("PD031", _P, "output type changed", "the response parses into another class"),
        # Complex types, properties and enums
        DiffRule("PD040", _B, "complex type removed", "its class is gone"),
        DiffRule("PD041", _C, "complex type added", "a new class"),
        DiffRule("PD042", _B, "property removed", "its field is gone from the class"),
        DiffRule("PD043", _C, "optional property added", "a new field callers may leave unset"),
        DiffRule("PD044", _B, "required property added", "constructing the model without it fails"),
        DiffRule("PD045", _B, "property became required", "constructing the model without it fails"),
        DiffRule("PD046", _P, "property became optional", "a response may lack it"),
        DiffRule("PD047", _B, "property type changed", "values of the old type fail validation"),
        DiffRule("PD048", _P, "property nullability changed", "None is now refused, or may now be received"),
        DiffRule("PD049", _P, "property JSON name changed", "requests and responses use the new name"),
        DiffRule(
            "PD050", _B, "enum value removed, or values restricted", "a value that was valid fails validation"
        ),
        DiffRule("PD051", _P, "enum value added", "a response may carry a value callers do not handle"),
        DiffRule("PD052", _P, "type no longer accepts extra properties", "extra keys are dropped or refused"),
        DiffRule("PD053", _C, "type accepts extra properties", "nothing that validated fails"),
        DiffRule("PD054", _C, "value added to an evolvable enum", "the service announced it may add values"),
        DiffRule("PD055", _B, "enum removed", "its type alias is gone"),
        DiffRule("PD056", _C, "enum added", "a new type alias"),
        # Routes
        DiffRule("PD060", _B, "HTTP method changed", "the same call does something else"),
        DiffRule("PD061", _P, "route path changed", "the call goes to another URL"),
        DiffRule("PD062", _P, "base URL changed", "the call goes to another service root"),
        DiffRule(
            "PD063",
            _B,
            "parameter set left out of the client",
            "its route is no longer certain (PG080); calls with it fail",
        ),
        DiffRule("PD064", _C, "parameter set now callable", "its route is known"),
        DiffRule("PD065", _C, "route source changed", "the same request, known from other evidence"),
        # The Python surface
        DiffRule("PD080", _B, "class renamed", "imports and annotations naming it fail"),
        DiffRule(
            "PD081",
            _P,
            "class or enum moved to another model module",
            "imports from the module fail; `<package>.models` still has it",
        ),
        DiffRule("PD082", _B, "field renamed", "code reading or setting it fails"),
        DiffRule("PD083", _B, "client method renamed", "calls fail"),
        DiffRule("PD084", _B, "keyword argument renamed", "calls passing it fail"),
        DiffRule(
            "PD085",
            _P,
            "keyword argument type changed",
            "the parameter is the same; its Python type accepts other values",
        ),
        DiffRule("PD086", _B, "enum renamed", "imports and annotations naming it fail"),
        DiffRule("PD087", _B, "client method removed", "no parameter set of the cmdlet is callable any more"),
        DiffRule("PD088", _C, "client method added", "a parameter set of the cmdlet became callable"),
        # Text
        DiffRule(
            "PD090", _C, "cmdlet text changed", "synopsis, description, examples or links", text_only=True
        ),
        DiffRule("PD091", _C, "parameter description changed", "docstrings and --help", text_only=True),
        DiffRule(
            "PD092",
            _C,
            "type or property description changed",
            "docstrings and field descriptions",
            text_only=True,
        ),
    ]
}
