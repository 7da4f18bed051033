"""Typed JSON (docs/cli.md §7) <-> Python session values, one function each way.

Shared by pyhelper.py's commands so every framework sees the same conversion: floats keep
Python's repr, ints beyond ±(2**53-1) travel as strings, Flask's tagged types (tuple, bytes, UUID,
aware datetime, Markup) get their `$type` objects. `to_typed(..., pairs=True)` writes every dict
as `{"$type":"dict","items":[[k, v], ...]}` so the key order survives JavaScript's JSON.parse.
"""

import base64
import math
import uuid
from datetime import datetime, timezone

from markupsafe import Markup
from werkzeug.http import http_date, parse_date

MAX_SAFE = 2**53 - 1


def from_typed(t):
    """Typed JSON (already json.loads-ed, so key order kept) -> Python session value."""
    if isinstance(t, list):
        return [from_typed(x) for x in t]
    if not isinstance(t, dict):
        return t
    kind = t.get("$type")
    if kind is None:
        return {k: from_typed(v) for k, v in t.items()}
    if kind == "dict":
        return {k: from_typed(v) for k, v in t["items"]}
    if kind == "float":
        return float(t["repr"]) if "repr" in t else float(t["value"])
    if kind == "bigint":
        return int(t["value"])
    if kind == "tuple":
        return tuple(from_typed(x) for x in t["items"])
    if kind == "bytes":
        return bytes.fromhex(t["hex"]) if "hex" in t else base64.b64decode(t["base64"])
    if kind == "uuid":
        return uuid.UUID(t.get("hex") or t["value"])
    if kind == "datetime":
        if "iso" in t:
            dt = datetime.fromisoformat(t["iso"].replace("Z", "+00:00"))
            return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
        return parse_date(t["http_date"])
    if kind == "markup":
        return Markup(t["value"])
    raise ValueError(f"unknown $type {kind!r}")


def float_repr(x):
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return repr(x)


def to_typed(v, pairs=False):
    """Python session value -> typed JSON structure (key order kept)."""
    if isinstance(v, Markup):  # before str: Markup is a str subclass
        return {"$type": "markup", "value": str(v)}
    if v is None or isinstance(v, (bool, str)):  # bool before int: bool is an int subclass
        return v
    if isinstance(v, int):
        return {"$type": "bigint", "value": str(v)} if abs(v) > MAX_SAFE else v
    if isinstance(v, float):
        return {
            "$type": "float",
            "repr": float_repr(v),
            "value": v if math.isfinite(v) else None,
        }
    if isinstance(v, tuple):
        return {"$type": "tuple", "items": [to_typed(x, pairs) for x in v]}
    if isinstance(v, list):
        return [to_typed(x, pairs) for x in v]
    if isinstance(v, bytes):
        return {"$type": "bytes", "base64": base64.b64encode(v).decode(), "hex": v.hex()}
    if isinstance(v, uuid.UUID):
        return {"$type": "uuid", "value": str(v), "hex": v.hex}
    if isinstance(v, datetime):
        return {"$type": "datetime", "iso": v.isoformat(), "http_date": http_date(v)}
    if isinstance(v, dict):
        if pairs or "$type" in v:
            return {"$type": "dict", "items": [[k, to_typed(x, pairs)] for k, x in v.items()]}
        return {k: to_typed(x, pairs) for k, x in v.items()}
    return {"$type": "unknown", "repr": repr(v)}
