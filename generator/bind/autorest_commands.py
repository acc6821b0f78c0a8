"""The cmdlets autorest.powershell generates from a description: one `Variant` per parameter set.

Rule for rule from autorest.powershell:
- `powershell/plugins/create-commands-v2.ts`: operations grouped by the part of the operationId before
  `_` (groups and operations in document order); the group's last word singularised; the method (after
  `_`) names the action: an entry of the verb map as a whole, else the words are split on `or` (two
  commands) and on a preposition (with, at, by, for, in, of: the rest only distinguishes variants),
  else the first word the English verb list knows is the action; an action the verb map does not know
  becomes `Invoke` with the action in front of the subject. Variants: the action (`Get`), `…Expanded`
  when the body is an object, `…ViaIdentity` (not for `List`), and for Azure modules the parent-identity
  and JSON variants and the GET+PUT `Update`; `Update` with PUT is `Set`; a name already taken by the
  same verb and subject gets a number (`List1`).
- `powershell/plugins/ps-namer-v2.ts`: with sanitize-names (Azure's default), the noun's words are
  deduplicated against the subject prefix and path parameters lose the subject in front of them.
- `powershell/plugins/modifiers-v2.ts`: the directives (select by verb / subject / subject-prefix /
  variant / parameter-name, exact or as regular expressions; set, hide, remove), then numbering again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from dataclasses import dataclass, field, replace

from generator.api.autorest_config import Directive, DirectiveKind, NamingSettings
from generator.api.model import ApiDescription, ApiOperation, ApiParameter, ApiType, Kind, Location
from generator.bind.autorest_text import (
    deconstruct,
    pascal_case,
    remove_sequential_duplicates,
    singularize,
    style_camel,
    style_pascal,
)
from generator.bind.autorest_verbs import VERB_MAPPING, is_verb
from generator.diagnostics import Diagnostic, Severity

_PREPOSITIONS = ("with", "at", "by", "for", "in", "of")
_SPECIAL_WORDS = {"in": ("sign",)}  # `sign in` is a phrase, not a preposition
_RESERVED_PATH_PARAMETERS = frozenset({"SubscriptionId", "resourceGroupName"})  # compared as the source does


@dataclass(slots=True)
class Parameter:
    """A cmdlet parameter that carries a value of the request."""

    name: str  # the PowerShell name (after naming rules and directives)
    wire: str  # the name in the request: placeholder, query or header name
    location: Location
    required: bool
    camel: str  # modelerfour's name (language.default.name), which AutoRest looks up in paths
    aliases: list[str] = field(default_factory=list)
    hidden: bool = False


@dataclass(slots=True)
class Variant:
    """One parameter set of one generated cmdlet, and the operation it calls."""

    verb: str
    subject_prefix: str
    subject: str
    name: str  # the variant: the parameter set's name
    action: str
    operation: ApiOperation
    parameters: list[Parameter]  # path, query, header and host values the set takes as parameters
    identity: list[Parameter] = field(default_factory=list)  # path values taken from -InputObject
    body: str = ""  # the body parameter's name ("" when the set takes no body parameter)
    expanded: bool = False  # the body's properties are parameters
    json: str = ""  # JsonString / JsonFilePath
    hidden: bool = False
    pre_operations: tuple[ApiOperation, ...] = ()  # GET+PUT: the GET that comes first

    @property
    def noun(self) -> str:
        return f"{self.subject_prefix}{self.subject}"

    @property
    def cmdlet(self) -> str:
        return f"{self.verb}-{self.subject_prefix}{self.subject}"


@dataclass(slots=True)
class _Naming:
    verb: str
    subject: str
    action: str


@dataclass(slots=True)
class Commands:
    variants: list[Variant]
    diagnostics: list[Diagnostic]


@lru_cache(maxsize=65536)
def parameter_name(name: str, preserve: int = 3) -> str:
    """The PowerShell name AutoRest gives a wire name: `activedirectory_id` → `ActivedirectoryId`."""
    return pascal_case(style_camel(name, preserve))


def split_operation_id(operation_id: str) -> tuple[str, str]:
    """modelerfour's `splitOpId`: the group before the first `_`, the method after it."""
    group, underscore, member = operation_id.partition("_")
    return (group, member) if underscore else ("", operation_id)


