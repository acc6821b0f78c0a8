"""NOTES: the ALIASES block and the COMPLEX PARAMETER PROPERTIES trees in every dialect found."""

from __future__ import annotations


from generator.ir import PropertyNode, PropertyTree
from generator.read.reader import read_bytes

from support import line_of, read_corpus

SEED = "seed/Update-MgApplicationSynchronizationJob.md"
GRAPH = "graph/Microsoft.Graph.Applications/Add-MgApplicationPassword.md"
JUMPCLOUD = "jumpcloud/JumpCloud.SDK.V1/New-JcSdkUser.md"


def tree(result, parameter: str) -> PropertyTree:
    (found,) = [t for t in result.cmdlet.property_trees if t.parameter == parameter]
    return found


def child(node, name: str) -> PropertyNode:
    children = node.properties if isinstance(node, PropertyTree) else node.children
    (found,) = [c for c in children if c.name == name]
    return found


def notes_doc(notes: str) -> bytes:
    return (
        "---\nschema: 2.0.0\n---\n\n# Get-Thing\n\n## SYNOPSIS\nS\n\n## SYNTAX\n\n"
        "```\nGet-Thing -Body <IThing> [<CommonParameters>]\n```\n\n## NOTES\n\n" + notes
    ).encode()


# --- seed (schema 2.0.0, roots without backticks) -----------------------------------------------------


def test_seed_root_lines_without_backticks_start_trees():
    trees = read_corpus(SEED).cmdlet.property_trees
    assert [(t.parameter, t.type.name, t.line) for t in trees][:2] == [
        ("BODYPARAMETER", "IMicrosoftGraphSynchronizationJob", 373),
        ("INPUTOBJECT", "IIdentityApplicationIdentity", tree(read_corpus(SEED), "INPUTOBJECT").line),
    ]
    assert trees[0].description == "synchronizationJob"


def test_seed_bracketed_backticked_properties_are_optional_with_type_and_line():
    body = tree(read_corpus(SEED), "BODYPARAMETER")
    first = body.properties[0]
    assert (first.name, first.type.name, first.required, first.description, first.line) == (
        "Id",
        "String",
        False,
        "Read-only.",
        374,
    )


def test_seed_empty_description_is_empty_string():
    body = tree(read_corpus(SEED), "BODYPARAMETER")
    p = child(body, "ScheduleExpiration")
    assert (p.description, p.type.name, p.type.nullable) == ("", "DateTime", True)


def test_seed_nesting_is_two_spaces_a_level():
    body = tree(read_corpus(SEED), "BODYPARAMETER")
    attributes = child(child(child(body, "SchemaDirectories"), "Objects"), "Attributes")
    assert attributes.line == 384
    assert [c.name for c in child(attributes, "ApiExpressions").children] == ["Key", "Value"]
    assert [c.name for c in child(body, "SchemaDirectories").children] == [
        "Id",
        "Discoverabilities",
        "DiscoveryDateTime",
        "Name",
        "Objects",
        "ReadOnly",
        "Version",
    ]


def test_type_already_expanded_is_referenced_by_name_with_no_children():
    objects = child(child(tree(read_corpus(SEED), "BODYPARAMETER"), "SchemaDirectories"), "Objects")
    expanded = child(child(objects, "Attributes"), "Metadata")
    again = child(objects, "Metadata")
    assert expanded.type.name == again.type.name == "IMicrosoftGraphMetadataEntry"
    assert [c.name for c in expanded.children] == ["Key", "Value"]
    assert (again.line, again.children) == (402, [])


def test_seed_empty_aliases_block_gives_no_aliases_and_seed_notes_give_no_warnings():
    result = read_corpus(SEED)
    assert result.cmdlet.aliases == []
    assert [d for d in result.diagnostics if d.rule in ("PG050", "PG051")] == []


# --- graph 2024-05-01 (no bullets, no backticks, descriptions going on at column 0) ---------------------


def test_graph_properties_without_bullets_are_read_with_nesting():
    body = tree(read_corpus(GRAPH), "BODYPARAMETER")
    credential = child(body, "PasswordCredential")
    assert (credential.line, credential.type.name, credential.required) == (
        517,
        "IMicrosoftGraphPasswordCredential",
        False,
    )
    assert [c.name for c in credential.children] == [
        "(Any)",
        "CustomKeyIdentifier",
        "DisplayName",
        "EndDateTime",
        "Hint",
        "KeyId",
        "SecretText",
        "StartDateTime",
    ]


def test_graph_description_continuing_at_column_0_is_joined_with_newlines():
    credential = tree(read_corpus(GRAPH), "PASSWORDCREDENTIAL")
    end = child(credential, "EndDateTime")
    assert end.line == 567
    assert end.description == (
        "The date and time at which the password expires represented using ISO 8601 format and is always in UTC time.\n"
        "For example, midnight UTC on Jan 1, 2014 is 2014-01-01T00:00:00Z.\n"
        "Optional."
    )
    assert child(credential, "KeyId").description == "The unique identifier for the password."


def test_graph_continuation_lines_do_not_become_properties():
    credential = tree(read_corpus(GRAPH), "PASSWORDCREDENTIAL")
    assert len(credential.properties) == 8
    assert [t.parameter for t in read_corpus(GRAPH).cmdlet.property_trees] == [
        "BODYPARAMETER",
        "INPUTOBJECT",
        "PASSWORDCREDENTIAL",
    ]


