"""The naming policy: case conversions, safe identifiers, deterministic collision handling."""

from __future__ import annotations

import builtins
import keyword
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from generator.resolve import names

# --- case conversions on names taken from real help files -------------------------------------------


@pytest.mark.parametrize(
    ("text", "snake", "camel", "pascal", "kebab"),
    [
        (
            "LastExecutionCountEntitledForProvisioning",
            "last_execution_count_entitled_for_provisioning",
            "lastExecutionCountEntitledForProvisioning",
            "LastExecutionCountEntitledForProvisioning",
            "last-execution-count-entitled-for-provisioning",
        ),
        # The acronym rule splits "O" from "Data" (as openapi-python-client does); the resolver does
        # not rely on it because ODataType has a configured wire name (see test_resolver).
        ("ODataType", "o_data_type", "oDataType", "ODataType", "o-data-type"),
        ("URLName", "url_name", "urlName", "UrlName", "url-name"),
        ("SchemaId", "schema_id", "schemaId", "SchemaId", "schema-id"),
        ("DisplayName", "display_name", "displayName", "DisplayName", "display-name"),
        ("Id", "id", "id", "Id", "id"),
    ],
)
def test_case_conversions_of_real_names(text: str, snake: str, camel: str, pascal: str, kebab: str) -> None:
    assert names.snake_case(text) == snake
    assert names.camel_case(text) == camel
    assert names.pascal_case(text) == pascal
    assert names.kebab_case(text) == kebab


def test_camel_case_only_changes_the_leading_capitals() -> None:
    # Wire names keep the rest of the spelling exactly as the help writes it.
    assert names.camel_case("SynchronizationJobSettings") == "synchronizationJobSettings"
    assert names.camel_case("URL") == "url"
    assert names.camel_case("") == ""
    assert names.camel_case("alreadyCamel") == "alreadyCamel"


def test_words_splits_on_punctuation_and_case() -> None:
    assert names.words("@odata.type") == ["odata", "type"]
    assert names.words("key-vault") == ["key", "vault"]
    assert names.words("last_execution") == ["last", "execution"]
    assert names.words("HTTPServer2Name") == ["http", "server2", "name"]


def test_module_and_class_names() -> None:
    assert names.module_name("Microsoft.Graph.PowerShell.Models") == "microsoft_graph_power_shell_models"
    assert names.module_name("2024.Models") == "m_2024_models"
    assert names.module_name("") == "module"
    assert names.class_name("synchronizationJob") == "SynchronizationJob"
    assert names.class_name("123") == "Model123"
    assert names.class_name("") == "Model"
    # A class must not shadow a builtin the generated module might use.
    assert names.class_name("Exception") == "ExceptionModel"


# --- python_identifier: reserved words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("class", "class_"),  # keyword
        ("Class", "class_"),  # keyword once snake_cased
        ("from", "from_"),
        ("import", "import_"),
        ("None", "none"),  # snake_case lower-cases it, so it is no keyword any more
        ("type", "type_"),  # builtin and soft keyword
        ("match", "match_"),  # soft keyword
        ("list", "list_"),  # builtin
        ("str", "str_"),
        ("schema", "schema_"),  # pydantic BaseModel (deprecated v1 API) attribute
        ("json", "json_"),
        ("copy", "copy_"),
        ("dict", "dict_"),
        ("validate", "validate_"),
        ("model_config", "model_config_"),  # pydantic v2 namespace
        ("ModelDump", "model_dump_"),
        ("model_anything", "model_anything_"),
        ("self", "self_"),
        ("datetime", "datetime_"),  # module names the generated code imports
        # Methods of the generated base class: a field of that name would shadow them.
        ("ToWire", "to_wire_"),
        ("ToJson", "to_json_"),
        ("FromWire", "from_wire_"),
    ],
)
def test_python_identifier_makes_reserved_names_safe(text: str, expected: str) -> None:
    assert names.python_identifier(text) == expected


def test_id_is_kept_deliberately() -> None:
    # Like openapi-python-client: `id` shadows a builtin but is far too common to rename.
    assert names.python_identifier("id") == "id"
    assert names.python_identifier("Id") == "id"
    assert "id" not in names.RESERVED


