"""The resolver: one class per complex type, safe and deterministic names, annotations, modules."""

from __future__ import annotations

import keyword
import random
from pathlib import Path

import pytest

from generator import serialize
from generator.config import Config
from generator.diagnostics import Diagnostic
from generator.ir import Cmdlet
from generator.read.reader import read_bytes
from generator.resolve import names
from generator.resolve.model import ModelClass, ModelField, ResolvedProject
from generator.resolve.resolver import resolve

from support import CORPUS, ROOT  # noqa: E402

SEED = CORPUS / "seed" / "Update-MgApplicationSynchronizationJob.md"

GRAPH = "Microsoft.Graph.PowerShell.Models"
BETA = "Microsoft.Graph.Beta.PowerShell.Models"


# --- helpers ---------------------------------------------------------------------------------------------


def config(**values) -> Config:
    return Config(
        root=Path("/nonexistent"), specs=Path("/nonexistent/specs"), output=Path("/nonexistent/out"), **values
    )


def help_file(
    cmdlet: str, params: list[tuple[str, str]], notes: str = "", module: str = "Microsoft.Graph.Test"
) -> bytes:
    """A minimal platyPS 2.0.0 help file: `params` are (name, .NET type); `notes` the property trees."""
    syntax = " ".join(f"[-{name} <{type_.rsplit('.', 1)[-1]}>]" for name, type_ in params)
    blocks = "".join(f"""### -{name}
Description of {name}.

```yaml
Type: {type_}
Parameter Sets: (All)
Aliases:

Required: False
Position: Named
Default value: None
Accept pipeline input: False
Accept wildcard characters: False
```

""" for name, type_ in params)
    text = f"""---
external help file:
Module Name: {module}
online version:
schema: 2.0.0
---

# {cmdlet}

## SYNOPSIS
Does things.

## SYNTAX

```
{cmdlet} {syntax} [<CommonParameters>]
```

## DESCRIPTION
Does things.

## PARAMETERS

{blocks}### CommonParameters
This cmdlet supports the common parameters.

## INPUTS

## OUTPUTS

### System.Boolean

## NOTES

COMPLEX PARAMETER PROPERTIES

To create the parameters described below, construct a hash table containing the appropriate properties.

{notes}

## RELATED LINKS
"""
    return text.encode("utf-8")


def read(path: str, data: bytes) -> Cmdlet:
    result = read_bytes(path, data)
    assert result.cmdlet is not None, result.diagnostics
    return result.cmdlet


def body(cmdlet: str, type_name: str, lines: str, namespace: str = GRAPH, path: str | None = None) -> Cmdlet:
    """A cmdlet with one -BodyParameter of `namespace.type_name`, described by the NOTES `lines`."""
    notes = f"BODYPARAMETER <{type_name}>: the body\n" + lines
    return read(
        path or f"specs/{cmdlet}.md",
        help_file(cmdlet, [("BodyParameter", f"{namespace}.{type_name}")], notes),
    )


def classes(project: ResolvedProject) -> dict[str, ModelClass]:
    found: dict[str, ModelClass] = {}
    for module in project.model_modules:
        for cls in module.classes:
            assert cls.name not in found, f"class {cls.name} generated twice"
            found[cls.name] = cls
    return found


def by_source(project: ResolvedProject) -> dict[tuple[str, str], ModelClass]:
    return {(c.namespace, c.source_type): c for m in project.model_modules for c in m.classes}


def fields(cls: ModelClass) -> dict[str, ModelField]:
    return {f.source_name: f for f in cls.fields}


def rules(project: ResolvedProject, rule: str) -> list[Diagnostic]:
    return [d for d in project.diagnostics if d.rule == rule]


def read_corpus(*folders: str) -> list[Cmdlet]:
    cmdlets = []
    for folder in folders:
        for path in sorted((CORPUS / folder).rglob("*.md")):
            result = read_bytes(path.relative_to(CORPUS).as_posix(), path.read_bytes())
            if result.cmdlet is not None:
                cmdlets.append(result.cmdlet)
    return cmdlets


@pytest.fixture(scope="module")
def seed() -> ResolvedProject:
    return resolve([read("seed/Update-MgApplicationSynchronizationJob.md", SEED.read_bytes())], config())