class _Creator:
    def __init__(self, description: ApiDescription, settings: NamingSettings) -> None:
        self.description = description
        self.settings = settings
        self.verb_map = {**VERB_MAPPING, **dict(settings.verb_mapping)}
        self.identities: set[str] = set()
        self.variants: list[Variant] = []
        self.diagnostics: list[Diagnostic] = []
        self.host_parameters = [
            Parameter(
                parameter_name(v.name, settings.preserve_uppercase),
                v.name,
                Location.PATH,
                True,
                style_camel(v.name),
            )
            for server in description.servers[:1]
            for v in server.variables
        ]

    # -- naming (inferCommandNames, inferCommand, createCommandVariant) ----------------------------

    def names(self, operation: ApiOperation, group: str) -> list[_Naming]:
        _, member = split_operation_id(operation.operation_id)
        method = style_pascal(member, self.settings.preserve_uppercase)
        words = remove_sequential_duplicates(deconstruct(group))
        if words:
            words[-1] = singularize(words[-1])
        group_name = pascal_case(words)
        if method in self.verb_map:
            return [self.naming(method, [group_name], [])]
        return self.infer(deconstruct(method), group_name, [])

    def infer(self, words: list[str], group: str, suffix: list[str]) -> list[_Naming]:
        words = [w for w in words if w != "all"]
        if not words:
            return []
        if len(words) == 1:
            return [self.naming(words[0], [group], suffix)]
        if len(words) == 2:
            if is_verb(words[0]):
                return [self.naming(words[0], [group, words[1]], suffix)]
            if is_verb(words[1]):
                return [self.naming(words[1], [group, words[0]], suffix)]
            return [self.naming(words[0], [group, words[1]], suffix)]
        either = _split_on("or", words)
        if either is not None:
            first, second = either
            return [*self.infer([*first, *second[1:]], group, suffix), *self.infer(second, group, suffix)]
        for preposition in _PREPOSITIONS:
            parts = _split_on(preposition, words)
            if parts is not None and parts[0]:
                return self.infer(parts[0], group, parts[1])
        for index, word in enumerate(words):
            if not is_verb(word):
                continue
            if index == 0:
                rest = words[1:]
                return [self.naming(word, [group, *rest] if group else rest, suffix)]
            if index == len(words) - 1:
                rest = words[:index]
                return [self.naming(word, [group, *rest] if group else rest, suffix)]
            return [self.naming(word, [group] if group else [], [*suffix, *words[index + 1 :]])]
        rest = words[1:]
        return [self.naming(words[0], [group, *rest] if group else rest, [*suffix, *rest])]

    def naming(self, action: str, subject: list[str], _variant: list[str]) -> _Naming:
        verb = self.verb_map.get(pascal_case(action), "") or "Invoke"
        if verb == "Invoke" and action.lower() != "post":
            subject = [action, *subject]
        name = pascal_case(remove_sequential_duplicates([singularize(each) for each in subject]))
        return _Naming(verb, name, action)

    # -- commands (createCommands, addVariants, addVariant, addCommandOperation) -------------------

    def create(self) -> None:
        groups: dict[str, list[ApiOperation]] = {}
        for operation in self.description.operations:
            if not operation.operation_id:
                continue
            groups.setdefault(split_operation_id(operation.operation_id)[0], []).append(operation)
        for group, operations in groups.items():
            has_patch = False
            gets: list[ApiOperation] = []
            put: ApiOperation | None = None
            for operation in operations:
                if operation.method == "PATCH":
                    has_patch = True
                    if self.settings.azure and not self.settings.keep_identity_type:
                        continue  # Azure: the GET+PUT Update replaces PATCH
                elif operation.method == "GET":
                    gets.append(operation)
                elif operation.method == "PUT":
                    put = operation
                namings = self.names(operation, group)
                if not namings:
                    self.note(
                        operation,
                        f"operationId {operation.operation_id!r} has no words AutoRest can name a cmdlet with",
                    )
                for naming in namings:
                    self.add_variants(operation, naming)
            if (
                self.settings.azure
                and (
                    (not self.settings.disable_getput and not has_patch)
                    or not self.settings.keep_identity_type
                )
                and gets
                and put is not None
            ):
                self.add_get_put(group, gets, put)

    def add_get_put(self, group: str, gets: list[ApiOperation], put: ApiOperation) -> None:
        get = next((g for g in gets if g.path == put.path), None)
        if get is None or put.body is None:
            return
        if any(p.location is Location.QUERY and p.name != "api-version" for p in get.parameters):
            return
        if get.response != put.body:
            return
        self.add_variants(put, self.naming("create", [group], []), pre=(get,))

    def note(self, operation: ApiOperation, message: str) -> None:
        path, _, line = operation.origin.rpartition(":")
        self.diagnostics.append(
            Diagnostic(
                path or self.description.path,
                int(line) if line.isdigit() else 1,
                1,
                Severity.WARNING,
                "PG091",
                message,
            )
        )

    def request_parameters(self, operation: ApiOperation) -> list[Parameter]:
        preserve = self.settings.preserve_uppercase
        found = list(self.host_parameters)
        for p in operation.parameters:
            if _is_constant(p) or p.location is Location.COOKIE:
                continue
            camel = style_camel(p.client_name or p.name, preserve)
            found.append(Parameter(pascal_case(camel), p.name, p.location, p.required, camel))
        return found

    def add_variants(
        self, operation: ApiOperation, naming: _Naming, pre: tuple[ApiOperation, ...] = ()
    ) -> None:
        verb, action = naming.verb, naming.action
        if verb == "Update" and operation.method == "PUT":
            verb = "Set"
        if pre:
            verb = action = "Update"
        parameters = self.request_parameters(operation)
        body = _body_name(operation)
        self.add_variant(pascal_case([action, ""]), verb, naming, operation, parameters, [], body, pre)
        if self.settings.disable_via_identity:
            return
        path_parameters = [
            p for p in parameters
            if p.location is Location.PATH and p not in self.host_parameters and p.camel not in _RESERVED_PATH_PARAMETERS
        ]  # fmt: skip
        others = [p for p in parameters if p not in path_parameters]
        if not self.settings.enable_parent_pipeline_input:
            if path_parameters and action.lower() != "list":
                self.add_variant(
                    pascal_case([action, "", "via-identity"]),
                    verb,
                    naming,
                    operation,
                    others,
                    path_parameters,
                    body,
                    pre,
                )
            return
        for index in range(len(path_parameters) - 1, -1, -1):
            last = index == len(path_parameters) - 1
            skip_list = not self.settings.enable_parent_pipeline_input_for_list and action.lower() == "list"
            skip_get = (
                self.settings.enable_parent_pipeline_input_for_list and last and action.lower() == "get"
            )
            if skip_list or skip_get:
                continue
            resource = _resource_name(operation.path, path_parameters[index].camel)
            if not resource:
                break
            if last and action.lower() != "list":
                resource = ""
            self.add_variant(
                pascal_case([action, "", f"via-identity{resource}"]), verb, naming, operation,
                [*others, *path_parameters[index + 1 :]], path_parameters[: index + 1], body, pre,
            )  # fmt: skip
        if self.settings.support_json_input and operation.body is not None and not pre:
            base = pascal_case([action, ""])
            for kind in ("JsonString", "JsonFilePath"):
                self.add_command(
                    f"{base}Via{kind}", verb, naming, operation, parameters, [], "", False, kind, pre
                )

    def add_variant(
        self,
        vname: str,
        verb: str,
        naming: _Naming,
        operation: ApiOperation,
        parameters: list[Parameter],
        identity: list[Parameter],
        body: str,
        pre: tuple[ApiOperation, ...],
    ) -> None:
        self.add_command(vname, verb, naming, operation, parameters, identity, body, False, "", pre)
        if body and self.is_object(operation.body):
            self.add_command(
                f"{vname}Expanded", verb, naming, operation, parameters, identity, body, True, "", pre
            )

    def is_object(self, body: ApiType | None) -> bool:
        if body is None:
            return False
        if body.kind is Kind.REF:
            schema = self.description.schemas.get(body.ref)
            return schema is not None and not schema.is_enum
        return body.kind in (Kind.OBJECT, Kind.MAP, Kind.ANY)

    def add_command(
        self,
        vname: str,
        verb: str,
        naming: _Naming,
        operation: ApiOperation,
        parameters: list[Parameter],
        identity: list[Parameter],
        body: str,
        expanded: bool,
        json: str,
        pre: tuple[ApiOperation, ...],
    ) -> None:
        if len(vname) > 64:  # the source trims long names at a word boundary past 60 letters
            words = deconstruct(vname)
            trimmed = ""
            for index in range(len(words)):
                trimmed = pascal_case(words[:index])
                if len(trimmed) > 60:
                    break
            vname = trimmed
        key = f"{verb}-{naming.subject}-{vname}"
        number = 1
        while key in self.identities:
            vname = f"{re.sub(r'[0-9]*$', '', vname)}{number}"
            number += 1
            key = f"{verb}-{naming.subject}-{vname}"
        self.identities.add(key)
        self.variants.append(
            Variant(
                verb=verb,
                subject_prefix=self.settings.subject_prefix,
                subject=naming.subject,
                name=pascal_case(vname),
                action=naming.action,
                operation=operation,
                parameters=[replace(p, aliases=list(p.aliases)) for p in parameters],
                identity=[replace(p, aliases=list(p.aliases)) for p in identity],
                body="" if json or expanded or not body else pascal_case(body),
                expanded=expanded,
                json=json,
                pre_operations=pre,
            )
        )


