"""OData CSDL → ApiDescription + EntityModel: types, enums, inheritance, navigation, operations, hostile XML."""

from __future__ import annotations

import time

import pytest

from generator.api.csdl import TypeName, read_csdl
from generator.api.model import ApiType, Format, Kind

from support import CORPUS, line_of

GRAPH_CSDL = CORPUS / "api" / "graph" / "v1.0.csdl"

# A small service in the shape of Microsoft Graph's: two schemas with aliases, an abstract base entity,
# containment, a non-contained link, bound actions and functions, a singleton and annotations.
CONTOSO = b"""<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="contoso.api" Alias="api" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="color">
        <Member Name="red" Value="0" />
        <Member Name="green" Value="1" />
      </EnumType>
      <EnumType Name="state">
        <Member Name="on" Value="0" />
        <Member Name="unknownFutureValue" Value="1" />
        <Member Name="paused" Value="2" />
      </EnumType>
      <EnumType Name="modes" IsFlags="true">
        <Member Name="read" Value="1" />
        <Member Name="write" Value="2" />
      </EnumType>
      <EntityType Name="entity" Abstract="true">
        <Key>
          <PropertyRef Name="id" />
        </Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="thing" BaseType="api.entity" OpenType="true">
        <Property Name="uid" Type="Edm.Guid" />
        <Property Name="created" Type="Edm.DateTimeOffset" />
        <Property Name="day" Type="Edm.Date" />
        <Property Name="at" Type="Edm.TimeOfDay" />
        <Property Name="span" Type="Edm.Duration" />
        <Property Name="small" Type="Edm.Int16" />
        <Property Name="count" Type="Edm.Int32" Nullable="false" />
        <Property Name="big" Type="Edm.Int64" />
        <Property Name="octet" Type="Edm.Byte" />
        <Property Name="ratio" Type="Edm.Double" />
        <Property Name="price" Type="Edm.Decimal" />
        <Property Name="flag" Type="Edm.Boolean" />
        <Property Name="blob" Type="Edm.Binary" />
        <Property Name="content" Type="Edm.Stream" />
        <Property Name="tags" Type="Collection(Edm.String)" />
        <Property Name="color" Type="api.color" />
        <Property Name="address" Type="contoso.api.address" />
        <Property Name="history" Type="Collection(api.address)" />
        <NavigationProperty Name="parts" Type="Collection(api.part)" ContainsTarget="true" />
        <NavigationProperty Name="owner" Type="api.person" />
      </EntityType>
      <EntityType Name="gadget" BaseType="api.thing" />
      <EntityType Name="part" BaseType="api.entity" />
      <EntityType Name="person" BaseType="api.entity">
        <Property Name="name" Type="Edm.String">
          <Annotation Term="Org.OData.Core.V1.Description" String="The name, inline." />
        </Property>
        <Property Name="audit" Type="self.record" />
      </EntityType>
      <ComplexType Name="address">
        <Property Name="street" Type="Edm.String" />
      </ComplexType>
      <Action Name="polish" IsBound="true">
        <Parameter Name="bindingParameter" Type="api.entity" />
        <Parameter Name="strength" Type="Edm.Int32" Nullable="false" />
        <ReturnType Type="api.thing" />
      </Action>
      <Function Name="delta" IsBound="true">
        <Parameter Name="bindingParameter" Type="Collection(api.thing)" />
        <ReturnType Type="Collection(api.thing)" />
      </Function>
      <Function Name="report" IsBound="true" IsComposable="true">
        <Parameter Name="bindingParameter" Type="api.thing" />
        <Parameter Name="period" Type="Edm.String" Nullable="false" />
        <ReturnType Type="Edm.Stream" />
      </Function>
      <Action Name="reset" />
      <EntityContainer Name="Service">
        <EntitySet Name="things" EntityType="contoso.api.thing">
          <NavigationPropertyBinding Path="owner" Target="people" />
        </EntitySet>
        <EntitySet Name="people" EntityType="api.person" />
        <Singleton Name="me" Type="api.person" />
        <ActionImport Name="reset" Action="api.reset" />
      </EntityContainer>
      <Annotations Target="api.thing">
        <Annotation Term="Org.OData.Core.V1.Description" String="A thing, described apart." />
      </Annotations>
      <Annotations Target="contoso.api.thing/created">
        <Annotation Term="Org.OData.Core.V1.Description" String="When it was made." />
        <Annotation Term="Org.OData.Core.V1.Computed" Bool="true" />
      </Annotations>
    </Schema>
    <Schema Namespace="contoso.audit" Alias="self" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <ComplexType Name="record">
        <Property Name="by" Type="api.address" />
      </ComplexType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
"""