@pytest.fixture(scope="module")
def corpus_cmdlets() -> list[Cmdlet]:
    assert CORPUS.is_dir(), f"the shared corpus is expected at {CORPUS}"
    return read_corpus("graph", "seed", "jumpcloud")


# --- merging across files --------------------------------------------------------------------------------


def test_one_class_per_type_with_the_union_of_properties() -> None:
    first = body(
        "New-MgFoo", "IMicrosoftGraphFoo", "  - `[Name <String>]`: the name\n  - `[Size <Int32?>]`: size\n"
    )
    second = body(
        "Update-MgFoo", "IMicrosoftGraphFoo", "  - `[Name <String>]`: \n  - `[Color <String>]`: colour\n"
    )
    project = resolve([first, second], config())
    found = classes(project)
    assert list(found) == ["Foo"]
    foo = found["Foo"]
    # Properties of the first file (by path) first, then the ones only the second has.
    assert [f.name for f in foo.fields] == ["name", "size", "color"]
    assert fields(foo)["Name"].description == "the name"
    assert foo.origins == sorted(foo.origins)
    assert {o.rpartition(":")[0] for o in foo.origins} == {"specs/New-MgFoo.md", "specs/Update-MgFoo.md"}
    assert rules(project, "PG061") == []


def test_a_property_is_required_only_when_every_file_requires_it() -> None:
    required = body("New-MgFoo", "IMicrosoftGraphFoo", "  - `Name <String>`: required here\n")
    optional = body("Update-MgFoo", "IMicrosoftGraphFoo", "  - `[Name <String>]`: optional here\n")
    only_required = classes(resolve([required], config()))["Foo"]
    assert fields(only_required)["Name"].required is True
    assert fields(only_required)["Name"].annotation == "str"
    merged = classes(resolve([required, optional], config()))["Foo"]
    assert fields(merged)["Name"].required is False
    assert fields(merged)["Name"].annotation == "str | None"


def test_a_type_conflict_warns_with_both_places() -> None:
    first = body("New-MgFoo", "IMicrosoftGraphFoo", "  - `[Name <String>]`: \n  - `[Size <Int32?>]`: \n")
    second = body("Update-MgFoo", "IMicrosoftGraphFoo", "  - `[Size <String>]`: \n")
    project = resolve([second, first], config())
    conflicts = rules(project, "PG061")
    assert len(conflicts) == 1
    warning = conflicts[0]
    assert warning.severity.value == "warning"
    # Reported where the second definition is, naming the first one.
    assert warning.path == "specs/Update-MgFoo.md"
    size_line = next(n.line for n in second.property_trees[0].properties if n.name == "Size")
    assert warning.line == size_line
    first_line = next(n.line for n in first.property_trees[0].properties if n.name == "Size")
    assert f"specs/New-MgFoo.md:{first_line}" in warning.message
    assert "Size" in warning.message and "'Int32?'" in warning.message and "'String'" in warning.message
    # The first definition (by path) wins.
    assert fields(classes(project)["Foo"])["Size"].annotation == "int | None"


def test_only_nullability_differing_is_no_conflict() -> None:
    first = body("New-MgFoo", "IMicrosoftGraphFoo", "  - `[Size <Int32?>]`: \n")
    second = body("Update-MgFoo", "IMicrosoftGraphFoo", "  - `[Size <Int32>]`: \n")
    assert rules(resolve([first, second], config()), "PG061") == []


def test_real_files_conflict_between_seed_and_new_mg_application(corpus_cmdlets: list[Cmdlet]) -> None:
    chosen = [
        c
        for c in corpus_cmdlets
        if c.path.endswith(("New-MgApplication.md", "seed/Update-MgApplicationSynchronizationJob.md"))
    ]
    assert len(chosen) == 2
    project = resolve(chosen, config())
    conflicts = [
        d for d in rules(project, "PG061") if "IMicrosoftGraphAttributeDefinition.Metadata" in d.message
    ]
    assert conflicts, [str(d) for d in rules(project, "PG061")]
    for warning in conflicts:
        assert warning.path == "seed/Update-MgApplicationSynchronizationJob.md"
        assert "graph/Microsoft.Graph.Applications/New-MgApplication.md:" in warning.message
        assert "'IMicrosoftGraphMetadataEntry[]'" in warning.message
        assert "'IMicrosoftGraphAttributeDefinitionMetadataEntry[]'" in warning.message


