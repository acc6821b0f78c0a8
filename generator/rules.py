"""The rule table: every diagnostic carries one of these ids (documented in README.md)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.diagnostics import Severity


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str
    fix: str


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: dict[str, Rule] = {
    r.id: r
    for r in [
        Rule(
            "PG000",
            _E,
            "internal error while reading or resolving a file",
            "report it: this is a platygen bug",
        ),
        Rule(
            "PG001",
            _E,
            "file is not valid UTF-8 text (nor UTF-16 after a UTF-16 byte order mark)",
            "re-save the file as UTF-8",
        ),
        Rule("PG002", _W, "front matter missing or not closed by a second `---` line", "add the `---` block"),
        Rule("PG003", _W, "front matter line is not `key: value`", "fix or remove the line"),
        Rule("PG004", _I, "module page (no SYNTAX section): skipped", "keep module pages out of specs/"),
        Rule("PG005", _W, "H1 title missing or different from the file name", "make the H1 the cmdlet name"),
        Rule(
            "PG006",
            _W,
            "front matter key appears more than once; the last value wins",
            "remove the duplicate",
        ),
        Rule(
            "PG007",
            _I,
            "not a cmdlet's help (README, index, about_ topic, table of contents, a page whose title names no cmdlet and whose ## SYNTAX is missing or has no syntax block): skipped",
            "nothing; or keep such pages out of specs/",
        ),
        Rule(
            "PG010", _W, "required section missing", "add the section (## SYNOPSIS, ## SYNTAX, ## PARAMETERS)"
        ),
        Rule("PG011", _W, "section appears more than once; the parts are joined", "merge the sections"),
        Rule("PG012", _I, "unknown section ignored", "rename it to a platyPS section or drop it"),
        Rule("PG013", _W, "code fence not closed; assumed to end before the next heading", "close the fence"),
        Rule(
            "PG014",
            _W,
            "section out of platyPS order",
            "move it: SYNOPSIS, SYNTAX, ALIASES, DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES, RELATED LINKS",
        ),
        Rule("PG015", _E, "quotes or lists nested too deeply to parse; file not read", "flatten the nesting"),
        Rule(
            "PG020",
            _E,
            "a cmdlet's help (H1 or title `Verb-Noun`) without ## SYNTAX, or SYNTAX has no parameter set",
            "add a fenced syntax block under ## SYNTAX",
        ),
        Rule("PG021", _W, "syntax token not understood; read best effort", "fix the brackets or type"),
        Rule("PG022", _W, "parameter sets: no default or several defaults", "mark exactly one set (Default)"),
        Rule("PG023", _W, "syntax line names another command than the H1", "use the cmdlet's own name"),
        Rule("PG030", _W, "parameter in SYNTAX but not described under PARAMETERS", "add a ### -Name block"),
        Rule(
            "PG031",
            _W,
            "parameter described under PARAMETERS but absent from SYNTAX",
            "add it to SYNTAX or drop it",
        ),
        Rule("PG032", _W, "parameter YAML block is not valid YAML", "fix the YAML at the reported line"),
        Rule(
            "PG033",
            _W,
            "duplicate key in a parameter YAML block; the last value wins",
            "remove the duplicate",
        ),
        Rule("PG034", _W, "unknown key in a parameter YAML block", "check the key's spelling"),
        Rule("PG035", _W, "parameter has no YAML block; type taken from SYNTAX", "add the ```yaml block"),
        Rule("PG036", _W, "parameter set named in PARAMETERS but absent from SYNTAX", "fix the set name"),
        Rule(
            "PG040", _W, "placeholder text left in the help; not copied into generated code", "write the text"
        ),
        Rule("PG050", _W, "line in a NOTES property tree not understood", "use `[Name <Type>]: description`"),
        Rule("PG051", _W, "NOTES property tree indentation is inconsistent", "indent 2 spaces per level"),
        Rule("PG052", _I, "complex parameter has no NOTES tree", "regenerate the help with its NOTES"),
        Rule(
            "PG060",
            _I,
            "type referenced but never expanded; generated as an open model",
            "add its NOTES tree",
        ),
        Rule(
            "PG061",
            _W,
            "conflicting definitions of a type property; the first one wins",
            "align the help files",
        ),
        Rule("PG062", _W, "unknown .NET type; generated as Any", "map it in [tool.platygen.types]"),
        Rule(
            "PG063", _I, "Python name changed to avoid a collision or reserved word", "nothing; informational"
        ),
        Rule(
            "PG064",
            _I,
            "flattened property (AutoRest) folded into its nested property",
            "nothing; informational",
        ),
        Rule("PG070", _E, "generation failed; generated/ left unchanged", "see the message"),
        Rule(
            "PG080",
            _W,
            "no route for a cmdlet's parameter set could be inferred with confidence; left out of the client and CLI",
            "add it to routes.yaml (`cmdlets:` or `segments:`)",
        ),
        Rule("PG081", _E, "routes.yaml is not valid", "fix the YAML or the entry the message names"),
        Rule("PG082", _W, "routes.yaml names a cmdlet no spec describes", "remove or rename the entry"),
        Rule(
            "PG083",
            _I,
            "a cmdlet is described in more than one file; its parameters are merged, the first file gives the text",
            "nothing, or keep one copy",
        ),
        Rule(
            "PG084", _W, "unknown key in routes.yaml", "use segments, cmdlets, method, path, base-url, sets"
        ),
        Rule(
            "PG085",
            _W,
            "a module's noun prefix is uncertain (its cmdlets, its name and the other modules do not settle it)",
            "set it in [tool.platygen.noun-prefixes] (the message gives the line)",
        ),
        Rule(
            "PG090",
            _W,
            "API description cannot be read; the help alone serves its modules",
            "fix the file at the reported line, or the path in [tool.platygen.api-descriptions]",
        ),
        Rule(
            "PG091",
            _W,
            "part of an API description is invalid or unsupported; that part is skipped",
            "fix the description (operationId, $ref, type) at the reported line",
        ),
        Rule(
            "PG092",
            _W,
            "parameter set matches no operation of the module's API description; left out of the client and CLI",
            "check the cmdlet against the description, or give its route in routes.yaml",
        ),
        Rule(
            "PG093",
            _W,
            "parameter set matches several operations equally; left out of the client and CLI",
            "give its route in routes.yaml",
        ),
        Rule(
            "PG094",
            _W,
            "help and API description disagree on a parameter (missing, extra or of another type)",
            "align the help with the description; the description decides what is sent",
        ),
        Rule(
            "PG095",
            _W,
            "help and API description disagree on a property's type or name; the description wins",
            "align the help with the description",
        ),
        Rule(
            "PG096",
            _I,
            "properties the help does not list were added to a model from the API description",
            "nothing; informational",
        ),
        Rule(
            "PG097",
            _W,
            "AutoRest directive not understood or not applicable; ignored",
            "check the directive against autorest.powershell's documented form",
        ),
        Rule(
            "PG098",
            _W,
            "sample request in the help disagrees with the operation the set is bound to",
            "fix the sample, or check the binding",
        ),
    ]
}
