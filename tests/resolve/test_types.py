""".NET types as the help writes them → Python annotations."""

from __future__ import annotations

import pytest

from generator.ir import TypeRef
from generator.read.typeref import parse_type
from generator.resolve.types import PyType, element_type, is_mapping, is_model_type, map_type


def ref(text: str) -> TypeRef:
    parsed, error = parse_type(text)
    assert error is None, error
    return parsed


def model_callback(found: TypeRef) -> str | None:
    """Every model type is a class called after its name without the `I`."""
    return found.name[1:]


def no_models(found: TypeRef) -> str | None:
    return None


def mapped(text: str, callback=model_callback) -> PyType:
    return map_type(ref(text), callback)


@pytest.mark.parametrize(
    ("text", "annotation", "modules"),
    [
        ("String", "str", set()),
        ("System.String", "str", set()),
        ("Int32", "int", set()),
        ("System.Int64", "int", set()),
        ("Boolean", "bool", set()),
        ("System.Management.Automation.SwitchParameter", "bool", set()),
        ("DateTime", "_pd.AwareDatetime", {"pydantic"}),
        ("System.DateTimeOffset", "_pd.AwareDatetime", {"pydantic"}),
        ("TimeSpan", "_dt.timedelta", {"datetime"}),
        ("Double", "float", set()),
        ("Single", "float", set()),
        ("Decimal", "_decimal.Decimal", {"decimal"}),
        ("Guid", "_uuid.UUID", {"uuid"}),
        ("System.Uri", "str", set()),
        ("Hashtable", "dict[str, _t.Any]", {"typing"}),
        ("System.Collections.IDictionary", "dict[str, _t.Any]", {"typing"}),
        ("Object", "_t.Any", {"typing"}),
        ("PSObject", "_t.Any", {"typing"}),
    ],
)
def test_scalars_and_untyped_mappings(text: str, annotation: str, modules: set[str]) -> None:
    result = mapped(text, no_models)
    assert result.annotation == annotation
    assert result.modules == modules
    assert result.models == set()
    # Object is a deliberate Any, not an unknown type.
    assert result.unknown == []


def test_type_names_are_case_insensitive() -> None:
    assert mapped("string").annotation == "str"
    assert mapped("int").annotation == "int"
    assert mapped("switch").annotation == "bool"


@pytest.mark.parametrize(
    ("text", "annotation"),
    [
        ("String[]", "list[str]"),
        ("Int32[][]", "list[list[int]]"),
        ("List<String>", "list[str]"),
        (
            "System.Collections.Generic.List`1[[System.String, System.Private.CoreLib, Version=8.0.0.0]]",
            "list[str]",
        ),
        ("IEnumerable<Int64>", "list[int]"),
        ("ArrayList", "list[_t.Any]"),
        ("List<String[]>", "list[list[str]]"),
        ("Hashtable[]", "list[dict[str, _t.Any]]"),
        ("Dictionary<String, Int32>", "dict[str, int]"),
        ("Dictionary<String, List<Guid>>", "dict[str, list[_uuid.UUID]]"),
    ],
)
def test_collections(text: str, annotation: str) -> None:
    result = mapped(text, no_models)
    assert result.annotation == annotation
    assert result.unknown == []


def test_nested_collection_collects_every_module() -> None:
    result = mapped("Dictionary<String, List<DateTime>>", no_models)
    assert result.annotation == "dict[str, list[_pd.AwareDatetime]]"
    assert {"pydantic", "typing"} <= result.modules


def test_nullable_is_left_to_the_resolver() -> None:
    # `Int32?` and `Nullable<Int32>` read as nullable Int32; the annotation itself stays `int` and the
    # resolver adds `| None` (tested in test_resolver).
    for text in ("Int32?", "System.Nullable`1[[System.Int32, System.Private.CoreLib]]"):
        parsed = ref(text)
        assert parsed.nullable
        assert parsed.name == "Int32"
        assert map_type(parsed, no_models).annotation == "int"
    assert mapped("DateTime?").annotation == "_pd.AwareDatetime"


@pytest.mark.parametrize(
    ("text", "annotation"),
    [
        ("Byte[]", "bytes"),
        ("System.Byte[]", "bytes"),
        ("List<Byte[]>", "list[bytes]"),
        # An array of byte arrays is a list of base64 strings on the wire, not nested int lists.
        ("Byte[][]", "list[bytes]"),
        ("Byte", "int"),
    ],
)
def test_byte_arrays_are_bytes(text: str, annotation: str) -> None:
    assert mapped(text).annotation == annotation


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft.Graph.PowerShell.Runtime.SendAsyncStep",
        "System.Management.Automation.PSCredential",
        "IComparable",  # a system interface, not a model
        "IFoo<String>",  # a generic interface is no model either
    ],
)
def test_unknown_types_become_any_and_are_listed(text: str) -> None:
    result = mapped(text)
    assert result.annotation == "_t.Any"
    assert "typing" in result.modules
    assert result.unknown == [text]
    assert result.models == set()


def test_unknown_item_type_inside_a_list() -> None:
    result = mapped("Microsoft.Graph.PowerShell.Runtime.SendAsyncStep[]")
    assert result.annotation == "list[_t.Any]"
    assert result.unknown == ["Microsoft.Graph.PowerShell.Runtime.SendAsyncStep[]"]


