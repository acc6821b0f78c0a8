"""Cmdlet names as the service sees them: verb, module noun prefix (`Mg`, `MgBeta`, `JcSdk`), noun words.

The prefix is what a module's cmdlets share in front of their own nouns. It is read from all of them at
once, by characters, not words: `XYK8SNamespace` and `XYJWTtoken` share `XY`, `AbCUser` and
`AbCDNSRecord` share `AbC`, however a word splitter would cut the capitals. The evidence, strongest first:

1. `[tool.platygen.noun-prefixes]` (module name glob → prefix), always;
2. the module's name: `Mg` is Microsoft.Graph's initials, `MgBeta` adds its `Beta` segment, `JcSdk` is
   JumpCloud.SDK's, `AzureAD` is AzureAD's words; the last segment names the module's area (`Users`:
   the nouns, not the prefix) unless it is a qualifier (`Beta`, `Preview`, `V2`). A noun that is the
   module's own name (`Connect-Contoso` in module Contoso) is all prefix;
3. a prefix another module of the run settled (a module with one cmdlet has little to show of its own);
4. where the nouns part: `XYK8SNamespace`, `XYJWTtoken` → `XY` (a noun that *is* the candidate, as
   `Get-MgApplication` is for `MgApplication`, proves it is no prefix). Cmdlets that do not share it
   at all (a few outliers among many, `Get-CrossCloudVerificationCode` in AzureAD) keep their nouns.

Where none of that settles it (the nouns part after `XyGroup`, but `Xy` would do as well; one cmdlet
whose noun starts like a prefix) the module is reported once (PG085) with the setting that fixes it.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from generator.config import longest_match
from generator.diagnostics import Diagnostic, Severity, at_origin
from generator.ir import Cmdlet
from generator.resolve.names import WORD  # one rule for words: acronyms keep their digits (K8S, X509)

# A module name's last segment that qualifies the module rather than naming its area.
_QUALIFIER = re.compile(r"^(?:beta|preview|alpha|v\d+)$", re.I)
# A prefix is shared by at least this share of a module's nouns; the others are outliers.
COVERAGE = 0.75
# How much of a module-name word a prefix may take without taking all of it: `Mg` is M + g, `EXO` is
# Ex + O; `User` is not `Users`.
_ABBREVIATION = 3


def pascal_words(text: str) -> list[str]:
    """`ApplicationSynchronizationJob` → [Application, Synchronization, Job]; `ByRef`, `OData` kept apart;
    `K8SNamespace` → [K8S, Namespace]."""
    return WORD.findall(text)


def split_name(name: str) -> tuple[str, str]:
    verb, _, noun = name.partition("-")
    return (verb, noun) if noun else ("", verb)


@dataclass(slots=True)
class NounPrefixes:
    """Module name → noun prefix, and the modules whose prefix the cmdlets do not settle (PG085)."""

    prefixes: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def noun_prefixes(cmdlets: list[Cmdlet], configured: dict[str, str]) -> dict[str, str]:
    """Module name → the noun prefix its cmdlets share ("" when none)."""
    return infer(cmdlets, configured).prefixes


def infer(
    cmdlets: list[Cmdlet], configured: dict[str, str], others: Iterable[tuple[str, str]] = ()
) -> NounPrefixes:
    """Every module's prefix; `others` are (module, cmdlet name) pairs of cmdlets not generated (not
    selected) that still show what their modules' names have in common."""
    nouns: dict[str, set[str]] = defaultdict(set)
    first: dict[str, Cmdlet] = {}
    for cmdlet in sorted(cmdlets, key=lambda c: (c.path, c.line)):
        nouns[cmdlet.module].add(split_name(cmdlet.name)[1])
        first.setdefault(cmdlet.module, cmdlet)
    for module, name in others:
        nouns[module].add(split_name(name)[1])
    fixed = {m: configured[p] for m in nouns if (p := longest_match(configured, m)) is not None}
    # What modules settle on their own (their name, or where several nouns part) others may borrow.
    settled = set(fixed.values())
    for module in sorted(set(nouns) - set(fixed)):
        choice = _decide(module, nouns[module], frozenset())
        if choice.sure and choice.prefix and len(nouns[module]) > 1:
            settled.add(choice.prefix)
    result = NounPrefixes()
    for module in sorted(first):
        if module in fixed:
            result.prefixes[module] = fixed[module]
            continue
        choice = _decide(module, nouns[module], frozenset(settled))
        result.prefixes[module] = choice.prefix
        if not choice.sure:
            cmdlet = first[module]
            result.diagnostics.append(
                at_origin(f"{cmdlet.path}:{cmdlet.line}", Severity.WARNING, "PG085", _unsure(module, choice))
            )
    return result


@dataclass(frozen=True, slots=True)
class _Choice:
    prefix: str
    sure: bool = True
    alternatives: tuple[str, ...] = ()


