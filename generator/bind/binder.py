"""The bind stage: each module's cmdlets against the API descriptions configured for it.

An OData CSDL document goes to the Graph binder, an OpenAPI / Swagger document (with the module's
AutoRest configuration, if given) to the AutoRest binder. A module with several descriptions binds a
set to the one operation any of them has; two descriptions binding it differently is an ambiguity,
reported like any other, never resolved by file order.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field

from generator.api.load import ApiSet, ModuleApi
from generator.api.model import ApiDescription, Format
from generator.bind.model import Binding, BindResult, Unbound
from generator.diagnostics import Diagnostic
from generator.ir import Cmdlet

SetKey = tuple[str, str]  # (cmdlet name, parameter set name)


@dataclass(slots=True)
class Bound:
    """What binding found, by (cmdlet, set); `described` names the modules that have a description."""

    sets: dict[SetKey, Binding | Unbound] = field(default_factory=dict)
    described: dict[str, ModuleApi] = field(default_factory=dict)  # module → its descriptions
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def get(self, cmdlet: str, parameter_set: str) -> Binding | Unbound | None:
        return self.sets.get((cmdlet, parameter_set))

    def descriptions(self, module: str) -> list[ApiDescription]:
        found = self.described.get(module)
        return found.descriptions if found else []


def bind(cmdlets: list[Cmdlet], apis: ApiSet, prefixes: dict[str, str]) -> Bound:
    bound = Bound(diagnostics=list(apis.diagnostics))
    by_module: dict[str, list[Cmdlet]] = defaultdict(list)
    for cmdlet in cmdlets:
        by_module[cmdlet.module].append(cmdlet)
    for module, members in sorted(by_module.items()):
        module_api = apis.for_module(module)
        # A description that could not be read (PG090) describes nothing: the help alone serves.
        serving = [d for d in module_api.descriptions if d.operations or d.entity_model] if module_api else []
        if module_api is None or not serving:
            continue
        bound.described[module] = dataclasses.replace(module_api, descriptions=serving)
        results = [_bind_one(d, module_api, members, prefixes) for d in serving]
        for result in results:
            bound.diagnostics.extend(result.diagnostics)
        _combine(bound, results)
    return bound


def _bind_one(
    description: ApiDescription, module_api: ModuleApi, cmdlets: list[Cmdlet], prefixes: dict[str, str]
) -> BindResult:
    if description.format is Format.CSDL:
        from generator.bind.graph import bind_graph

        return bind_graph(description, cmdlets, prefixes)
    from generator.bind.autorest import bind_autorest

    return bind_autorest(description, module_api.autorest, cmdlets, prefixes)


def _combine(bound: Bound, results: list[BindResult]) -> None:
    """A binding from any description wins over an Unbound; two different bindings are ambiguous."""
    for result in results:
        for unbound in result.unbound:
            bound.sets.setdefault((unbound.cmdlet, unbound.parameter_set), unbound)
    chosen: dict[SetKey, list[Binding]] = defaultdict(list)
    for result in results:
        for binding in result.bindings:
            chosen[(binding.cmdlet, binding.parameter_set)].append(binding)
    for key, bindings in chosen.items():
        distinct = {(b.method, b.path): b for b in bindings}
        if len(distinct) == 1:
            bound.sets[key] = bindings[0]
        else:
            bound.sets[key] = Unbound(
                key[0],
                key[1],
                "bound differently by " + " and by ".join(sorted({b.description for b in bindings})),
                tuple(sorted(f"{b.method} {b.path} ({b.description})" for b in distinct.values())),
            )
