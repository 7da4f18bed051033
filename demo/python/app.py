"""Session Lens demo: Flask and FastAPI in one Python process, fighting over one `session` cookie.

A FastAPI app mounts Flask (WSGI) at /flask-application and a FastAPI sub-app at
/fastapi-application; both sign a cookie named `session` with Path=/ and the same secret.
`--variant broken` reproduces the real problem (docs/formats.md §19); `--variant fixed` gives
the FastAPI side a Flask-compatible session middleware so both agree; `--variant outer` moves
Starlette's SessionMiddleware out around the whole app, Flask's mount included, so one Flask
response can carry two `Set-Cookie: session=` headers (Flask's, then the middleware's). Run with Debian's
/usr/bin/python3. Prints `listening on http://127.0.0.1:PORT` once bound (port 0 picks a free one).
"""
import argparse
import html
import os
import socket
import sys
import threading

REQUIRED = {
    "fastapi": "python3-fastapi",
    "flask": "python3-flask",
    "starlette": "python3-starlette",
    "uvicorn": "python3-uvicorn",
    "itsdangerous": "python3-itsdangerous",
}
try:
    import fastapi  # noqa: F401
    import flask  # noqa: F401
    import itsdangerous  # noqa: F401
    import starlette  # noqa: F401
    import uvicorn
except ImportError as err:
    package = REQUIRED.get(err.name or "", "the missing module")
    sys.stderr.write(
        f"demo: {sys.executable} cannot import {err.name!r}: install {package} "
        f"(apt-get install {' '.join(REQUIRED.values())}; pip-installed copies are not used)\n"
    )
    sys.exit(3)

from fastapi import FastAPI
from fastapi.middleware.wsgi import WSGIMiddleware  # re-export of starlette.middleware.wsgi
from fastapi.responses import HTMLResponse
from starlette.middleware.sessions import SessionMiddleware

from fastapi_side import create_fastapi_app
from flask_side import create_flask_app

# Demo-only secret, published on purpose; start.mjs passes the same value (demo/sides.mjs).
DEMO_SECRET = "sessionlens-demo-secret"
ROUTES = ("set-session", "get-session", "delete-session")
# Clicking a route link fetches it and shows the JSON here, so the page (and devtools) stays put.
FETCH_SCRIPT = """<pre data-testid="result" id="result"></pre><script>
document.addEventListener("click", async (event) => {
  const link = event.target.closest("a[data-fetch]");
  if (!link) return;
  event.preventDefault();
  const response = await fetch(link.href);
  document.getElementById("result").textContent = link.pathname + " -> " + (await response.text());
});
</script>"""
APPS = (("flask", "/flask-application", "Flask app"), ("fastapi", "/fastapi-application", "FastAPI app"))


def root_page(variant: str, node_url: str | None) -> str:
    sections = []
    for app_id, prefix, label in APPS:
        links = "".join(
            f'<li><a data-fetch data-testid="{app_id}-{route}" href="{prefix}/{route}">{prefix}/{route}</a></li>'
            for route in ROUTES
        )
        sections.append(f"<section><h2>{label}</h2><ul>{links}</ul></section>")
    if node_url:
        url = html.escape(node_url)
        sections.append(f'<section><h2>Node app</h2><a data-testid="node-app" href="{url}/">{url}/</a></section>')
    return (
        "<!doctype html><html><head><meta charset=utf-8><link rel=icon href='data:,'><title>Session Lens demo</title></head><body>"
        f'<h1>Session Lens demo (<span data-testid="variant">{variant}</span>)</h1>'
        "<p>Each app signs a cookie named <code>session</code> (Path=/) on 127.0.0.1. "
        "Set a session in one app, then read it in another, and watch the panel.</p>"
        + "".join(sections)
        + FETCH_SCRIPT
        + "</body></html>"
    )


def create_app(secret: str, variant: str, node_url: str | None) -> FastAPI:
    app = FastAPI(title="Session Lens demo")
    page = root_page(variant, node_url)

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        return page

    app.mount("/flask-application", WSGIMiddleware(create_flask_app(secret)))
    app.mount("/fastapi-application", create_fastapi_app(secret, variant))
    if variant == "outer":
        # One SessionMiddleware for the whole app, so it also wraps the mounted Flask app: on a
        # Flask response Flask's Set-Cookie comes first and the middleware appends its own for
        # the same cookie, which the browser keeps. Starlette 0.26.1 (Debian) re-sends a
        # non-empty session on every response, so once the FastAPI side has logged in, every
        # Flask write is overwritten in the same response. Starlette 1.0 writes only a modified
        # session; on it this variant would have to change the session on Flask's routes to
        # keep sending two headers (test/interop/demo.test.ts checks that two are sent).
        app.add_middleware(SessionMiddleware, secret_key=secret)
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1", choices=["127.0.0.1"], help="always 127.0.0.1")
    parser.add_argument("--secret", default=DEMO_SECRET)
    parser.add_argument("--variant", choices=["broken", "fixed", "outer"], default="broken")
    parser.add_argument("--node-url", help="where the Node demo app runs, for a link on /")
    parser.add_argument("--exit-with-stdin", action="store_true", help="exit when stdin closes")
    args = parser.parse_args()
    if args.exit_with_stdin:  # start.mjs holds the pipe: if it dies, however, this server goes too
        threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((args.host, args.port))
    sock.listen(128)  # connections queue until uvicorn accepts, so the printed URL is usable
    port = sock.getsockname()[1]
    print(f"listening on http://{args.host}:{port} (variant {args.variant})", flush=True)
    config = uvicorn.Config(create_app(args.secret, args.variant, args.node_url), log_level="info")
    uvicorn.Server(config).run(sockets=[sock])


if __name__ == "__main__":
    main()
