"""Read one help file into a Cmdlet, with every problem reported as a Diagnostic."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from generator.diagnostics import Diagnostic, DiagnosticSink, Severity
from generator.ir import Cmdlet, Parameter, ParameterSet, SetMembership
from generator.read import document, notes, parameters, prose, samples, source, syntax
from generator.read.document import Section

KNOWN_SECTIONS = {
    "SYNOPSIS": "SYNOPSIS",
    "SYNTAX": "SYNTAX",
    "ALIASES": "ALIASES",
    "DESCRIPTION": "DESCRIPTION",
    "EXAMPLES": "EXAMPLES",
    "EXAMPLE": "EXAMPLES",
    "PARAMETERS": "PARAMETERS",
    "PARAMETER": "PARAMETERS",
    "INPUTS": "INPUTS",
    "INPUT": "INPUTS",
    "OUTPUTS": "OUTPUTS",
    "OUTPUT": "OUTPUTS",
    "NOTES": "NOTES",
    "NOTE": "NOTES",
    "RELATED LINKS": "RELATED LINKS",
    "RELATED LINK": "RELATED LINKS",
    "LINKS": "RELATED LINKS",
}
_REQUIRED = ("SYNOPSIS", "SYNTAX")
# The order in which platyPS writes (and its importers expect) the sections, both schema versions.
ORDER = (
    "SYNOPSIS",
    "SYNTAX",
    "ALIASES",
    "DESCRIPTION",
    "EXAMPLES",
    "PARAMETERS",
    "INPUTS",
    "OUTPUTS",
    "NOTES",
    "RELATED LINKS",
)


# Pages of a docs folder that are never a cmdlet's help, by file name (without `.md`, any case).
_PAGE_NAMES = {
    "readme": "a README",
    "index": "an index page",
    "toc": "a table of contents",
    "_toc": "a table of contents",
    "summary": "a table of contents",
    "contents": "a table of contents",
    "changelog": "a change log",
    "contributing": "a contributors' guide",
    "license": "a licence",
}
# A cmdlet's name as a title says it: `Get-XyGroupMember` (a trailing dot or colon is a typo).
_CMDLET_NAME = re.compile(r"^[A-Za-z]+-[A-Za-z_][\w.]*?[.:]?$")


@dataclass(slots=True)
class ReadResult:
    path: str
    cmdlet: Cmdlet | None
    diagnostics: list[Diagnostic]
    module_page: bool = False
    # Not a cmdlet's help, and not meant to be (a README, an about_ topic, a module page): what it is.
    skipped: str = ""


def read_bytes(path: str, data: bytes) -> ReadResult:
    """Read a help file given as bytes; `path` is the display path used in the IR and diagnostics.

    Pages of a docs folder that are not a cmdlet's help and do not claim to be one are skipped with
    one info (PG004, PG007) and nothing else: their front matter, sections and markdown are their own.
    """
    page = page_kind(path)
    if page:
        return _skip(path, page, f"{page} (by its file name), not a cmdlet's help: skipped")
    sink = DiagnosticSink(path)
    text = source.decode(data, sink)
    if text is None:
        return ReadResult(path, None, sink.items)
    src = source.load(path, text, sink)
    doc = document.parse(src, sink)
    if not doc.parsed:
        return ReadResult(path, None, sink.items)
    syntax_sections = [s for s in doc.sections if KNOWN_SECTIONS.get(s.title) == "SYNTAX"]
    if not syntax_sections and _is_module_page(src, doc):
        message = "module page (a module's list of cmdlets), not a cmdlet: skipped"
        return _skip(path, "a module page", message, "PG004")
    if not _claims_cmdlet(src, doc):
        either = "" if src.front_matter else " (nor front matter)"
        if not syntax_sections:
            message = (
                f"no ## SYNTAX section and no cmdlet name as its title{either}: not a cmdlet's help, skipped"
            )
            return _skip(path, "a page without SYNTAX", message)
        if not any(b.kind == "code" for s in syntax_sections for b in s.blocks):
            # A conceptual page's `## Syntax` of prose (about splatting, say), not a cmdlet's.
            message = (
                f"## SYNTAX has no syntax block and no cmdlet name is its title{either}: "
                "not a cmdlet's help, skipped"
            )
            return _skip(path, "a page without syntax blocks", message)
    sections = _sections(doc, sink)
    _check_order(src, list(sections.values()), sink)
    if "SYNTAX" not in sections:
        sink.error(
            "PG020", doc.title.line if doc.title else 1, "no ## SYNTAX section: not a cmdlet help file"
        )
        return ReadResult(path, None, sink.items)
    cmdlet = _cmdlet(path, src, doc, sections, sink)
    return ReadResult(path, cmdlet, sink.items)


def page_kind(path: str) -> str:
    """What a file is by its name alone when that is no cmdlet's help ("" otherwise)."""
    stem = posixpath.basename(path).rsplit(".", 1)[0].lower()
    if stem.startswith(("about_", "about-")):
        return "an about_ topic"
    return _PAGE_NAMES.get(stem, "")


