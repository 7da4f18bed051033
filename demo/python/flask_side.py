"""The Flask half of the demo: a plain Flask app with its stock cookie session.

Mounted by app.py under /flask-application. It stores typed values (a tuple, a datetime)
so the panel has Flask's tagged JSON (" t", " d") to decode, next to plain strings and ints.
"""
import time
from datetime import datetime, timezone

from flask import Flask, jsonify, request, session


def create_flask_app(secret: str) -> Flask:
    app = Flask("flask_demo")
    app.config["SECRET_KEY"] = secret  # cookie name stays the default "session", Path=/

    @app.get("/set-session")
    def set_session():
        # ?delay=SECONDS holds the response back, so a page can race two requests (0 to 5 s).
        time.sleep(min(max(float(request.args.get("delay", 0) or 0), 0.0), 5.0))
        session["user"] = request.args.get("user", "alice")
        session["login_time"] = datetime.now(timezone.utc).replace(microsecond=0)
        session["counter"] = int(request.args.get("counter", session.get("counter", 0) + 1))
        session["roles"] = tuple(request.args.get("roles", "reader,editor").split(","))
        return jsonify(dict(session))

    @app.get("/get-session")
    def get_session():
        return jsonify(dict(session))

    @app.get("/delete-session")
    def delete_session():
        session.clear()
        return jsonify({})

    return app
