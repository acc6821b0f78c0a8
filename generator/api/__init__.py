"""API descriptions (OpenAPI 3, Swagger 2.0, OData CSDL) read into one model: `api.model`.

Every AutoRest-generated module is generated from such a description; it says what the help does
not: where each request goes, the exact wire names, enum values, formats and authentication.
"""
