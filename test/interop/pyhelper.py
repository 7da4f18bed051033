"""Live Flask / Starlette / itsdangerous oracle for the interop tests.

Run with Debian's /usr/bin/python3 (python3-flask, python3-starlette, python3-itsdangerous).
A long-lived process: one JSON request per line on stdin, one JSON response per line on stdout,
matched by "id". Every cookie it returns is written by the real framework code path (a Flask
test client request, Starlette's SessionMiddleware called as an ASGI app) with time.time frozen,
and every decode goes through the framework's own loader, so the tests compare the TypeScript
codec with the frameworks themselves, not with a re-implementation.

Session data travels as typed JSON (docs/cli.md §7); responses write every dict in
the ordered `{"$type":"dict","items":[[k, v], ...]}` form when "dict_form" is "pairs", so key
order survives JavaScript's JSON.parse (which moves integer-like keys first).
"""

import asyncio
import base64
import hashlib
import json
import sys
from contextlib import contextmanager
from unittest import mock

import itsdangerous
from flask import Flask, request, session
from pytyped import from_typed, to_typed
from starlette.middleware.sessions import SessionMiddleware

STARLETTE_DEFAULT_MAX_AGE = 14 * 24 * 60 * 60


def secret_of(s):
    """A secret is text, or {"hex": "..."} for a binary SECRET_KEY."""
    return bytes.fromhex(s["hex"]) if isinstance(s, dict) else s


@contextmanager
def frozen_time(ts):
    """Freeze the clock itsdangerous reads (timed.py does `import time; time.time()`)."""
    with mock.patch("itsdangerous.timed.time.time", return_value=float(ts)):
        yield


def error_name(exc):
    return type(exc).__name__


# ---------------------------------------------------------------- Flask


flask_app = Flask("sessionlens_interop")
flask_app.secret_key = "unset"
_pending = {}


@flask_app.post("/set")
def _flask_set():
    session.update(from_typed(_pending["session"]))
    return ""


def configure_flask(req):
    flask_app.secret_key = secret_of(req["secret"])
    # Flask 2.2 has no SECRET_KEY_FALLBACKS: set it anyway, as a 2.2 user would, and it is ignored.
    flask_app.config["SECRET_KEY_FALLBACKS"] = [secret_of(f) for f in req.get("fallbacks", [])]
    flask_app.json.sort_keys = req.get("sort_keys", True)
    flask_app.json.ensure_ascii = req.get("ensure_ascii", True)


def cookie_from_headers(headers, name):
    for header in headers:
        pair = header.split(";", 1)[0]
        if pair.startswith(name + "="):
            return pair[len(name) + 1 :]
    return None


def flask_sign(req):
    configure_flask(req)
    _pending["session"] = req["session"]
    client = flask_app.test_client(use_cookies=False)
    with frozen_time(req["timestamp"]):
        resp = client.post("/set")
    if resp.status_code != 200:
        raise RuntimeError(f"Flask answered {resp.status_code}: {resp.get_data(as_text=True)[:300]}")
    headers = resp.headers.getlist("Set-Cookie")
    return {"cookie": cookie_from_headers(headers, "session"), "set_cookie": headers}


def flask_decode(req):
    configure_flask(req)
    pairs = req.get("dict_form") == "pairs"
    cookie = req["cookie"]
    out = {}
    with frozen_time(req["now"]):
        serializer = flask_app.session_interface.get_signing_serializer(flask_app)
        max_age = int(flask_app.permanent_session_lifetime.total_seconds())
        try:
            serializer.loads(cookie, max_age=max_age)
            out["verdict"] = "valid"
        except itsdangerous.BadData as exc:
            out["verdict"] = error_name(exc)
        with flask_app.test_request_context(headers={"Cookie": f"session={cookie}"}):
            try:
                sess = flask_app.session_interface.open_session(flask_app, request)
            except Exception as exc:  # Flask lets BadPayload escape (HTTP 500)
                out.update(raised=error_name(exc), data=None, empty=True)
                return out
    out.update(data=to_typed(dict(sess), pairs), empty=not sess)
    return out