def test_model_type_whose_callback_declines_is_unknown() -> None:
    result = mapped("IMicrosoftGraphUser", no_models)
    assert result.annotation == "_t.Any"
    assert result.unknown == ["IMicrosoftGraphUser"]
    assert result.models == set()


def test_model_types_go_through_the_callback() -> None:
    seen: list[TypeRef] = []

    def callback(found: TypeRef) -> str | None:
        seen.append(found)
        return "_m_other.User" if found.name == "IMicrosoftGraphUser" else None

    result = map_type(ref("Microsoft.Graph.PowerShell.Models.IMicrosoftGraphUser[]"), callback)
    assert result.annotation == "list[_m_other.User]"
    assert result.models == {("Microsoft.Graph.PowerShell.Models", "IMicrosoftGraphUser")}
    assert result.unknown == []
    assert [(r.namespace, r.name) for r in seen] == [
        ("Microsoft.Graph.PowerShell.Models", "IMicrosoftGraphUser")
    ]


@pytest.mark.parametrize(
    ("text", "annotation"),
    [
        ("IMicrosoftGraphUser", "MicrosoftGraphUser"),
        ("IMicrosoftGraphUser[]", "list[MicrosoftGraphUser]"),
        ("List<IFoo>", "list[Foo]"),
        ("IEnumerable<IFoo>", "list[Foo]"),
        ("Dictionary<String, IFoo>", "dict[str, Foo]"),
        ("Dictionary<String, IFoo[]>", "dict[str, list[Foo]]"),
    ],
)
def test_model_annotations(text: str, annotation: str) -> None:
    result = mapped(text)
    assert result.annotation == annotation
    assert len(result.models) == 1
    assert result.unknown == []


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("IMicrosoftGraphUser", True),
        ("ISystemuserputpost", True),
        ("IMicrosoftGraphUser[]", True),  # the name, not the array mark, decides
        ("IDictionary", False),
        ("IEnumerable<IFoo>", False),
        ("IList<String>", False),
        ("IComparable", False),
        ("Int32", False),
        ("I", False),
        # Hand-written help names its models as classes, without the interface's I.
        ("Item", True),
        ("AssignedLicenses", True),
        ("AssignedLicenses[]", True),
        ("Contoso.Model.Widget", True),
        ("Microsoft.Open.AzureAD.Model.AssignedLicenses", True),
        # ... but not .NET's or PowerShell's own classes, by name or by namespace, nor generic parameters.
        ("String", False),
        ("System.String", False),
        ("DateTime", False),
        ("Hashtable", False),
        ("SwitchParameter", False),
        ("PSCredential", False),
        ("System.Management.Automation.PSCredential", False),
        ("ScriptBlock", False),
        ("Guid", False),
        ("Uri", False),
        ("SecureString", False),
        ("IPAddress", False),  # a class whose name starts like an interface's
        ("System.Net.IPEndPoint", False),
        ("System.IO.FileInfo", False),
        ("Microsoft.PowerShell.Commands.DisplayHintType", False),
        ("Microsoft.Graph.PowerShell.Runtime.SendAsyncStep", False),  # AutoRest's runtime, no API model
        ("List<AssignedLicense>", False),  # the list is not; its item is
        ("T", False),
    ],
)
def test_is_model_type(text: str, model: bool) -> None:
    assert is_model_type(ref(text)) is model


def test_element_type_unwraps_arrays_and_sequences() -> None:
    assert element_type(ref("IFoo[]")).name == "IFoo"
    assert element_type(ref("IFoo[]")).array_rank == 0
    assert element_type(ref("List<IFoo>")).name == "IFoo"
    assert element_type(ref("List<IFoo[]>")).name == "IFoo"
    assert element_type(ref("IFoo?")).nullable is False
    assert element_type(ref("Dictionary<String, IFoo>")).name == "Dictionary"


def test_is_mapping() -> None:
    assert is_mapping(ref("Hashtable"))
    assert is_mapping(ref("Dictionary<String, Object>"))
    assert not is_mapping(ref("Hashtable[]"))
    assert not is_mapping(ref("String"))


def test_a_reference_without_namespace_points_at_its_own_namespace_else_the_first_definer() -> None:
    from generator.resolve.merge import TypeTable

    table = TypeTable()
    table.define("Zeta.Models", "IThing")
    table.define("Alpha.Models", "IThing")
    table.define("Beta.Models", "IOther")
    assert table.lookup(ref("IThing"), "Zeta.Models") == ("Zeta.Models", "IThing")  # its own namespace
    assert table.lookup(ref("IThing"), "Beta.Models") == (
        "Alpha.Models",
        "IThing",
    )  # defined elsewhere: first by name
    assert table.lookup(ref("IOther"), "Zeta.Models") == ("Beta.Models", "IOther")  # the only definer
    assert table.lookup(ref("INone"), "Zeta.Models") == ("Zeta.Models", "INone")  # nobody: the context's
    assert table.lookup(ref("Gamma.Models.IThing"), "Zeta.Models") == ("Gamma.Models", "IThing")  # as written
    table.define("Alpha.Models", "IThing")  # defining again changes nothing
    assert table.namespaces["IThing"] == ["Zeta.Models", "Alpha.Models"]
