"""Bind each parameter set of each Microsoft Graph cmdlet to one CSDL path and method, or say why not.

The help never says where a request goes; the CSDL knows every path, and the Graph PowerShell SDK names
its cmdlets after them (`graph_names`). The search is guided by the cmdlet's noun: it starts at the
entity sets and singletons whose singular name begins the noun, and follows only the navigation
properties, type casts, `$count`, `$ref`, streams and bound actions and functions (inherited from base
types too) whose names continue it — never a list of every path. A path fits a parameter set when its
method and operation agree with the set's name and the cmdlet's verb, and its keys are exactly the set's
key parameters (`{synchronizationJob-id}` ↔ `-SynchronizationJobId`). Where several fit, the set's keys
decide, then a name read without merging repeated words wins over one that needed it; anything still
tied is reported with its candidates (PG093), never picked.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator
from dataclasses import dataclass, replace

from generator.api.csdl import EntityModel, Operation, TypeName, api_type
from generator.api.model import (
    ApiDescription,
    ApiOperation,
    ApiParameter,
    ApiProperty,
    ApiType,
    Kind,
    Location,
)
from generator.bind.graph_names import CRUD_VERBS, action_names, pascal, singular, without_all, words
from generator.bind.model import Binding, BindResult, Unbound
from generator.diagnostics import Severity, at_origin
from generator.ir import Cmdlet, ParameterSet

# "The unique identifier of synchronizationJob" (platyPS 2024), "key: synchronizationJob-id of
# synchronizationJob" (older help) or "Alternate key of application" (-AppId of Get-MgApplicationByAppId).
_KEY_DOC = re.compile(
    r"^\s*(?:key:\s*(?P<placeholder>[\w-]+)\s+of\s+(?P<keyed>\w+)|the unique identifier of (?P<type>\w+)"
    r"|(?P<alternate>alternate key of \w+))",
    re.I,
)
_IDENTITY = re.compile(r"ViaIdentity\w*")
# `GetViaIdentity1` stands for the keys of `Get1`, `UpdateViaIdentityExpanded` for `UpdateExpanded`'s.
_SIBLING = re.compile(r"ViaIdentity(?:[A-Z][a-z0-9]*)*?(?=Expanded|\d*$)")
_ODATA_ID = ApiProperty(
    "@odata.id",
    ApiType(Kind.STRING),
    required=True,
    nullable=False,
    description="The entity reference URL of the resource.",
)
_PAGEABLE = "@odata.nextLink"


def bind_graph(description: ApiDescription, cmdlets: list[Cmdlet], prefixes: dict[str, str]) -> BindResult:
    """Every parameter set of every cmdlet: a `Binding` to one CSDL path, or an `Unbound` with the reason."""
    result = BindResult()
    model = description.entity_model
    for cmdlet in cmdlets:
        sets = cmdlet.parameter_sets or [ParameterSet("", True, cmdlet.name, [], cmdlet.line)]
        if model is None:
            for parameter_set in sets:
                result.unbound.append(
                    Unbound(cmdlet.name, parameter_set.name, f"{description.path} has no OData entity model")
                )
            continue
        _CmdletBinder(description, model, cmdlet, prefixes.get(cmdlet.module, ""), result).bind(sets)
    return result


# -- what a path is made of -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Placeholder:
    name: str  # in the path: `synchronizationJob-id`, or a function parameter's name
    parameter: str  # the PowerShell parameter (or identity property) it takes its value from
    description: str
    type: ApiType
    line: int


@dataclass(frozen=True, slots=True)
class _Route:
    """A CSDL path and method the cmdlet's name stands for, before the set's keys are compared."""

    method: str
    segments: tuple[str, ...]
    placeholders: tuple[_Placeholder, ...]
    kind: str  # list, get, create, update, set, delete, count, ref, action, function, stream
    target: str  # qualified type the path addresses (entity, complex), "" when none
    line: int  # CSDL line of what the path ends in
    merged: int  # name parts merged with the previous one's repeated words (0: read exactly)
    collection: bool  # the node before the last segment is a collection (for `$ref` answers)
    operation: Operation | None = None
    query: tuple[ApiParameter, ...] = ()

    @property
    def path(self) -> str:
        return "/" + "/".join(self.segments)

    @property
    def display(self) -> str:
        return f"{self.method} {self.path}"


@dataclass(frozen=True, slots=True)
class _Node:
    """Where the walk is: the type addressed, whether it is a collection, and how it was reached."""

    type: str
    collection: bool
    how: str  # set, singleton, contained, linked (non-contained navigation), cast
    keyed: bool = False  # reached through a key segment
    segments: tuple[str, ...] = ()
    placeholders: tuple[_Placeholder, ...] = ()
    previous: str = ""  # the last named segment, as the noun spells it (for merged repeats)
    merged: int = 0
    dropped_all: bool = False  # a name on the way had `all`, left out of the cmdlet's noun
    line: int = 0


# -- one cmdlet --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _SetQuery:
    parameter_set: ParameterSet
    operation: str | None  # lower-case variant name without ViaIdentity / Expanded / number; None if unnamed
    identity: bool
    keys: dict[str, str]  # key parameter (lower) → the placeholder its description names ("" if none)
    parameters: dict[str, str]  # every parameter of the set, and its aliases (lower) → its name


class _CmdletBinder:
    def __init__(
        self, description: ApiDescription, model: EntityModel, cmdlet: Cmdlet, prefix: str, result: BindResult
    ) -> None:
        self.description = description
        self.model = model
        self.cmdlet = cmdlet
        self.result = result
        verb, _, noun = cmdlet.name.partition("-")
        if prefix and noun.startswith(prefix) and len(noun) > len(prefix):
            noun = noun[len(prefix) :]
        self.verb = verb
        self.noun = noun
        self.by_name = {p.name.lower(): p for p in cmdlet.parameters}
        self.searched: dict[str | None, list[_Route]] = {}

    def bind(self, sets: list[ParameterSet]) -> None:
        queries = {s.name: self._query(s) for s in sets}
        for parameter_set in sets:
            query = queries[parameter_set.name]
            routes = self._routes(query.operation)
            sibling = None
            if query.identity:
                sibling = queries.get(_SIBLING.sub("", parameter_set.name))
                if sibling is not None and sibling.identity:
                    sibling = None
            self._choose(query, routes, sibling)

    def _query(self, parameter_set: ParameterSet) -> _SetQuery:
        name = re.sub(r"\d+$", "", parameter_set.name)
        name = _IDENTITY.sub("", name.replace("Expanded", ""))
        identity = "ViaIdentity" in parameter_set.name or any(
            p.name.endswith("InputObject") for p in parameter_set.parameters
        )
        keys: dict[str, str] = {}
        parameters: dict[str, str] = {}
        for syntax in parameter_set.parameters:
            parameters[syntax.name.lower()] = syntax.name
            full = self.by_name.get(syntax.name.lower())
            for alias in full.aliases if full else ():
                parameters.setdefault(alias.lower(), syntax.name)
            if not syntax.required or syntax.switch or full is None:
                continue
            doc = _KEY_DOC.match(full.description)
            if doc and doc.group("alternate"):
                keys[syntax.name.lower()] = syntax.name.lower()  # `{appId}` ↔ -AppId
            elif doc:
                keyed = doc.group("keyed") or doc.group("type")
                keys[syntax.name.lower()] = (doc.group("placeholder") or f"{keyed}-id").lower()
        return _SetQuery(parameter_set, name.lower() or None, identity, keys, parameters)

    def _routes(self, operation: str | None) -> list[_Route]:
        if operation not in self.searched:
            found = _Search(self.model, self.description.schemas, self.verb, self.noun, operation).run()
            unique: dict[tuple[str, str], _Route] = {}
            for route in found:  # the same path reached two ways: keep the exactly read one
                key = (route.method, route.path)
                if key not in unique or route.merged < unique[key].merged:
                    unique[key] = route
            self.searched[operation] = list(unique.values())
        return self.searched[operation]

    # -- choosing among the paths the name fits ----------------------------------------------------------
    def _choose(self, query: _SetQuery, routes: list[_Route], sibling: _SetQuery | None) -> None:
        where = f"{self.cmdlet.path}:{query.parameter_set.line or self.cmdlet.line}"
        wanted = f"{self.verb}-{self.noun}" + (f" ({query.operation})" if query.operation else "")
        if not routes:
            self._unbound(query, f"no CSDL path is named {wanted}", "PG092", where)
            return
        if query.identity:  # no keys of its own: its sibling's decide, if they decide anything
            fitting = [r for r in routes if sibling is None or self._fits(sibling, r)] or routes
        else:
            fitting = [r for r in routes if self._fits(query, r)]
        if not fitting:
            self._misfit(query, routes, where)
            return
        best = min(r.merged for r in fitting)
        fitting = [r for r in fitting if r.merged == best]
        if len(fitting) > 1:
            candidates = tuple(sorted(r.display for r in fitting))
            self._unbound(
                query,
                f"{len(fitting)} CSDL paths fit {wanted} with the same keys: {', '.join(candidates)}",
                "PG093",
                where,
                candidates,
            )
            return
        self._bind(query, fitting[0], where)

    def _fits(self, query: _SetQuery, route: _Route) -> bool:
        placed = self._placed(query, route)
        if placed is None:
            return False
        return set(query.keys) <= {p.lower() for p in placed}

    def _placed(self, query: _SetQuery, route: _Route) -> list[str] | None:
        """The set's parameter for each placeholder of the path, or None when one has none."""
        found: list[str] = []
        for placeholder in route.placeholders:
            name = query.parameters.get(placeholder.parameter.lower())
            if name is None:  # a key parameter named otherwise whose description names this placeholder
                name = next(
                    (query.parameters[k] for k, p in query.keys.items() if p == placeholder.name.lower()),
                    None,
                )
            if name is None or name in found:
                return None
            found.append(name)
        return found

    def _misfit(self, query: _SetQuery, routes: list[_Route], where: str) -> None:
        """The name fits but the keys do not: PG094, and a binding only when nothing the path needs is missing."""
        covered = [r for r in routes if self._placed(query, r) is not None]
        if len(covered) == 1:
            route = covered[0]
            placed = {p.lower() for p in self._placed(query, route) or []}
            extra = sorted(query.parameters[k] for k in query.keys if k not in placed)
            self.result.diagnostics.append(
                at_origin(
                    where,
                    Severity.WARNING,
                    "PG094",
                    f"{self._what(query)}: key parameter {', '.join('-' + e for e in extra)} has no place in "
                    f"{route.display}; it is not sent",
                )
            )
            self._bind(query, route, where)
            return
        if len(routes) == 1:
            route = routes[0]
            missing = [
                p.parameter
                for p in route.placeholders
                if query.parameters.get(p.parameter.lower()) is None
                and not any(v == p.name.lower() for v in query.keys.values())
            ]
            reason = f"{route.display} needs -{', -'.join(missing)}, which the set lacks"
            self.result.diagnostics.append(
                at_origin(where, Severity.WARNING, "PG094", f"{self._what(query)}: {reason}; left out")
            )
            self.result.unbound.append(
                Unbound(self.cmdlet.name, query.parameter_set.name, reason, (route.display,))
            )
            return
        candidates = tuple(sorted(r.display for r in routes))
        keys = ", ".join("-" + query.parameters[k] for k in query.keys) or "none"
        self._unbound(
            query,
            f"no CSDL path named {self.verb}-{self.noun} has exactly the set's keys ({keys})",
            "PG092",
            where,
            candidates,
        )

    def _unbound(
        self, query: _SetQuery, reason: str, rule: str, where: str, candidates: tuple[str, ...] = ()
    ) -> None:
        self.result.unbound.append(Unbound(self.cmdlet.name, query.parameter_set.name, reason, candidates))
        self.result.diagnostics.append(
            at_origin(
                where,
                Severity.WARNING,
                rule,
                f"{self._what(query)}: {reason}; left out of the client and CLI",
            )
        )

    def _what(self, query: _SetQuery) -> str:
        name = query.parameter_set.name
        return f"{self.cmdlet.name} (set {name})" if name else self.cmdlet.name

    # -- the binding ------------------------------------------------------------------------------------
    def _bind(self, query: _SetQuery, route: _Route, where: str) -> None:
        if query.identity:
            placeholders = tuple((p.name, p.parameter) for p in route.placeholders)
            self._check_identity(query, route, where)
        else:
            placed = self._placed(query, route) or []
            placeholders = tuple((p.name, name) for p, name in zip(route.placeholders, placed))
        self.result.bindings.append(
            Binding(
                self.cmdlet.name,
                query.parameter_set.name,
                _operation(self.description, route),
                placeholders,
                self.description.path,
                f"CSDL path {route.path}",
            )
        )

    def _check_identity(self, query: _SetQuery, route: _Route, where: str) -> None:
        """The identity object (NOTES `INPUTOBJECT`) must have a property for every placeholder."""
        tree = next((t for t in self.cmdlet.property_trees if t.parameter.lower() == "inputobject"), None)
        if tree is None or not tree.properties:
            return
        names = {node.name.lower() for node in tree.properties}
        missing = [p.parameter for p in route.placeholders if p.parameter.lower() not in names]
        if missing:
            self.result.diagnostics.append(
                at_origin(
                    where,
                    Severity.WARNING,
                    "PG094",
                    f"{self._what(query)}: the identity ({tree.type.name}) has no {', '.join(missing)} "
                    f"for {route.display}",
                )
            )