def _skip(path: str, what: str, message: str, rule: str = "PG007") -> ReadResult:
    info = Diagnostic(path, 1, 1, Severity.INFO, rule, message)
    return ReadResult(path, None, [info], module_page=rule == "PG004", skipped=what)


def _claims_cmdlet(src: source.Source, doc: document.Document) -> bool:
    """The H1 or the front matter's title is a cmdlet's name, or the front matter says it is one."""
    titles = [doc.title.text if doc.title else "", src.front_matter.get("title", "")]
    kind = src.front_matter.get("document type", "").strip().lower()
    return kind == "cmdlet" or any(_CMDLET_NAME.match(t.strip()) for t in titles if t)


def _sections(doc: document.Document, sink: DiagnosticSink) -> dict[str, Section]:
    found: dict[str, Section] = {}
    for section in doc.sections:
        key = KNOWN_SECTIONS.get(section.title)
        if key is None:
            sink.info("PG012", section.line, f"unknown section {section.heading!r} ignored")
            continue
        if key in found:
            sink.warning(
                "PG011", section.line, f"section ## {key} appears again (first at line {found[key].line})"
            )
            first = found[key]
            first.blocks.extend(section.blocks)
            # Not `first.end = section.end`: the sections in between would become part of this one.
            first.more.append((section.line + 1, section.end))
            continue
        found[key] = section
    return found


def _check_order(src: source.Source, sections: list[Section], sink: DiagnosticSink) -> None:
    """PG014 on the fewest sections that, moved, would put the file in platyPS order.

    The sections kept are the longest run already in order (the earliest such run on a tie), so one
    section moved to the top is one finding, not one for every section after it.
    """
    ranks = [ORDER.index(KNOWN_SECTIONS[s.title]) for s in sections]
    best: list[list[int]] = []  # best[i]: longest in-order run of positions ending at i
    for i, rank in enumerate(ranks):
        before = [best[j] for j in range(i) if ranks[j] < rank]
        best.append([*max(before, key=len, default=[]), i])
    longest: list[int] = max(best, key=len, default=[])
    kept = set(longest)
    for i, section in enumerate(sections):
        if i in kept:
            continue
        after = [ORDER[ranks[j]] for j in sorted(kept) if ranks[j] < ranks[i]]
        place = f"after ## {after[-1]}" if after else f"before ## {ORDER[ranks[min(kept)]]}"
        heading = src.line(section.line)
        column = len(heading) - len(heading.lstrip(" ")) + 1
        message = f"section ## {ORDER[ranks[i]]} is out of order: platyPS puts it {place}"
        sink.warning("PG014", section.line, message, column)


def _is_module_page(src: source.Source, doc: document.Document) -> bool:
    keys = {k.lower() for k in src.front_matter}
    kind = src.front_matter.get("document type", "").lower()
    title = doc.title.text.lower() if doc.title else ""
    return "module guid" in keys or kind == "module" or title.endswith(" module")


def _cmdlet(
    path: str, src: source.Source, doc: document.Document, sections: dict[str, Section], sink: DiagnosticSink
) -> Cmdlet:
    for key in _REQUIRED:
        if key not in sections:
            sink.warning("PG010", 1, f"section ## {key} is missing")
    stem = posixpath.splitext(posixpath.basename(path))[0]
    sets = syntax.read_syntax(sections["SYNTAX"], sink)
    name = cmdlet_name(doc.title.text if doc.title else "", src.front_matter.get("title", ""), stem, sets)
    if doc.title is None:
        sink.warning("PG005", 1, f"no H1 title; using {name!r}")
    elif doc.title.text.lower() != stem.lower():
        named = f"; the cmdlet is {name!r}, as its syntax says" if name != doc.title.text else ""
        sink.warning(
            "PG005", doc.title.line, f"H1 {doc.title.text!r} differs from the file name {stem!r}{named}"
        )
    module = module_name(path, src.front_matter)
    schema = src.front_matter.get("schema") or src.front_matter.get("PlatyPS schema version") or ""
    params = parameters.read_parameters(src, sections["PARAMETERS"], sink) if "PARAMETERS" in sections else []
    trees, aliases = notes.read_notes(src, sections["NOTES"], sink) if "NOTES" in sections else ([], [])
    if "ALIASES" in sections:
        aliases += notes.aliases_section(src, sections["ALIASES"], sink)
    cmdlet = Cmdlet(
        name=name,
        module=module,
        path=path,
        schema=schema,
        front_matter=dict(sorted(src.front_matter.items())),
        synopsis=prose.read_prose(src, sections.get("SYNOPSIS"), sink),
        description=prose.read_prose(src, sections.get("DESCRIPTION"), sink),
        aliases=list(dict.fromkeys(aliases)),
        parameter_sets=sets,
        parameters=params,
        inputs=prose.read_type_docs(src, sections.get("INPUTS"), sink),
        outputs=prose.read_type_docs(src, sections.get("OUTPUTS"), sink),
        examples=prose.read_examples(src, sections.get("EXAMPLES"), sink),
        property_trees=trees,
        related_links=prose.read_links(src, sections.get("RELATED LINKS")),
        line=doc.title.line if doc.title else 1,
        samples=samples.read_samples(doc),
    )
    _check(cmdlet, sections["SYNTAX"], sink)
    return cmdlet