def _split_on(preposition: str, words: list[str]) -> tuple[list[str], list[str]] | None:
    index = _preposition_index(preposition, words)
    if index > 0:
        return words[:index], words[index + 1 :]
    return None


def _preposition_index(preposition: str, words: list[str]) -> int:
    special = _SPECIAL_WORDS.get(preposition)
    if special is None:
        return words.index(preposition) if preposition in words else -1
    start = 0
    while True:
        index = words.index(preposition, start) if preposition in words[start:] else -1
        if index <= 0 or words[index - 1] not in special:
            return index
        start = index + 1


def _resource_name(path: str, name: str) -> str:
    """`getResourceNameFromPath`: the segment before `{name}`, singularised ("" when not found)."""
    match = re.search(r"/[^/]*/\{" + re.escape(name) + r"\}", path)
    rest = path[match.start() :] if match else path[-1:]
    parts = rest.split("/")
    segment = parts[1] if len(parts) > 1 else ""
    return singularize(segment) if segment else ""


def _is_constant(parameter: ApiParameter) -> bool:
    """modelerfour makes a required parameter with one allowed value (and api-version) a constant."""
    if parameter.location is Location.QUERY and parameter.name == "api-version":
        return True
    return parameter.required and len(parameter.type.enum) == 1


def _body_name(operation: ApiOperation) -> str:
    return (operation.body_name or "body") if operation.body is not None else ""


