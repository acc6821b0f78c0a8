"""OData CSDL (Microsoft Graph's `$metadata`) read into an `ApiDescription` and its `EntityModel`.

The schemas (entity, complex and enum types) go where every description keeps them, keyed by
qualified name (`microsoft.graph.user`, aliases such as `graph.` and `self.` resolved). What only
OData has — entity sets, singletons, navigation properties, keys, bound actions and functions, type
inheritance — is the `EntityModel`: the Graph binder walks it to find the path a cmdlet stands for.

XML is read through defusedxml's expat driver: a DTD, an entity declaration or an external
reference stops the read (PG090) before expat expands anything, so a billion-laughs file costs
nothing. Every element keeps the line it starts on, so origins point into the file (`path:line`).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Container, Iterator
from dataclasses import dataclass, field
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import AttributesImpl, InputSource, Locator

from defusedxml.common import DefusedXmlException, DTDForbidden  # type: ignore[import-untyped]
from defusedxml.expatreader import DefusedExpatParser  # type: ignore[import-untyped]

from generator.api.model import ApiDescription, ApiProperty, ApiSchema, ApiType, Format, Kind
from generator.diagnostics import DiagnosticSink

# -- the entity model ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TypeName:
    """A type as CSDL names it, aliases resolved: `microsoft.graph.user`, `Edm.String`, collection or not."""

    name: str
    collection: bool = False

    def __str__(self) -> str:
        return f"Collection({self.name})" if self.collection else self.name


@dataclass(frozen=True, slots=True)
class NavigationProperty:
    name: str
    target: str  # qualified entity type (the element type of a collection)
    collection: bool
    contains_target: bool  # contained: the path goes on below it; otherwise it links to another set
    nullable: bool
    line: int


@dataclass(slots=True)
class StructuredType:
    """An entity or complex type with what paths are made of; its properties are in `ApiDescription.schemas`."""

    name: str  # qualified
    entity: bool  # EntityType (False: ComplexType)
    line: int
    base: str = ""  # qualified
    abstract: bool = False
    open: bool = False
    has_stream: bool = False  # a media entity: its content is at `/$value`
    key: tuple[str, ...] = ()  # declared here; `EntityModel.key` follows the base types
    alternate_keys: tuple[tuple[str, ...], ...] = ()  # Core.AlternateKeys: each key's property aliases
    navigation: dict[str, NavigationProperty] = field(default_factory=dict)
    streams: dict[str, int] = field(default_factory=dict)  # Edm.Stream property → line
    complex: dict[str, tuple[str, int]] = field(
        default_factory=dict
    )  # single complex property → (type, line)


@dataclass(frozen=True, slots=True)
class OperationParameter:
    name: str
    type: TypeName
    nullable: bool = True
    optional: bool = False  # Core.OptionalParameter


@dataclass(frozen=True, slots=True)
class Operation:
    """An action (POST) or function (GET), bound to a type or callable through an import."""

    name: str  # simple name: `pause`
    namespace: str
    action: bool
    binding: TypeName | None  # the binding parameter's type; None when unbound
    parameters: tuple[OperationParameter, ...]  # without the binding parameter
    returns: TypeName | None
    composable: bool
    line: int

    @property
    def qualified_name(self) -> str:
        return f"{self.namespace}.{self.name}"


@dataclass(frozen=True, slots=True)
class NavigationSource:
    """An entity set (a collection at the service root) or a singleton (one entity there)."""

    name: str
    type: str  # qualified entity type
    singleton: bool
    line: int
    bindings: tuple[tuple[str, str], ...] = ()  # NavigationPropertyBinding (path, target)


@dataclass(frozen=True, slots=True)
class OperationImport:
    name: str
    operation: str  # qualified name of the action or function
    action: bool
    entity_set: str
    line: int


@dataclass(slots=True)
class EntityModel:
    """What the CSDL says about addressing: the roots, the types' navigation and the bound operations."""

    container: str = ""
    aliases: dict[str, str] = field(default_factory=dict)  # alias → namespace
    sources: dict[str, NavigationSource] = field(default_factory=dict)  # entity sets and singletons by name
    types: dict[str, StructuredType] = field(default_factory=dict)  # qualified name → type
    operations: list[Operation] = field(default_factory=list)
    imports: dict[str, OperationImport] = field(default_factory=dict)
    _bound: dict[tuple[str, bool], list[Operation]] = field(default_factory=dict, repr=False)
    _derived: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def index(self) -> None:
        """Build the look-ups the binder uses: operations by binding type, derived types by base."""
        self._bound = {}
        for op in self.operations:
            if op.binding is not None:
                self._bound.setdefault((op.binding.name, op.binding.collection), []).append(op)
        self._derived = {}
        for name in self.types:
            for ancestor in self.lineage(name)[1:]:
                self._derived.setdefault(ancestor, []).append(name)

    @property
    def entity_sets(self) -> dict[str, NavigationSource]:
        return {n: s for n, s in self.sources.items() if not s.singleton}

    @property
    def singletons(self) -> dict[str, NavigationSource]:
        return {n: s for n, s in self.sources.items() if s.singleton}

    def lineage(self, name: str) -> list[str]:
        """The type and its base types, nearest first (a cycle in BaseType stops the walk)."""
        chain: list[str] = []
        while name and name not in chain:
            chain.append(name)
            structured = self.types.get(name)
            name = structured.base if structured else ""
        return chain

    def derived(self, name: str) -> list[str]:
        """Every type deriving from `name`, directly or not, in declaration order."""
        return self._derived.get(name, [])

    def is_a(self, name: str, base: str) -> bool:
        return base in self.lineage(name)

    def key(self, name: str) -> tuple[str, ...]:
        for each in self.lineage(name):
            structured = self.types.get(each)
            if structured and structured.key:
                return structured.key
        return ()

    def alternate_keys(self, name: str) -> tuple[tuple[str, ...], ...]:
        for each in self.lineage(name):
            structured = self.types.get(each)
            if structured and structured.alternate_keys:
                return structured.alternate_keys
        return ()

    def navigation(self, name: str) -> Iterator[NavigationProperty]:
        """Navigation properties of the type and its bases (a type's own declaration hides its base's)."""
        seen: set[str] = set()
        for each in self.lineage(name):
            structured = self.types.get(each)
            for nav in structured.navigation.values() if structured else ():
                if nav.name not in seen:
                    seen.add(nav.name)
                    yield nav

    def streams(self, name: str) -> Iterator[tuple[str, int]]:
        for each in self.lineage(name):
            structured = self.types.get(each)
            yield from (structured.streams.items() if structured else ())

    def complex_properties(self, name: str) -> Iterator[tuple[str, str, int]]:
        for each in self.lineage(name):
            structured = self.types.get(each)
            for prop, (type_name, line) in (structured.complex.items() if structured else ()):
                yield prop, type_name, line

    def has_stream(self, name: str) -> bool:
        return any(self.types[t].has_stream for t in self.lineage(name) if t in self.types)

    def bound(self, name: str, collection: bool) -> Iterator[Operation]:
        """Operations bound to the type (or to a collection of it) or to one of its base types."""
        for each in self.lineage(name):
            yield from self._bound.get((each, collection), ())