# --- class names -----------------------------------------------------------------------------------------


def test_class_names_strip_the_interface_i_and_the_vendor_prefix() -> None:
    job = body("Update-MgJob", "IMicrosoftGraphSynchronizationJob", "  - `[Id <String>]`: \n")
    project = resolve([job], config())
    cls = by_source(project)[(GRAPH, "IMicrosoftGraphSynchronizationJob")]
    assert cls.name == "SynchronizationJob"
    assert project.class_index() == {"SynchronizationJob": "synchronization_job"}  # a module of its own


def test_vendor_prefix_only_applies_to_its_namespace_and_at_a_word_boundary() -> None:
    elsewhere = body(
        "Update-Foo", "IMicrosoftGraphWidget", "  - `[Id <String>]`: \n", namespace="Contoso.Models"
    )
    not_a_word = body("Update-Graphics", "IMicrosoftGraphics", "  - `[Id <String>]`: \n")
    project = resolve([elsewhere, not_a_word], config())
    found = by_source(project)
    assert found[("Contoso.Models", "IMicrosoftGraphWidget")].name == "MicrosoftGraphWidget"
    assert found[(GRAPH, "IMicrosoftGraphics")].name == "MicrosoftGraphics"


def test_configured_prefix_is_stripped() -> None:
    widget = body("Update-Widget", "IContosoWidget", "  - `[Id <String>]`: \n", namespace="Contoso.Models")
    plain = classes(resolve([widget], config()))
    assert list(plain) == ["ContosoWidget"]
    custom = classes(resolve([widget], config(type_prefixes={"Contoso.Models": ["Contoso"]})))
    assert list(custom) == ["Widget"]


def _two_users() -> list[Cmdlet]:
    return [
        body("Get-MgUser", "IMicrosoftGraphUser", "  - `[Id <String>]`: \n"),
        body("Get-MgBetaUser", "IMicrosoftGraphUser", "  - `[Id <String>]`: \n", namespace=BETA),
    ]


def test_same_type_in_two_namespaces_gets_distinct_names() -> None:
    project = resolve(_two_users(), config())
    found = by_source(project)
    assert found[(GRAPH, "IMicrosoftGraphUser")].name == "User"
    assert found[(BETA, "IMicrosoftGraphUser")].name == "BetaUser"
    assert project.class_index() == {"User": "user", "BetaUser": "beta_user"}
    assert serialize.to_json(resolve(list(reversed(_two_users())), config())) == serialize.to_json(project)


def test_same_type_in_two_namespaces_from_real_files(corpus_cmdlets: list[Cmdlet]) -> None:
    users = [c for c in corpus_cmdlets if c.name in ("Get-MgUser", "Get-MgBetaUser")]
    assert len(users) == 2
    project = resolve(users, config())
    found = by_source(project)
    assert found[(GRAPH, "IMicrosoftGraphUser")].name == "User"
    assert found[(BETA, "IMicrosoftGraphUser")].name == "BetaUser"
    assert found[(GRAPH, "IUsersIdentity")].name == "UsersIdentity"
    assert found[(BETA, "IUsersIdentity")].name == "BetaUsersIdentity"


def test_same_name_in_one_namespace_falls_back_to_the_full_name() -> None:
    vendor = body("Get-MgUser", "IMicrosoftGraphUser", "  - `[Id <String>]`: \n")
    plain = body("Get-User", "IUser", "  - `[Id <String>]`: \n")
    for order in ([vendor, plain], [plain, vendor]):
        found = by_source(resolve(order, config()))
        assert found[(GRAPH, "IUser")].name == "User"
        assert found[(GRAPH, "IMicrosoftGraphUser")].name == "MicrosoftGraphUser"


def test_class_names_are_unique_across_the_real_corpus(corpus_cmdlets: list[Cmdlet]) -> None:
    project = resolve(corpus_cmdlets, config())
    all_names = [c.name for m in project.model_modules for c in m.classes]
    assert len({n.lower() for n in all_names}) == len(all_names)
    for name in all_names:
        assert name.isidentifier() and name[0].isupper() and not keyword.iskeyword(name)


# --- fields ----------------------------------------------------------------------------------------------


