"""Cmdlet names as the service sees them: verb, module noun prefix (`Mg`, `MgBeta`, `JcSdk`), noun words.

The prefix is what every cmdlet of a module shares in front of its own noun. A module with one cmdlet
(or whose nouns all start with the same entity) shows too little, so it borrows the longest prefix another
module proved; `[tool.platygen.noun-prefixes]` settles it by hand (module name glob → prefix).
"""

from __future__ import annotations

import re
from collections import defaultdict

from generator.config import longest_match
from generator.ir import Cmdlet

_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+")


def pascal_words(text: str) -> list[str]:
    """`ApplicationSynchronizationJob` → [Application, Synchronization, Job]; `ByRef`, `OData` kept apart."""
    return _WORD.findall(text)


def split_name(name: str) -> tuple[str, str]:
    verb, _, noun = name.partition("-")
    return (verb, noun) if noun else ("", verb)


def noun_prefixes(cmdlets: list[Cmdlet], configured: dict[str, str]) -> dict[str, str]:
    """Module name → the noun prefix its cmdlets share."""
    nouns: dict[str, list[list[str]]] = defaultdict(list)
    for cmdlet in cmdlets:
        nouns[cmdlet.module].append(pascal_words(split_name(cmdlet.name)[1]))
    proved: dict[str, str] = {}
    for module, words in nouns.items():
        if len(words) > 1:
            proved[module] = "".join(_common(words))
    prefixes: dict[str, str] = {}
    for module, words in sorted(nouns.items()):
        pattern = longest_match(configured, module)
        if pattern is not None:
            prefixes[module] = configured[pattern]
            continue
        own = proved.get(module)
        if own is not None:
            prefixes[module] = own
            continue
        noun = "".join(words[0])
        borrowed = [p for p in proved.values() if noun.startswith(p) and len(noun) > len(p)]
        prefixes[module] = max(borrowed, key=len) if borrowed else ""
    return prefixes


def _common(nouns: list[list[str]]) -> list[str]:
    """The words all nouns start with, leaving at least one word of each noun."""
    shortest = min(len(n) for n in nouns)
    common: list[str] = []
    for index in range(max(shortest - 1, 0)):
        word = nouns[0][index]
        if any(n[index] != word for n in nouns):
            break
        common.append(word)
    return common


def noun_words(cmdlet: Cmdlet, prefix: str) -> list[str]:
    noun = split_name(cmdlet.name)[1]
    if prefix and noun.startswith(prefix) and len(noun) > len(prefix):
        noun = noun[len(prefix) :]
    return pascal_words(noun)