# ---------------------------------------------------------------- Starlette


def starlette_call(secret, max_age, cookie, new_session):
    """Drive SessionMiddleware as an ASGI app; return (session the view saw, Set-Cookie headers)."""
    seen = {}

    async def view(scope, receive, send):
        seen["session"] = dict(scope["session"])
        if new_session is not None:
            scope["session"].clear()
            scope["session"].update(new_session)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    app = SessionMiddleware(view, secret_key=secret, max_age=max_age)
    headers = [] if cookie is None else [(b"cookie", f"session={cookie}".encode("latin-1"))]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": "/",
        "raw_path": b"/",
        "root_path": "",
        "query_string": b"",
        "headers": headers,
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    sent = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    set_cookies = [
        v.decode("latin-1")
        for m in sent
        if m["type"] == "http.response.start"
        for k, v in m.get("headers", [])
        if k.lower() == b"set-cookie"
    ]
    return seen["session"], set_cookies


def starlette_max_age(req):
    return req["max_age"] if "max_age" in req else STARLETTE_DEFAULT_MAX_AGE


def starlette_sign(req):
    data = from_typed(req["session"])
    with frozen_time(req["timestamp"]):
        _, headers = starlette_call(req["secret"], starlette_max_age(req), None, data)
    return {"cookie": cookie_from_headers(headers, "session"), "set_cookie": headers}


def starlette_decode(req):
    pairs = req.get("dict_form") == "pairs"
    secret, max_age, cookie = req["secret"], starlette_max_age(req), req["cookie"]
    out = {}
    with frozen_time(req["now"]):
        try:
            raw = itsdangerous.TimestampSigner(str(secret)).unsign(cookie, max_age=max_age)
            json.loads(base64.b64decode(raw))
            out["verdict"] = "valid"
        except Exception as exc:
            out["verdict"] = error_name(exc)
        try:
            seen, _ = starlette_call(secret, max_age, cookie, None)
        except Exception as exc:  # only BadSignature is caught by the middleware
            out.update(raised=error_name(exc), data=None, empty=True)
            return out
    out.update(data=to_typed(seen, pairs), empty=not seen)
    return out


# ---------------------------------------------------------------- bare itsdangerous


def its_serializer(req):
    secrets = req["secret"] if isinstance(req["secret"], list) else [req["secret"]]
    return itsdangerous.URLSafeTimedSerializer(
        [secret_of(s) for s in secrets],
        salt=req.get("salt", "itsdangerous"),
        signer_kwargs={
            "key_derivation": req.get("key_derivation", "django-concat"),
            "digest_method": getattr(hashlib, req.get("digest", "sha1")),
        },
    )


def its_sign(req):
    with frozen_time(req["timestamp"]):
        return {"cookie": its_serializer(req).dumps(from_typed(req["session"]))}


def its_decode(req):
    pairs = req.get("dict_form") == "pairs"
    with frozen_time(req["now"]):
        try:
            data = its_serializer(req).loads(req["cookie"], max_age=req.get("max_age"))
        except itsdangerous.BadData as exc:
            return {"verdict": error_name(exc), "data": None}
    return {"verdict": "valid", "data": to_typed(data, pairs)}


# ---------------------------------------------------------------- loop

COMMANDS = {
    "flask_sign": flask_sign,
    "flask_decode": flask_decode,
    "starlette_sign": starlette_sign,
    "starlette_decode": starlette_decode,
    "its_sign": its_sign,
    "its_decode": its_decode,
    "ping": lambda req: {"pong": True},
}


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        req_id = None
        try:
            req = json.loads(line)
            req_id = req.get("id")
            result = COMMANDS[req["cmd"]](req)
            reply = {"id": req_id, "ok": True, "result": result}
        except Exception as exc:  # report, keep serving
            reply = {"id": req_id, "ok": False, "error": f"{error_name(exc)}: {exc}"}
        sys.stdout.write(json.dumps(reply, ensure_ascii=True, allow_nan=True) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