def test_reserved_covers_every_keyword_builtin_and_basemodel_attribute() -> None:
    for word in keyword.kwlist + keyword.softkwlist:
        assert word in names.RESERVED
    for word in dir(builtins):
        if word != "id":
            assert word in names.RESERVED, word
    for word in dir(BaseModel):
        if not word.startswith("__"):
            assert word in names.RESERVED, word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1stPlace", "value_1st_place"),
        ("2", "value_2"),
        ("key-vault", "key_vault"),
        ("odata.nextLink", "odata_next_link"),
        ("$filter", "filter_"),  # "$" dropped, then "filter" is a builtin
        ("$top", "top"),
        ("display name", "display_name"),
        ("@odata.type", "odata_type"),
        ("Größe", "groe"),  # NFKD keeps "o" of "ö"; "ß" has no ASCII decomposition and is dropped
        ("café", "cafe"),
        ("日本", "value"),  # nothing ASCII left: the fallback
        ("", "value"),
        ("___", "value"),
        ("_private", "private"),
        ("__dunder__", "dunder"),
    ],
)
def test_python_identifier_sanitises(text: str, expected: str) -> None:
    assert names.python_identifier(text) == expected


def test_python_identifier_fallback_is_used_for_empty_and_digit_names() -> None:
    assert names.python_identifier("", fallback="field") == "field"
    assert names.python_identifier("9lives", fallback="field") == "field_9lives"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_python_identifier_is_always_safe(text: str) -> None:
    name = names.python_identifier(text)
    assert name.isidentifier()
    assert name.isascii()
    assert not keyword.iskeyword(name)
    assert not keyword.issoftkeyword(name)
    assert not name.startswith("_")
    assert name not in names.RESERVED
    assert not name.startswith("model_") or name.endswith("_")


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,20}", fullmatch=True))
def test_snake_case_of_an_ascii_name_is_idempotent(text: str) -> None:
    snake = names.snake_case(text)
    assert names.snake_case(snake) == snake
    assert snake == snake.lower()
    assert names.kebab_case(text) == snake.replace("_", "-")


# --- unique ----------------------------------------------------------------------------------------------


def test_unique_keeps_the_first_sorted_source_and_numbers_the_rest() -> None:
    chosen = names.unique([("Foo_Bar", "foo_bar"), ("FooBar", "foo_bar"), ("Other", "other")])
    # Sorted by source: "FooBar" < "Foo_Bar" ("B" < "_"), so FooBar keeps the plain name.
    assert chosen == {"FooBar": "foo_bar", "Foo_Bar": "foo_bar_2", "Other": "other"}


def test_unique_is_case_insensitive() -> None:
    chosen = names.unique([("a", "Name"), ("b", "name"), ("c", "NAME")])
    # "NAME_2" would clash with "name_2" once case is ignored, so the third source gets "_3".
    assert chosen == {"a": "Name", "b": "name_2", "c": "NAME_3"}


def test_unique_does_not_double_an_underscore_suffix() -> None:
    chosen = names.unique([("Class", "class_"), ("CLASS", "class_")])
    assert sorted(chosen.values()) == ["class_", "class_2"]


def test_unique_numbers_past_every_name_a_source_wants() -> None:
    # "c" wants x_2 and gets it: numbering "b" never takes a name from a source that wants it.
    chosen = names.unique([("a", "x"), ("b", "x"), ("c", "x_2")])
    assert chosen == {"a": "x", "b": "x_3", "c": "x_2"}


def test_adding_a_later_source_never_renames_an_earlier_one() -> None:
    before = names.unique([("a", "x"), ("b", "x")])
    after = names.unique([("a", "x"), ("b", "x"), ("z", "x")])
    assert after["a"] == before["a"] and after["b"] == before["b"]
    assert after["z"] == "x_3"


_pairs = st.lists(
    st.tuples(
        st.text(min_size=1, max_size=6), st.sampled_from(["x", "X", "x_2", "class_", "Class_", "y", "value"])
    ),
    max_size=12,
    unique_by=lambda pair: pair[0],
)


