"""What binding produces: a parameter set ↔ an operation, or the reason there is none."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.api.model import ApiOperation
from generator.diagnostics import Diagnostic


@dataclass(frozen=True, slots=True)
class Binding:
    """One parameter set of a cmdlet bound to one operation of an API description."""

    cmdlet: str
    parameter_set: str  # "" for a cmdlet with one unnamed syntax block
    operation: ApiOperation  # for CSDL, the operation the path stands for (synthesised by the binder)
    # (placeholder in operation.path, PowerShell parameter of the set), in path order. A ViaIdentity
    # set binds its placeholders to the identity's properties of these names.
    placeholders: tuple[tuple[str, str], ...]
    description: str  # display path of the description file
    provenance: (
        str  # what in the description: "operationId ActiveDirectoryAgent_Get", "CSDL path /users/{user-id}"
    )

    @property
    def method(self) -> str:
        return self.operation.method

    @property
    def path(self) -> str:
        return self.operation.path

    @property
    def origin(self) -> str:
        """path:line of the operation in the description."""
        return self.operation.origin


@dataclass(frozen=True, slots=True)
class Unbound:
    """A parameter set no operation fits (or several fit equally): never guessed."""

    cmdlet: str
    parameter_set: str
    reason: str  # one line: what was looked for and what was (not) found
    candidates: tuple[str, ...] = ()  # "GET /things/{id}" of each operation that fits equally


@dataclass(slots=True)
class BindResult:
    bindings: list[Binding] = field(default_factory=list)
    unbound: list[Unbound] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def extend(self, other: BindResult) -> None:
        self.bindings.extend(other.bindings)
        self.unbound.extend(other.unbound)
        self.diagnostics.extend(other.diagnostics)