# -- reading --------------------------------------------------------------------------------------------

_EDM_TYPES: dict[str, ApiType] = {
    "Edm.String": ApiType(Kind.STRING),
    "Edm.Guid": ApiType(Kind.STRING, "uuid"),
    "Edm.DateTimeOffset": ApiType(Kind.STRING, "date-time"),
    "Edm.Date": ApiType(Kind.STRING, "date"),
    "Edm.TimeOfDay": ApiType(Kind.STRING, "time"),
    "Edm.Duration": ApiType(Kind.STRING, "duration"),
    "Edm.Int16": ApiType(Kind.INTEGER, "int32"),
    "Edm.Int32": ApiType(Kind.INTEGER, "int32"),
    "Edm.Int64": ApiType(Kind.INTEGER, "int64"),
    "Edm.Byte": ApiType(Kind.INTEGER),
    "Edm.SByte": ApiType(Kind.INTEGER),
    "Edm.Double": ApiType(Kind.NUMBER, "double"),
    "Edm.Single": ApiType(Kind.NUMBER, "float"),
    "Edm.Decimal": ApiType(Kind.NUMBER, "decimal"),
    "Edm.Boolean": ApiType(Kind.BOOLEAN),
    "Edm.Binary": ApiType(Kind.STRING, "byte"),
    "Edm.Stream": ApiType(Kind.FILE),
    # Open values: any JSON.
    "Edm.Untyped": ApiType(Kind.ANY),
    "Edm.PrimitiveType": ApiType(Kind.ANY),
    "Edm.ComplexType": ApiType(Kind.ANY),
    "Edm.EntityType": ApiType(Kind.ANY),
}
_COLLECTION = re.compile(r"^Collection\((.*)\)$")
_DESCRIPTION = "Org.OData.Core.V1.Description"
_COMPUTED = "Org.OData.Core.V1.Computed"
_OPTIONAL = "Org.OData.Core.V1.OptionalParameter"
_ALTERNATE_KEYS = "Org.OData.Core.V1.AlternateKeys"
_EVOLVABLE_MEMBER = "unknownFutureValue"
_Get = Callable[[str], "str | None"]  # an element's attribute look-up (`AttributesImpl.get`)


