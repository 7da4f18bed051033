"""The FastAPI half of the demo: a sub-app whose session lives in a cookie middleware.

Mounted by app.py under /fastapi-application. Which middleware signs the cookie is the whole
difference between the variants: "broken" uses Starlette's SessionMiddleware (its own format,
so it rejects Flask's cookie and overwrites it); "fixed" uses FlaskCompatibleSessionMiddleware,
which writes Flask's format; "outer" adds none of its own, because app.py wraps the whole app in
Starlette's SessionMiddleware and this sub-app's `request.session` is that one. The routes are
the same in all three.
"""
from datetime import datetime, timezone

from fastapi import FastAPI, Request
from starlette.middleware.sessions import SessionMiddleware

from flask_compatible_sessions import FlaskCompatibleSessionMiddleware


def create_fastapi_app(secret: str, variant: str) -> FastAPI:
    app = FastAPI(title="fastapi_demo")
    if variant == "fixed":
        app.add_middleware(FlaskCompatibleSessionMiddleware, secret_key=secret)
    elif variant == "broken":
        # Starlette 0.26.1 (Debian): cookie "session", path "/", no `domain` parameter yet.
        app.add_middleware(SessionMiddleware, secret_key=secret)

    @app.get("/set-session")
    def set_session(request: Request, user: str = "bob", counter: int | None = None) -> dict:
        session = request.session
        session["user"] = user
        session["login_time"] = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        session["counter"] = counter if counter is not None else int(session.get("counter", 0)) + 1
        return dict(session)

    @app.get("/get-session")
    def get_session(request: Request) -> dict:
        return dict(request.session)

    @app.get("/delete-session")
    def delete_session(request: Request) -> dict:
        request.session.clear()
        return {}

    return app
