"""Hostile specs written by the test itself: control characters cannot sit in a reviewed file, and folder
names with `:` or `\\` cannot be checked out everywhere.

Each spec text below goes through the whole pipeline; the generated package must compile, import without
running anything from the spec, pass mypy --strict, keep every description exactly, and stay inside the
output folder.
"""

from __future__ import annotations

import importlib
import io
import os
import sys
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator import pipeline
from generator.config import Config
from generator.diagnostics import Diagnostic

from support import ROOT, mypy_strict

PACKAGE = "written_sdk"
# Every C0 control character but the two line breaks, DEL, C1's NEL and the Unicode line/paragraph separators.
CONTROLS = [chr(c) for c in range(0x20) if chr(c) not in "\n\r"] + ["\x7f", "\x85", "\u2028", "\u2029"]
LONG = "long " + "y" * 100_000 + ' """ end'

FIELD_TEXTS: dict[str, str] = {
    **{f"C{ord(char):04X}": f"before {char} after" for char in CONTROLS},
    "AllControls": "all: " + "".join(CONTROLS) + " end",
    "Tabs": "one\ttab, two\t\ttabs",
    "Long": LONG,
    "Quotes": 'ends with triple quotes """',
    "Backslash": "ends with a backslash \\",
}
# Class descriptions come from a tree's root line and from a property that has nested properties.
CLASS_TEXTS: dict[str, str] = {
    "IWrittenThing": "root\twith a tab and a NUL \x00 and an escape \x1b[31m",
    "IWrittenPart": 'a "quoted" part with \u2028 and \x0c inside',
    "IWrittenLines": "first line\nsecond line, \\N{BULLET} literally",
}
CANARY = "PWNED"


def canary_payloads(marker: Path) -> list[str]:
    """Text that runs code if it ever lands in Python source outside a string literal or comment."""
    target = str(marker).replace("\\", "/")
    return [
        f'"""); open({target!r}, \'w\'); ("""',
        f"'); open({target!r}, 'w'); ('",
        f"\nopen({target!r}, 'w')\n",
        f"{{{{ open({target!r}, 'w') }}}} {{% if 1 %}}{{% endif %}}",
    ]


def notes(payloads: list[str]) -> str:
    lines = [f"BODYPARAMETER <IWrittenThing>: {CLASS_TEXTS['IWrittenThing']}"]
    lines += [f"  - `[{name} <String>]`: {text}" for name, text in FIELD_TEXTS.items()]
    lines += [f"  - `[Canary{i} <String>]`: {text}" for i, text in enumerate(payloads) if "\n" not in text]
    lines += [
        f"  - `[Part <IWrittenPart>]`: {CLASS_TEXTS['IWrittenPart']}",
        "    - `[Name <String>]`: the part's name",
        f"  - `[Lines <IWrittenLines>]`: {CLASS_TEXTS['IWrittenLines'].split(chr(10))[0]}",
        CLASS_TEXTS["IWrittenLines"].split("\n")[1],
        "    - `[Name <String>]`: the lines' name",
    ]
    return "\n".join(lines)


def spec(module: str | None, title: str, parameter_type: str, tree: str, prose: str = "Text.") -> str:
    module_line = f"Module Name: {module}\n" if module is not None else ""
    return f"""---
external help file:
{module_line}schema: 2.0.0
---

# {title}

## SYNOPSIS
{prose}

## SYNTAX

```
{title} -BodyParameter <{parameter_type.rpartition('.')[2]}> [<CommonParameters>]
```

## DESCRIPTION
{prose}

## PARAMETERS

### -BodyParameter
To construct, see NOTES section for BODYPARAMETER properties and create a hash table.

```yaml
Type: {parameter_type}
Parameter Sets: (All)
Aliases:

Required: True
Position: Named
Default value: None
Accept pipeline input: False
Accept wildcard characters: False
```

## NOTES

COMPLEX PARAMETER PROPERTIES

{tree}
"""


# Names that would leave the output folder or make an invalid module if used as they are.
ESCAPING_FOLDER = "..\\escape:dir" if os.name == "posix" else "escape dir"
ESCAPING_TREES = """BODYPARAMETER <IEscape>: escaping names
  - `[DoubleDot <Contoso..Escape.IDoubleDot>]`: a namespace with an empty part
  - `[DotsOnly <...IDotsOnly>]`: a namespace of dots only
  - `[Slash <Contoso/../Escape.ISlash>]`: a slash in the namespace
  - `[Colon <C:\\\\Escape.IColon>]`: a drive and a backslash
  - `[Keyword <class.import.IKeyword>]`: keywords as namespace parts"""


@dataclass
class Generated:
    root: Path  # the throw-away project: specs/ and out/
    out: Path
    marker: Path  # the canary file the payloads would create
    diagnostics: list[Diagnostic]
    files_outside_before: set[Path]


def files_outside(root: Path, out: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file() and out not in p.parents}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    root = tmp_path_factory.mktemp("written")
    marker = root / CANARY
    specs = root / "specs"
    text_folder = specs / "Contoso.Written"
    text_folder.mkdir(parents=True)
    payloads = canary_payloads(marker)
    prose = " ".join(p.replace("\n", " ") for p in payloads)
    (text_folder / "New-ContosoWritten.md").write_bytes(
        spec(
            "Contoso.Written",
            "New-ContosoWritten",
            "Contoso.Written.Models.IWrittenThing",
            notes(payloads),
            prose,
        ).encode("utf-8")
    )
    escaping = specs / ESCAPING_FOLDER
    escaping.mkdir()
    # Module name from the front matter: a path out of the output folder, a drive, a backslash.
    (escaping / "New-ContosoEscape.md").write_text(
        spec("../../outside\\x:y", "New-Contoso/../Escape", "..\\Evil:Ns/../x.IEscape", ESCAPING_TREES),
        encoding="utf-8",
    )
    # No module name in the front matter: the folder's name is used.
    (escaping / "New-ContosoFolder.md").write_text(
        spec(
            None,
            "New-ContosoFolder",
            "IFolderThing",
            "BODYPARAMETER <IFolderThing>: from the folder's name\n" "  - `[Name <String>]`: a name",
        ),
        encoding="utf-8",
    )
    out = root / "out"
    before = files_outside(root, out)
    outcome = pipeline.generate(Config(root=root, specs=specs, output=out, package=PACKAGE))
    assert not outcome.failed, [str(d) for d in outcome.diagnostics]
    return Generated(root, out, marker, outcome.diagnostics, before)


