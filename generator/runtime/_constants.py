"""Sample values, so that the modules beside this one import, type-check and are tested here.

A generated package holds its own `_constants.py` instead, rendered from templates/constants.py.jinja
with the same names; this file is never copied.
"""

USER_AGENT = "sample_sdk/generated (platygen; python-httpx)"
# The command line's name, and where it finds a token when --token is not given.
PROG = "sample-sdk"
TOKEN_ENV = "SAMPLE_SDK_TOKEN"
# What the credential given to the client (or --token) is, for the command line's help.
CREDENTIAL = "a bearer token, sent as Authorization"
# The variables of the services' URLs: (name, default, allowed values, description).
SERVER_VARIABLES: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("region", "us", ("us", "eu"), "Where the service runs."),
)
# The paths of the services' roots: what `base_url=` may end with without being a prefix.
SERVICE_PATHS: tuple[str, ...] = ("/v1", "/v2")
