"""Sample values, so that the modules beside this one import, type-check and are tested here.

A generated package holds its own `_constants.py` instead, rendered from templates/constants.py.jinja
with the same names; this file is never copied.
"""

USER_AGENT = "sample_sdk/generated (platygen; python-httpx)"
# The command line's name, and where it finds a token when --token is not given.
PROG = "sample-sdk"
TOKEN_ENV = "SAMPLE_SDK_TOKEN"