def test_any_entry_marks_additional_properties():
    any_entry = tree(read_corpus(GRAPH), "BODYPARAMETER").properties[0]
    assert (any_entry.name, any_entry.type.name, any_entry.required, any_entry.line) == (
        "(Any)",
        "Object",
        False,
        516,
    )
    assert any_entry.is_additional_properties is True
    assert any_entry.description == "This indicates any property can be added to this object."


# --- jumpcloud (backticked roots, required properties without brackets) -------------------------------


def test_jumpcloud_backticked_root_starts_a_tree():
    body = tree(read_corpus(JUMPCLOUD), "BODY")
    assert (body.type.name, body.description, body.line) == ("ISystemuserputpost", "SystemUserPost", 1109)
    assert [t.parameter for t in read_corpus(JUMPCLOUD).cmdlet.property_trees] == [
        "ADDRESSES",
        "ATTRIBUTES",
        "BODY",
        "PHONENUMBERS",
        "RELATIONSHIPS",
        "RESTRICTEDFIELDS",
    ]


def test_jumpcloud_property_without_brackets_is_required():
    body = tree(read_corpus(JUMPCLOUD), "BODY")
    assert [(p.name, p.required) for p in body.properties[:3]] == [
        ("Email", True),
        ("Username", True),
        ("AccountLocked", False),
    ]


def test_jumpcloud_nested_generic_property_type_has_its_children():
    addresses = child(tree(read_corpus(JUMPCLOUD), "BODY"), "Addresses")
    assert (addresses.type.name, [a.name for a in addresses.type.args]) == (
        "List",
        ["ISystemuserputpostAddressesItem"],
    )
    assert addresses.line == 1114
    assert [c.line for c in addresses.children] == list(range(1115, 1123))


def test_jumpcloud_trailing_space_in_description_is_trimmed():
    body = tree(read_corpus(JUMPCLOUD), "BODY")
    assert child(body, "EmployeeIdentifier").description == "Must be unique per user."


# --- inline variants ----------------------------------------------------------------------------------


ALIASES_DOC = notes_doc("""ALIASES

Get-ThingAlias
Other-Alias

COMPLEX PARAMETER PROPERTIES

To create the parameters described below, construct a hash table containing the appropriate properties.

BODY <IThing>: a thing
  - `[Name <String>]`: the name
""")


def test_notes_aliases_block_lists_cmdlet_names():
    assert read_bytes("m/Get-Thing.md", ALIASES_DOC).cmdlet.aliases == ["Get-ThingAlias", "Other-Alias"]


def test_intro_sentence_after_the_marker_is_not_a_tree():
    trees = read_bytes("m/Get-Thing.md", ALIASES_DOC).cmdlet.property_trees
    assert [(t.parameter, [p.name for p in t.properties]) for t in trees] == [("BODY", ["Name"])]


def test_no_marker_means_no_trees():
    result = read_bytes("m/Get-Thing.md", notes_doc("Just a note\n\nBODY <IThing>: looks like a root\n"))
    assert result.cmdlet.property_trees == []


INDENT_DOC = notes_doc("""COMPLEX PARAMETER PROPERTIES

BODY <IThing>: a thing
  - `[Name <String>]`: the name
     - `[Odd <String>]`: three deeper
  - `[Inner <IInner>]`: inner
      - `[Deep <Int32?>]`: four deeper
  - `Req <String>`: required
""")


def test_inconsistent_indentation_is_pg051_at_the_line_and_column():
    result = read_bytes("m/Get-Thing.md", INDENT_DOC)
    assert [(d.line, d.column, d.message) for d in result.diagnostics if d.rule == "PG051"] == [
        (line_of(INDENT_DOC, "[Odd"), 6, "property 'Odd' is indented 5 spaces; expected 4"),
        (line_of(INDENT_DOC, "[Deep"), 7, "property 'Deep' is indented 6 spaces; expected 4"),
    ]


def test_badly_indented_properties_are_still_nested_under_the_previous_shallower_one():
    body = tree(read_bytes("m/Get-Thing.md", INDENT_DOC), "BODY")
    assert [(p.name, [c.name for c in p.children]) for p in body.properties] == [
        ("Name", ["Odd"]),
        ("Inner", ["Deep"]),
        ("Req", []),
    ]
    assert child(body, "Req").required is True


def test_unreadable_property_line_is_pg050():
    doc = notes_doc("COMPLEX PARAMETER PROPERTIES\n\nBODY <IThing>: a thing\n\n  - `[Broken <String`: oops\n")
    result = read_bytes("m/Get-Thing.md", doc)
    assert [(d.line, d.rule) for d in result.diagnostics if d.rule.startswith("PG05")] == [
        (line_of(doc, "[Broken"), "PG050")
    ]
    assert tree(result, "BODY").properties == []


def test_a_tab_in_the_indentation_is_a_level_and_tabs_in_a_description_are_text():
    doc = notes_doc(
        "COMPLEX PARAMETER PROPERTIES\n\nBODY <IThing>: a\tthing\n\t- `[Name <String>]`: the\t\tname\n"
    )
    body = tree(read_bytes("m/Get-Thing.md", doc), "BODY")
    assert body.description == "a\tthing"
    assert [(p.name, p.description) for p in body.properties] == [("Name", "the\t\tname")]
