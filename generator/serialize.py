"""Stable JSON/YAML views of IR values: sorted keys, no absolute paths, nothing that varies by run."""

from __future__ import annotations

import dataclasses
import enum
import io
import json
from typing import Any


def to_data(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_data(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(to_data(v) for v in value)
    return value


def to_json(value: Any) -> str:
    return json.dumps(to_data(value), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def to_yaml(value: Any) -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    buffer = io.StringIO()
    yaml.dump(json.loads(to_json(value)), buffer)
    return buffer.getvalue()
