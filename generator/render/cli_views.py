"""What the generated command line is made of: nouns, verbs, options and examples, as data.

Every cmdlet with a route becomes `<prog> <noun> <verb>` (the noun in kebab-case without the module's
noun prefix, the verb in lower case) and, hidden, `<prog> <Cmdlet-Name>`. Each client argument becomes an
option: kebab-case of its Python name, the PowerShell aliases as extra names, switches as flags, arrays
of scalars as repeated options, accepted values as choices, everything structured as JSON. The
operation table (`_operations/`) carries this for each argument; the engine (`generator/runtime/_cli.py`)
builds the commands from it when run.
"""

from __future__ import annotations

import re
import shlex
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from generator.render.literals import py_docstring, py_string
from generator.render.views import header
from generator.resolve.model import ResolvedProject
from generator.resolve.nouns import noun_words, split_name
from generator.resolve.operations import Argument, Operation

# What the generated runtime adds to every command, and what an option may therefore not be called.
RESERVED = {"--dry-run", "--what-if", "--confirm", "--help", "-h", "--all"}
_SCALARS = {
    "str": ("str", ""),
    "int": ("int", ""),
    "float": ("float", ""),
    "bool": ("bool", ""),
    "bytes": ("str", "BASE64"),
    "_uuid.UUID": ("str", "UUID"),
    "_pd.AwareDatetime": ("str", "DATETIME"),
    "_dt.timedelta": ("str", "DURATION"),
    "_decimal.Decimal": ("str", "DECIMAL"),
}
_FLAG_ROLES = {"all", "count"}
_JSON_ROLES = {"body", "identity", "extra", "headers"}
_ALIAS = re.compile(r"[A-Za-z][A-Za-z0-9]*")


@dataclass(frozen=True)
class CliOption:
    name: str  # Python keyword argument of the client method
    decls: tuple[str, ...]  # --kebab-name, then the aliases
    kind: str  # str, int, float, bool, flag or json
    multiple: bool
    choices: tuple[str, ...]
    metavar: str


@dataclass(frozen=True)
class CliCommand:
    noun: str
    verb: str
    cmdlet: str
    options: tuple[CliOption, ...]
    examples: tuple[str, ...]  # the help's examples as command lines


def program(project: ResolvedProject) -> str:
    return project.program or project.package.replace("_", "-")


def token_variable(package: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "_", package.upper()).strip("_") + "_TOKEN"


def commands(project: ResolvedProject) -> list[CliCommand]:
    """Every cmdlet with a usable route, sorted by noun and verb."""
    ops = [op for op in project.operations if op.sets]
    named = {op.cmdlet.name: _noun_verb(op, project.noun_prefixes) for op in ops}
    taken: dict[tuple[str, str], list[str]] = defaultdict(list)
    for cmdlet, key in named.items():
        taken[key].append(cmdlet)
    for key, cmdlets in taken.items():
        if len(cmdlets) > 1:  # Get-MgUser and Get-MgBetaUser: the client's method names tell them apart
            for op in ops:
                if op.cmdlet.name in cmdlets:
                    verb = key[1]
                    method = op.method
                    noun = method[len(verb) + 1 :] if method.startswith(verb + "_") else method
                    named[op.cmdlet.name] = (_kebab(noun), verb)
    result = []
    for op in ops:
        noun, verb = named[op.cmdlet.name]
        options = _options(op)
        examples = _examples(op, options, f"{program(project)} {noun} {verb}")
        result.append(CliCommand(noun, verb, op.cmdlet.name, tuple(options), tuple(examples)))
    return sorted(result, key=lambda c: (c.noun, c.verb))