def test_wire_names_are_camel_case_and_odata_type_is_configured() -> None:
    foo = body(
        "New-MgFoo",
        "IMicrosoftGraphFoo",
        "  - `[ODataType <String>]`: \n  - `[DisplayName <String>]`: \n  - `[Type <String>]`: \n  - `[Id <String>]`: \n",
    )
    project = resolve([foo], config())
    by_name = fields(classes(project)["Foo"])
    assert (by_name["ODataType"].name, by_name["ODataType"].wire_name) == ("odata_type", "@odata.type")
    assert (by_name["DisplayName"].name, by_name["DisplayName"].wire_name) == ("display_name", "displayName")
    assert (by_name["Type"].name, by_name["Type"].wire_name) == ("type_", "type")
    assert (by_name["Id"].name, by_name["Id"].wire_name) == ("id", "id")
    renamed = {d.message for d in rules(project, "PG063")}
    assert any("ODataType" in m and "'odata_type'" in m for m in renamed)
    assert any(".Type " in m and "'type_'" in m for m in renamed)
    assert not any("DisplayName" in m for m in renamed)


def test_configured_wire_names_are_used() -> None:
    foo = body("New-MgFoo", "IMicrosoftGraphFoo", "  - `[ETag <String>]`: \n")
    cfg = config(wire_names={"ETag": "@odata.etag"})
    field = fields(classes(resolve([foo], cfg))["Foo"])["ETag"]
    assert (field.name, field.wire_name) == ("odata_etag", "@odata.etag")


def test_fields_never_shadow_the_generated_base_class() -> None:
    foo = body(
        "New-MgFoo", "IMicrosoftGraphFoo", "  - `[ToJson <String>]`: \n  - `[ModelConfig <String>]`: \n"
    )
    by_name = fields(classes(resolve([foo], config()))["Foo"])
    assert by_name["ToJson"].name == "to_json_"
    assert by_name["ToJson"].wire_name == "toJson"
    assert by_name["ModelConfig"].name == "model_config_"


@pytest.mark.parametrize("order", [["FooBar", "Foo_Bar"], ["Foo_Bar", "FooBar"]])
def test_fields_that_collide_after_snake_casing_get_distinct_names(order: list[str]) -> None:
    lines = "".join(f"  - `[{name} <String>]`: \n" for name in order)
    foo = body("New-MgFoo", "IMicrosoftGraphFoo", lines)
    by_name = fields(classes(resolve([foo], config()))["Foo"])
    assert by_name["FooBar"].name == "foo_bar"
    assert by_name["Foo_Bar"].name == "foo_bar_2"
    # Both still reach the right property on the wire.
    assert by_name["FooBar"].wire_name == "fooBar"
    assert by_name["Foo_Bar"].wire_name == "foo_Bar"


def test_field_annotations() -> None:
    foo = body(
        "New-MgFoo",
        "IMicrosoftGraphFoo",
        "  - `Count <Int32?>`: required but nullable\n"
        "  - `Name <String>`: required\n"
        "  - `[When <DateTime?>]`: \n"
        "  - `[Extra <Object>]`: \n"
        "  - `[Tags <String[]>]`: \n"
        "  - `[Step <Microsoft.Graph.PowerShell.Runtime.SendAsyncStep>]`: \n",
    )
    project = resolve([foo], config())
    by_name = fields(classes(project)["Foo"])
    assert (by_name["Count"].annotation, by_name["Count"].required) == ("int | None", True)
    assert (by_name["Name"].annotation, by_name["Name"].required) == ("str", True)
    assert by_name["When"].annotation == "_pd.AwareDatetime | None"
    assert by_name["Extra"].annotation == "_t.Any"  # Any already admits None
    assert by_name["Tags"].annotation == "list[str] | None"
    assert by_name["Step"].annotation == "_t.Any"
    unknown = rules(project, "PG062")
    assert len(unknown) == 1 and "SendAsyncStep" in unknown[0].message
    module = project.model_modules[0]
    assert {"pydantic", "typing"} <= set(module.std_modules)


def test_descriptions_drop_autorest_dots() -> None:
    foo = body(
        "New-MgFoo", "IMicrosoftGraphFoo", "  - `[Name <String>]`: .\n  - `[Size <Int32?>]`: How big.\n"
    )
    by_name = fields(classes(resolve([foo], config()))["Foo"])
    assert by_name["Name"].description == ""
    assert by_name["Size"].description == "How big."


