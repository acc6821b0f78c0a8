"""Sample requests in the help text: `curl -X PATCH https://host/api/v2/things/{id}` in any code block.

AutoRest modules such as JumpCloud's copy the service's "Sample Request" into the help; it is the
best evidence of the route a cmdlet calls, so the route resolver prefers it to naming conventions.
Shell continuations (`\\` at a line end, doubled by markdown escaping) are joined first.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from generator.ir import HttpSample
from generator.read.document import Document

_CURL = re.compile(r"(?<![\w-])curl(?=\s)")
_CONTINUATION = re.compile(r"\\+[ \t]*\n")
_METHOD = re.compile(r"(?:-X|--request)\s*['\"]?([A-Za-z]+)")
_URL = re.compile(r"https?://[^\s'\"\\<>`]+")
_DATA = re.compile(r"\s(?:-d|--data(?:-raw|-binary|-urlencode)?|-F|--form)(?=[\s=])")


def read_samples(doc: Document) -> list[HttpSample]:
    """Every curl command in the file's code blocks, deduplicated, in file order."""
    found: dict[tuple[str, str], HttpSample] = {}
    for section in doc.sections:
        for block in section.blocks:
            if block.kind != "code" or "curl" not in block.text:
                continue
            for sample in _samples(block.text, block.line + 1):
                found.setdefault((sample.method, sample.url), sample)
    return list(found.values())


def _samples(text: str, first_line: int) -> list[HttpSample]:
    samples = []
    starts = [m.start() for m in _CURL.finditer(text)]
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        command = _CONTINUATION.sub(" ", text[start:end]).split("\n", 1)[0]
        url = _URL.search(command)
        if url is None:
            continue
        method = _METHOD.search(command)
        verb = method.group(1).upper() if method else ("POST" if _DATA.search(command) else "GET")
        parts = urlsplit(url.group(0).rstrip(".,;)"))
        query = [key for key, _ in parse_qsl(parts.query, keep_blank_values=True)]
        line = first_line + text.count("\n", 0, start)
        samples.append(HttpSample(verb, f"{parts.scheme}://{parts.netloc}{parts.path}", query, line))
    return samples
