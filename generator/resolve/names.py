"""One naming policy for everything platygen writes: identifiers, class names, module names, wire names.

Modelled on openapi-python-client's `PythonIdentifier`/`ClassName`: sanitise → case → reserved-word
suffix, with collisions resolved the same way on every run (never by input order), so that a name once
given stays where it can: see `unique`.
"""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata
from collections.abc import Iterable

from pydantic import BaseModel

# One rule for words: a run of capitals and digits is one word (AWS, K8S, X509, SHA256) unless a
# lower-case letter follows, which makes its last capital the start of the next word (AWSRegion →
# AWS Region, K8SName → K8S Name); digits after lower case stay with the word (Oauth2, Base64, Win32).
WORD = re.compile(r"[A-Z][A-Z0-9]*(?![a-z])|[A-Z]?[a-z][a-z0-9]*|[0-9][a-z0-9]*")

# Names a generated field or parameter must not take: they would shadow what the generated code uses.
RESERVED = (
    set(keyword.kwlist)
    | set(keyword.softkwlist)
    | (set(dir(builtins)) - {"id"})  # as openapi-python-client: `id` is too common to rename
    | {name for name in dir(BaseModel) if not name.startswith("__")}
    | {"self", "cls", "datetime", "timedelta", "typing", "uuid", "decimal", "pydantic", "annotations"}
    | {"to_wire", "to_json", "from_wire"}  # methods of the generated base class (templates/base.py.jinja)
)


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def words(text: str) -> list[str]:
    """Split `ODataType`, `last_execution`, `@odata.type`, `key-vault`, `K8SName` into lower-case words."""
    return [w.lower() for w in WORD.findall(_ascii(text))]


def snake_case(text: str) -> str:
    return "_".join(words(text))


def kebab_case(text: str) -> str:
    return "-".join(words(text))


def pascal_case(text: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in words(text))


def camel_case(text: str) -> str:
    """Wire names: Graph sends a property `DisplayName` as `displayName` (only the first letter changes)."""
    if not text:
        return text
    match = re.match(r"[A-Z]+(?=[A-Z][a-z0-9]|$)", text)
    if match and len(match.group(0)) > 1:
        return match.group(0).lower() + text[match.end() :]
    return text[:1].lower() + text[1:]


def python_identifier(text: str, fallback: str = "value") -> str:
    """A snake_case identifier that is valid, not reserved and does not start with `_` or a digit."""
    name = snake_case(text) or fallback
    if name[0].isdigit():
        name = f"{fallback}_{name}"
    if name in RESERVED or name.startswith("model_"):
        name = f"{name}_"
    return name


def argument_name(text: str) -> str:
    """A keyword argument of a client method: only keywords are renamed (`filter=` reads better than
    `filter_=`, and shadowing a builtin inside a generated method body is harmless)."""
    name = snake_case(text) or "value"
    if name[0].isdigit():
        name = f"value_{name}"
    if keyword.iskeyword(name) or name in ("self", "dry_run", "kwargs"):
        name = f"{name}_"
    return name


def class_name(text: str) -> str:
    name = pascal_case(text) or "Model"
    if name[0].isdigit():
        name = f"Model{name}"
    if keyword.iskeyword(name) or name in RESERVED:
        name = f"{name}Model"
    return name


def module_name(text: str) -> str:
    """A Python module name for a namespace or cmdlet: `Microsoft.Graph.PowerShell.Models` → `microsoft_graph_power_shell_models`."""
    name = snake_case(text) or "module"
    if name[0].isdigit() or keyword.iskeyword(name):
        name = f"m_{name}"
    return name


def plain(source: str) -> bool:
    """Spelled as the naming policy spells its words (`FooBar`; `Get-MgUserById`, part by part around
    the verb's `-`): the one spelling of those words that is plain, so no newcomer can be plainer."""
    return all(part and part == pascal_case(part) for part in source.split("-"))


def unique(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map source name → chosen name so that no two sources share one.

    `names` holds (source, wanted) pairs. Every name goes to one source that wants it: a `plain` one
    first (`FooBar` before `Foo_Bar`, `FOO_BAR`, `_id`), else the first in sorted order. Only then are
    the others numbered (`_2`, `_3`, ... in that order, past every name already given), so a source
    that got its name keeps it whatever is added, unless what is added is plain where it is not (or
    both are plain and the newcomer sorts first). The help writes names plainly.
    Comparison is case-insensitive, because file systems and readers often are.
    """
    pairs = sorted(names, key=lambda pair: (not plain(pair[0]), pair))
    chosen: dict[str, str] = {}
    taken: set[str] = set()
    for source, wanted in pairs:
        if wanted.lower() not in taken and source not in chosen:
            chosen[source] = wanted
            taken.add(wanted.lower())
    for source, wanted in pairs:
        if source in chosen:
            continue
        candidate, counter = wanted, 2
        while candidate.lower() in taken:
            candidate = f"{wanted}_{counter}" if not wanted.endswith("_") else f"{wanted}{counter}"
            counter += 1
        taken.add(candidate.lower())
        chosen[source] = candidate
    return chosen
