"""How Microsoft Graph PowerShell names the parts of a CSDL path: the rules the Graph binder matches by.

The Graph PowerShell SDK is generated in three steps, and each leaves its mark on a cmdlet's name:

1. Microsoft.OpenApi.OData (microsoft/OpenAPI.NET.OData) turns the CSDL into OpenAPI: paths from entity
   sets, singletons and navigation properties, keys as `{entityType-id}` (PrefixEntityTypeNameBeforeKey),
   `$count`, `$ref`, type casts, bound actions and functions (`delta()`); operationIds from the path's
   segment names (`applications.synchronization.jobs.pause`).
2. Hidi's PowerShellFormatter (microsoft/OpenAPI.NET, `Formatters/PowerShellFormatter.cs`) singularizes
   every operationId segment with Humanizer (exceptions added for drives, data, delta, quota,
   statistics), drops key types from action ids, turns `RefX` into `XByRef` and a cast into `AsType`.
3. autorest.powershell (`create-commands-v2.ts`, `defaults.md`) makes verb, subject and variant: the
   method's first word is the action (`List` → Get, `pause` → Suspend by its verb-mapping table), the
   subject is the group plus the remaining words, each singularized, sequential duplicates removed; the
   variant is the action (+ `Expanded` for an object body, + `ViaIdentity` when the path has keys).
   Graph's directives (msgraph-sdk-powershell `src/readme.graph.md`) then rename: `Invoke-MgDeltaX` →
   `Get-MgXDelta`, `Test` for check/verify → `Confirm`, and prepositions are kept in nouns (`ById`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# -- singular forms (Humanizer's English vocabulary, as Hidi configures it) ---------------------------------

# Words Humanizer leaves alone, plus the exclusions Hidi adds (`data`, `delta`, `quota`, `statistics`).
_UNCOUNTABLE = frozenset(
    "equipment information rice money species series fish sheep deer aircraft water waters bison grass "
    "hair mud elk luggage moose offspring salmon shrimp swine trout tuna corps scissors means mail pliers "
    "police news data delta quota statistics metadata".split()
)
_IRREGULAR = {"people": "person", "children": "child", "geese": "goose", "feet": "foot", "teeth": "tooth"}
# Humanizer's singular rules, the most specific first (Humanizer applies the last added rule that matches).
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"(vert|ind)ices$", r"\1ex"),
        (r"(matr|append)ices$", r"\1ix"),
        (r"(alias|bias|iris|status|campus|apparatus|virus|walrus|trellis)es$", r"\1"),
        (r"(alias|bias|iris|status|campus|apparatus|virus|walrus|trellis)$", r"\1"),
        (r"(octop|vir|alumn|fung|cact|foc|hippopotam|radi|stimul|syllab|nucle)i$", r"\1us"),
        (r"(cris|ax|test)es$", r"\1is"),
        (r"(shoe)s$", r"\1"),
        (r"(o)es$", r"\1"),
        (r"(bus)es$", r"\1"),
        (r"^(m|l)ice$", r"\1ouse"),
        (r"(quiz)zes$", r"\1"),
        (r"(x|ch|ss|sh)es$", r"\1"),
        (r"(m)ovies$", r"\1ovie"),
        (r"(s)eries$", r"\1eries"),
        (r"(database)s$", r"\1"),
        (r"([brc]ook|room|smooth)ies$", r"\1ie"),
        (r"([^aeiouy]|qu)ies$", r"\1y"),
        (r"([lr])ves$", r"\1f"),
        (r"(tive)s$", r"\1"),
        (r"(hive)s$", r"\1"),
        (r"(drive)s$", r"\1"),  # Hidi: "drives does not properly singularize to drive"
        (r"([^f])ves$", r"\1fe"),
        (r"(^analy)ses$", r"\1sis"),
        (r"((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$", r"\1sis"),
        (r"(alumn|alg|larv|vertebr)ae$", r"\1a"),
        (r"(criteri|phenomen)a$", r"\1on"),
        (r"([ti])a$", r"\1um"),
        # Already singular (Humanizer keeps a word whose plural singularizes back to it): class, bonus, basis.
        (
            r"(ss|(?:stat|camp|vir|bon|foc|cens|corp|syllab|nex|radi|stimul|gen|consens|prospect|cact)us)$",
            r"\1",
        ),
        (r"((?:analy|ba|cri|the|synop|diagno|parenthe|progno)sis|axis|iris|trellis|tennis)$", r"\1"),
        (r"s$", ""),
    )
)
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z0-9]*|[a-z0-9]+")


def words(name: str) -> list[str]:
    """camelCase / PascalCase words: `checkMemberGroups` → [check, Member, Groups]."""
    return _WORD.findall(name)


@lru_cache(maxsize=65536)  # the same navigation and set names come back for every cmdlet
def singular(name: str) -> str:
    """The singular of a camelCase name: only its last word changes (`masterCategories` → `masterCategory`)."""
    parts = words(name)
    if not parts:
        return name
    last = parts[-1]
    head = name[: len(name) - len(last)] if name.endswith(last) else "".join(parts[:-1])
    return head + _singular_word(last)


@lru_cache(maxsize=65536)
def _singular_word(word: str) -> str:
    lower = word.lower()
    if lower in _UNCOUNTABLE or len(lower) < 3:
        return word
    if lower in _IRREGULAR:
        return _same_case(word, _IRREGULAR[lower])
    for pattern, replacement in _RULES:
        if pattern.search(lower):
            return _same_case(word, pattern.sub(replacement, lower, count=1))
    return word


def _same_case(original: str, lower: str) -> str:
    return lower[:1].upper() + lower[1:] if original[:1].isupper() else lower


def without_all(name: str) -> str:
    """The name without its word `all` (`allChannels` → `channels`), as autorest leaves it out; "" if none."""
    parts = words(name)
    kept = [w for w in parts if w.lower() != "all"]
    if len(kept) == len(parts) or not kept:
        return ""
    return kept[0][:1].lower() + kept[0][1:] + "".join(pascal(w) for w in kept[1:])


def pascal(name: str) -> str:
    return name[:1].upper() + name[1:]


# -- verbs ----------------------------------------------------------------------------------------------

# autorest.powershell's verb-mapping (powershell/defaults.md): an operation's action word → cmdlet verb.
# An action word it does not list makes an `Invoke-` cmdlet whose noun starts with the word.
VERB_MAPPING: dict[str, str] = dict(
    pair.split(":")
    for pair in (
        "access:Get acquire:Get activate:Initialize add:Add allocate:New analyze:Test append:Add apply:Add "
        "approve:Approve assert:Assert assign:Set associate:Join attach:Add authorize:Grant backup:Backup "
        "block:Block build:Build bypass:Skip cancel:Stop capture:Export cat:Get change:Rename check:Test "
        "checkpoint:Checkpoint clear:Clear clone:Copy close:Close combine:Join compare:Compare compile:Build "
        "complete:Complete compress:Compress concatenate:Add configure:Set confirm:Confirm connect:Connect "
        "convert:Convert convertfrom:ConvertFrom convertto:ConvertTo copy:Copy create:New cut:Remove "
        "debug:Debug delete:Remove deny:Deny deploy:Deploy dir:Get disable:Disable discard:Remove "
        "disconnect:Disconnect discover:Find dismount:Dismount display:Show dispose:Remove dump:Get "
        "duplicate:Copy edit:Edit enable:Enable end:Stop enter:Enter erase:Clear evaluate:Test examine:Get "
        "execute:Invoke exit:Exit expand:Expand export:Export failover:Set find:Find finish:Complete "
        "flush:Clear forcereboot:Restart format:Format generalize:Reset generate:New get:Get grant:Grant "
        "group:Group hide:Hide import:Import initialize:Initialize insert:Add install:Install into:Enter "
        "invoke:Invoke is:Test join:Join jump:Skip limit:Limit list:Get load:Import locate:Find lock:Lock "
        "make:New measure:Measure merge:Merge migrate:Move mount:Mount move:Move name:Move new:New "
        "notify:Send nullify:Clear obtain:Get open:Open optimize:Optimize out:Out patch:Update pause:Suspend "
        "perform:Invoke ping:Ping pop:Pop post:Invoke power:Start poweroff:Stop poweron:Start produce:Show "
        "protect:Protect provision:New publish:Publish purge:Clear push:Push put:Set read:Read "
        "reassociate:Move reboot:Restart receive:Receive recover:Restore redo:Redo refresh:Update "
        "regenerate:New register:Register reimage:Update release:Publish remove:Remove rename:Rename "
        "repair:Repair replace:Update replicate:Copy reprocess:Update request:Request reset:Reset "
        "resize:Resize resolve:Resolve restart:Restart restore:Restore restrict:Lock resubmit:Submit "
        "resume:Resume retarget:Update retrieve:Get revoke:Revoke run:Start save:Save search:Search "
        "secure:Lock select:Select send:Send separate:Split set:Set show:Show shutdown:Stop skip:Skip "
        "split:Split start:Start step:Step stop:Stop submit:Submit suggest:Get suspend:Suspend swap:Switch "
        "switch:Switch sync:Sync synch:Sync synchronize:Sync test:Test trace:Trace transfer:Move "
        "trigger:Start type:Get unblock:Unblock undelete:Restore undo:Undo uninstall:Uninstall unite:Join "
        "unlock:Unlock unmark:Clear unprotect:Unprotect unpublish:Unpublish unregister:Unregister "
        "unrestrict:Unlock unsecure:Unlock unset:Clear update:Update upgrade:Update use:Use validate:Test "
        "verify:Test wait:Wait watch:Watch wipe:Clear write:Write"
    ).split()
)

# The variant (parameter-set) name of each operation every path kind has → its cmdlet verb.
CRUD_VERBS = {
    "list": "Get",
    "get": "Get",
    "create": "New",
    "update": "Update",
    "set": "Set",
    "delete": "Remove",
}


@dataclass(frozen=True, slots=True)
class ActionName:
    """One way the SDK names a bound action or function: `Suspend` + noun + `` for `pause`, variant `Pause`."""

    verb: str  # the cmdlet verb
    variant: str  # the action word, lower case: the parameter set's name starts with it
    tail: str  # lower-case words the noun ends with after the path's own words
    head: str = ""  # lower-case word the noun starts with (Invoke-MgReprocessUserLicenseAssignment)
    dropped_all: bool = False  # the name had the word `all`, which autorest leaves out (`getAllMessages`)


@lru_cache(maxsize=16384)
def action_names(name: str) -> tuple[ActionName, ...]:
    """The cmdlet names an action or function called `name` can get, verb first or verb last.

    autorest.powershell takes the first word of a method as its action when it is a verb, else the last
    one; which English words are verbs is a long list of its own, so both readings are offered and the
    parameter set's name (the action word) and the cmdlet's verb pick one.
    """
    every = [w.lower() for w in words(singular(name))]
    parts = [w for w in every if w != "all"]  # autorest.powershell issue 1002: `all` is dropped
    dropped = len(parts) < len(every)
    if not parts:
        return ()
    readings = [(parts[0], parts[1:])]
    if len(parts) > 1:
        readings.append((parts[-1], parts[:-1]))
    found: list[ActionName] = []
    for action, rest in readings:
        tail = "".join(_singular_word(w) for w in rest).lower()
        verb = VERB_MAPPING.get(action)
        if verb is None:
            named = _directives(ActionName("Invoke", action, tail, action, dropped))
        else:
            named = _directives(ActionName(verb, action, tail, "", dropped))
        if named not in found:
            found.append(named)
    return tuple(found)


def _directives(name: ActionName) -> ActionName:
    """msgraph-sdk-powershell's renames (src/readme.graph.md) that apply to action cmdlets."""
    # `verb: Invoke, subject: (^Delta)(.*)` → `verb: Get, subject: $2$1`
    if name.verb == "Invoke" and name.head == "delta":
        return ActionName("Get", name.variant, name.tail + "delta", "", name.dropped_all)
    # `verb: Test, variant: ^(Check|Verify)(.*)` → `verb: Confirm`
    if name.verb == "Test" and name.variant in ("check", "verify"):
        return ActionName("Confirm", name.variant, name.tail, name.head, name.dropped_all)
    return name
