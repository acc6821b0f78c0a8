"""What an API description says, whatever its format: operations, schemas, servers and security.

The readers (`openapi`, `csdl`) fill these; the binder (`generator.bind`) matches them to cmdlets
and the resolver takes exact routes, wire names, enums and formats from them. Every node keeps the
`path:line` it came from, as the IR does, so diagnostics point at the description.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.diagnostics import Diagnostic

if TYPE_CHECKING:
    from generator.api.csdl import EntityModel


class Format(str, enum.Enum):
    """The description's own format, as read."""

    SWAGGER2 = "swagger2"
    OPENAPI3 = "openapi3"
    CSDL = "csdl"


class Kind(str, enum.Enum):
    """What a type expression is, before any Python mapping."""

    STRING = "string"
    INTEGER = "integer"
    NUMBER = "number"
    BOOLEAN = "boolean"
    OBJECT = "object"  # an inline object without a schema of its own
    ARRAY = "array"  # `items` is the element type
    MAP = "map"  # additionalProperties: `items` is the value type
    REF = "ref"  # a named schema: `ref`
    ANY = "any"
    FILE = "file"  # Swagger 2.0 `type: file`, a stream


@dataclass(frozen=True, slots=True)
class ApiType:
    """A type as the description writes it: `string/uuid`, `array of #/definitions/user`, `Edm.Guid`."""

    kind: Kind
    format: str = ""  # uuid, date-time, date, duration, int32, int64, byte, binary, ... ("" when none)
    ref: str = ""  # the schema's key in `ApiDescription.schemas` when kind is REF
    items: ApiType | None = None  # element type of ARRAY, value type of MAP
    enum: tuple[str, ...] = ()  # inline enum values (OpenAPI `enum:` on a property or parameter)
    nullable: bool = False


@dataclass(slots=True)
class ApiProperty:
    name: str  # the wire name, exact case
    type: ApiType
    required: bool = False
    nullable: bool = True  # CSDL Nullable="false" / OpenAPI nullable: false or x-nullable: false
    read_only: bool = False
    description: str = ""
    origin: str = ""  # path:line
    navigation: bool = False  # a CSDL navigation property (a link to another entity, not a value)
    client_name: str = ""  # x-ms-client-name: the name AutoRest gave it in the generated module


@dataclass(slots=True)
class ApiSchema:
    """A named type: an object (properties) or an enum (values)."""

    name: str  # the key in `ApiDescription.schemas`: definitions name, or CSDL `namespace.name`
    properties: dict[str, ApiProperty] = field(default_factory=dict)  # wire name → property, in order
    enum: tuple[str, ...] = ()  # non-empty for an enum type
    flags: bool = False  # CSDL IsFlags: a value is a comma-separated list of members
    evolvable: bool = False  # the service may add values later (Graph's `unknownFutureValue` member)
    base: str = ""  # allOf parent / CSDL BaseType, as a key in `schemas`
    open: bool = False  # additionalProperties / CSDL OpenType: unknown properties are expected
    abstract: bool = False
    description: str = ""
    origin: str = ""
    client_name: str = ""  # x-ms-client-name / a directive's rename

    @property
    def is_enum(self) -> bool:
        return bool(self.enum)


class Location(str, enum.Enum):
    PATH = "path"
    QUERY = "query"
    HEADER = "header"
    COOKIE = "cookie"
    BODY = "body"
    FORM = "formData"


@dataclass(slots=True)
class ApiParameter:
    name: str  # the wire name
    location: Location
    type: ApiType
    required: bool = False
    description: str = ""
    client_name: str = ""  # x-ms-client-name
    origin: str = ""


@dataclass(frozen=True, slots=True)
class ServerVariable:
    name: str
    default: str
    enum: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True, slots=True)
class Server:
    """A base URL, possibly a template: `https://{consoleHost}.jumpcloud.com/api/v2`."""

    url: str
    variables: tuple[ServerVariable, ...] = ()


class SchemeKind(str, enum.Enum):
    API_KEY = "apiKey"
    HTTP = "http"  # `scheme` says which: bearer, basic
    OAUTH2 = "oauth2"
    OPENID = "openIdConnect"


@dataclass(frozen=True, slots=True)
class SecurityScheme:
    name: str  # its key in securityDefinitions / components.securitySchemes
    kind: SchemeKind
    location: str = ""  # apiKey: header, query or cookie
    parameter: str = ""  # apiKey: the header or query parameter name (`x-api-key`)
    scheme: str = ""  # http: bearer, basic
    scopes: tuple[str, ...] = ()  # oauth2: every scope the flows name
    description: str = ""


# One requirement: the schemes that must all be satisfied, each with the scopes it needs. An operation
# accepts any one of its requirements (OpenAPI's list of alternatives).
Requirement = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(slots=True)
class ApiOperation:
    method: str  # upper case
    path: str  # as written, placeholders included: /activedirectories/{activedirectory_id}/agents
    operation_id: str  # "" when the description has none
    parameters: list[ApiParameter] = field(default_factory=list)  # path, query, header (body apart)
    body: ApiType | None = None
    body_required: bool = False
    body_name: str = ""  # Swagger 2.0's body parameter name (AutoRest calls the cmdlet parameter after it)
    # Added for CSDL: the properties of a body that has no schema of its own (`body` is Kind.OBJECT), such
    # as an action's parameters or `$ref`'s `@odata.id`.
    body_properties: list[ApiProperty] = field(default_factory=list)
    response: ApiType | None = None  # the 2xx JSON response, None when there is none
    no_content: bool = False  # a 204 / empty 2xx response is possible
    security: tuple[Requirement, ...] | None = None  # None: the description's default applies
    servers: tuple[Server, ...] = ()  # OpenAPI 3 per-path or per-operation servers
    summary: str = ""
    description: str = ""
    deprecated: bool = False
    pageable: str = ""  # x-ms-pageable nextLinkName ("" when not pageable)
    origin: str = ""  # path:line

    @property
    def path_parameters(self) -> list[ApiParameter]:
        return [p for p in self.parameters if p.location is Location.PATH]


@dataclass(slots=True)
class ApiDescription:
    """One description file, read. `diagnostics` hold what could not be read; the rest still serves."""

    path: str  # display path
    format: Format
    title: str = ""
    version: str = ""
    operations: list[ApiOperation] = field(default_factory=list)
    schemas: dict[str, ApiSchema] = field(default_factory=dict)
    servers: list[Server] = field(default_factory=list)
    security_schemes: dict[str, SecurityScheme] = field(default_factory=dict)
    security: tuple[Requirement, ...] = ()  # the default requirements
    entity_model: EntityModel | None = None  # CSDL only: entity sets, navigation, bound operations
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def schema(self, name: str) -> ApiSchema | None:
        return self.schemas.get(name)