# -- the guided walk ---------------------------------------------------------------------------------------


class _Search:
    """The CSDL paths the cmdlet's verb, noun and set operation name, found by following the noun."""

    def __init__(
        self, model: EntityModel, schemas: Container[str], verb: str, noun: str, operation: str | None
    ) -> None:
        self.model = model
        self.schemas = schemas
        self.verb = verb
        self.operation = operation
        self.noun = noun.lower()
        self.cuts = _cuts(noun)
        self.head = ""  # Invoke cmdlets start their noun with the action word
        self.front_all = False  # the noun starts with the `All` a name lost (Get-MgAllTeamChannel)
        self.found: list[_Route] = []

    def run(self) -> list[_Route]:
        self._from_roots(0)
        if self.verb == "Invoke":
            for cut in sorted(self.cuts):
                if (
                    cut
                    and cut < len(self.noun)
                    and (self.operation is None or self.noun[:cut] == self.operation)
                ):
                    self.head = self.noun[:cut]
                    self._from_roots(cut)
                    if self.operation is None:
                        break
            self.head = ""
        # autorest drops `all` from names (`allChannels`, `getAllMessages`); Graph's directives put it back
        # in front of the noun (src/Teams/Teams.md: TeamChannel → AllTeamChannel).
        if self.noun.startswith("all") and 3 in self.cuts and len(self.noun) > 3:
            self.front_all = True
            self._from_roots(3)
            self.front_all = False
        return self.found

    # -- roots ------------------------------------------------------------------------------------------
    def _from_roots(self, start: int) -> None:
        for source in self.model.sources.values():
            name = singular(source.name)
            node = _Node(
                source.type,
                collection=not source.singleton,
                how="singleton" if source.singleton else "set",
                segments=(source.name,),
                previous=name.lower(),
                line=source.line,
            )
            end = self._take(start, name.lower())
            if end is not None:
                self._visit(node, end)
            if source.singleton:
                # GET/PATCH of the singleton itself also carry its type's name (`policies` → PolicyRoot).
                whole = _joined(name, _simple(source.type))
                if whole.lower() != name.lower() and self.noun[start:] == whole.lower():
                    self._terminal_entity(node)

    def _take(self, pos: int, text: str) -> int | None:
        end = pos + len(text)
        return end if text and self.noun.startswith(text, pos) and end in self.cuts else None

    def _take_name(self, pos: int, node: _Node, name: str) -> Iterator[tuple[int, int, bool]]:
        """Where the noun goes on after a segment called `name`: read as it is, its first words merged with
        the previous segment's last ones (`calendar` + `calendarView` → CalendarView), or without the word
        `all` (`allChannels` → Channel). All but the first reading count as merged."""
        text = singular(name)
        lower = text.lower()
        end = self._take(pos, lower)
        if end is not None:
            yield end, 0, False
        prev = node.previous
        if prev and lower.startswith(prev) and len(lower) > len(prev) and len(prev) in _cuts(text):
            end = self._take(pos, lower[len(prev) :])
            if end is not None:
                yield end, 1, False
        short = without_all(text)
        if short:
            end = self._take(pos, short.lower())
            if end is not None:
                yield end, 1, True

    # -- nodes ----------------------------------------------------------------------------------------------
    def _visit(self, node: _Node, pos: int) -> None:
        if node.collection:
            self._collection(node, pos)
        else:
            self._entity(node, pos)

    def _collection(self, node: _Node, pos: int) -> None:
        rest = self.noun[pos:]
        if not rest:
            self._emit_crud("list", "GET", node, node.type)
            if node.how in ("set", "contained"):
                self._emit_crud("create", "POST", node, node.type)
        if node.how != "cast":
            self._entity(self._keyed(node), pos)
        if node.how in ("set", "contained"):
            for aliases in self.model.alternate_keys(node.type):
                if rest == "by" + "".join(a.lower() for a in aliases):  # Get-MgApplicationByAppId
                    self._terminal_entity(self._alternate(node, aliases))
        if rest == "count":
            self._emit(node, "$count", "get", "GET", "count", node.type, node.line)
        if node.how == "linked" and rest == "byref":
            self._emit(node, "$ref", "list", "GET", "ref", node.type, node.line)
            self._emit(node, "$ref", "create", "POST", "ref", node.type, node.line)
            odata_id = ApiParameter("@id", Location.QUERY, ApiType(Kind.STRING), True, "The delete Uri")
            self._emit(node, "$ref", "delete", "DELETE", "ref", node.type, node.line, query=(odata_id,))
        if node.how != "cast":
            for derived in self.model.derived(node.type):
                cast = "as" + _simple(derived).lower()
                line = self.model.types[derived].line
                if rest == "count" + cast:  # Get-MgGroupMemberCountAsUser
                    self._emit(
                        self._cast(node, derived, line), "$count", "get", "GET", "count", derived, line
                    )
                end = self._take(pos, cast)
                if end is not None:
                    self._collection(self._cast(node, derived, line), end)
        self._operations(node, pos)

    def _entity(self, node: _Node, pos: int) -> None:
        rest = self.noun[pos:]
        if not rest:
            self._terminal_entity(node)
        if node.how == "linked":
            if rest == "byref":
                if node.keyed:
                    self._emit(node, "$ref", "delete", "DELETE", "ref", node.type, node.line)
                else:
                    for operation, method in (("get", "GET"), ("set", "PUT"), ("delete", "DELETE")):
                        self._emit(node, "$ref", operation, method, "ref", node.type, node.line)
        if node.how in ("cast",):
            return
        for derived in self.model.derived(node.type):
            end = self._take(pos, "as" + _simple(derived).lower())
            if end is not None:
                self._entity(self._cast(node, derived, self.model.types[derived].line), end)
        if node.how == "linked":
            return
        for nav in self.model.navigation(node.type):
            for end, merged, dropped in self._take_name(pos, node, nav.name):
                how = "contained" if nav.contains_target else "linked"
                name = singular(nav.name)
                child = replace(
                    node,
                    type=nav.target,
                    collection=nav.collection,
                    how=how,
                    keyed=False,
                    segments=node.segments + (nav.name,),
                    previous=name.lower(),
                    merged=node.merged + merged,
                    dropped_all=node.dropped_all or dropped,
                    line=nav.line,
                )
                self._visit(child, end)
        for prop, line in self.model.streams(node.type):
            if rest == singular(prop).lower():
                self._emit(node, prop, "get", "GET", "stream", "", line)
                self._emit(node, prop, "set", "PUT", "stream", "", line)
        if self.model.has_stream(node.type) and rest == "content":
            self._emit(node, "$value", "get", "GET", "stream", "", node.line)
            self._emit(node, "$value", "set", "PUT", "stream", "", node.line)
        for prop, complex_type, line in self.model.complex_properties(node.type):
            if rest == singular(prop).lower():
                self._emit(node, prop, "get", "GET", "get", complex_type, line)
                self._emit(node, prop, "update", "PATCH", "update", complex_type, line)
        self._operations(node, pos)

    def _terminal_entity(self, node: _Node) -> None:
        self._emit_crud("get", "GET", node, node.type)
        if node.how in ("set", "contained", "singleton"):
            self._emit_crud("update", "PATCH", node, node.type)
        if node.how in ("set", "contained"):
            self._emit_crud("delete", "DELETE", node, node.type)

    def _keyed(self, node: _Node) -> _Node:
        """The collection's item: a `{type-id}` segment (`{type-id1}` for the second of a type in one path)."""
        simple = _simple(node.type)
        repeats = sum(1 for p in node.placeholders if p.name.rsplit("-", 1)[0] == simple)
        suffix = str(repeats) if repeats else ""
        placeholder = _Placeholder(
            f"{simple}-id{suffix}",
            f"{pascal(simple)}Id{suffix}",
            f"The unique identifier of {simple}",
            ApiType(Kind.STRING),
            node.line,
        )
        return replace(
            node,
            collection=False,
            keyed=True,
            segments=node.segments + ("{" + placeholder.name + "}",),
            placeholders=node.placeholders + (placeholder,),
        )

    def _alternate(self, node: _Node, aliases: tuple[str, ...]) -> _Node:
        """The item by an alternate key: `applications(appId='{appId}')`, one placeholder per property."""
        simple = _simple(node.type)
        placeholders = tuple(
            _Placeholder(a, pascal(a), f"Alternate key of {simple}", ApiType(Kind.STRING), node.line)
            for a in aliases
        )
        key = ",".join(f"{a}='{{{a}}}'" for a in aliases)
        return replace(
            node,
            collection=False,
            keyed=True,
            segments=node.segments[:-1] + (f"{node.segments[-1]}({key})",),
            placeholders=node.placeholders + placeholders,
        )

    def _cast(self, node: _Node, derived: str, line: int) -> _Node:
        return replace(node, type=derived, how="cast", segments=node.segments + (derived,), line=line)

    # -- bound actions and functions -------------------------------------------------------------------
    def _operations(self, node: _Node, pos: int) -> None:
        rest = self.noun[pos:]
        for operation in self.model.bound(node.type, node.collection):
            for name in action_names(operation.name):
                if (
                    name.verb != self.verb
                    or name.head != self.head
                    or name.tail != rest
                    or (self.operation is not None and name.variant != self.operation)
                ):
                    continue
                segment, placeholders = self._operation_segment(operation)
                kind = "action" if operation.action else "function"
                routed = replace(
                    node,
                    placeholders=node.placeholders + placeholders,
                    merged=node.merged + name.dropped_all,
                    dropped_all=node.dropped_all or name.dropped_all,
                )
                target = operation.returns.name if operation.returns else ""
                method = "POST" if operation.action else "GET"
                self._add(routed, segment, method, kind, target, operation.line, operation)

    def _operation_segment(self, operation: Operation) -> tuple[str, tuple[_Placeholder, ...]]:
        if operation.action:
            return operation.name, ()
        placeholders: list[_Placeholder] = []
        arguments: list[str] = []
        for parameter in operation.parameters:
            if parameter.optional:
                continue
            quoted = parameter.type.name in ("Edm.String", "Edm.Guid") and not parameter.type.collection
            arguments.append(
                f"{parameter.name}='{{{parameter.name}}}'"
                if quoted
                else f"{parameter.name}={{{parameter.name}}}"
            )
            placeholders.append(
                _Placeholder(
                    parameter.name,
                    pascal(parameter.name),
                    f"Usage: {parameter.name}={{{parameter.name}}}",
                    api_type(parameter.type, self.schemas) or ApiType(Kind.STRING),
                    operation.line,
                )
            )
        return f"{operation.name}({','.join(arguments)})", tuple(placeholders)

    # -- results ----------------------------------------------------------------------------------------
    def _emit_crud(self, operation: str, method: str, node: _Node, target: str) -> None:
        if self.head or self.verb != CRUD_VERBS[operation]:
            return
        if self.operation is not None and self.operation != operation:
            return
        self._add(node, None, method, operation, target, node.line)

    def _emit(
        self,
        node: _Node,
        segment: str,
        operation: str,
        method: str,
        kind: str,
        target: str,
        line: int,
        query: tuple[ApiParameter, ...] = (),
    ) -> None:
        if self.head or self.verb != CRUD_VERBS[operation]:
            return
        if self.operation is not None and self.operation != operation:
            return
        self._add(
            node,
            segment,
            method,
            kind,
            target,
            line,
            None,
            query,
        )

    def _add(
        self,
        node: _Node,
        segment: str | None,
        method: str,
        kind: str,
        target: str,
        line: int,
        operation: Operation | None = None,
        query: tuple[ApiParameter, ...] = (),
    ) -> None:
        if self.front_all and not node.dropped_all:
            return
        segments = node.segments + ((segment,) if segment else ())
        self.found.append(
            _Route(
                method,
                segments,
                node.placeholders,
                kind,
                target,
                line,
                node.merged,
                node.collection,
                operation,
                query,
            )
        )