@pytest.fixture(scope="module")
def imported(generated: Generated) -> Iterator[dict[str, object]]:
    """Every generated module, imported."""
    sys.path.insert(0, str(generated.out))
    try:
        names = sorted(
            p.stem for p in (generated.out / PACKAGE / "models").glob("*.py") if p.stem != "__init__"
        )
        yield {name: importlib.import_module(f"{PACKAGE}.models.{name}") for name in names}
    finally:
        sys.path.remove(str(generated.out))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]


def model(imported: dict[str, object], class_name: str) -> type:
    (found,) = [getattr(m, class_name) for m in imported.values() if hasattr(m, class_name)]
    return found  # type: ignore[no-any-return]


def test_nothing_is_written_outside_the_output_folder(generated: Generated) -> None:
    assert files_outside(generated.root, generated.out) == generated.files_outside_before
    written = {p.relative_to(generated.out).parts[0] for p in generated.out.rglob("*") if p.is_file()}
    assert written == {PACKAGE, "pyproject.toml"}  # the package and its install file (generated CLI)


def test_escaping_names_become_safe_module_names(generated: Generated) -> None:
    """Every file of the package has a safe name, whatever the spec named its cmdlets, nouns and types
    (`../../outside\\x:y` as a namespace, a folder that escapes, `class` and `import` as names)."""
    package = generated.out / PACKAGE
    for path in package.rglob("*"):
        if path.is_file():
            stem, _, suffix = path.name.partition(".")
            assert stem.isidentifier() and path.name.isascii(), path
            assert suffix in ("py", "pyi", "json", "typed"), path
    assert "written_thing.py" in {p.name for p in (package / "models").iterdir()}


def test_type_names_that_cannot_be_read_are_refused_with_a_diagnostic_at_their_line(
    generated: Generated,
) -> None:
    path = generated.root / "specs" / ESCAPING_FOLDER / "New-ContosoEscape.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    shown = f"specs/{ESCAPING_FOLDER}/New-ContosoEscape.md"
    refused = [
        (d.rule, lines[d.line - 1])
        for d in generated.diagnostics
        if d.path == shown and d.rule in ("PG021", "PG050")
    ]
    for rule, type_text in [
        ("PG050", "Contoso/../Escape.ISlash"),
        ("PG050", "C:\\\\Escape.IColon"),
        ("PG021", "..\\Evil:Ns/../x.IEscape"),
    ]:
        assert any(r == rule and type_text in line for r, line in refused), (rule, type_text, refused)


def test_every_field_description_round_trips_exactly(imported: dict[str, object]) -> None:
    fields = model(imported, "WrittenThing").model_fields  # type: ignore[attr-defined]
    by_wire = {f.serialization_alias: f.description for f in fields.values()}
    for name, text in FIELD_TEXTS.items():
        assert by_wire[name[0].lower() + name[1:]] == text, name


def test_every_class_description_is_exact_in_the_json_schema(imported: dict[str, object]) -> None:
    for interface, text in CLASS_TEXTS.items():
        cls = model(imported, interface[1:])
        assert cls.model_json_schema()["description"] == text, interface  # type: ignore[attr-defined]


def test_the_docstring_carries_the_description_itself_whenever_it_can(generated: Generated) -> None:
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((generated.out / PACKAGE / "models").glob("*.py"))
    )
    # Only the text with a tab needs the JSON schema's own copy (cleandoc expands tabs).
    assert source.count("json_schema_extra") == 1
    assert '"""a \\"quoted\\" part' in source or '"""a "quoted" part' in source


def test_importing_runs_nothing_from_the_spec(generated: Generated, imported: dict[str, object]) -> None:
    assert imported and not generated.marker.exists()


def test_spec_text_only_reaches_strings_and_comments(generated: Generated) -> None:
    for path in (generated.out / PACKAGE).rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        code = " ".join(
            tok.string
            for tok in tokenize.generate_tokens(io.StringIO(source).readline)
            if tok.type not in (tokenize.STRING, tokenize.COMMENT)
        )
        assert "open" not in code and CANARY not in code and "yyyy" not in code, path


def test_the_package_compiles_and_passes_mypy_strict(generated: Generated) -> None:
    for path in (generated.out / PACKAGE).rglob("*.py"):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
    assert "Success" in mypy_strict(generated.out, PACKAGE)


def test_a_package_name_that_would_leave_the_output_is_refused_with_pg070(tmp_path: Path) -> None:
    out = tmp_path / "out"
    specs = ROOT / "tests" / "fixtures" / "hostile"
    outcome = pipeline.generate(Config(root=ROOT, specs=specs, output=out, package="../escaped"))
    assert outcome.failed and not outcome.written
    assert [d.rule for d in outcome.errors] == ["PG070"]
    assert "refusing to write '../escaped/__init__.py'" in outcome.errors[0].message
    assert not out.exists() and not (tmp_path / "escaped").exists()