def test_any_marker_allows_extra_properties() -> None:
    open_ = body(
        "New-MgFoo", "IMicrosoftGraphFoo", "  - `[(Any) <Object>]`: anything\n  - `[Name <String>]`: \n"
    )
    closed = body("New-MgBar", "IMicrosoftGraphBar", "  - `[Name <String>]`: \n")
    found = classes(resolve([open_, closed], config()))
    assert found["Foo"].allow_extra is True
    assert [f.source_name for f in found["Foo"].fields] == ["Name"]  # (Any) is no field
    assert found["Bar"].allow_extra is False


def test_any_marker_in_one_file_opens_the_merged_class() -> None:
    closed = body("New-MgFoo", "IMicrosoftGraphFoo", "  - `[Name <String>]`: \n")
    open_ = body("Update-MgFoo", "IMicrosoftGraphFoo", "  - `[(Any) <Object>]`: \n")
    assert classes(resolve([closed, open_], config()))["Foo"].allow_extra is True


def test_a_type_never_expanded_is_an_open_model_with_pg060() -> None:
    data = help_file("Get-MgWidget", [("InputObject", f"{GRAPH}.IMicrosoftGraphWidget")])
    cmdlet = read("specs/Get-MgWidget.md", data)
    project = resolve([cmdlet], config())
    widget = classes(project)["Widget"]
    assert widget.expanded is False
    assert widget.allow_extra is True
    assert widget.fields == []
    notes = rules(project, "PG060")
    assert len(notes) == 1
    assert notes[0].path == "specs/Get-MgWidget.md"
    assert "IMicrosoftGraphWidget" in notes[0].message


def test_nested_types_are_defined_and_referenced() -> None:
    foo = body(
        "New-MgFoo",
        "IMicrosoftGraphFoo",
        "  - `[Bars <IMicrosoftGraphBar[]>]`: \n    - `[Size <Int64?>]`: \n  - `[Baz <IMicrosoftGraphBaz>]`: \n",
    )
    project = resolve([foo], config())
    found = classes(project)
    assert set(found) == {"Foo", "Bar", "Baz"}
    # Another class is reached through the lazy `models` package, resolved when first used.
    assert fields(found["Foo"])["Bars"].annotation == "list[_models.Bar] | None"
    assert fields(found["Foo"])["Baz"].annotation == "_models.Baz | None"
    assert [f.annotation for f in found["Bar"].fields] == ["int | None"]
    assert found["Baz"].expanded is False  # named but never described
    modules = {m.name: m for m in project.model_modules}
    assert modules["foo"].references == ["Bar", "Baz"] and modules["bar"].references == []


def test_a_reference_to_another_namespace_goes_through_the_models_package() -> None:
    foo = body("New-Foo", "IFoo", "  - `[Bar <IBar>]`: \n", namespace="Contoso.A.Models")
    bar = body("New-Bar", "IBar", "  - `[Name <String>]`: \n", namespace="Contoso.B.Models")
    project = resolve([foo, bar], config())
    modules = {m.namespace: m for m in project.model_modules}
    a, b = modules["Contoso.A.Models"], modules["Contoso.B.Models"]
    assert (a.name, b.name) == ("foo", "bar")
    assert fields(classes(project)["Foo"])["Bar"].annotation == "_models.Bar | None"
    assert a.references == ["Bar"] and b.references == []


def test_namespaces_with_the_same_module_name_get_distinct_modules() -> None:
    # .NET namespaces are case-sensitive; both would become `contoso_sdk_models`.
    upper = body("New-Foo", "IFoo", "  - `[Name <String>]`: \n", namespace="Contoso.SDK.Models")
    title = body("New-Bar", "IBar", "  - `[Name <String>]`: \n", namespace="Contoso.Sdk.Models")
    for order in ([upper, title], [title, upper]):
        project = resolve(order, config())
        module_names = [m.name for m in project.model_modules]
        assert len(set(module_names)) == len(module_names) == 2, module_names
        assert sorted(c.name for m in project.model_modules for c in m.classes) == ["Bar", "Foo"]
        assert set(project.class_index().values()) == set(module_names)


# --- the seed --------------------------------------------------------------------------------------------