def api_type(type_name: TypeName, known: Container[str]) -> ApiType | None:
    """The `ApiType` of a CSDL type: Edm primitives by `_EDM_TYPES`, named types as REF; None if unknown."""
    if type_name.name.startswith("Edm."):
        element = _EDM_TYPES.get(type_name.name)
    elif type_name.name in known:
        element = ApiType(Kind.REF, ref=type_name.name)
    else:
        element = None
    if element is None:
        return None
    return ApiType(Kind.ARRAY, items=element) if type_name.collection else element


def read_csdl(data: bytes, shown: str) -> ApiDescription:
    """Read a CSDL XML document; problems are diagnostics on the result (PG090 unreadable, PG091 skipped)."""
    sink = DiagnosticSink(shown)
    description = ApiDescription(path=shown, format=Format.CSDL)
    handler = _Handler()
    parser = DefusedExpatParser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    parser.setContentHandler(handler)
    source = InputSource(shown)
    source.setByteStream(io.BytesIO(data))
    try:
        parser.parse(source)
    except SAXParseException as error:
        sink.warning(
            "PG090",
            error.getLineNumber() or 1,
            f"not well-formed XML: {error.getMessage()}; the CSDL is not used",
            (error.getColumnNumber() or 0) + 1,
        )
    except DefusedXmlException as error:
        named = getattr(error, "name", None) or getattr(error, "sysid", None) or "?"
        what = f"<!DOCTYPE {named}>" if isinstance(error, DTDForbidden) else f"entity {named}"
        sink.warning(
            "PG090",
            handler.line,
            f"{what} refused: an API description may not declare a DTD or entities, nor refer to "
            "external ones (they can expand without bound or read files); the CSDL is not used",
            handler.column,
        )
    except Exception as error:  # expat's own errors (bad encoding declaration, ...): still a value
        sink.warning("PG090", handler.line, f"cannot read the XML: {error}; the CSDL is not used")
    else:
        if handler.root != "Edmx":
            sink.warning(
                "PG090",
                1,
                f"root element is <{handler.root or '?'}>, not <edmx:Edmx>: not an OData CSDL document",
            )
        else:
            _Builder(handler, description, sink).build()
    description.diagnostics = sink.items
    return description


# Raw records as the XML gives them (type names still with aliases), resolved once every alias is known.


@dataclass(slots=True)
class _RawProperty:
    name: str
    type: str
    nullable: bool
    navigation: bool
    contains: bool
    line: int
    description: str = ""
    computed: bool = False


@dataclass(slots=True)
class _RawType:
    kind: str  # EntityType, ComplexType, EnumType
    namespace: str
    name: str
    line: int
    base: str = ""
    abstract: bool = False
    open: bool = False
    has_stream: bool = False
    flags: bool = False
    key: list[str] = field(default_factory=list)
    alternate_keys: list[list[str]] = field(default_factory=list)
    properties: list[_RawProperty] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    description: str = ""


@dataclass(slots=True)
class _RawParameter:
    name: str
    type: str
    nullable: bool
    line: int
    optional: bool = False


@dataclass(slots=True)
class _RawOperation:
    action: bool
    namespace: str
    name: str
    bound: bool
    composable: bool
    line: int
    parameters: list[_RawParameter] = field(default_factory=list)
    returns: str = ""


