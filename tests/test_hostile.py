"""Spec text flows into Python source: hostile text and names must give a package that compiles,
imports without running anything from the spec, passes mypy --strict, and keeps every string exactly."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator import pipeline
from generator.config import Config
from generator.read.reader import read_bytes

from support import ROOT, generated_sources, mypy_strict, too_long

FIXTURE = ROOT / "tests" / "fixtures" / "hostile"
SPEC = FIXTURE / "Contoso.Hostile" / "New-ContosoThing.md"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hostile") / "out"
    cfg = Config(root=ROOT, specs=FIXTURE, output=out, package="hostile_sdk")
    outcome = pipeline.generate(cfg)
    assert not outcome.failed, [str(d) for d in outcome.diagnostics]
    return out


def load(package: Path):  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(package))
    try:
        import hostile_sdk.models as models

        # Built as a first use builds them: a field naming another class has its wire name then.
        for name in ("ContosoThing", "ContosoThingPart"):
            getattr(models, name).model_rebuild()
        return models
    finally:
        sys.path.remove(str(package))


def notes_descriptions() -> dict[str, str]:
    cmdlet = read_bytes("x.md", SPEC.read_bytes()).cmdlet
    assert cmdlet is not None
    tree = cmdlet.property_trees[0]
    return {node.name: node.description for node in tree.properties}


def test_every_description_round_trips_exactly(package: Path) -> None:
    models = load(package)
    fields = models.ContosoThing.model_fields
    by_wire = {f.serialization_alias: f for f in fields.values()}
    expected = notes_descriptions()
    for name in ("Class", "From", "Id", "Type"):
        wire = name[0].lower() + name[1:]
        assert by_wire[wire].description == expected[name]
    assert '"""' in expected["Class"] or "'''" in expected["Class"]


def test_names_are_safe_and_distinct(package: Path) -> None:
    models = load(package)
    fields = models.ContosoThing.model_fields
    assert {
        "class_",
        "from_",
        "id",
        "type_",
        "list_",
        "schema_",
        "model_config_",
        "to_wire_",
        "odata_type",
    } <= set(fields)
    wires = sorted(f.serialization_alias for f in fields.values())
    assert len(wires) == len(set(wires))
    assert {fields["odata_type"].serialization_alias, fields["class_"].serialization_alias} == {
        "@odata.type",
        "class",
    }
    # FooBar and Foo_Bar collide after snake_casing: two fields, none lost. fooBar is FooBar again
    # (PowerShell property names are case-insensitive, and both go on the wire as `fooBar`).
    colliding = {n: fields[n].serialization_alias for n in fields if n.startswith("foo_bar")}
    assert colliding == {"foo_bar": "fooBar", "foo_bar_2": "foo_Bar"}  # sorted source names decide
    part = models.ContosoThingPart.model_fields
    assert {"str_", "int_", "datetime_"} <= set(part)


def test_the_hostile_model_works_at_run_time(package: Path) -> None:
    models = load(package)
    thing = models.ContosoThing.from_wire(
        {
            "class": "c",
            "from": "f",
            "@odata.type": "#t",
            "self": {"id": "inner"},
            "nested": {"str": "s", "int": 3},
        }
    )
    assert thing.class_ == "c" and thing.self_.id == "inner" and thing.nested.int_ == 3
    assert thing.to_wire()["@odata.type"] == "#t"
    assert models.ContosoThing.__doc__.rstrip().endswith('"""')


def test_the_hostile_package_compiles_and_passes_mypy_strict(package: Path) -> None:
    assert "Success" in mypy_strict(package, "hostile_sdk")


def test_spec_text_never_reaches_code_outside_strings_and_comments(package: Path) -> None:
    import io
    import tokenize

    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted((package / "hostile_sdk").rglob("*.py")))
    code = [
        tok.string
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type not in (tokenize.STRING, tokenize.COMMENT)
    ]
    joined = " ".join(code)
    for fragment in ("user.name", "endif", "N{BULLET}", "日本語", "xxxxxxxxxx"):
        assert fragment not in joined


def test_hostile_text_and_names_never_make_a_line_longer_than_120_columns(package: Path) -> None:
    files = generated_sources(package)
    assert {name: lines for name, text in files.items() if (lines := too_long(text))} == {}