def _cuts(name: str) -> frozenset[int]:
    """Positions where the words of a PascalCase / camelCase name start, and its end."""
    cuts = {0, len(name)}
    position = 0
    for word in words(name):
        position = name.find(word, position)
        cuts.add(position)
        position += len(word)
    return frozenset(cuts)


def _simple(qualified: str) -> str:
    return qualified.rpartition(".")[2]


def _joined(first: str, second: str) -> str:
    """`policy` + `policyRoot` → `policyRoot`: the repeated words once (autorest's sequential duplicates)."""
    if second.lower().startswith(first.lower()):
        return second
    if first.lower().endswith(second.lower()):
        return first
    return first + pascal(second)


# -- the operation a route stands for --------------------------------------------------------------------


def _operation(description: ApiDescription, route: _Route) -> ApiOperation:
    origin = f"{description.path}:{route.line}"
    parameters = [
        ApiParameter(
            p.name, Location.PATH, p.type, True, p.description, origin=f"{description.path}:{p.line}"
        )
        for p in route.placeholders
    ] + list(route.query)
    operation = ApiOperation(route.method, route.path, "", parameters, origin=origin)
    entity = ApiType(Kind.REF, ref=route.target) if route.target in description.schemas else None
    if route.kind == "list":
        operation.response = ApiType(Kind.ARRAY, items=entity) if entity else None
        operation.pageable = _PAGEABLE
    elif route.kind == "get":
        operation.response = entity
    elif route.kind == "count":
        operation.response = ApiType(Kind.INTEGER, "int32")
    elif route.kind == "create":
        operation.body, operation.body_required, operation.response = entity, True, entity
    elif route.kind == "update":
        operation.body, operation.body_required, operation.no_content = entity, True, True
    elif route.kind in ("delete",):
        operation.no_content = True
    elif route.kind == "ref":
        if route.method == "GET":  # the references: `@odata.id` URLs
            strings = ApiType(Kind.STRING)
            operation.response = ApiType(Kind.ARRAY, items=strings) if route.collection else strings
            operation.pageable = _PAGEABLE if route.collection else ""
        else:
            operation.no_content = True
            if route.method in ("POST", "PUT"):
                operation.body, operation.body_required = ApiType(Kind.OBJECT), True
                operation.body_properties = [_ODATA_ID]
    elif route.kind == "stream":
        if route.method == "GET":
            operation.response = ApiType(Kind.FILE)
        else:
            operation.body, operation.body_required, operation.no_content = ApiType(Kind.FILE), True, True
    elif route.operation is not None:
        _operation_io(description.schemas, route.operation, operation)
    return operation


def _operation_io(schemas: Container[str], op: Operation, operation: ApiOperation) -> None:
    if op.action:
        properties = [
            ApiProperty(
                p.name,
                api_type(p.type, schemas) or ApiType(Kind.ANY),
                required=not p.nullable and not p.optional,
                nullable=p.nullable,
                origin=operation.origin,
            )
            for p in op.parameters
        ]
        if properties:
            operation.body = ApiType(Kind.OBJECT)
            operation.body_properties = properties
            operation.body_required = any(p.required for p in properties)
    if op.returns is None:
        operation.no_content = True
        return
    returned = api_type(op.returns, schemas) or ApiType(Kind.ANY)
    operation.response = returned
    if op.returns.collection:
        operation.pageable = _PAGEABLE
