"""The fake Graph of the client tests and what every request of the client carries.

pytest-httpserver's real HTTP server on 127.0.0.1 gets one catch-all handler that records every request as
the server saw it (method, decoded and raw path, decoded query, headers, body) and answers with the replies
the test queued, in order.
"""

from __future__ import annotations

import json as jsonlib
import re
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response
from werkzeug.datastructures import Headers

TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.test-token"
USER_AGENT = "graph_sdk/generated (platygen; python-httpx)"


@dataclass
class Received:
    """One request as the server got it."""

    method: str
    path: str  # decoded by the server
    raw_path: str  # exactly as sent on the request line, percent escapes kept, without the query
    raw_query: str
    query: dict[str, str]  # decoded; every option appears once
    headers: Headers  # case-insensitive
    body: bytes

    def json(self) -> Any:
        return jsonlib.loads(self.body) if self.body else None


@dataclass
class _Reply:
    status: int
    body: bytes
    headers: dict[str, str]
    delay: float = 0.0


@dataclass
class FakeGraph:
    http: HTTPServer
    received: list[Received] = field(default_factory=list)
    replies: deque[_Reply] = field(default_factory=deque)

    def __post_init__(self) -> None:
        self.http.expect_request(re.compile(r".*")).respond_with_handler(self._handle)

    @property
    def origin(self) -> str:
        """`http://127.0.0.1:<port>`: what `base_url=` gets."""
        return self.http.url_for("/").rstrip("/")

    def url(self, path_and_query: str) -> str:
        return self.origin + path_and_query

    def reply(
        self,
        status: int = 200,
        json: Any = None,
        *,
        text: str | None = None,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
    ) -> FakeGraph:
        """Queue the answer to the next request: a JSON body, a text body or none."""
        headers = dict(headers or {})
        if json is not None:
            body = jsonlib.dumps(json).encode()
            headers.setdefault("Content-Type", "application/json")
        elif text is not None:
            body = text.encode()
            headers.setdefault("Content-Type", "text/plain")
        else:
            body = b""
        self.replies.append(_Reply(status, body, headers, delay))
        return self

    def error(self, status: int, code: str, message: str, request_id: str = "req-1", **kw: Any) -> FakeGraph:
        """Queue Graph's error JSON."""
        body = {"error": {"code": code, "message": message, "innerError": {"request-id": request_id}}}
        return self.reply(status, body, **kw)

    def only(self) -> Received:
        """The one request the server got."""
        assert len(self.received) == 1, [f"{r.method} {r.raw_path}" for r in self.received]
        return self.received[0]

    def _handle(self, request: Request) -> Response:
        raw = request.environ.get("RAW_URI") or request.environ["REQUEST_URI"]
        raw_path, _, raw_query = raw.partition("?")
        pairs = request.args.to_dict(flat=False)
        self.received.append(
            Received(
                method=request.method,
                path=request.path,
                raw_path=raw_path,
                raw_query=raw_query,
                query={k: v[0] for k, v in pairs.items() if len(v) == 1}
                | {k: f"<repeated {v}>" for k, v in pairs.items() if len(v) != 1},
                headers=Headers(request.headers),
                body=request.get_data(),
            )
        )
        if not self.replies:  # 418: not retried by the client, and obviously not a Graph answer
            return Response("the test queued no reply for this request", status=418)
        reply = self.replies.popleft()
        if reply.delay:
            time.sleep(reply.delay)
        return Response(reply.body, status=reply.status, headers=reply.headers)


def assert_sent_by_client(request: Received, *, body: bool, token: str | None = TOKEN) -> None:
    """What every request of the client carries: the bearer token, Accept, User-Agent, a fresh
    client-request-id, and a JSON Content-Type exactly when there is a body."""
    if token is None:
        assert "Authorization" not in request.headers
    else:
        assert request.headers["Authorization"] == f"Bearer {token}"
    assert request.headers["Accept"] == "application/json"
    assert request.headers["User-Agent"] == USER_AGENT
    uuid.UUID(request.headers["client-request-id"])
    if body:
        assert request.headers["Content-Type"] == "application/json"
        assert request.body
    else:
        assert "Content-Type" not in request.headers
        assert request.body == b""
