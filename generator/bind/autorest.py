"""Bind each parameter set of an AutoRest-generated module's cmdlets to one operation of its description.

The help never says where a request goes, but autorest.powershell named every cmdlet and parameter set
after an operation by fixed rules (`autorest_commands`). So the binder generates those names from the
description and the module's configuration and looks each help set up by verb, noun (without the
module's noun prefix: help may name the cmdlets with another prefix than AutoRest's, as JumpCloud's
`customFunctionPrefix` wrappers do) and set name (the variant). A name match is only a candidate: it is
bound when the set's parameters carry every path value the operation needs (by AutoRest's parameter
names, `{activedirectory_id}` ↔ `-ActivedirectoryId`; a ViaIdentity set carries them in -InputObject).
No match, or a match the parameters contradict, is `Unbound` with the reason; never a guess.

Diagnostics: PG092 (no operation fits), PG093 (several fit equally), PG094 (help and operation disagree
on a path/query/header parameter), PG098 (a sample request in the help is none of the cmdlet's bound
operations), PG097 (directives that could not be applied), and the description's own PG090/PG091 are
left to whoever reads it.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.api.autorest_config import AutoRestConfig, NamingSettings
from generator.api.model import ApiDescription, ApiOperation, Kind, Location
from generator.bind.autorest_commands import Variant, create_commands, parameter_name
from generator.bind.model import Binding, BindResult, Unbound
from generator.diagnostics import Diagnostic, Severity
from generator.ir import Cmdlet, ParameterSet

_PLACEHOLDER = re.compile(r"\{([^{}/]+)\}")
# Parameters every generated cmdlet may have besides the request's values: PowerShell's own, and the
# ones autorest.powershell's runtime and wrappers add.
_RUNTIME = frozenset(
    p.lower()
    for p in (
        "InputObject JsonString JsonFilePath PassThru AsJob NoWait Break HttpPipelineAppend HttpPipelinePrepend "
        "Proxy ProxyCredential ProxyUseDefaultCredentials DefaultProfile Confirm WhatIf CommonParameters "
        "Paginate All Top Skip First IncludeTotalCount Count"
    ).split()
)


@dataclass(slots=True)
class _Candidate:
    variant: Variant
    noun: str  # the full noun it was matched under


def bind_autorest(
    description: ApiDescription,
    config: AutoRestConfig | None,
    cmdlets: list[Cmdlet],
    prefixes: dict[str, str],
) -> BindResult:
    """Bind every parameter set of `cmdlets` (one AutoRest module) to an operation of `description`."""
    settings = config.settings() if config is not None else NamingSettings()
    commands = create_commands(
        description, settings, config.directives if config is not None else [], config.path if config else ""
    )
    result = BindResult(diagnostics=list(commands.diagnostics))
    binder = _Binder(description, settings, commands.variants, result)
    for cmdlet in cmdlets:
        binder.bind_cmdlet(cmdlet, prefixes.get(cmdlet.module, ""))
    return result


class _Binder:
    def __init__(
        self,
        description: ApiDescription,
        settings: NamingSettings,
        variants: list[Variant],
        result: BindResult,
    ) -> None:
        self.description = description
        self.settings = settings
        self.variants = variants
        self.result = result
        self.by_cmdlet: dict[tuple[str, str], list[Variant]] = defaultdict(list)
        self.by_noun: dict[str, list[Variant]] = defaultdict(list)
        for variant in variants:
            self.by_cmdlet[(variant.verb.lower(), variant.noun.lower())].append(variant)
            self.by_noun[variant.noun].append(variant)
        self.nouns = sorted(self.by_noun)
        self.reasons: dict[tuple[str, str], str] = {}  # (verb, noun) → why no operation has that name
        self.near: dict[str, list[str]] = {}  # noun → the nearest nouns operations have
        base = urlsplit(description.servers[0].url).path if description.servers else ""
        self.base_path = base.rstrip("/")
        # Every parameter name some operation takes in its path, query or headers: a help parameter
        # of that name that the bound operation lacks is a disagreement worth reporting.
        self.request_names = {
            parameter_name(p.client_name or p.name, settings.preserve_uppercase).lower()
            for op in description.operations
            for p in op.parameters
            if p.location in (Location.PATH, Location.QUERY, Location.HEADER)
        }

    # -- finding the cmdlet ------------------------------------------------------------------------

    def candidates(self, cmdlet: Cmdlet, prefix: str) -> list[_Candidate]:
        verb, _, noun = cmdlet.name.partition("-")
        found: list[_Candidate] = []
        prefixes = dict.fromkeys(
            p
            for p in (prefix, self.settings.custom_function_prefix, self.settings.prefix, "")
            if p is not None
        )
        for each in prefixes:
            if each and not noun.lower().startswith(each.lower()):
                continue
            own = noun[len(each) :]
            for variant in self.by_cmdlet.get((verb.lower(), own.lower()), []):
                found.append(_Candidate(variant, own))
            if found:
                break  # the longest prefix that names AutoRest's cmdlet wins; shorter ones are not tried
        return found

    def bind_cmdlet(self, cmdlet: Cmdlet, prefix: str) -> None:
        candidates = self.candidates(cmdlet, prefix)
        bound: list[Binding] = []
        for parameter_set in cmdlet.parameter_sets:
            binding = self.bind_set(cmdlet, parameter_set, candidates, prefix)
            if binding is not None:
                bound.append(binding)
        self.check_samples(cmdlet, bound)

    def bind_set(
        self, cmdlet: Cmdlet, parameter_set: ParameterSet, candidates: list[_Candidate], prefix: str
    ) -> Binding | None:
        name = parameter_set.name
        if not candidates:
            return self.unbound(cmdlet, parameter_set, self.no_cmdlet_reason(cmdlet, prefix))
        if name:
            matching = [c for c in candidates if c.variant.name.lower() == name.lower()]
        else:  # one unnamed syntax block: the cmdlet's only variant, if it has only one
            matching = candidates if len(candidates) == 1 else []
        if not matching:
            known = ", ".join(
                sorted({f"{c.variant.name}: {c.variant.operation.operation_id}" for c in candidates})
            )
            wanted = f"set {name!r}" if name else "an unnamed set"
            return self.unbound(
                cmdlet,
                parameter_set,
                f"AutoRest names {len(candidates)} variants of {cmdlet.name} ({known}), none is {wanted}",
            )
        confirmed = [
            (c, self.confirm(c.variant, parameter_set) or self.confirm_notes(c.variant, cmdlet))
            for c in matching
        ]
        fitting = [c for c, problem in confirmed if not problem]
        if len(fitting) > 1:
            visible = [c for c in fitting if not c.variant.hidden]
            fitting = visible if len(visible) == 1 else fitting
        if len(fitting) > 1:
            labels = tuple(f"{c.variant.operation.method} {c.variant.operation.path}" for c in fitting)
            reason = f"{len(fitting)} operations are named {cmdlet.name} {name}: " + ", ".join(
                c.variant.operation.operation_id for c in fitting
            )
            return self.unbound(cmdlet, parameter_set, reason, labels, rule="PG093")
        if not fitting:
            candidate, problem = confirmed[0]
            operation = candidate.variant.operation
            return self.unbound(
                cmdlet,
                parameter_set,
                f"named after operationId {operation.operation_id} ({operation.method} {operation.path}) but {problem}",
            )
        variant = fitting[0].variant
        binding = Binding(
            cmdlet=cmdlet.name,
            parameter_set=name,
            operation=variant.operation,
            placeholders=self.placeholders(variant),
            description=self.description.path,
            provenance=self.provenance(variant),
        )
        self.result.bindings.append(binding)
        self.check_parameters(cmdlet, parameter_set, variant)
        return binding

    def no_cmdlet_reason(self, cmdlet: Cmdlet, prefix: str) -> str:
        verb, _, noun = cmdlet.name.partition("-")
        own = noun[len(prefix) :] if prefix and noun.lower().startswith(prefix.lower()) else noun
        if (verb, own) not in self.reasons:  # once per cmdlet, not per set
            if own not in self.near:  # once per noun: difflib is the slow part
                self.near[own] = difflib.get_close_matches(own, self.nouns, n=3, cutoff=0.6)
            close = [v for n in self.near[own] for v in self.by_noun[n]]
            same_verb = [v for v in close if v.verb.lower() == verb.lower()]
            nearest = ", ".join(dict.fromkeys(v.operation.operation_id for v in same_verb or close)) or "none"
            self.reasons[(verb, own)] = (
                f"no operation is named {verb}-{own} by AutoRest's rules; nearest operationIds: {nearest}"
            )
        return self.reasons[(verb, own)]

    def unbound(
        self,
        cmdlet: Cmdlet,
        parameter_set: ParameterSet,
        reason: str,
        candidates: tuple[str, ...] = (),
        rule: str = "PG092",
    ) -> Binding | None:
        """Record the set as unbound; None, so that `return self.unbound(...)` reads as what it does."""
        self.result.unbound.append(Unbound(cmdlet.name, parameter_set.name, reason, candidates))
        label = f"{cmdlet.name} {parameter_set.name}".strip()
        self.result.diagnostics.append(
            Diagnostic(
                cmdlet.path, max(parameter_set.line, 1), 1, Severity.WARNING, rule, f"{label}: {reason}"
            )
        )
        return None

    # -- confirming and describing a match ---------------------------------------------------------

    def confirm(self, variant: Variant, parameter_set: ParameterSet) -> str:
        """ "" when the set's parameters carry what the operation needs; else what is missing."""
        names = {p.name.lower() for p in parameter_set.parameters}
        if not names:
            return ""  # a help file without a parameter list cannot contradict the name
        placeholders = _placeholders(variant.operation.path)
        by_wire = {p.wire: p for p in (*variant.parameters, *variant.identity) if p.location is Location.PATH}
        unknown = [ph for ph in placeholders if ph not in by_wire]
        if unknown:
            return f"its path has {{{unknown[0]}}}, which is no parameter of the operation"
        if variant.identity and "inputobject" not in names:
            return "the set has no -InputObject for the identity"
        if variant.json and variant.json.lower() not in names:
            return f"the set has no -{variant.json}"
        missing = [
            p.name for p in variant.parameters
            if p.location is Location.PATH and p.wire in placeholders and not p.hidden
            and p.name.lower() not in names and not any(a.lower() in names for a in p.aliases)
        ]  # fmt: skip
        if missing:
            return f"the set has no -{missing[0]} for the path"
        return ""

    def confirm_notes(self, variant: Variant, cmdlet: Cmdlet) -> str:
        """ "" unless the help's NOTES trees contradict the operation: the body's tree shares no property
        with the body schema, or the identity's tree lacks a path value the identity must carry."""
        trees = {tree.parameter.lower(): tree for tree in cmdlet.property_trees}
        body_name = _body_parameter(variant)
        tree = trees.get(body_name.lower()) if body_name else None
        if tree is not None and tree.properties:
            schema_names = self.body_property_names(variant)
            listed = [node.name for node in tree.properties if not node.is_additional_properties]
            if schema_names and listed and not any(name.lower() in schema_names for name in listed):
                body = variant.operation.body
                shown = body.ref if body is not None and body.ref else "its body"
                return f"the help's NOTES for -{body_name} list {', '.join(listed[:3])}, none a property of {shown}"
        identity = trees.get("inputobject")
        if variant.identity and identity is not None and identity.properties:
            carried = {node.name.lower() for node in identity.properties}
            for parameter in variant.identity:
                if parameter.name.lower() not in carried:
                    return f"the identity (-InputObject) in the help's NOTES has no {parameter.name} for the path"
        return ""

    def body_property_names(self, variant: Variant) -> set[str]:
        """The body's property names as AutoRest's cmdlets may show them: its own and its parents', and
        the properties of the objects it inlines, under any tail of their path (`auth.basic.password`:
        Password, BasicPassword or AuthBasicPassword, whichever AutoRest chose to keep names apart)."""
        body = variant.operation.body
        names: set[str] = set()
        if body is not None and body.kind is Kind.REF:
            self._collect(body.ref, (), names)
        return names

    def _collect(self, ref: str, outer: tuple[str, ...], names: set[str]) -> None:
        seen: set[str] = set()
        schema = self.description.schemas.get(ref)
        while schema is not None and schema.name not in seen and len(outer) < 4:
            seen.add(schema.name)
            for prop in schema.properties.values():
                path = (
                    *outer,
                    parameter_name(prop.client_name or prop.name, self.settings.preserve_uppercase),
                )
                names.update("".join(path[start:]).lower() for start in range(len(path)))
                nested = self.description.schemas.get(prop.type.ref) if prop.type.kind is Kind.REF else None
                if nested is not None and not nested.is_enum and nested.name not in seen:
                    self._collect(nested.name, path, names)
            schema = self.description.schemas.get(schema.base) if schema.base else None

    def placeholders(self, variant: Variant) -> tuple[tuple[str, str], ...]:
        by_wire = {
            p.wire: p.name for p in (*variant.identity, *variant.parameters) if p.location is Location.PATH
        }
        return tuple((ph, by_wire.get(ph, "")) for ph in _placeholders(variant.operation.path))

    def provenance(self, variant: Variant) -> str:
        text = f"operationId {variant.operation.operation_id}"
        if variant.pre_operations:
            text += " after " + ", ".join(op.operation_id for op in variant.pre_operations) + " (GET+PUT)"
        return text

    # -- disagreements -----------------------------------------------------------------------------

    def check_parameters(self, cmdlet: Cmdlet, parameter_set: ParameterSet, variant: Variant) -> None:
        names = {p.name.lower() for p in parameter_set.parameters}
        if not names:
            return
        label = f"{cmdlet.name} {parameter_set.name}".strip()
        operation = variant.operation
        for p in variant.parameters:
            if (
                p.required
                and not p.hidden
                and p.name.lower() not in names
                and not any(a.lower() in names for a in p.aliases)
            ):
                self.warn(
                    cmdlet,
                    parameter_set,
                    f"{label}: operation {operation.operation_id} requires -{p.name} ({p.location.value} `{p.wire}`), which the set lacks",
                )
        known = {p.name.lower() for p in (*variant.parameters, *variant.identity)}
        known |= {a.lower() for p in (*variant.parameters, *variant.identity) for a in p.aliases}
        known |= self.body_names(variant)
        for name in sorted(names):
            if name in known or name in _RUNTIME or name not in self.request_names:
                continue
            shown = next(p.name for p in parameter_set.parameters if p.name.lower() == name)
            self.warn(
                cmdlet,
                parameter_set,
                f"{label}: -{shown} is a path/query/header parameter elsewhere in the description, but not of operation {operation.operation_id}",
            )

    def body_names(self, variant: Variant) -> set[str]:
        """Names the body takes: its parameter, or (Expanded) its writable properties and its parents'."""
        names = {variant.body.lower()} if variant.body else set()
        return names | self.body_property_names(variant) if variant.expanded else names

    def warn(self, cmdlet: Cmdlet, parameter_set: ParameterSet, message: str) -> None:
        self.result.diagnostics.append(
            Diagnostic(cmdlet.path, max(parameter_set.line, 1), 1, Severity.WARNING, "PG094", message)
        )

    def check_samples(self, cmdlet: Cmdlet, bound: list[Binding]) -> None:
        if not bound:
            return
        for sample in cmdlet.samples:
            path = urlsplit(sample.url).path
            if any(sample.method == b.method and self.same_route(path, b.path) for b in bound):
                continue
            routes = ", ".join(dict.fromkeys(f"{b.method} {b.path}" for b in bound))
            self.result.diagnostics.append(
                Diagnostic(
                    cmdlet.path, max(sample.line, 1), 1, Severity.WARNING, "PG098",
                    f"{cmdlet.name}: sample request {sample.method} {path} is none of the operations its sets are bound to ({routes})",
                )  # fmt: skip
            )

    def same_route(self, sample_path: str, operation_path: str) -> bool:
        return sample_agrees(sample_path, operation_path, self.base_path)


def _body_parameter(variant: Variant) -> str:
    """The cmdlet parameter AutoRest names after the body (`-Body`), whether or not this set takes it."""
    operation = variant.operation
    return parameter_name(operation.body_name or "body") if operation.body is not None else ""


def _placeholders(path: str) -> list[str]:
    return _PLACEHOLDER.findall(path)


def sample_agrees(sample_path: str, operation_path: str, base_path: str) -> bool:
    """A sample's URL path and an operation's path have the same shape: the same literal segments, and
    where the operation has a placeholder, anything (a placeholder of another name, or a real value)."""
    wanted = _segments(base_path.rstrip("/") + "/" + operation_path.lstrip("/"))
    got = _segments(sample_path)
    if len(wanted) != len(got):
        return False
    for expected, actual in zip(wanted, got):
        if _PLACEHOLDER.fullmatch(expected):
            continue
        if expected.lower() != actual.lower():
            return False
    return True


def _segments(path: str) -> list[str]:
    return [s for s in path.split("?")[0].split("/") if s]