# -- ps-namer: sanitize-names -------------------------------------------------------------------------


def _deduplicated_noun(subject_prefix: str, subject: str) -> tuple[str, str]:
    prefix_words = remove_sequential_duplicates(deconstruct(subject_prefix))
    subject_words = remove_sequential_duplicates(deconstruct(subject))
    merged = remove_sequential_duplicates([*prefix_words, *subject_words])
    final_subject: list[str] = []
    m, s = len(merged) - 1, len(subject_words) - 1
    while s >= 0 and m >= 0:
        if merged[m] != subject_words[s]:
            break
        final_subject.append(merged.pop())
        m -= 1
        s -= 1
    return pascal_case(merged), pascal_case(list(reversed(final_subject)))


def _remove_prohibited_prefix(identifier: str, prefix: str, others: list[str]) -> str:
    if prefix and identifier.lower().startswith(prefix.lower()):
        rest = identifier[len(prefix) :]
        if len(rest) < 2:
            return identifier
        rest = rest[:1].upper() + rest[1:] if identifier[:1].isupper() else rest[:1].lower() + rest[1:]
        return identifier if rest in others else rest
    return identifier


def sanitize(variants: list[Variant]) -> None:
    for variant in variants:
        variant.subject_prefix, variant.subject = _deduplicated_noun(variant.subject_prefix, variant.subject)
        everything = [*variant.parameters, *variant.identity]
        for parameter in everything:
            others = [p.name for p in everything if p.name != parameter.name]
            parameter.name = singularize(parameter.name)
            if parameter.location is Location.PATH:
                cleaned = _remove_prohibited_prefix(parameter.name, variant.subject, others)
                if cleaned != parameter.name:
                    parameter.aliases.append(parameter.name)
                    parameter.name = cleaned