@pytest.fixture(scope="module")
def contoso():  # type: ignore[no-untyped-def]
    return read_csdl(CONTOSO, "contoso.csdl")


def test_a_clean_document_reads_without_diagnostics(contoso) -> None:  # type: ignore[no-untyped-def]
    assert contoso.format is Format.CSDL
    assert contoso.diagnostics == []
    assert contoso.entity_model is not None and contoso.entity_model.container == "contoso.api.Service"


@pytest.mark.parametrize(
    ("prop", "expected"),
    [
        ("id", ApiType(Kind.STRING)),
        ("uid", ApiType(Kind.STRING, "uuid")),
        ("created", ApiType(Kind.STRING, "date-time")),
        ("day", ApiType(Kind.STRING, "date")),
        ("at", ApiType(Kind.STRING, "time")),
        ("span", ApiType(Kind.STRING, "duration")),
        ("small", ApiType(Kind.INTEGER, "int32")),
        ("count", ApiType(Kind.INTEGER, "int32")),
        ("big", ApiType(Kind.INTEGER, "int64")),
        ("octet", ApiType(Kind.INTEGER)),
        ("ratio", ApiType(Kind.NUMBER, "double")),
        ("price", ApiType(Kind.NUMBER, "decimal")),
        ("flag", ApiType(Kind.BOOLEAN)),
        ("blob", ApiType(Kind.STRING, "byte")),
        ("content", ApiType(Kind.FILE)),
        ("tags", ApiType(Kind.ARRAY, items=ApiType(Kind.STRING))),
        # `api.` is the schema's alias: references are keyed by the qualified name.
        ("color", ApiType(Kind.REF, ref="contoso.api.color")),
        ("address", ApiType(Kind.REF, ref="contoso.api.address")),
        ("history", ApiType(Kind.ARRAY, items=ApiType(Kind.REF, ref="contoso.api.address"))),
    ],
)
def test_edm_types_map_to_api_types(contoso, prop: str, expected: ApiType) -> None:  # type: ignore[no-untyped-def]
    thing = contoso.schemas["contoso.api.thing"]
    found = thing.properties.get(prop) or contoso.schemas["contoso.api.entity"].properties[prop]
    assert found.type == expected


def test_nullable_false_open_abstract_base_and_navigation(contoso) -> None:  # type: ignore[no-untyped-def]
    thing = contoso.schemas["contoso.api.thing"]
    assert thing.properties["count"].nullable is False and thing.properties["big"].nullable is True
    assert (thing.base, thing.open, thing.abstract) == ("contoso.api.entity", True, False)
    assert contoso.schemas["contoso.api.entity"].abstract is True
    assert thing.properties["parts"].navigation is True
    assert thing.properties["parts"].type == ApiType(
        Kind.ARRAY, items=ApiType(Kind.REF, ref="contoso.api.part")
    )
    assert thing.properties["address"].navigation is False


def test_enums_flags_and_evolvable(contoso) -> None:  # type: ignore[no-untyped-def]
    color, state, modes = (contoso.schemas[f"contoso.api.{n}"] for n in ("color", "state", "modes"))
    assert color.enum == ("red", "green") and not color.flags and not color.evolvable
    # Graph's convention: members after `unknownFutureValue` exist but are sent only on request.
    assert state.enum == ("on", "unknownFutureValue", "paused") and state.evolvable
    assert modes.flags and modes.enum == ("read", "write")


def test_descriptions_and_computed_from_inline_and_separate_annotations(contoso) -> None:  # type: ignore[no-untyped-def]
    thing = contoso.schemas["contoso.api.thing"]
    assert thing.description == "A thing, described apart."
    assert thing.properties["created"].description == "When it was made."
    assert thing.properties["created"].read_only is True
    assert contoso.schemas["contoso.api.person"].properties["name"].description == "The name, inline."


def test_a_second_schemas_alias_resolves_both_ways(contoso) -> None:  # type: ignore[no-untyped-def]
    # `self.record` (alias of contoso.audit) used from contoso.api, `api.address` used from contoso.audit
    assert contoso.schemas["contoso.api.person"].properties["audit"].type.ref == "contoso.audit.record"
    assert contoso.schemas["contoso.audit.record"].properties["by"].type.ref == "contoso.api.address"


def test_origins_are_the_lines_of_the_elements(contoso) -> None:  # type: ignore[no-untyped-def]
    thing = contoso.schemas["contoso.api.thing"]
    assert thing.origin == "contoso.csdl:%d" % line_of(CONTOSO, '<EntityType Name="thing"')
    assert thing.properties["span"].origin == "contoso.csdl:%d" % line_of(CONTOSO, 'Name="span"')