@settings(max_examples=200, deadline=None)
@given(_pairs, st.randoms(use_true_random=False))
def test_unique_is_independent_of_input_order_and_case_insensitively_distinct(
    pairs: list[tuple[str, str]], rnd: random.Random
) -> None:
    chosen = names.unique(pairs)
    shuffled = list(pairs)
    rnd.shuffle(shuffled)
    assert names.unique(shuffled) == chosen
    assert names.unique(reversed(pairs)) == chosen
    assert set(chosen) == {source for source, _ in pairs}
    assert len({value.lower() for value in chosen.values()}) == len(chosen)
    for source, wanted in pairs:
        assert chosen[source].startswith(wanted)


@pytest.mark.parametrize(
    ("name", "snake"),
    [
        ("AWSRegionId", "aws_region_id"),
        ("K8SName", "k8s_name"),
        ("I18NConfig", "i18n_config"),
        ("X509Certificate", "x509_certificate"),
        ("SHA256Hash", "sha256_hash"),
        ("Oauth2PermissionScopes", "oauth2_permission_scopes"),
        ("Win32LobApp", "win32_lob_app"),
        ("V2Api", "v2_api"),
        ("displayName", "display_name"),
        ("@odata.type", "odata_type"),
    ],
)
def test_acronyms_and_digits_follow_one_rule(name: str, snake: str) -> None:
    """A run of capitals and digits is one word until a lower-case letter starts the next one."""
    assert names.snake_case(name) == snake


# --- stability: a name once given stays ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "plain"),
    [
        ("FooBar", True),
        ("Id", True),
        ("Server2Name", True),
        ("Get-MgUserById", True),  # part by part around the verb's dash
        ("Foo_Bar", False),
        ("FOO_BAR", False),
        ("FOOBar", False),
        ("_id", False),
        ("ID", False),
        ("Get-MgUserByID", False),
        ("fooBar", False),
        ("Microsoft.Graph.PowerShell.Models", False),
        ("", False),
    ],
)
def test_plain_names_are_spelled_as_the_policy_spells_their_words(source: str, plain: bool) -> None:
    assert names.plain(source) is plain


def test_a_plain_source_keeps_its_name_when_a_source_sorting_before_it_arrives() -> None:
    before = names.unique([("FooBar", "foo_bar")])
    # "FOO_BAR" < "FooBar" and wants the same name: by sorted order alone it would take it.
    after = names.unique([("FooBar", "foo_bar"), ("FOO_BAR", "foo_bar")])
    assert after["FooBar"] == before["FooBar"] == "foo_bar"
    assert after["FOO_BAR"] == "foo_bar_2"


def test_a_plain_cmdlet_keeps_its_method_name() -> None:
    after = names.unique([("Get-MgUserById", "get_user_by_id"), ("Get-MgUserByID", "get_user_by_id")])
    assert after == {"Get-MgUserById": "get_user_by_id", "Get-MgUserByID": "get_user_by_id_2"}


_sources = st.lists(
    st.tuples(st.from_regex(r"[A-Za-z_]{1,8}", fullmatch=True), st.sampled_from(["x", "x_2", "y"])),
    max_size=8,
    unique_by=lambda pair: pair[0],
)


@settings(max_examples=200, deadline=None)
@given(_sources, _sources)
def test_adding_sources_never_renames_a_plain_one(
    existing: list[tuple[str, str]], added: list[tuple[str, str]]
) -> None:
    before = names.unique(existing)
    sources = {source for source, _ in existing}
    after = names.unique(existing + [pair for pair in added if pair[0] not in sources])
    for source, wanted in existing:
        plain_rivals = [s for s, w in existing + added if w.lower() == wanted.lower() and names.plain(s)]
        if names.plain(source) and plain_rivals == [source]:
            assert after[source] == before[source] == wanted
        rank = (not names.plain(source), source)
        outranked = any(w.lower() == wanted.lower() and (not names.plain(s), s) < rank for s, w in added)
        if before[source] == wanted and not outranked:
            assert after[source] == wanted  # a name once given stays unless a newcomer outranks it
