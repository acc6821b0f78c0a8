"""Two snapshots → the changes between them, each under a rule (`rules`) with the place on each side.

Entities whose fingerprints agree are skipped unread: a diff of a 5,000-file project that changed ten
files unpickles the few entities those files touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.diff import contract, surface
from generator.diff.rules import RULES, Level
from generator.diff.snapshot import EntityKey, Snapshot


@dataclass(frozen=True, slots=True)
class Change:
    rule: str
    subject: str  # what changed: `Update-MgUser -Id`, `IMicrosoftGraphUser.DisplayName`, `Get-MgUser [List]`
    message: str
    base: str = ""  # "path:line" on the base side ("" where it has none)
    head: str = ""

    @property
    def level(self) -> Level:
        return RULES[self.rule].level

    @property
    def text_only(self) -> bool:
        return RULES[self.rule].text_only

    def to_json(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "level": self.level.value,
            "text_only": self.text_only,
            "subject": self.subject,
            "message": self.message,
            "base": self.base,
            "head": self.head,
        }


def sort_changes(changes: list[Change]) -> list[Change]:
    return sorted(changes, key=lambda c: (c.text_only, c.level.rank, c.subject.lower(), c.rule, c.message))


def changes(before: Snapshot, after: Snapshot) -> list[Change]:
    differ = _Differ(before, after)
    for key in sorted(before.entities.keys() | after.entities.keys()):
        old, new = before.entities.get(key), after.entities.get(key)
        if old is not None and new is not None and old.fingerprint == new.fingerprint:
            continue
        differ.entity(key, old.load() if old else None, new.load() if new else None)
    return sort_changes(differ.found)


def _values(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """(removed, added), case-insensitively, in their own order."""
    lowered_old, lowered_new = {v.lower() for v in old}, {v.lower() for v in new}
    return [v for v in old if v.lower() not in lowered_new], [v for v in new if v.lower() not in lowered_old]


def _listed(values: list[str]) -> str:
    return ", ".join(values)


_LITERAL = re.compile(r"Literal\[[^\]]*\]")
_MODEL = re.compile(r"\b((?:\w+\.)*\w+)\.(I\w+)\b")  # a model's qualified .NET name in a type


class _Differ:
    def __init__(self, before: Snapshot, after: Snapshot) -> None:
        self.before, self.after = before, after
        self.found: list[Change] = []
        namespaces: dict[str, set[str]] = {}
        for kind, *rest in before.entities.keys() | after.entities.keys():
            if kind != "cmdlet":
                namespaces.setdefault(rest[1], set()).add(rest[0])
        # A type is named by its .NET name, with its namespace where another namespace has that name too.
        self.shared = {name for name, found in namespaces.items() if len(found) > 1}

    def type_name(self, namespace: str, name: str) -> str:
        return f"{namespace}.{name}" if name in self.shared else name

    def add(self, rule: str, subject: str, message: str, base: str = "", head: str = "") -> None:
        self.found.append(Change(rule, subject, message, base, head))

    def entity(self, key: EntityKey, old: tuple[Any, Any] | None, new: tuple[Any, Any] | None) -> None:
        if old == new:
            return
        if key[0] == "cmdlet":
            self.cmdlet(old, new)
        elif key[0] == "type":
            self.complex_type(old, new)
        else:
            self.enum(old, new)

    # --- cmdlets ----------------------------------------------------------------------------------

    def cmdlet(self, old: tuple[Any, Any] | None, new: tuple[Any, Any] | None) -> None:
        if old is None or new is None:
            c = (old or new)[0]  # type: ignore[index]
            if old is None:
                self.add("PD002", c.name, f"cmdlet {c.name} added", head=c.at)
            else:
                self.add("PD001", c.name, f"cmdlet {c.name} removed", base=c.at)
            return
        a: contract.Cmdlet = old[0]
        b: contract.Cmdlet = new[0]
        if a.module != b.module:
            self.add("PD003", b.name, f"module {a.module} → {b.module}", a.at, b.at)
        self.sets(a, b)
        self.parameters(a, b)
        if [t.lower() for t in a.outputs] != [t.lower() for t in b.outputs]:
            message = f"output {_listed(list(a.outputs)) or 'none'} → {_listed(list(b.outputs)) or 'none'}"
            self.add("PD031", b.name, message, a.at, b.at)
        self.routes(a, b)
        for part, digest in b.text.items():
            if a.text.get(part, "") != digest:
                self.add("PD090", b.name, f"{part} changed", a.at, b.at)
        self.methods(a, b, old[1], new[1])

    def sets(self, a: contract.Cmdlet, b: contract.Cmdlet) -> None:
        for name in a.sets.keys() - b.sets.keys():
            message = f"parameter set {name or '(unnamed)'} removed"
            self.add("PD010", f"{a.name} [{name}]", message, a.sets[name].at, b.at)
        for name in b.sets.keys() - a.sets.keys():
            message = f"parameter set {name or '(unnamed)'} added"
            self.add("PD011", f"{b.name} [{name}]", message, a.at, b.sets[name].at)
        old_default = next((s.name for s in a.sets.values() if s.default), None)
        new_default = next((s.name for s in b.sets.values() if s.default), None)
        if old_default != new_default and old_default in b.sets and new_default in a.sets:
            message = f"default parameter set {old_default or '(none)'} → {new_default or '(none)'}"
            self.add(
                "PD012",
                b.name,
                message,
                a.sets[old_default].at if old_default is not None else a.at,
                b.sets[new_default].at if new_default is not None else b.at,
            )

    def parameters(self, a: contract.Cmdlet, b: contract.Cmdlet) -> None:
        shared_sets = [name for name in a.sets if name in b.sets]
        for key in sorted(a.parameters.keys() | b.parameters.keys()):
            p, q = a.parameters.get(key), b.parameters.get(key)
            if q is None:
                assert p is not None
                instead = [(f"-{q.name}", q.type) for q in b.parameters.values()]
                hint = self.folded(f"-{p.name}", instead)
                self.add("PD020", f"{a.name} -{p.name}", f"parameter -{p.name} removed{hint}", p.at, b.at)
                continue
            subject = f"{b.name} -{q.name}"
            if p is None:
                required = [s for s in shared_sets if b.sets[s].parameters.get(key)]
                if required:
                    message = f"required parameter -{q.name} added to {_sets(required)}"
                    self.add("PD021", subject, message, a.at, q.at)
                else:
                    self.add("PD022", subject, f"parameter -{q.name} added", a.at, q.at)
                continue
            self.parameter(subject, p, q)
            self.membership(subject, a, b, key, shared_sets, p, q)

    def parameter(self, subject: str, p: contract.Parameter, q: contract.Parameter) -> None:
        if p.type.lower() != q.type.lower():
            message = f"type {_short(p.type) or '(none)'} → {_short(q.type) or '(none)'}"
            self.add("PD025", subject, message, p.at, q.at)
        removed, added = _values(p.aliases, q.aliases)
        if removed:
            self.add("PD026", subject, f"alias {_listed(removed)} removed", p.at, q.at)
        if added:
            self.add("PD027", subject, f"alias {_listed(added)} added", p.at, q.at)
        if p.accepted and not q.accepted:
            self.add("PD029", subject, "accepted values no longer restricted", p.at, q.at)
        elif q.accepted and not p.accepted:
            self.add(
                "PD028", subject, f"accepted values restricted to {_listed(list(q.accepted))}", p.at, q.at
            )
        else:
            removed, added = _values(p.accepted, q.accepted)
            if removed:
                self.add("PD028", subject, f"accepted value {_listed(removed)} removed", p.at, q.at)
            if added:
                self.add("PD029", subject, f"accepted value {_listed(added)} added", p.at, q.at)
        if p.text != q.text:
            self.add("PD091", subject, "description changed", p.at, q.at)

    def membership(
        self,
        subject: str,
        a: contract.Cmdlet,
        b: contract.Cmdlet,
        key: str,
        shared_sets: list[str],
        p: contract.Parameter,
        q: contract.Parameter,
    ) -> None:
        left: list[str] = []
        joined_required: list[str] = []
        joined: list[str] = []
        required: list[str] = []
        optional: list[str] = []
        for name in shared_sets:
            was, now = a.sets[name].parameters.get(key), b.sets[name].parameters.get(key)
            if was is not None and now is None:
                left.append(name)
            elif was is None and now is not None:
                (joined_required if now else joined).append(name)
            elif was is not None and now is not None and was != now:
                (required if now else optional).append(name)
        if left:
            self.add("PD020", subject, f"-{q.name} removed from {_sets(left)}", p.at, q.at)
        if joined_required:
            self.add("PD021", subject, f"-{q.name} added to {_sets(joined_required)} as required", p.at, q.at)
        if joined:
            self.add("PD022", subject, f"-{q.name} added to {_sets(joined)}", p.at, q.at)
        if required:
            self.add("PD023", subject, f"-{q.name} required in {_sets(required)}", p.at, q.at)
        if optional:
            self.add("PD024", subject, f"-{q.name} optional in {_sets(optional)}", p.at, q.at)

    def folded(self, removed: str, candidates: list[tuple[str, str]]) -> str:
        """AutoRest's flattened names folded into their object: `ScheduleState` → `Schedule`'s `State`.
        `candidates`: (name, type) of what the head side has instead."""
        for name, type_ in candidates:
            rest = removed[len(name) :]
            model = _MODEL.search(type_)
            if not rest or not removed.lower().startswith(name.lower()) or model is None:
                continue
            entity = self.after.entities.get(("type", model.group(1), model.group(2)))
            prop = entity.load()[0].properties.get(rest.lower()) if entity is not None else None
            if prop is not None:
                return f"; its value is now {name}'s property {prop.name}"
        return ""

    def routes(self, a: contract.Cmdlet, b: contract.Cmdlet) -> None:
        for name in [n for n in a.sets if n in b.sets]:
            r, s = a.routes.get(name), b.routes.get(name)
            subject = f"{b.name} [{name}]" if name else b.name
            if r is None or s is None:
                continue
            if r.usable and not s.usable:
                message = f"set {name or '(unnamed)'} left out of the client: no certain route"
                self.add("PD063", subject, message, r.at, s.at)
                continue
            if s.usable and not r.usable:
                message = f"set {name or '(unnamed)'} now callable: {s.method} {s.base_url}{s.path}"
                self.add("PD064", subject, message, r.at, s.at)
                continue
            if not s.usable:
                continue
            if r.method != s.method:
                self.add("PD060", subject, f"method {r.method} → {s.method} ({s.path})", r.at, s.at)
            if r.url != s.url:  # where the base URL ends and the path begins may move, the request not
                if r.path == s.path:
                    message = f"base URL {r.base_url or '(none)'} → {s.base_url or '(none)'}"
                    self.add("PD062", subject, message, r.at, s.at)
                else:
                    self.add("PD061", subject, f"path {r.url} → {s.url}", r.at, s.at)
            if r.source != s.source:
                self.add("PD065", subject, f"route from {r.source} → {s.source}", r.at, s.at)

    def methods(
        self,
        a: contract.Cmdlet,
        b: contract.Cmdlet,
        old: tuple[surface.PyMethod, ...],
        new: tuple[surface.PyMethod, ...],
    ) -> None:
        before = {m.kind: m for m in old}
        after = {m.kind: m for m in new}
        for kind in sorted(before.keys() | after.keys()):
            m, n = before.get(kind), after.get(kind)
            if n is None:
                assert m is not None
                message = f"client method {m.name} removed: no parameter set is callable"
                self.add("PD087", b.name, message, a.at, b.at)
                continue
            if m is None:
                self.add("PD088", b.name, f"client method {n.name} added", a.at, b.at)
                continue
            if m.name != n.name:
                self.add("PD083", b.name, f"client method {m.name} renamed {n.name}", a.at, b.at)
            for key in sorted(m.arguments.keys() & n.arguments.keys()):
                x, y = m.arguments[key], n.arguments[key]
                p, q = a.parameters.get(key), b.parameters.get(key)
                at = (p.at if p else a.at, q.at if q else b.at)
                subject = f"{b.name} -{q.name if q else key}"
                if x.name != y.name:
                    self.add("PD084", subject, f"{n.name}({x.name}=) renamed {y.name}=", *at)
                same_parameter = p is not None and q is not None and p.type.lower() == q.type.lower()
                # An enum's values changing is reported on the enum or the property (PD050, PD051).
                if _LITERAL.sub("Literal[]", x.type) != _LITERAL.sub("Literal[]", y.type) and same_parameter:
                    self.add("PD085", subject, f"{n.name}({y.name}=): {x.annotation} → {y.annotation}", *at)

    # --- complex types and enums ------------------------------------------------------------------

    def one_side(
        self, old: tuple[Any, Any] | None, new: tuple[Any, Any] | None, rules: tuple[str, str]
    ) -> bool:
        """A type or enum only one side has: reported (`rules`: removed, added), True."""
        if old is not None and new is not None:
            return False
        item, python = old or new  # type: ignore[misc]
        kind, noun = ("type", "class") if isinstance(item, contract.ComplexType) else ("enum", "type alias")
        subject = self.type_name(item.namespace, item.name)
        if old is None:
            self.add(rules[1], subject, f"{kind} {item.name} added ({noun} {python.name})", head=item.at)
        else:
            self.add(rules[0], subject, f"{kind} {item.name} removed ({noun} {python.name})", base=item.at)
        return True

    def python_name(self, subject: str, renamed: str, old: tuple[Any, Any], new: tuple[Any, Any]) -> None:
        """The class or enum a type becomes: renamed (`renamed`), moved to another module (PD081)."""
        noun = "class" if renamed == "PD080" else "enum"
        x, y = old[1], new[1]
        if x.name != y.name:
            self.add(renamed, subject, f"{noun} {x.name} renamed {y.name}", old[0].at, new[0].at)
        if x.module != y.module:
            message = f"{noun} {y.name} moved from models.{x.module} to models.{y.module}"
            self.add("PD081", subject, message, old[0].at, new[0].at)

    def complex_type(self, old: tuple[Any, Any] | None, new: tuple[Any, Any] | None) -> None:
        if self.one_side(old, new, ("PD040", "PD041")):
            return
        assert old is not None and new is not None
        a: contract.ComplexType = old[0]
        b: contract.ComplexType = new[0]
        x: surface.PyClass = old[1]
        y: surface.PyClass = new[1]
        name = self.type_name(b.namespace, b.name)
        self.python_name(name, "PD080", old, new)
        if a.open and not b.open:
            self.add("PD052", name, "no longer accepts extra properties", a.at, b.at)
        elif b.open and not a.open:
            self.add("PD053", name, "accepts extra properties", a.at, b.at)
        if a.text != b.text:
            self.add("PD092", name, "description changed", a.at, b.at)
        for key in sorted(a.properties.keys() | b.properties.keys()):
            p, q = a.properties.get(key), b.properties.get(key)
            if q is None:
                assert p is not None
                hint = self.folded(p.name, [(q.name, q.type) for q in b.properties.values()])
                message = f"property {p.name} removed (field {x.fields[key].name}){hint}"
                self.add("PD042", f"{name}.{p.name}", message, p.at, b.at)
                continue
            subject = f"{name}.{q.name}"
            field = y.fields[key].name
            origin = " (from the API description)" if q.described else ""
            if p is None:
                if q.required:
                    message = f"required property {q.name} added{origin} (field {field})"
                    self.add("PD044", subject, message, a.at, q.at)
                else:
                    self.add("PD043", subject, f"property {q.name} added{origin} (field {field})", a.at, q.at)
                continue
            self.property(subject, p, q)
            if x.fields[key].name != field:
                message = f"field {x.name}.{x.fields[key].name} renamed {y.name}.{field}"
                self.add("PD082", subject, message, p.at, q.at)

    def property(self, subject: str, p: contract.Property, q: contract.Property) -> None:
        if p.required != q.required:
            self.add(
                "PD045" if q.required else "PD046",
                subject,
                "now required" if q.required else "now optional",
                p.at,
                q.at,
            )
        inline = "Literal[" in p.type and "Literal[" in q.type
        if (
            (_LITERAL.sub("Literal[]", p.type) != _LITERAL.sub("Literal[]", q.type))
            if inline
            else p.type != q.type
        ):
            self.add("PD047", subject, f"type {_short(p.type)} → {_short(q.type)}", p.at, q.at)
        elif inline:
            self.values(subject, p.choices, q.choices, False, p.at, q.at)
        if p.nullable != q.nullable:
            self.add("PD048", subject, "may now be null" if q.nullable else "never null any more", p.at, q.at)
        if p.wire != q.wire:
            self.add("PD049", subject, f"JSON name {p.wire} → {q.wire}", p.at, q.at)
        if p.text != q.text:
            self.add("PD092", subject, "description changed", p.at, q.at)

    def values(
        self, subject: str, old: tuple[str, ...], new: tuple[str, ...], evolvable: bool, base: str, head: str
    ) -> None:
        removed, added = _values(old, new)
        if removed:
            self.add("PD050", subject, f"value {_listed(removed)} removed", base, head)
        if added:
            self.add("PD054" if evolvable else "PD051", subject, f"value {_listed(added)} added", base, head)

    def enum(self, old: tuple[Any, Any] | None, new: tuple[Any, Any] | None) -> None:
        if self.one_side(old, new, ("PD055", "PD056")):
            return
        assert old is not None and new is not None
        a: contract.Enum = old[0]
        b: contract.Enum = new[0]
        name = self.type_name(b.namespace, b.name)
        self.python_name(name, "PD086", old, new)
        self.values(name, a.values, b.values, b.evolvable, a.at, b.at)


def _short(type_: str) -> str:
    """A type as the help shows it: models without their namespace."""
    return _MODEL.sub(lambda m: m.group(2), type_)


def _sets(names: list[str]) -> str:
    shown = [n or "(unnamed)" for n in names]
    return ("set " if len(shown) == 1 else "sets ") + ", ".join(shown)