def _decide(module: str, nouns: set[str], borrowable: frozenset[str]) -> _Choice:
    candidates = _candidates(module, nouns)
    if not candidates:
        return _Choice("")
    prefixes = [c.prefix for c in candidates]
    longest = candidates[-1]
    parted = len(nouns) > 1  # the nouns part right after `longest`

    def backed(candidate: _Candidate) -> bool:
        return named_by(candidate.prefix, module) or candidate.prefix in borrowable

    # Inside a run of capitals (`XY|ZNAsset`) only the nouns' parting tells a prefix: a name or another
    # module that fits there proves nothing (it made `/zN/assets` of `Get-XYZNAsset`).
    if backed(longest) and (longest.clear or parted):
        return _Choice(longest.prefix)
    shorter = [c for c in candidates[:-1] if c.clear and backed(c)]
    if shorter:
        return _Choice(shorter[-1].prefix)
    if parted:
        # `longest` is the prefix unless a shorter one would do as well; one that leaves a lone capital
        # in front of the noun (`Ab` + `C...` of `AbC`) would not.
        others = tuple(p for p in prefixes[:-1] if not _lone_capital(longest.prefix[len(p) :]))
        return _Choice(longest.prefix, not others, others)
    # One noun shows no parting: no prefix, unless its start looks like one (`XyWidget`, `MPIOSetting`).
    shortest = prefixes[0]
    looks_like_prefix = len(shortest) <= _ABBREVIATION or shortest.isupper()
    return _Choice("", not looks_like_prefix, tuple(prefixes))


@dataclass(frozen=True, slots=True)
class _Candidate:
    prefix: str
    clear: bool  # a word boundary in every noun that has it, not a cut inside a run of capitals


def _candidates(module: str, nouns: set[str]) -> list[_Candidate]:
    """The prefixes, shortest first, that end at a word boundary of enough of the nouns and are no noun.

    With coverage over half, the candidates are prefixes of one another.
    """
    support: dict[str, int] = defaultdict(int)
    unclear: set[str] = set()
    for noun in nouns:
        for k, clear in _boundaries(noun):
            support[noun[:k]] += 1
            if not clear:
                unclear.add(noun[:k])
        if _own_name(noun, module):
            support[noun] += 1
    needed = 1 if len(nouns) == 1 else max(2, math.ceil(COVERAGE * len(nouns)))
    found = [
        _Candidate(p, p not in unclear)
        for p, count in support.items()
        if count >= needed and len(p) >= 2 and (p not in nouns or _own_name(p, module))
    ]
    return sorted(found, key=lambda c: len(c.prefix))


def _boundaries(noun: str) -> list[tuple[int, bool]]:
    """Positions where a new word may start, and whether surely: before a capital that follows a small
    letter (`Mg|User`) or that starts a capitalised word (`EXO|Mailbox`); maybe, anywhere in a run of
    capitals (`XY|K8S`, `PnP|AAD`): which cut is the real one only the module's other nouns can tell."""
    found = []
    for k in range(1, len(noun)):
        if not noun[k].isupper():
            continue
        left, right = noun[k - 1], noun[k + 1 : k + 2]
        if left.islower():
            found.append((k, True))
        elif left.isupper() or left.isdigit():
            found.append((k, right.islower()))
    return found


def _lone_capital(rest: str) -> bool:
    """`C` in `AbC`, `S` in `XYK8S`: what a shorter prefix would leave in front of the noun is one capital."""
    words = WORD.findall(rest)
    return bool(words) and len(words[0]) == 1 and words[0].isupper()


def _segments(module: str) -> list[str]:
    return [s for s in re.split(r"[^A-Za-z0-9]+", module) if s]


def _own_name(noun: str, module: str) -> bool:
    """`Contoso` in module Contoso (or Contoso.PowerShell): a cmdlet of the module itself, all prefix."""
    key = noun.lower()
    segments = _segments(module)
    return key == "".join(segments).lower() or any(key == s.lower() for s in segments)


def named_by(prefix: str, module: str) -> bool:
    """The prefix is made of the module name's words, in order, each whole or abbreviated (up to three
    letters), any skipped: `Mg` ← Microsoft.Graph, `MgBeta` ← Microsoft.Graph.Beta.Users, `JcSdk` ←
    JumpCloud.SDK.V2, `EXO` ← ExchangeOnlineManagement. The last segment of a dotted name is its area,
    not part of the prefix, unless it qualifies the module (Beta, Preview, V2)."""
    segments = _segments(module)
    if len(segments) > 1 and not _QUALIFIER.match(segments[-1]):
        segments = segments[:-1]
    words = tuple(w.lower() for s in segments for w in WORD.findall(s))
    return _spelled(prefix.lower(), words)


@cache
def _spelled(text: str, words: tuple[str, ...]) -> bool:
    if not text:
        return True
    for index, word in enumerate(words):
        pieces = {word} | {word[:n] for n in range(1, min(_ABBREVIATION, len(word)) + 1)}
        for piece in pieces:
            if text.startswith(piece) and _spelled(text[len(piece) :], words[index + 1 :]):
                return True
    return False


def _unsure(module: str, choice: _Choice) -> str:
    read = f"read as {json.dumps(choice.prefix)}" if choice.prefix else "read as none"
    others = [a for a in choice.alternatives if a != choice.prefix]
    could = " or ".join(json.dumps(a) for a in others)
    value = choice.prefix or (others[0] if others else "")
    return (
        f"noun prefix of module {module} is uncertain: {read}, could be {could}; routes and command names "
        f"depend on it: set it in pyproject.toml, [tool.platygen.noun-prefixes] "
        f"{json.dumps(module)} = {json.dumps(value)}"
    )


def noun_words(cmdlet: Cmdlet, prefix: str) -> list[str]:
    noun = split_name(cmdlet.name)[1]
    if prefix and noun.startswith(prefix) and len(noun) > len(prefix):
        noun = noun[len(prefix) :]
    return pascal_words(noun)
