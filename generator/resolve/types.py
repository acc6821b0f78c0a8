"""Map .NET types from the help onto Python annotations.

The generated modules import `typing as _t`, `datetime as _dt`, `decimal as _decimal`, `uuid as _uuid`
and `pydantic as _pd`, so no annotation can be shadowed by a generated class or field name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.api.model import Kind
from generator.ir import TypeRef
from generator.render.literals import py_string

if TYPE_CHECKING:
    from generator.resolve.merge import TypeKey, WireType

_SCALARS: dict[str, tuple[str, str | None]] = {
    "string": ("str", None),
    "char": ("str", None),
    "uri": ("str", None),
    "securestring": ("str", None),
    "guid": ("_uuid.UUID", "uuid"),
    "byte": ("int", None),
    "sbyte": ("int", None),
    "int16": ("int", None),
    "int32": ("int", None),
    "int64": ("int", None),
    "uint16": ("int", None),
    "uint32": ("int", None),
    "uint64": ("int", None),
    "int": ("int", None),
    "long": ("int", None),
    "short": ("int", None),
    "boolean": ("bool", None),
    "bool": ("bool", None),
    "switchparameter": ("bool", None),
    "switch": ("bool", None),
    "datetime": ("_pd.AwareDatetime", "pydantic"),
    "datetimeoffset": ("_pd.AwareDatetime", "pydantic"),
    "timespan": ("_dt.timedelta", "datetime"),
    "double": ("float", None),
    "single": ("float", None),
    "float": ("float", None),
    "decimal": ("_decimal.Decimal", "decimal"),
    "object": ("_t.Any", "typing"),
    "psobject": ("_t.Any", "typing"),
}
_MAPPINGS = {"hashtable", "idictionary", "dictionary", "ordereddictionary", "sortedlist", "sorteddictionary"}
_SEQUENCES = {"list", "ilist", "icollection", "ienumerable", "collection", "arraylist", "array", "hashset"}
_INTERFACE = re.compile(r"^I[A-Z][A-Za-z0-9_]*$")
_CLASS = re.compile(r"^[A-Z][A-Za-z0-9_]+$")  # one letter: a generic parameter (`T`)
# .NET interfaces that are collections or primitives, never API models.
_SYSTEM_INTERFACES = _MAPPINGS | _SEQUENCES | {"icomparable", "iconvertible", "iformattable", "idisposable"}
# .NET and PowerShell classes help names without their namespace: objects of the shell, never API models.
_SYSTEM_CLASSES = {
    *(name.lower() for name in _SCALARS),
    *_MAPPINGS,
    *_SEQUENCES,
    *(
        name.lower()
        for name in (
            "Void Enum Type Nullable Tuple KeyValuePair DictionaryEntry BigInteger Half IntPtr UIntPtr "
            "DateOnly TimeOnly Version Exception Regex Random Encoding CultureInfo TimeZoneInfo "
            "FileInfo DirectoryInfo FileSystemInfo Stream MemoryStream FileStream TextReader TextWriter "
            "IPAddress IPEndPoint PhysicalAddress X509Certificate X509Certificate2 X509Store SecureString "
            "Assembly ScriptBlock PSCredential PSObject PSCustomObject PSModuleInfo PSSession PSVariable "
            "PSReference PSPrimitiveDictionary PSDataCollection PSMemberInfo PSPropertyInfo PSNoteProperty "
            "ActionPreference ConfirmImpact ErrorRecord ProgressRecord InformationRecord WarningRecord "
            "VerboseRecord DebugRecord CommandInfo CmdletInfo FunctionInfo AliasInfo ApplicationInfo "
            "ProviderInfo PathInfo PSDriveInfo Runspace RunspacePool PowerShell Job Job2 ThreadJob "
            "SessionState WildcardPattern CimSession CimInstance CimClass ManagementObject RegistryKey "
            "Process ServiceController EventLogEntry XmlDocument XmlElement XmlNode XmlNodeList "
            "JsonElement JsonDocument JsonNode JObject JToken JArray CancellationToken Task "
            "HttpClient HttpRequestMessage HttpResponseMessage HttpMethod WebRequest WebResponse "
            "SendAsyncStep ConsoleColor Color Delegate Action Func EventHandler"
        ).split()
    ),
}
# Namespaces of the runtime, not of an API: .NET's, PowerShell's, WMI's, the registry's.
_SYSTEM_NAMESPACES = (
    "System",
    "Microsoft.PowerShell",
    "Microsoft.Management.Infrastructure",
    "Microsoft.Win32",
    "Microsoft.WSMan",
    "Microsoft.CSharp",
    "Newtonsoft.Json",
)


@dataclass(slots=True)
class PyType:
    annotation: str
    modules: set[str] = field(default_factory=set)  # standard modules the annotation needs
    models: set[tuple[str | None, str]] = field(default_factory=set)  # (namespace, .NET name) of models used
    unknown: list[str] = field(default_factory=list)  # .NET names mapped to Any


def is_model_type(ref: TypeRef) -> bool:
    """An API model: the I-prefixed interfaces AutoRest writes (`IMicrosoftGraphUser`, `ISystemuserputpost`)
    and the classes hand-written help names (`AssignedLicenses`, `Contoso.Model.Widget`).

    Not: .NET's and PowerShell's own types, by name (`String`, `Hashtable`, `PSCredential`) or by
    namespace (`System.*`, `Microsoft.PowerShell.*`, an AutoRest module's `*.Runtime.*`), nor generics.
    """
    name, lowered = ref.name, ref.name.lower()
    if ref.args or not _CLASS.match(name):
        return False
    namespace = ref.namespace or ""
    if namespace and (
        any(namespace == n or namespace.startswith(n + ".") for n in _SYSTEM_NAMESPACES)
        or "Runtime" in namespace.split(".")
    ):
        return False
    if _INTERFACE.match(name) and lowered in _SYSTEM_INTERFACES:
        return False
    return lowered not in _SYSTEM_CLASSES  # `IPAddress` is a class whose name looks like an interface's


def element_type(ref: TypeRef) -> TypeRef:
    """The item type of `IFoo[]`, `List<IFoo>` or `IFoo?`; the type itself otherwise."""
    if ref.array_rank:
        return TypeRef(ref.raw, ref.name, ref.namespace, ref.args)
    if ref.name.lower() in _SEQUENCES and len(ref.args) == 1:
        return element_type(ref.args[0])
    return TypeRef(ref.raw, ref.name, ref.namespace, ref.args)


def is_mapping(ref: TypeRef) -> bool:
    return ref.name.lower() in _MAPPINGS and not ref.array_rank


def map_type(ref: TypeRef, model_name: Callable[[TypeRef], str | None]) -> PyType:
    """`model_name` returns the annotation for a model type (or None when it is no model)."""
    result = PyType("")
    result.annotation = _map(ref, model_name, result)
    return result


def _map(ref: TypeRef, model_name: Callable[[TypeRef], str | None], out: PyType) -> str:
    annotation = _map_base(ref, model_name, out)
    rank = ref.array_rank
    if rank and annotation == "int" and ref.name.lower() == "byte":
        annotation, rank = "bytes", rank - 1  # the innermost Byte[] is one base64 value
    for _ in range(rank):
        annotation = f"list[{annotation}]"
    return annotation


def _map_base(ref: TypeRef, model_name: Callable[[TypeRef], str | None], out: PyType) -> str:
    key = ref.name.lower()
    if key in _SCALARS and not ref.args:
        annotation, module = _SCALARS[key]
        if module:
            out.modules.add(module)
        return annotation
    if key in _MAPPINGS:
        value = _map(ref.args[1], model_name, out) if len(ref.args) == 2 else "_t.Any"
        out.modules.add("typing")
        return f"dict[str, {value}]"
    if key in _SEQUENCES and len(ref.args) == 1:
        return f"list[{_map(ref.args[0], model_name, out)}]"
    if key in _SEQUENCES:
        out.modules.add("typing")
        return "list[_t.Any]"
    model = model_name(ref) if is_model_type(ref) else None
    if model:
        out.models.add((ref.namespace, ref.name))
        return model
    out.modules.add("typing")
    out.unknown.append(ref.raw or ref.name)
    return "_t.Any"


# An API description's string formats → validating Python types (uuid: `_uuid.UUID`, ...).
_FORMATS: dict[str, tuple[str, str | None]] = {
    "uuid": ("_uuid.UUID", "uuid"),
    "guid": ("_uuid.UUID", "uuid"),
    "date-time": ("_pd.AwareDatetime", "pydantic"),
    "date": ("_dt.date", "datetime"),
    "time": ("_dt.time", "datetime"),
    "duration": ("_dt.timedelta", "datetime"),
    "byte": ("bytes", None),
    "base64url": ("bytes", None),
}


def map_wire(
    wire: WireType,
    model_name: Callable[[TypeKey], str | None],
    enum_name: Callable[[TypeKey], str | None],
) -> PyType:
    """The annotation of a property typed by an API description (`resolve.described`)."""
    result = PyType("")
    result.annotation = _map_wire(wire, model_name, enum_name, result)
    return result


def _map_wire(
    wire: WireType,
    model_name: Callable[[TypeKey], str | None],
    enum_name: Callable[[TypeKey], str | None],
    out: PyType,
) -> str:
    kind = wire.kind
    if kind is Kind.ARRAY:
        inner = _map_wire(wire.items, model_name, enum_name, out) if wire.items else "_t.Any"
        out.modules.add("typing")
        return f"list[{inner}]"
    if kind is Kind.MAP:
        inner = _map_wire(wire.items, model_name, enum_name, out) if wire.items else "_t.Any"
        out.modules.add("typing")
        return f"dict[str, {inner}]"
    if kind is Kind.REF and wire.key is not None:
        found = model_name(wire.key) or enum_name(wire.key)
        if found:
            return found
    if wire.values:  # an inline enum: lenient on what the service sends, as a named one
        out.modules.add("typing")
        return "_t.Annotated[_t.Literal[" + ", ".join(py_string(v) for v in wire.values) + "], _b.EnumValue]"
    if kind is Kind.STRING:
        annotation, module = _FORMATS.get(wire.format, ("str", None))
        if module:
            out.modules.add(module)
        return annotation
    if kind is Kind.INTEGER:
        return "int"
    if kind is Kind.NUMBER:
        if wire.format == "decimal":
            out.modules.add("decimal")
            return "_decimal.Decimal"
        return "float"
    if kind is Kind.BOOLEAN:
        return "bool"
    if kind is Kind.FILE:
        return "bytes"
    out.modules.add("typing")
    return "dict[str, _t.Any]" if kind is Kind.OBJECT else "_t.Any"