@dataclass(slots=True)
class _RawSource:
    singleton: bool
    name: str
    type: str
    line: int
    bindings: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class _RawImport:
    action: bool
    name: str
    operation: str
    entity_set: str
    line: int


class _Handler(ContentHandler):
    """SAX events → raw records. Element names are compared without their namespace prefix."""

    def __init__(self) -> None:
        super().__init__()
        self.locator: Locator | None = None
        self.root = ""
        self.aliases: dict[str, str] = {}
        self.namespaces: list[str] = []
        self.types: list[_RawType] = []
        self.operations: list[_RawOperation] = []
        self.sources: list[_RawSource] = []
        self.imports: list[_RawImport] = []
        self.container = ""
        self.annotations: list[tuple[str, str, str, int]] = []  # (target, term, value, line)
        self.skipped: list[tuple[int, str]] = []  # (line, why) for PG091
        self._stack: list[str] = []
        self._namespace = ""
        self._type: _RawType | None = None
        self._property: _RawProperty | None = None
        self._operation: _RawOperation | None = None
        self._parameter: _RawParameter | None = None
        self._source: _RawSource | None = None
        self._target = ""  # the enclosing <Annotations Target=...>
        self._alternate: list[list[str]] | None = None  # inside a type's Core.AlternateKeys annotation

    @property
    def line(self) -> int:
        return max(self.locator.getLineNumber() or 1, 1) if self.locator else 1

    @property
    def column(self) -> int:
        return max((self.locator.getColumnNumber() or 0) + 1, 1) if self.locator else 1

    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def startElement(self, name: str, attrs: AttributesImpl) -> None:
        tag = name.rpartition(":")[2]
        if not self._stack:
            self.root = tag
        self._stack.append(tag)
        handler = _STARTS.get(tag)
        if handler is not None:
            handler(self, attrs.get, self.line)

    def endElement(self, name: str) -> None:
        tag = self._stack.pop() if self._stack else ""
        if tag in ("EntityType", "ComplexType", "EnumType"):
            self._type = None
        elif tag in ("Property", "NavigationProperty"):
            self._property = None
        elif tag in ("Action", "Function"):
            self._operation = None
        elif tag == "Parameter":
            self._parameter = None
        elif tag in ("EntitySet", "Singleton"):
            self._source = None
        elif tag == "Annotations":
            self._target = ""
        elif tag == "Annotation" and self._alternate is not None:
            if self._type is not None:
                self._type.alternate_keys.extend(k for k in self._alternate if k)
            self._alternate = None

    # -- element handlers (attrs is the attribute dict's `get`) -----------------------------------------
    def _schema(self, get: _Get, line: int) -> None:
        self._namespace = get("Namespace") or ""
        if not self._namespace:
            self.skipped.append((line, "<Schema> without Namespace"))
            return
        self.namespaces.append(self._namespace)
        alias = get("Alias")
        if alias:
            self.aliases[alias] = self._namespace

    def _structured(self, get: _Get, line: int) -> None:
        kind = self._stack[-1]
        name = get("Name")
        if not name or not self._namespace:
            self.skipped.append((line, f"<{kind}> without Name (or outside a Schema)"))
            self._type = None
            return
        self._type = _RawType(
            kind,
            self._namespace,
            name,
            line,
            base=get("BaseType") or get("UnderlyingType") or "",
            abstract=get("Abstract") == "true",
            open=get("OpenType") == "true",
            has_stream=get("HasStream") == "true",
            flags=get("IsFlags") == "true",
        )
        if kind == "EnumType":
            self._type.base = ""  # UnderlyingType is an integer type, not a base
        self.types.append(self._type)

    def _property_element(self, get: _Get, line: int) -> None:
        if self._type is None or self._stack[-2] not in ("EntityType", "ComplexType"):
            return
        name, type_name = get("Name"), get("Type")
        if not name or not type_name:
            self.skipped.append((line, f"<{self._stack[-1]}> without Name or Type in {self._type.name}"))
            return
        navigation = self._stack[-1] == "NavigationProperty"
        self._property = _RawProperty(
            name,
            type_name,
            get("Nullable") != "false",
            navigation,
            navigation and get("ContainsTarget") == "true",
            line,
        )
        self._type.properties.append(self._property)

    def _key_ref(self, get: _Get, line: int) -> None:
        if self._type is not None and len(self._stack) >= 3 and self._stack[-2] == "Key":
            self._type.key.append(get("Name") or "")

    def _member(self, get: _Get, line: int) -> None:
        if self._type is not None and self._type.kind == "EnumType":
            name = get("Name")
            if name:
                self._type.members.append(name)
            else:
                self.skipped.append((line, f"enum member without Name in {self._type.name}"))

    def _operation_element(self, get: _Get, line: int) -> None:
        name = get("Name")
        if not name or not self._namespace:
            self.skipped.append((line, f"<{self._stack[-1]}> without Name"))
            self._operation = None
            return
        self._operation = _RawOperation(
            self._stack[-1] == "Action",
            self._namespace,
            name,
            get("IsBound") == "true",
            get("IsComposable") == "true",
            line,
        )
        self.operations.append(self._operation)

    def _parameter_element(self, get: _Get, line: int) -> None:
        if self._operation is None or self._stack[-2] not in ("Action", "Function"):
            return
        name, type_name = get("Name"), get("Type")
        if not name or not type_name:
            self.skipped.append((line, f"parameter without Name or Type in {self._operation.name}"))
            return
        self._parameter = _RawParameter(name, type_name, get("Nullable") != "false", line)
        self._operation.parameters.append(self._parameter)

    def _return_type(self, get: _Get, line: int) -> None:
        if self._operation is not None and self._stack[-2] in ("Action", "Function"):
            self._operation.returns = get("Type") or ""

    def _container(self, get: _Get, line: int) -> None:
        self.container = f"{self._namespace}.{get('Name') or ''}"

    def _source_element(self, get: _Get, line: int) -> None:
        singleton = self._stack[-1] == "Singleton"
        name, type_name = get("Name"), get("Type" if singleton else "EntityType")
        if not name or not type_name:
            self.skipped.append((line, f"<{self._stack[-1]}> without Name or type"))
            self._source = None
            return
        self._source = _RawSource(singleton, name, type_name, line)
        self.sources.append(self._source)

    def _binding(self, get: _Get, line: int) -> None:
        if self._source is not None:
            self._source.bindings.append((get("Path") or "", get("Target") or ""))

    def _import(self, get: _Get, line: int) -> None:
        action = self._stack[-1] == "ActionImport"
        name, operation = get("Name"), get("Action" if action else "Function")
        if not name or not operation:
            self.skipped.append((line, f"<{self._stack[-1]}> without Name or operation"))
            return
        self.imports.append(_RawImport(action, name, operation, get("EntitySet") or "", line))

    def _annotations(self, get: _Get, line: int) -> None:
        self._target = get("Target") or ""

    def _record(self, get: _Get, line: int) -> None:
        """A `Core.AlternateKey` record starts one alternate key; its property aliases follow."""
        if self._alternate is not None and (get("Type") or "").endswith("AlternateKey"):
            self._alternate.append([])

    def _property_value(self, get: _Get, line: int) -> None:
        alias = get("String")
        if self._alternate and get("Property") == "Alias" and alias:
            self._alternate[-1].append(alias)

    def _annotation(self, get: _Get, line: int) -> None:
        term = get("Term") or ""
        parent = self._stack[-2] if len(self._stack) >= 2 else ""
        if term == _ALTERNATE_KEYS and parent == "EntityType":
            self._alternate = []
            return
        if term not in (_DESCRIPTION, _COMPUTED, _OPTIONAL):
            return
        value = get("String") or get("Bool") or ("true" if term != _DESCRIPTION else "")
        if parent == "Annotations":
            self.annotations.append((self._target, term, value, line))
        elif parent in ("Property", "NavigationProperty") and self._property is not None:
            if term == _DESCRIPTION:
                self._property.description = value
            elif term == _COMPUTED:
                self._property.computed = value != "false"
        elif parent in ("EntityType", "ComplexType", "EnumType") and self._type is not None:
            if term == _DESCRIPTION:
                self._type.description = value
        elif parent == "Parameter" and self._parameter is not None and term == _OPTIONAL:
            self._parameter.optional = True


