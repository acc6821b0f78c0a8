"""A route (method + path) for every parameter set of every cmdlet, from the best evidence there is.

In order: `routes.yaml` (what people wrote), a sample request in the help text (`curl -X PATCH ...`),
then the AutoRest / Microsoft Graph naming conventions. A convention route carries a confidence: "high"
when every path segment follows from a key parameter or a collection name, "medium" for singleton
navigation segments and action names, "low" when the noun cannot be split into segments without
guessing (`SynchronizationJob` is `synchronization/jobs`, not `synchronizationJobs`). Low-confidence
routes are reported (PG080) and left out of the client and CLI: a missing method is better than a
request to the wrong URL. A `segments:` entry in routes.yaml teaches the split once for every cmdlet.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.config import Config
from generator.diagnostics import Diagnostic, Severity, at_origin
from generator.ir import Cmdlet, HttpSample, ParameterSet, SyntaxParameter
from generator.bind.binder import Bound
from generator.bind.model import Binding, Unbound
from generator.read.routes_file import RouteEntry, RoutesFile
from generator.api.model import ApiDescription, ApiOperation, SchemeKind
from generator.resolve.model import AuthScheme, Route
from generator.resolve.nouns import noun_words, pascal_words, split_name

VERB_METHODS = {"Get": "GET", "New": "POST", "Update": "PATCH", "Set": "PUT", "Remove": "DELETE"}
OPERATION_METHODS = {
    "Get": "GET",
    "List": "GET",
    "Create": "POST",
    "Update": "PATCH",
    "Set": "PUT",
    "Delete": "DELETE",
}
_VERB_OPERATIONS = {"Get": "Get", "New": "Create", "Update": "Update", "Set": "Set", "Remove": "Delete"}
_COLLECTION_OPERATIONS = {"List", "Create"}
_ITEM_OPERATIONS = {"Get", "Update", "Set", "Delete"}
_KEY_DOC = re.compile(
    r"^\s*(?:key:\s*(?P<placeholder>[\w-]+)\s+of\s+(?P<keyed>\w+)|the unique identifier of (?P<type>\w+))",
    re.I,
)
_PLACEHOLDER = re.compile(r"\{([^{}/]+)\}")
# A path segment that is an identifier's value: hex of 16 or more (Mongo ids), a GUID, a number.
_ID_VALUE = re.compile(r"^(?:[0-9a-fA-F]{16,}|[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}|\d+)$")
# Methods a verb never sends: such a sample was copied from another cmdlet's help. (A Get may POST:
# a search, as JumpCloud's Get-JcSdkEvent does.)
_FOREIGN_METHODS = {"Get": {"PUT", "PATCH", "DELETE"}, "Remove": {"GET", "PUT", "PATCH"}}
_RANK = {"high": 2, "medium": 1, "low": 0}
# English plurals of entity names (`category` → `categories`). A dictionary library (inflect) would
# cost 1.5 s of start-up for these few rules; irregular nouns go into routes.yaml `segments:`.
_IRREGULAR = {
    "child": "children",
    "person": "people",
    "data": "data",
    "media": "media",
    "analysis": "analyses",
}


def auth_schemes(operation: ApiOperation, description: ApiDescription) -> tuple[AuthScheme, ...] | None:
    """The first security requirement of the operation a client can meet with its credentials.

    OpenAPI lists alternatives, each a set of schemes that must all be met; `security: []` means
    none. A description that says nothing (CSDL, or no `security` anywhere) gives None: a bearer
    token is sent when the caller has one.
    """
    requirements = operation.security if operation.security is not None else description.security
    if operation.security is None and not description.security:
        return None
    for requirement in requirements:
        schemes = []
        for name, scopes in requirement:
            scheme = description.security_schemes.get(name)
            if scheme is None:
                break
            if scheme.kind is SchemeKind.API_KEY:
                schemes.append(AuthScheme("apiKey", name, scheme.parameter, scheme.location or "header"))
            elif scheme.kind is SchemeKind.HTTP and scheme.scheme.lower() == "basic":
                schemes.append(AuthScheme("basic", name))
            elif scheme.kind is SchemeKind.HTTP and scheme.scheme.lower() not in ("", "bearer"):
                break  # digest and the like: not something a token or key can satisfy
            else:
                schemes.append(AuthScheme("bearer", name, scopes=tuple(scopes)))
        else:
            return tuple(schemes)
    return None


def operation(parameter_set: ParameterSet, verb: str) -> str:
    """`UpdateViaIdentityExpanded` → `Update`; an unnamed set takes its operation from the verb."""
    name = re.sub(r"\d+$", "", parameter_set.name)
    name = re.sub(r"Expanded$", "", name)
    name = re.sub(r"ViaIdentity\w*$", "", name)
    return name or _VERB_OPERATIONS.get(verb, verb)


def is_identity_set(parameter_set: ParameterSet) -> bool:
    return "ViaIdentity" in parameter_set.name or any(
        p.name.endswith("InputObject") for p in parameter_set.parameters
    )


def plural(word: str) -> str:
    lower = word.lower()
    if lower in _IRREGULAR:
        return word[0] + _IRREGULAR[lower][1:]
    if re.search(r"[^aeiou]y$", lower):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", lower):
        return word + "es"
    return word + "s"


def lower_camel(words: list[str]) -> str:
    text = "".join(w[:1].upper() + w[1:] for w in words)
    return text[:1].lower() + text[1:]


def normalise(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


@dataclass(slots=True)
class _Key:
    parameter: str
    placeholder: str
    type_words: list[str]  # lower case


@dataclass(slots=True)
class _Unit:
    words: list[str]  # PascalCase words of the noun
    fragment: str | None = None  # from routes.yaml segments


def route_table(
    cmdlets: list[Cmdlet],
    routes: RoutesFile,
    config: Config,
    prefixes: dict[str, str],
    bound: Bound | None = None,
) -> tuple[list[Route], list[Diagnostic]]:
    """Routes of every parameter set, sorted by cmdlet and set; diagnostics for what cannot be placed."""
    table: list[Route] = []
    diagnostics: list[Diagnostic] = list(routes.diagnostics)
    named = {c.name for c in cmdlets}
    for name, entries in sorted(routes.cmdlets.items()):
        if name not in named:
            line = min(e.line for e in entries.values())
            diagnostics.append(
                Diagnostic(
                    routes.path,
                    line,
                    1,
                    Severity.WARNING,
                    "PG082",
                    f"routes file names {name}, which no spec describes",
                )
            )
    bound = bound or Bound()
    for cmdlet in cmdlets:
        inferrer = _Inferrer(cmdlet, routes, config, prefixes.get(cmdlet.module, ""), bound)
        for route, problem in inferrer.routes():
            table.append(route)
            if problem:
                diagnostics.append(problem)
    return sorted(table, key=lambda r: (r.cmdlet, r.parameter_set)), diagnostics


class _Inferrer:
    def __init__(self, cmdlet: Cmdlet, routes: RoutesFile, config: Config, prefix: str, bound: Bound) -> None:
        self.cmdlet = cmdlet
        self.file = routes
        self.base_url = config.base_url(cmdlet.module)
        self.bound = bound
        self.descriptions = bound.descriptions(cmdlet.module)
        # Graph's naming says where a Graph cmdlet goes; anywhere else the same rules only guess.
        self.trusted_conventions = config.follows_graph(cmdlet.module)
        self.verb, _ = split_name(cmdlet.name)
        self.words = noun_words(cmdlet, prefix)
        self.parameter_docs = {p.name.lower(): p.description for p in cmdlet.parameters}
        # Graph describes every key ("The unique identifier of user"); only help without such text
        # falls back to the name (-UserId).
        self.keys_by_name = not any(_KEY_DOC.match(d) for d in self.parameter_docs.values())
        self.origin = f"{cmdlet.path}:{cmdlet.line}"

    def routes(self) -> list[tuple[Route, Diagnostic | None]]:
        sets = self.cmdlet.parameter_sets or [ParameterSet("", True, self.cmdlet.name, [], self.cmdlet.line)]
        by_operation: dict[str, ParameterSet] = {}
        for parameter_set in sets:  # the set with direct keys stands for its ViaIdentity siblings
            if not is_identity_set(parameter_set):
                by_operation.setdefault(operation(parameter_set, self.verb), parameter_set)
        results = []
        for parameter_set in sets:
            keyed = by_operation.get(operation(parameter_set, self.verb), parameter_set)
            route, rule = self._route(parameter_set, keyed)
            route = dataclasses.replace(route, parameter_set=parameter_set.name)
            problem = None
            if not route.usable or rule != "PG080":
                why = (
                    route.note
                    or f"no base URL for module {self.cmdlet.module}; set [tool.platygen.base-urls]"
                )
                what = (
                    f"{self.cmdlet.name} (set {parameter_set.name})"
                    if parameter_set.name
                    else self.cmdlet.name
                )
                outcome = (
                    "left out of the client and CLI"
                    if not route.usable
                    else f"using the {route.source} route"
                )
                problem = at_origin(
                    f"{self.cmdlet.path}:{parameter_set.line}",
                    Severity.WARNING,
                    rule,
                    (
                        f"no route for {what}: {why}; {outcome}"
                        if rule == "PG080"
                        else f"{what}: {why}; {outcome}"
                    ),
                )
            results.append((route, problem))
        return results

    def _route(self, parameter_set: ParameterSet, keyed: ParameterSet) -> tuple[Route, str]:
        """The route of a set and the rule that reports it when it is not usable (or not bound).

        `keyed` is the set with direct key parameters that stands for a ViaIdentity set in the
        conventions; a binding binds the set itself (its placeholders to the identity's properties).
        """
        entries = self.file.cmdlets.get(self.cmdlet.name, {})
        entry = entries.get(parameter_set.name) or entries.get("")
        if entry is not None:
            return self._from_entry(keyed, entry), "PG080"
        found = self.bound.get(self.cmdlet.name, parameter_set.name)
        if isinstance(found, Binding):
            return self._from_binding(found), "PG080"
        fallback = self._from_sample(keyed) if self.cmdlet.samples else self._from_convention(keyed)
        if not self.descriptions:
            return fallback, "PG080"
        # The module's description does not have this set: a sample in the help may still be right,
        # a convention is only a guess, and the description says the guess goes nowhere.
        names = ", ".join(sorted({d.path for d in self.descriptions}))
        if isinstance(found, Unbound) and found.candidates:
            rule, why = "PG093", f"fits several operations of {names} equally ({'; '.join(found.candidates)})"
        else:
            reason = found.reason if isinstance(found, Unbound) else "no operation of the description fits"
            rule, why = "PG092", f"not bound to {names}: {reason}"
        if fallback.source == "sample" and rule == "PG092" and fallback.usable:
            return dataclasses.replace(fallback, note=why), rule
        return dataclasses.replace(fallback, confidence="low", note=why), rule

    # -- API descriptions ----------------------------------------------------------------------------
    def _from_binding(self, binding: Binding) -> Route:
        description = next((d for d in self.descriptions if d.path == binding.description), None)
        servers = binding.operation.servers or (tuple(description.servers) if description else ())
        server = servers[0] if servers and not self.base_url else None
        base_url = self.base_url or (server.url.rstrip("/") if server else "")
        return Route(
            self.cmdlet.name,
            binding.parameter_set,
            binding.method,
            base_url,
            binding.path,
            binding.placeholders,
            "api",
            "high",
            binding.origin,
            "" if base_url else f"{binding.description} names no server; set [tool.platygen.base-urls]",
            f"{binding.description}: {binding.provenance}",
            binding,
            server.variables if server else (),
            auth_schemes(binding.operation, description) if description else None,
        )

    # -- routes.yaml ---------------------------------------------------------------------------------
    def _from_entry(self, parameter_set: ParameterSet, entry: RouteEntry) -> Route:
        bound, unbound = self._bind(_PLACEHOLDER.findall(entry.path), parameter_set)
        note = f"placeholder {{{unbound[0]}}} matches no parameter" if unbound else ""
        return Route(
            self.cmdlet.name,
            parameter_set.name,
            entry.method,
            entry.base_url or self.base_url,
            entry.path,
            bound,
            "routes.yaml",
            "low" if unbound else "high",
            f"{self.file.path}:{entry.line}",
            note,
        )

    # -- sample requests --------------------------------------------------------------------------------
    def _from_sample(self, parameter_set: ParameterSet) -> Route:
        op = operation(parameter_set, self.verb)
        wanted = OPERATION_METHODS.get(op, VERB_METHODS.get(self.verb, "POST"))
        best: tuple[tuple[int, int, int], Route] | None = None
        for index, sample in enumerate(self.cmdlet.samples):
            parts = urlsplit(sample.url)
            # A trailing slash is how the docs wrote the command, not part of the route.
            path = self._with_key_placeholders(parts.path.rstrip("/") or "/", parameter_set)
            names = _PLACEHOLDER.findall(path)
            bound, unbound = self._bind(names, parameter_set)
            if unbound and op == "List" and path.endswith("/{" + unbound[-1] + "}") and len(unbound) == 1:
                path, unbound = path[: -len(unbound[-1]) - 3], []
            problem = self._sample_problem(sample, path, unbound, bound, parameter_set)
            score = (int(not problem), int(sample.method == wanted), -index)
            route = Route(
                self.cmdlet.name,
                parameter_set.name,
                sample.method,
                f"{parts.scheme}://{parts.netloc}",
                path,
                bound,
                "sample",
                "low" if problem else "high",
                f"{self.cmdlet.path}:{sample.line}",
                problem,
            )
            if best is None or score > best[0]:
                best = (score, route)
        assert best is not None
        return best[1]

    def _with_key_placeholders(self, path: str, parameter_set: ParameterSet) -> str:
        """A sample written with an identifier's value (`/policies/5a837ecd232e110d4291e6b9`) has a
        placeholder there, for the set's one key parameter not placed otherwise."""
        if not any(_ID_VALUE.match(segment) for segment in path.split("/")):
            return path
        placed = {normalise(name) for name in _PLACEHOLDER.findall(path)}
        keys = [p.name for p in self._key_parameters(parameter_set) if normalise(p.name) not in placed]
        segments = path.split("/")
        for index, segment in enumerate(segments):
            if _ID_VALUE.match(segment) and len(keys) == 1:
                segments[index] = "{" + keys.pop() + "}"
        return "/".join(segments)

    @staticmethod
    def _key_parameters(parameter_set: ParameterSet) -> list[SyntaxParameter]:
        """Required string parameters named as identifiers (-Id, -GroupId): what a path places."""
        return [
            p
            for p in parameter_set.parameters
            if p.required
            and not p.switch
            and (p.type is None or p.type.name.lower() == "string")
            and (p.name == "Id" or p.name.endswith(("Id", "ID")))
        ]

    def _sample_problem(
        self,
        sample: HttpSample,
        path: str,
        unbound: list[str],
        bound: tuple[tuple[str, str], ...],
        parameter_set: ParameterSet,
    ) -> str:
        """Why a sample cannot confirm this set's route ("" when it can)."""
        if path.count("{") != path.count("}") or re.search(r"\{[^}]*[{/]", path):
            return "the sample's URL has an unclosed placeholder"
        if unbound:
            return f"placeholder {{{unbound[0]}}} of the sample matches no parameter of the set"
        if sample.method in _FOREIGN_METHODS.get(self.verb, ()):
            return f"the sample is a {sample.method} request, which {self.verb} never sends"
        placed = {normalise(p) for _, p in bound} | {normalise(q) for q in sample.query}
        missing = [p.name for p in self._key_parameters(parameter_set) if normalise(p.name) not in placed]
        if missing and not is_identity_set(parameter_set):
            return f"the sample does not place -{missing[0]}"
        return ""

    def _bind(
        self, names: list[str], parameter_set: ParameterSet
    ) -> tuple[tuple[tuple[str, str], ...], list[str]]:
        """Placeholder → parameter of the set: same name (`{application-id}` ↔ -ApplicationId), else the
        only required parameter the placeholder ends with (`{CommandID}` ↔ -Id)."""
        params = [p for p in parameter_set.parameters if not p.switch]
        required = [p for p in params if p.required]
        bound: list[tuple[str, str]] = []
        unbound: list[str] = []
        used: set[str] = set()
        for name in names:
            key = normalise(name)
            exact = [p for p in params if normalise(p.name) == key and p.name not in used]
            loose = [
                p
                for p in required
                if p.name not in used and (key.endswith(normalise(p.name)) or normalise(p.name).endswith(key))
            ]
            choice = exact[0] if exact else (loose[0] if len(loose) == 1 else None)
            if choice is None:
                unbound.append(name)
            else:
                used.add(choice.name)
                bound.append((name, choice.name))
        return tuple(bound), unbound

    # -- conventions ------------------------------------------------------------------------------------
    def _from_convention(self, parameter_set: ParameterSet) -> Route:
        op = operation(parameter_set, self.verb)
        method = OPERATION_METHODS.get(op) or VERB_METHODS.get(self.verb, "POST")
        words = list(self.words)
        suffix = ""
        if words[-2:] == ["By", "Ref"]:
            words, suffix = words[:-2], "/$ref"
        elif words[-1:] == ["Count"] and self.verb == "Get" and len(words) > 1:
            words, suffix = words[:-1], "/$count"
        elif words[-1:] == ["Delta"] and self.verb == "Get" and len(words) > 1:
            words, suffix = words[:-1], "/delta()"
        collection = (
            op in _COLLECTION_OPERATIONS or suffix in ("/$count", "/delta()") or (suffix and op == "Create")
        )
        action = op not in _COLLECTION_OPERATIONS | _ITEM_OPERATIONS and not suffix
        keys = self._keys(parameter_set)
        units = self._units(words)
        segments: list[str] = []
        placeholders: list[tuple[str, str]] = []
        confidence, note = "high", ""

        def lower(level: str, why: str) -> None:
            nonlocal confidence, note
            if _RANK[level] < _RANK[confidence]:
                confidence, note = level, why

        index, named_action = 0, False
        while index < len(units):
            unit = units[index]
            key = next((k for k in keys if self._matches(unit, k)), None)
            if key is not None:
                keys.remove(key)
                segments.append(self._collection(unit) + "/{" + key.placeholder + "}")
                placeholders.append((key.placeholder, key.parameter))
                index += 1
                continue
            spanned = self._spanning_key(units, index, keys)
            if spanned is not None:
                key, width = spanned
                keys.remove(key)
                joined = [w for u in units[index : index + width] for w in u.words]
                guess = lower_camel(joined[:-1] + [plural(joined[-1])])
                segments.append(guess + "/{" + key.placeholder + "}")
                placeholders.append((key.placeholder, key.parameter))
                lower(
                    "low",
                    f"the noun part {''.join(joined)} is one path segment or several "
                    f"(`{guess}` or `{joined[0][:1].lower() + joined[0][1:]}/...`); "
                    f"add `segments: {{{''.join(joined)}: ...}}` to routes.yaml",
                )
                index += width
                continue
            rest = units[index:]
            if action and all(self._unkeyed(u, keys) for u in rest):
                segments.append(lower_camel([op] + [w for u in rest for w in u.words]))
                index, named_action = len(units), True
                continue
            last = index == len(units) - 1
            if last and collection:
                segments.append(self._collection(unit))
                if unit.fragment is None and len(unit.words) > 1:
                    lower("low", f"the collection {''.join(unit.words)} may be one segment or several")
            else:
                segments.append(unit.fragment or lower_camel(unit.words))
                if unit.fragment is None and last:
                    lower("medium", f"{''.join(unit.words)} read as a single-valued navigation property")
                elif unit.fragment is None:
                    following = "".join(w for u in units[index : index + 2] for w in u.words)
                    lower(
                        "low",
                        f"{''.join(unit.words)} may be a navigation property or part of the next segment's "
                        f"name; add `segments: {{{following}: ...}}` to routes.yaml",
                    )
                if (
                    last
                    and op in _ITEM_OPERATIONS
                    and any(operation(s, self.verb) == "List" for s in self.cmdlet.parameter_sets)
                ):
                    lower(
                        "low", f"{''.join(unit.words)} is listed too but this set has no key parameter for it"
                    )
            index += 1
        if action:
            if not named_action:
                segments.append(lower_camel([op]))
            lower(
                "medium",
                f"action name {segments[-1]!r} from the parameter set {op!r} and the rest of the noun",
            )
        if keys:
            lower("low", f"key parameter -{keys[0].parameter} has no place in the noun {''.join(self.words)}")
        if not segments:
            lower("low", "the cmdlet name has no noun to build a path from")
        if not self.trusted_conventions:
            confidence = "low"
            note = (
                f"{self.cmdlet.module} does not follow Microsoft Graph's naming, so its conventions only "
                "guess; bind an API description, or give the route in routes.yaml"
            )
        path = "/" + "/".join(segments) + suffix
        return Route(
            self.cmdlet.name,
            parameter_set.name,
            method,
            self.base_url,
            path,
            tuple(placeholders),
            "convention",
            confidence,
            f"{self.cmdlet.path}:{parameter_set.line or self.cmdlet.line}",
            note,
        )

    def _keys(self, parameter_set: ParameterSet) -> list[_Key]:
        keys = []
        for p in parameter_set.parameters:
            if not p.required or p.switch or (p.type is not None and p.type.name.lower() != "string"):
                continue
            doc = _KEY_DOC.match(self.parameter_docs.get(p.name.lower(), ""))
            if doc:
                type_name = doc.group("keyed") or doc.group("type")
                placeholder = doc.group("placeholder") or f"{type_name}-id"
            elif self.keys_by_name and p.name.endswith("Id") and len(p.name) > 2:
                type_name = p.name[:-2]
                placeholder = f"{type_name[:1].lower()}{type_name[1:]}-id"
            else:
                continue
            keys.append(
                _Key(
                    p.name,
                    placeholder,
                    [w.lower() for w in pascal_words(type_name[:1].upper() + type_name[1:])],
                )
            )
        return keys

    def _units(self, words: list[str]) -> list[_Unit]:
        hints = sorted(
            ((pascal_words(k), v) for k, v in self.file.segments.items()), key=lambda h: -len(h[0])
        )
        units: list[_Unit] = []
        index = 0
        while index < len(words):
            for hint_words, fragment in hints:
                if words[index : index + len(hint_words)] == hint_words:
                    units.append(_Unit(hint_words, fragment))
                    index += len(hint_words)
                    break
            else:
                units.append(_Unit([words[index]]))
                index += 1
        return units

    @staticmethod
    def _matches(unit: _Unit, key: _Key) -> bool:
        lowered = [w.lower() for w in unit.words]
        if lowered == key.type_words:
            return True
        # A taught split names its parts freely: OutlookMasterCategory is keyed by outlookCategory.
        return (
            unit.fragment is not None
            and lowered[0] == key.type_words[0]
            and lowered[-1] == key.type_words[-1]
        )

    @staticmethod
    def _spanning_key(units: list[_Unit], index: int, keys: list[_Key]) -> tuple[_Key, int] | None:
        for key in keys:
            width = len(key.type_words)
            span = units[index : index + width]
            if width > 1 and len(span) == width and all(u.fragment is None for u in span):
                if [u.words[0].lower() for u in span] == key.type_words:
                    return key, width
        return None

    @staticmethod
    def _unkeyed(unit: _Unit, keys: list[_Key]) -> bool:
        return not any(_Inferrer._matches(unit, k) for k in keys)

    @staticmethod
    def _collection(unit: _Unit) -> str:
        if unit.fragment is not None:
            return unit.fragment
        return lower_camel(unit.words[:-1] + [plural(unit.words[-1])])