# -- modifiers: the directives ------------------------------------------------------------------------


def _selector(text: str) -> re.Pattern[str] | None:
    """`getPatternToMatch`: a plain word matches exactly (any case); anything else is a regex, unanchored."""
    if not text:
        return None
    source = f"^{text}$" if re.fullmatch(r"[a-zA-Z0-9]+", text) else _python_regex(text)
    return re.compile(source, re.IGNORECASE)


def _python_regex(source: str) -> str:
    return re.sub(r"\(\?<([A-Za-z_]\w*)>", r"(?P<\1>", source)  # JavaScript's named groups


def js_replace(pattern: re.Pattern[str], text: str, replacement: str) -> str:
    """`text.replace(/pattern/gi, replacement)` with JavaScript's `$1`, `$&`, `$$`, `$<name>`."""

    def expand(match: re.Match[str]) -> str:
        def one(token: re.Match[str]) -> str:
            code = token.group(1)
            if code == "$":
                return "$"
            if code == "&":
                return match.group(0)
            if code == "`":
                return match.string[: match.start()]
            if code == "'":
                return match.string[match.end() :]
            if code.startswith("<"):
                name = code[1:-1]
                return (match.groupdict().get(name) or "") if name in match.groupdict() else token.group(0)
            number = int(code)
            if 0 < number <= (pattern.groups or 0):
                return match.group(number) or ""
            if len(code) == 2 and 0 < int(code[0]) <= (
                pattern.groups or 0
            ):  # `$12` with one group: `$1` then 2
                return (match.group(int(code[0])) or "") + code[1]
            return token.group(0)

        return re.sub(r"\$(\$|&|`|'|<[^>]*>|\d{1,2})", one, replacement)

    return pattern.sub(expand, text)