def test_entity_model_roots_keys_and_inheritance(contoso) -> None:  # type: ignore[no-untyped-def]
    model = contoso.entity_model
    assert set(model.entity_sets) == {"things", "people"} and set(model.singletons) == {"me"}
    assert model.sources["things"].type == "contoso.api.thing"
    assert model.sources["things"].bindings == (("owner", "people"),)
    assert model.sources["me"].line == line_of(CONTOSO, '<Singleton Name="me"')
    # The key is declared on the abstract base and inherited.
    assert model.key("contoso.api.gadget") == ("id",)
    assert model.lineage("contoso.api.gadget") == [
        "contoso.api.gadget",
        "contoso.api.thing",
        "contoso.api.entity",
    ]
    assert model.derived("contoso.api.entity") == [
        "contoso.api.thing",
        "contoso.api.gadget",
        "contoso.api.part",
        "contoso.api.person",
    ]


def test_navigation_containment_and_collections(contoso) -> None:  # type: ignore[no-untyped-def]
    model = contoso.entity_model
    navs = {n.name: n for n in model.navigation("contoso.api.gadget")}  # inherited from thing
    assert (navs["parts"].target, navs["parts"].collection, navs["parts"].contains_target) == (
        "contoso.api.part",
        True,
        True,
    )
    assert (navs["owner"].target, navs["owner"].collection, navs["owner"].contains_target) == (
        "contoso.api.person",
        False,
        False,
    )
    assert dict(model.streams("contoso.api.thing")) == {"content": line_of(CONTOSO, 'Name="content"')}
    assert [p for p, _t, _l in model.complex_properties("contoso.api.thing")] == ["address"]


def test_bound_operations_follow_the_base_types(contoso) -> None:  # type: ignore[no-untyped-def]
    model = contoso.entity_model
    # `polish` is bound to the abstract entity, so a gadget (thing → entity) has it too.
    polish = [op for op in model.bound("contoso.api.gadget", False) if op.name == "polish"]
    assert len(polish) == 1
    assert polish[0].action and polish[0].binding == TypeName("contoso.api.entity")
    assert [(p.name, p.type, p.nullable) for p in polish[0].parameters] == [
        ("strength", TypeName("Edm.Int32"), False)
    ]
    assert polish[0].returns == TypeName("contoso.api.thing")
    delta = [op for op in model.bound("contoso.api.thing", True)]
    assert [(op.name, op.action, op.returns) for op in delta] == [
        ("delta", False, TypeName("contoso.api.thing", collection=True))
    ]
    report = next(op for op in model.bound("contoso.api.thing", False) if op.name == "report")
    assert report.composable and report.parameters[0].name == "period"
    assert model.imports["reset"].operation == "contoso.api.reset" and model.imports["reset"].action


# -- what is not CSDL, or not safe -------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="x" xmlns="http://docs.oasis-open.org/odata/ns/edm"><EntityType Name="&lol9;" /></Schema>
</edmx:DataServices></edmx:Edmx>
"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE edmx [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="x" Alias="&secret;" xmlns="http://docs.oasis-open.org/odata/ns/edm" />
</edmx:DataServices></edmx:Edmx>
"""
PLAIN_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE edmx SYSTEM "http://example.invalid/edmx.dtd">
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" />
"""


@pytest.mark.parametrize(
    ("data", "line"),
    [(BILLION_LAUGHS, 2), (EXTERNAL_ENTITY, 2), (PLAIN_DTD, 2)],
    ids=["laughs", "external", "dtd"],
)
def test_dtds_and_entities_are_refused_before_anything_expands(data: bytes, line: int) -> None:
    started = time.perf_counter()
    description = read_csdl(data, "hostile.csdl")
    assert time.perf_counter() - started < 1.0
    [problem] = description.diagnostics
    assert (problem.rule, problem.path, problem.line) == ("PG090", "hostile.csdl", line)
    assert "refused" in problem.message
    assert description.schemas == {} and description.entity_model is None
    assert "root:" not in repr(description)  # nothing of /etc/passwd came in


def test_truncated_xml_is_pg090_at_the_line_where_it_stops() -> None:
    cut = CONTOSO[: CONTOSO.index(b'<Property Name="ratio"')]
    description = read_csdl(cut, "cut.csdl")
    [problem] = description.diagnostics
    assert problem.rule == "PG090" and "not well-formed" in problem.message
    assert problem.line == line_of(CONTOSO, 'Name="ratio"')  # the last line there is
    assert description.entity_model is None