def _kebab(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "command"


def _noun_verb(op: Operation, prefixes: dict[str, str]) -> tuple[str, str]:
    verb = _kebab(split_name(op.cmdlet.name)[0]) if split_name(op.cmdlet.name)[0] else "invoke"
    words = noun_words(op.cmdlet, prefixes.get(op.cmdlet.module, ""))
    return _kebab("-".join(words)), verb


def _options(op: Operation) -> list[CliOption]:
    parameters = {p.name: p for p in op.cmdlet.parameters}
    switches = {sp.name.lower() for s in op.cmdlet.parameter_sets for sp in s.parameters if sp.switch}
    seen = set(RESERVED)
    options = []
    for argument in op.arguments:  # only arguments of usable sets exist (resolve/operations.py)
        if argument.role == "all":
            continue  # the engine's own --all
        parameter = parameters.get(argument.parameter)
        primary = "--" + argument.name.replace("_", "-").strip("-")
        while primary in seen:
            primary += "-value"
        seen.add(primary)
        decls = [primary]
        for alias in argument.aliases:  # the PowerShell name of an OData option: --property
            name = "--" + alias.replace("_", "-").strip("-")
            if name not in seen:
                seen.add(name)
                decls.append(name)
        for alias in parameter.aliases if parameter else []:
            if not _ALIAS.fullmatch(alias):
                continue
            name = "--" + _kebab(re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", alias))
            if name not in seen:
                seen.add(name)
                decls.append(name)
        switch = argument.parameter.lower() in switches or (
            parameter is not None
            and parameter.type is not None
            and parameter.type.name.lower() in ("switchparameter", "switch")
        )
        kind, multiple, metavar = _kind(argument, switch)
        accepted = tuple(parameter.accepted_values) if parameter else ()
        choices = (accepted or argument.choices) if kind in ("str", "int") else ()
        options.append(CliOption(argument.name, tuple(decls), kind, multiple, choices, metavar))
    return options


def _kind(argument: Argument, switch: bool) -> tuple[str, bool, str]:
    if switch or argument.role in _FLAG_ROLES:
        return "flag", False, ""
    if argument.role in _JSON_ROLES:
        return "json", False, "JSON"
    annotation = argument.annotation
    if annotation.startswith("_t.Literal["):  # an enum of the API description: its values are choices
        return "str", False, ""
    if annotation.startswith("list[") and annotation.endswith("]"):
        inner = annotation[5:-1]
        if inner in _SCALARS:
            kind, metavar = _SCALARS[inner]
            return kind, True, metavar
        return "json", False, "JSON"
    if annotation in _SCALARS:
        kind, metavar = _SCALARS[annotation]
        return kind, False, metavar
    return "json", False, "JSON"


def _examples(op: Operation, options: list[CliOption], command: str) -> list[str]:
    """The help's examples that call the cmdlet with literal values, as command lines (at most three)."""
    by_name = {o.name: o for o in options}
    flags: dict[str, CliOption] = {}
    for argument in op.arguments:
        option = by_name.get(argument.name)
        if option is None:
            continue
        parameter = next((p for p in op.cmdlet.parameters if p.name == argument.parameter), None)
        for name in [argument.parameter, *(parameter.aliases if parameter else [])]:
            flags.setdefault(name.lower(), option)
    found: list[str] = []
    for example in op.cmdlet.examples:
        text = "\n".join([example.remarks, *(c.text for c in example.code)])
        for line in text.split("\n"):
            translated = _translate(line, op.cmdlet.name, flags, command)
            if translated and translated not in found:
                found.append(translated)
                break
        if len(found) == 3:
            break
    return found


def _translate(line: str, cmdlet: str, flags: dict[str, CliOption], command: str) -> str | None:
    start = line.lower().find(cmdlet.lower())
    if start < 0 or line[:start].strip() not in ("", "PS C:\\>", "PS>"):
        return None
    rest = line[start + len(cmdlet) :]
    if any(mark in rest for mark in ("$", "@", "|", "(", "`", ";")):
        return None  # variables, hashtables, pipelines and subexpressions have no literal CLI form
    try:
        tokens = shlex.split(rest)
    except ValueError:
        return None
    words = [command]
    index = 0
    while index < len(tokens):
        token = tokens[index]
        option = flags.get(token[1:].lower()) if token.startswith("-") else None
        if option is None:
            return None
        words.append(option.decls[0])
        index += 1
        if option.kind != "flag":
            if index >= len(tokens):
                return None
            words.append(shlex.quote(tokens[index]))
            index += 1
    return " ".join(words)


def main_module(project: ResolvedProject) -> dict[str, Any]:
    return {
        "header": header("the settings"),
        "docstring": py_docstring(
            f"The command line: `{program(project)}`, `python -m {project.package}`.", ""
        ),
    }


def pyproject(project: ResolvedProject) -> dict[str, Any]:
    """The generated folder as an installable project (`pip install ./generated`): package and console script."""
    return {
        "name": program(project),
        "package": project.package,
        "prog": program(project),
    }