def apply_directives(
    variants: list[Variant], directives: list[Directive], settings: NamingSettings, shown: str
) -> tuple[list[Variant], list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    if not settings.keep_pec_and_plr:
        pec = re.compile(r"^PrivateEndpointConnection$|^PrivateLinkResource$")
        variants = [v for v in variants if not pec.search(v.subject)]
    for directive in directives:
        if directive.kind not in (DirectiveKind.COMMAND, DirectiveKind.REMOVE):
            continue
        try:
            selectors = {key: _selector(value) for key, value in directive.where.items()}
        except re.error as error:
            diagnostics.append(
                Diagnostic(
                    shown,
                    directive.line,
                    1,
                    Severity.WARNING,
                    "PG097",
                    f"selector is not a regular expression Python can read ({error}); directive ignored",
                )
            )
            continue
        chosen = _choose(variants, selectors, directive)
        if directive.kind == DirectiveKind.REMOVE:
            if not any(selectors.get(k) for k in ("subject", "subject-prefix", "verb", "variant")) and not (
                selectors.get("parameter-name") and directive.select == "command"
            ):
                continue
            gone = {id(v) for v in chosen}
            variants = [v for v in variants if id(v) not in gone]
            continue
        _modify(chosen, selectors, directive)
    _renumber(variants)
    return variants, diagnostics


def _choose(
    variants: list[Variant], selectors: dict[str, re.Pattern[str] | None], directive: Directive
) -> list[Variant]:
    fields: dict[str, Callable[[Variant], str]] = {
        "subject": lambda v: v.subject,
        "subject-prefix": lambda v: v.subject_prefix,
        "verb": lambda v: v.verb,
        "variant": lambda v: v.name,
    }
    chosen = list(variants)
    for key, read in fields.items():
        pattern = selectors.get(key)
        if pattern is not None:
            chosen = [v for v in chosen if pattern.search(read(v))]
    parameter = selectors.get("parameter-name")
    if parameter is not None and directive.select == "command":
        chosen = [v for v in chosen if any(parameter.search(p.name) for p in (*v.parameters, *v.identity))]
    return chosen


def _modify(
    chosen: list[Variant], selectors: dict[str, re.Pattern[str] | None], directive: Directive
) -> None:
    values = directive.set
    parameter = selectors.get("parameter-name")
    if parameter is not None and directive.select in ("", "parameter"):
        replacer = values.get("parameter-name")
        alias = values.get("alias")
        aliases = [
            str(a) for a in (alias if isinstance(alias, list) else [alias] if alias is not None else [])
        ]
        for variant in chosen:
            for p in (*variant.parameters, *variant.identity):
                if not parameter.search(p.name):
                    continue
                previous = p.name
                if replacer:
                    p.name = js_replace(parameter, p.name, str(replacer))
                if directive.clear_alias:
                    p.aliases.clear()
                for each in aliases:  # an alias with regex syntax is a replacement of the old name
                    made = (
                        each if re.fullmatch(r"[a-zA-Z0-9]+", each) else js_replace(parameter, previous, each)
                    )
                    if made not in p.aliases:
                        p.aliases.append(made)
                if directive.hide:
                    p.hidden = True
                    p.required = False
        return

    def renamed(current: str, key: str) -> str:
        replacer = values.get(key)
        if replacer is None or (replacer == "" and key != "subject-prefix"):
            return current
        pattern = selectors.get(key)
        return js_replace(pattern, current, str(replacer)) if pattern is not None else str(replacer)

    for variant in chosen:
        variant.subject = renamed(variant.subject, "subject")
        variant.subject_prefix = renamed(variant.subject_prefix, "subject-prefix")
        variant.verb = renamed(variant.verb, "verb")
        variant.name = renamed(variant.name, "variant")
        if directive.hide is not None:
            variant.hidden = directive.hide


def _renumber(variants: list[Variant]) -> None:
    """After the directives, a variant name taken twice by one cmdlet gets a number, as modifiers-v2 does."""
    seen: set[str] = set()
    for variant in variants:
        key = f"{variant.verb} -{variant.subject_prefix}{variant.subject} -{variant.name} "
        number = 1
        while key in seen:
            variant.name = pascal_case(f"{re.sub(r'[0-9]*$', '', variant.name)} {number}")
            number += 1
            key = pascal_case(f"{variant.verb} -{variant.subject_prefix}{variant.subject} -{variant.name}")
        seen.add(key)


def create_commands(
    description: ApiDescription, settings: NamingSettings, directives: list[Directive], shown: str = ""
) -> Commands:
    """Every variant of every cmdlet AutoRest would generate from `description` with these settings."""
    creator = _Creator(description, settings)
    creator.create()
    variants = creator.variants
    if settings.sanitize_names:
        sanitize(variants)
    variants, notes = apply_directives(variants, directives, settings, shown)
    return Commands(variants, [*creator.diagnostics, *notes])
