"""A real Flask 2.2 app (Debian) on 127.0.0.1, for the Node library's shared-session tests.

Stock Flask session (cookie `session`, Path=/), served by werkzeug on the port the OS picks;
prints `listening on http://127.0.0.1:PORT` once bound and exits when stdin closes (see
demo/server-process.mjs). Routes:
  /login?user=U[&permanent=1]  user, a tuple of roles and an aware datetime into the session
  /read                         the session as typed JSON (pytyped.to_typed, ordered pairs)
  /logout                       session.clear(), so Flask deletes the cookie
"""

import argparse
import json
import sys
import threading
from datetime import datetime, timezone

from flask import Flask, request, session
from pytyped import to_typed
from werkzeug.serving import make_server

LOGIN_AT = datetime(2024, 2, 29, 12, 34, 56, tzinfo=timezone.utc)


def create_app(secret):
    app = Flask("flask_share")
    app.secret_key = secret

    @app.get("/")
    def index():
        return "flask share app"

    @app.get("/login")
    def login():
        session["user"] = request.args.get("user", "alice")
        session["roles"] = ("admin", "editor")
        session["login_at"] = LOGIN_AT
        if request.args.get("permanent") == "1":
            session.permanent = True
        return "", 204

    @app.get("/read")
    def read():
        body = {"session": to_typed(dict(session), True), "types": types_of(session)}
        return app.response_class(json.dumps(body), mimetype="application/json")

    @app.get("/logout")
    def logout():
        session.clear()
        return "", 204

    return app


def types_of(sess):
    return {key: type(value).__name__ for key, value in sess.items()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--secret", required=True)
    args = parser.parse_args()
    server = make_server("127.0.0.1", 0, create_app(args.secret), threaded=True)
    print(f"listening on http://127.0.0.1:{server.server_port}", flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()  # the test holds the pipe; when it closes, stop
    server.shutdown()


if __name__ == "__main__":
    main()