def test_malformed_xml_reports_line_and_column() -> None:
    data = b'<?xml version="1.0"?>\n<edmx:Edmx xmlns:edmx="urn:x">\n  <a></b>\n</edmx:Edmx>\n'
    [problem] = read_csdl(data, "bad.csdl").diagnostics
    assert (problem.rule, problem.line, problem.column) == ("PG090", 3, 8)
    assert "mismatched tag" in problem.message


@pytest.mark.parametrize(
    "data", [b"", b"\x00\xff\xfe garbage", b"not xml at all", b"<a>", "é".encode("latin-1")]
)
def test_any_bytes_give_a_value_never_an_exception(data: bytes) -> None:
    description = read_csdl(data, "junk.csdl")
    assert [d.rule for d in description.diagnostics] == ["PG090"]


def test_xml_that_is_not_csdl_is_pg090() -> None:
    [problem] = read_csdl(
        b"<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'/>", "atom.xml"
    ).diagnostics
    assert problem.rule == "PG090" and "<feed>" in problem.message


def test_invalid_parts_are_skipped_with_pg091_at_their_line() -> None:
    data = CONTOSO.replace(
        b'<Property Name="ratio" Type="Edm.Double" />', b'<Property Name="ratio" Type="api.nowhere" />'
    )
    data = data.replace(
        b'<EntitySet Name="people" EntityType="api.person" />',
        b'<EntitySet Name="people" EntityType="api.address" />',
    )
    data = data.replace(b'<Action Name="reset" />', b'<Action Name="reset" IsBound="true" />')
    description = read_csdl(data, "parts.csdl")
    found = sorted((d.rule, d.line) for d in description.diagnostics)
    assert found == [
        ("PG091", line_of(data, 'Name="ratio"')),
        ("PG091", line_of(data, '<Action Name="reset"')),
        ("PG091", line_of(data, '<EntitySet Name="people"')),
    ]
    # The rest is still there: the property reads as any JSON value, the other entity set stays.
    assert description.schemas["contoso.api.thing"].properties["ratio"].type == ApiType(Kind.ANY)
    assert set(description.entity_model.entity_sets) == {"things"}


# -- Microsoft Graph's own ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph():  # type: ignore[no-untyped-def]
    return read_csdl(GRAPH_CSDL.read_bytes(), "api/graph/v1.0.csdl")


def test_graph_v1_reads_fast_and_clean() -> None:
    data = GRAPH_CSDL.read_bytes()
    started = time.perf_counter()
    description = read_csdl(data, "v1.0.csdl")
    elapsed = time.perf_counter() - started
    print(f"\nGraph v1.0 CSDL ({len(data) / 1e6:.1f} MB) read in {elapsed:.2f} s")
    assert elapsed < 4.0  # about 0.2 s here; twice the 2 s aim leaves room for a busy CI machine
    assert description.diagnostics == []


def test_graph_v1_types_and_model(graph) -> None:  # type: ignore[no-untyped-def]
    user = graph.schemas["microsoft.graph.user"]
    assert (user.base, user.open) == ("microsoft.graph.directoryObject", True)
    assert user.properties["accountEnabled"].type == ApiType(Kind.BOOLEAN)
    job = graph.schemas["microsoft.graph.synchronizationJob"]
    assert job.properties["schedule"].type.ref == "microsoft.graph.synchronizationSchedule"
    # The security schema's alias is `self`: its user type is distinct from graph's.
    assert graph.schemas["microsoft.graph.security.user"].base == "microsoft.graph.security.identityAccounts"
    model = graph.entity_model
    assert {"applications", "users", "groups", "subscribedSkus"} <= set(model.entity_sets)
    assert {"me", "policies", "directory"} <= set(model.singletons)
    navs = {n.name: n for n in model.navigation("microsoft.graph.synchronization")}
    assert navs["jobs"].target == "microsoft.graph.synchronizationJob" and navs["jobs"].contains_target
    # checkMemberGroups is bound to directoryObject: groups have it by inheritance.
    assert any(op.name == "checkMemberGroups" for op in model.bound("microsoft.graph.group", False))
    assert model.key("microsoft.graph.user") == ("id",)
    # Core.AlternateKeys, inline in the entity type: applications(appId='...'), applications(uniqueName='...')
    assert model.alternate_keys("microsoft.graph.application") == (("appId",), ("uniqueName",))
    assert model.alternate_keys("microsoft.graph.user") == (("userPrincipalName",),)