def test_seed_resolves_to_a_synchronization_job(seed: ResolvedProject) -> None:
    found = classes(seed)
    job = found["SynchronizationJob"]
    assert job.source_type == "IMicrosoftGraphSynchronizationJob"
    assert job.namespace == GRAPH
    assert job.expanded and not job.allow_extra
    by_name = {f.name: f for f in job.fields}
    assert by_name["status"].annotation == "_models.SynchronizationStatus | None"
    assert by_name["status"].wire_name == "status"
    assert by_name["schedule_expiration"].annotation == "_pd.AwareDatetime | None"
    assert by_name["schedule_interval"].annotation == "_dt.timedelta | None"
    assert by_name["schema_directories"].annotation == "list[_models.DirectoryDefinition] | None"
    assert by_name["synchronization_job_settings"].annotation == "list[_models.KeyValuePair] | None"
    assert by_name["schema_id"].wire_name == "schemaId"
    assert by_name["id"].description == "Read-only."
    assert list(by_name) == [
        "id",
        "schedule_expiration",
        "schedule_interval",
        "schedule_state",
        "schema_directories",
        "schema_id",
        "schema_synchronization_rules",
        "schema_version",
        "status",
        "synchronization_job_settings",
        "template_id",
    ]
    status = {f.name: f for f in found["SynchronizationStatus"].fields}
    assert (
        status["last_execution_count_entitled_for_provisioning"].wire_name
        == "lastExecutionCountEntitledForProvisioning"
    )
    assert status["last_execution_count_entitled_for_provisioning"].annotation == "int | None"
    assert status["progress"].annotation == "list[_models.SynchronizationProgress] | None"
    attribute = {f.source_name: f for f in found["AttributeDefinition"].fields}
    assert attribute["Type"].name == "type_"
    assert attribute["Required"].name == "required"


def snake(name: str) -> str:
    from generator.resolve.names import module_name

    return module_name(name)


def test_seed_modules(seed: ResolvedProject) -> None:
    """One module per class, named after it, in the order of their names."""
    names = [m.name for m in seed.model_modules]
    assert names == sorted(names) and "synchronization_job" in names
    assert all(len(m.classes) == 1 and m.name == snake(m.classes[0].name) for m in seed.model_modules)
    module = {m.name: m for m in seed.model_modules}["synchronization_job"]
    assert module.sources == ["seed/Update-MgApplicationSynchronizationJob.md"]
    assert {"datetime", "pydantic"} <= set(module.std_modules)
    assert "IdentityApplicationIdentity" in classes(seed)
    assert rules(seed, "PG061") == [] and rules(seed, "PG060") == []


def test_every_field_name_is_safe_and_unique_in_the_real_corpus(corpus_cmdlets: list[Cmdlet]) -> None:
    project = resolve(corpus_cmdlets, config())
    for module in project.model_modules:
        for cls in module.classes:
            seen = [f.name for f in cls.fields]
            assert len(set(seen)) == len(seen), (cls.name, seen)
            for name in seen:
                assert name.isidentifier() and not keyword.iskeyword(name) and not name.startswith("_")
                assert name not in names.RESERVED, (cls.name, name)


# --- determinism -----------------------------------------------------------------------------------------


def test_resolving_in_any_order_gives_the_same_project(corpus_cmdlets: list[Cmdlet]) -> None:
    expected = serialize.to_json(resolve(corpus_cmdlets, config()))
    assert serialize.to_json(resolve(list(reversed(corpus_cmdlets)), config())) == expected
    for seed_value in (1, 2):
        shuffled = list(corpus_cmdlets)
        random.Random(seed_value).shuffle(shuffled)
        assert serialize.to_json(resolve(shuffled, config())) == expected


def test_inline_files_resolve_the_same_in_any_order() -> None:
    cmdlets = _two_users() + [
        body("New-MgFoo", "IMicrosoftGraphFoo", "  - `[FooBar <String>]`: \n  - `[Size <Int32?>]`: \n"),
        body("Update-MgFoo", "IMicrosoftGraphFoo", "  - `[Foo_Bar <String>]`: \n  - `[Size <String>]`: \n"),
    ]
    expected = serialize.to_json(resolve(cmdlets, config()))
    for seed_value in range(5):
        shuffled = list(cmdlets)
        random.Random(seed_value).shuffle(shuffled)
        assert serialize.to_json(resolve(shuffled, config())) == expected
