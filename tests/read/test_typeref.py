"""parse_type: .NET type names as help files write them."""

from __future__ import annotations

from generator.ir import TypeRef
from generator.read.typeref import parse_type

CLR_LIST = (
    "System.Collections.Generic.List`1[[System.String, System.Private.CoreLib, Version=9.0.0.0, "
    "Culture=neutral, PublicKeyToken=7cec85d7bea7798e]]"
)


def ok(text: str) -> TypeRef:
    ref, error = parse_type(text)
    assert error is None, error
    return ref


def test_plain_name_has_no_namespace_args_array_or_nullable():
    assert ok("String") == TypeRef(raw="String", name="String")


def test_namespace_is_split_from_the_short_name_and_array_rank_counted():
    ref = ok("System.String[]")
    assert (ref.namespace, ref.name, ref.array_rank, ref.nullable) == ("System", "String", 1, False)
    assert ref.qualified_name == "System.String"
    assert ref.raw == "System.String[]"


def test_question_mark_marks_nullable():
    ref = ok("Int32?")
    assert (ref.name, ref.nullable, ref.array_rank) == ("Int32", True, 0)


def test_nullable_array_keeps_both_marks():
    ref = ok("DateTime?[]")
    assert (ref.name, ref.nullable, ref.array_rank) == ("DateTime", True, 1)


def test_angle_bracket_generic_has_one_argument():
    ref = ok("List<IFoo>")
    assert ref.name == "List"
    assert ref.args == (TypeRef(raw="IFoo", name="IFoo"),)


def test_nested_generics_nest():
    ref = ok("List<List<String>>")
    (inner,) = ref.args
    assert (ref.name, inner.name, inner.raw) == ("List", "List", "List<String>")
    assert inner.args == (TypeRef(raw="String", name="String"),)


def test_dictionary_is_never_split_on_the_comma_between_its_arguments():
    ref = ok("Dictionary<String, Object>")
    assert ref.name == "Dictionary"
    assert [a.name for a in ref.args] == ["String", "Object"]
    assert ref.raw == "Dictionary<String, Object>"


def test_clr_generic_with_assembly_qualified_argument_skips_the_assembly():
    ref = ok(CLR_LIST)
    assert (ref.namespace, ref.name) == ("System.Collections.Generic", "List")
    assert ref.args == (TypeRef(raw="System.String", name="String", namespace="System"),)
    assert ref.raw == CLR_LIST


def test_clr_generic_with_two_arguments_keeps_both():
    ref = ok("System.Collections.Generic.Dictionary`2[[System.String, mscorlib],[System.Object, mscorlib]]")
    assert [a.qualified_name for a in ref.args] == ["System.String", "System.Object"]


def test_clr_nullable_becomes_its_argument_marked_nullable():
    ref = ok("System.Nullable`1[[System.Int32, mscorlib]]")
    assert (ref.namespace, ref.name, ref.nullable, ref.args) == ("System", "Int32", True, ())
    assert ref.raw == "System.Nullable`1[[System.Int32, mscorlib]]"


def test_powershell_square_bracket_generic_argument():
    ref = ok("FlagsExpression[FileAttributes]")
    assert ref.name == "FlagsExpression"
    assert ref.args == (TypeRef(raw="FileAttributes", name="FileAttributes"),)
    assert ref.array_rank == 0


def test_spaces_inside_the_angle_brackets_of_syntax_are_trimmed():
    ref = ok("Boolean ")
    assert ref == TypeRef(raw="Boolean", name="Boolean")


def test_backticks_around_a_type_are_removed():
    assert ok("`String`") == TypeRef(raw="String", name="String")


def test_alternatives_with_a_pipe_are_kept_best_effort_with_an_error_message():
    ref, error = parse_type("Site|Tenant")
    assert ref == TypeRef(raw="Site|Tenant", name="Site|Tenant")
    assert error == "type 'Site|Tenant' not understood: unexpected '|Tenant' after the type"


def test_two_types_separated_by_a_comma_are_an_error_not_a_split():
    ref, error = parse_type("String, Int32")
    assert ref.name == "String, Int32"
    assert ref.args == ()
    assert error is not None and "', Int32'" in error


def test_unbalanced_angle_bracket_is_an_error():
    ref, error = parse_type("List<String")
    assert ref.name == "List<String"
    assert error == "type 'List<String' not understood: unbalanced `<` in type"


def test_empty_type_is_an_error():
    ref, error = parse_type("  ")
    assert ref.name == ""
    assert error is not None and "expected a type name" in error