_STARTS = {
    "Schema": _Handler._schema,
    "EntityType": _Handler._structured,
    "ComplexType": _Handler._structured,
    "EnumType": _Handler._structured,
    "Property": _Handler._property_element,
    "NavigationProperty": _Handler._property_element,
    "PropertyRef": _Handler._key_ref,
    "Member": _Handler._member,
    "Action": _Handler._operation_element,
    "Function": _Handler._operation_element,
    "Parameter": _Handler._parameter_element,
    "ReturnType": _Handler._return_type,
    "EntityContainer": _Handler._container,
    "EntitySet": _Handler._source_element,
    "Singleton": _Handler._source_element,
    "NavigationPropertyBinding": _Handler._binding,
    "ActionImport": _Handler._import,
    "FunctionImport": _Handler._import,
    "Annotations": _Handler._annotations,
    "Annotation": _Handler._annotation,
    "Record": _Handler._record,
    "PropertyValue": _Handler._property_value,
}


class _Builder:
    """Raw records → schemas and the entity model, aliases resolved, bad references reported (PG091)."""

    def __init__(self, handler: _Handler, description: ApiDescription, sink: DiagnosticSink) -> None:
        self.raw = handler
        self.description = description
        self.sink = sink
        self.aliases = handler.aliases
        self.known = {f"{t.namespace}.{t.name}": t for t in handler.types}

    def qualify(self, name: str) -> str:
        """`graph.user` → `microsoft.graph.user`; names already qualified (or Edm) stay as they are."""
        namespace, _, simple = name.rpartition(".")
        resolved = self.aliases.get(namespace)
        return f"{resolved}.{simple}" if resolved else name

    def type_name(self, text: str) -> TypeName:
        match = _COLLECTION.match(text.strip())
        inner = match.group(1).strip() if match else text.strip()
        return TypeName(self.qualify(inner), collection=match is not None)

    def api_type(self, type_name: TypeName, line: int, where: str) -> ApiType:
        found = api_type(type_name, self.known)
        if found is not None:
            return found
        what = "is not a supported Edm type" if type_name.name.startswith("Edm.") else "is declared nowhere"
        self.sink.warning("PG091", line, f"{where}: type {type_name.name} {what}; read as any JSON value")
        element = ApiType(Kind.ANY)
        return ApiType(Kind.ARRAY, items=element) if type_name.collection else element

    def build(self) -> None:
        for line, why in self.raw.skipped:
            self.sink.warning("PG091", line, f"{why}; skipped")
        model = EntityModel(container=self.raw.container, aliases=dict(self.aliases))
        self._types(model)
        self._annotations()
        self._operations(model)
        self._sources(model)
        model.index()
        self.description.entity_model = model
        self.description.title = self.raw.container
        self.description.version = "4.0"

    def _types(self, model: EntityModel) -> None:
        schemas = self.description.schemas
        for raw in self.raw.types:
            qualified = f"{raw.namespace}.{raw.name}"
            origin = f"{self.sink.path}:{raw.line}"
            if qualified in schemas:
                self.sink.warning(
                    "PG091", raw.line, f"type {qualified} is declared twice; the first one is kept"
                )
                continue
            if raw.kind == "EnumType":
                schemas[qualified] = ApiSchema(
                    qualified,
                    enum=tuple(raw.members),
                    flags=raw.flags,
                    evolvable=_EVOLVABLE_MEMBER in raw.members,
                    description=raw.description,
                    origin=origin,
                )
                continue
            base = self.qualify(raw.base) if raw.base else ""
            if base and base not in self.known:
                self.sink.warning(
                    "PG091", raw.line, f"base type {raw.base} of {qualified} is declared nowhere"
                )
                base = ""
            schema = ApiSchema(
                qualified,
                base=base,
                open=raw.open,
                abstract=raw.abstract,
                description=raw.description,
                origin=origin,
            )
            structured = StructuredType(
                qualified,
                entity=raw.kind == "EntityType",
                line=raw.line,
                base=base,
                abstract=raw.abstract,
                open=raw.open,
                has_stream=raw.has_stream,
                key=tuple(k for k in raw.key if k),
                alternate_keys=tuple(tuple(k) for k in raw.alternate_keys),
            )
            for prop in raw.properties:
                type_name = self.type_name(prop.type)
                where = f"{'navigation ' if prop.navigation else ''}property {qualified}/{prop.name}"
                if prop.name in schema.properties:
                    self.sink.warning("PG091", prop.line, f"{where} is declared twice; the first one is kept")
                    continue
                schema.properties[prop.name] = ApiProperty(
                    prop.name,
                    self.api_type(type_name, prop.line, where),
                    nullable=prop.nullable,
                    read_only=prop.computed,
                    description=prop.description,
                    origin=f"{self.sink.path}:{prop.line}",
                    navigation=prop.navigation,
                )
                if prop.navigation:
                    target = self.known.get(type_name.name)
                    if target is None or target.kind != "EntityType":
                        self.sink.warning(
                            "PG091",
                            prop.line,
                            f"{where}: target {type_name.name} is not an entity type; no path",
                        )
                        continue
                    structured.navigation[prop.name] = NavigationProperty(
                        prop.name,
                        type_name.name,
                        type_name.collection,
                        prop.contains,
                        prop.nullable,
                        prop.line,
                    )
                elif type_name.name == "Edm.Stream" and not type_name.collection:
                    structured.streams[prop.name] = prop.line
                elif not type_name.collection:
                    complex_type = self.known.get(type_name.name)
                    if complex_type is not None and complex_type.kind == "ComplexType":
                        structured.complex[prop.name] = (type_name.name, prop.line)
            schemas[qualified] = schema
            model.types[qualified] = structured

    def _annotations(self) -> None:
        """Descriptions and Computed given in <Annotations Target="type/property"> blocks."""
        schemas = self.description.schemas
        for target, term, value, _line in self.raw.annotations:
            type_part, _, member = target.partition("/")
            schema = schemas.get(self.qualify(type_part))
            if schema is None:
                continue  # annotations of entity sets, operations, ...: not part of the schemas
            if not member:
                if term == _DESCRIPTION and not schema.description:
                    schema.description = value
                continue
            prop = schema.properties.get(member)
            if prop is None:
                continue
            if term == _DESCRIPTION and not prop.description:
                prop.description = value
            elif term == _COMPUTED:
                prop.read_only = value != "false"

    def _operations(self, model: EntityModel) -> None:
        optional = {target: True for target, term, _value, _line in self.raw.annotations if term == _OPTIONAL}
        for raw in self.raw.operations:
            parameters = list(raw.parameters)
            binding: TypeName | None = None
            if raw.bound:
                if not parameters:
                    self.sink.warning(
                        "PG091", raw.line, f"bound operation {raw.name} has no binding parameter; skipped"
                    )
                    continue
                binding = self.type_name(parameters.pop(0).type)
                if binding.name not in self.known:
                    self.sink.warning(
                        "PG091",
                        raw.line,
                        f"operation {raw.name} is bound to {binding.name}, declared nowhere; skipped",
                    )
                    continue
            qualified = f"{raw.namespace}.{raw.name}"
            model.operations.append(
                Operation(
                    raw.name,
                    raw.namespace,
                    raw.action,
                    binding,
                    tuple(
                        OperationParameter(
                            p.name,
                            self.type_name(p.type),
                            p.nullable,
                            p.optional or f"{qualified}/{p.name}" in optional,
                        )
                        for p in parameters
                    ),
                    self.type_name(raw.returns) if raw.returns else None,
                    raw.composable,
                    raw.line,
                )
            )
        for imp in self.raw.imports:
            model.imports[imp.name] = OperationImport(
                imp.name, self.qualify(imp.operation), imp.action, imp.entity_set, imp.line
            )

    def _sources(self, model: EntityModel) -> None:
        for raw in self.raw.sources:
            qualified = self.qualify(raw.type)
            structured = model.types.get(qualified)
            if structured is None or not structured.entity:
                what = "singleton" if raw.singleton else "entity set"
                self.sink.warning(
                    "PG091",
                    raw.line,
                    f"{what} {raw.name}: {raw.type} is not an entity type declared here; skipped",
                )
                continue
            if raw.name in model.sources:
                self.sink.warning(
                    "PG091", raw.line, f"{raw.name} is declared twice in the container; first kept"
                )
                continue
            model.sources[raw.name] = NavigationSource(
                raw.name, qualified, raw.singleton, raw.line, tuple(raw.bindings)
            )
