"""A Starlette session middleware that reads and writes Flask's cookie format (the "fixed" variant).

Same idea as starlette-flask (docs/formats.md §10): itsdangerous URLSafeTimedSerializer with salt
"cookie-session", key derivation "hmac" and SHA-1, so Flask and FastAPI verify each other's
cookie. Like starlette-flask it uses itsdangerous' default compact JSON: no Flask tags, keys in
insertion order, raw UTF-8 (the panel's side options: untagged, sortKeys false, ensureAscii false).
Unlike starlette-flask it checks max_age (Flask's 31 days) and writes only when the session changed.
"""
import copy
import hashlib

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

FLASK_MAX_AGE = 31 * 24 * 3600


class FlaskCompatibleSessionMiddleware:
    def __init__(self, app: ASGIApp, secret_key: str, session_cookie: str = "session") -> None:
        self.app = app
        self.session_cookie = session_cookie
        self.serializer = URLSafeTimedSerializer(
            secret_key,
            salt="cookie-session",
            signer_kwargs={"key_derivation": "hmac", "digest_method": hashlib.sha1},
        )

    def load(self, raw: str | None) -> dict:
        if not raw:
            return {}
        try:
            data = self.serializer.loads(raw, max_age=FLASK_MAX_AGE)
        except BadSignature:  # wrong key, expired, or another framework's cookie
            return {}
        return data if isinstance(data, dict) else {}

    def header(self, session: dict) -> str:
        flags = "path=/; httponly; samesite=lax"
        if not session:
            return f"{self.session_cookie}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; {flags}"
        value = self.serializer.dumps(session)
        return f"{self.session_cookie}={value}; Max-Age={FLASK_MAX_AGE}; {flags}"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        initial = self.load(HTTPConnection(scope).cookies.get(self.session_cookie))
        scope["session"] = copy.deepcopy(initial)  # a deep copy, so nested edits count as changes

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start" and scope["session"] != initial:
                MutableHeaders(scope=message).append("Set-Cookie", self.header(scope["session"]))
            await send(message)

        await self.app(scope, receive, send_wrapper)