def cmdlet_name(h1: str, title: str, stem: str, sets: list[ParameterSet]) -> str:
    """The H1, unless the syntax names the cmdlet otherwise and the front matter's title, the file name or
    the H1 without a stray trailing dot agrees with the syntax (`# Get-XyGroupMember.`).

    Always one of `name_candidates`, in some case.
    """
    if not h1:
        return title or stem
    command = next((s.command for s in sets if s.command), "")
    if not command or command.lower() == h1.lower():
        return h1
    agreeing = {c.lower() for c in name_candidates(h1, title, stem)}
    return command if command.lower() in agreeing else h1


def name_candidates(h1: str, title: str, stem: str) -> list[str]:
    """Every name `cmdlet_name` may give a file (case aside), known before its syntax is read."""
    return [c for c in dict.fromkeys([h1, h1.strip().rstrip(".:").strip(), title, stem]) if c]


def module_name(path: str, front_matter: dict[str, str]) -> str:
    return front_matter.get("Module Name", "") or posixpath.basename(posixpath.dirname(path)) or "Module"


def _check(cmdlet: Cmdlet, syntax_section: Section, sink: DiagnosticSink) -> None:
    """Cross-checks between SYNTAX, PARAMETERS and NOTES; fills parameters known only from SYNTAX."""
    sets = cmdlet.parameter_sets
    if not sets:
        sink.error("PG020", syntax_section.line, "SYNTAX has no parameter set")
    defaults = [s for s in sets if s.is_default]
    named = {s.name for s in sets if s.name}
    if len(named) > 1 and not defaults:
        sink.warning(
            "PG022", syntax_section.line, f"{len(named)} parameter sets and none is marked (Default)"
        )
    if len({s.name for s in defaults}) > 1:
        sink.warning("PG022", defaults[1].line, "more than one parameter set is marked (Default)")
    for parameter_set in sets:
        if parameter_set.command and parameter_set.command.lower() != cmdlet.name.lower():
            sink.warning(
                "PG023",
                parameter_set.line,
                f"syntax names {parameter_set.command!r}, the title is {cmdlet.name!r}",
            )
    described = {p.name.lower(): p for p in cmdlet.parameters}
    in_syntax: dict[str, list[tuple[ParameterSet, int]]] = {}
    for parameter_set in sets:
        for index, sp in enumerate(parameter_set.parameters):
            in_syntax.setdefault(sp.name.lower(), []).append((parameter_set, index))
    for key, uses in in_syntax.items():
        if key in described:
            continue
        first_set, index = uses[0]
        sp = first_set.parameters[index]
        sink.warning(
            "PG030", sp.line, f"parameter -{sp.name} is in SYNTAX but not described under PARAMETERS"
        )
        cmdlet.parameters.append(_from_syntax(sp.name, uses))
    for parameter in cmdlet.parameters:
        key = parameter.name.lower()
        if key not in in_syntax:
            sink.warning("PG031", parameter.line, f"parameter -{parameter.name} is not in any SYNTAX block")
        for membership in parameter.sets:
            if membership.set_name != parameters.ALL_SETS and named and membership.set_name not in named:
                sink.warning(
                    "PG036",
                    parameter.line,
                    f"parameter -{parameter.name} names set {membership.set_name!r}, which SYNTAX does not have",
                )
        if parameter.type is None:
            uses = in_syntax.get(key, [])
            typed = next((s.parameters[i].type for s, i in uses if s.parameters[i].type), None)
            parameter.type = typed
    trees = {t.parameter.lower() for t in cmdlet.property_trees}
    for parameter in cmdlet.parameters:
        if "see notes section for" in parameter.description.lower() and parameter.name.lower() not in trees:
            sink.info("PG052", parameter.line, f"complex parameter -{parameter.name} has no NOTES tree")


def _from_syntax(name: str, uses: list[tuple[ParameterSet, int]]) -> Parameter:
    first = uses[0][0].parameters[uses[0][1]]
    memberships = [
        SetMembership(
            s.name or parameters.ALL_SETS,
            s.parameters[i].required,
            "0" if s.parameters[i].positional else "Named",
        )
        for s, i in uses
    ]
    return Parameter(
        name=name,
        description="",
        type=first.type,
        aliases=[],
        sets=memberships,
        default_value=None,
        supports_wildcards=False,
        accepted_values=[],
        dont_show=False,
        help_message=None,
        line=first.line,
    )
