"""Python half of `npm run bench`: time the frameworks' own cookie code on the same cookies.

Run by bench/run.mjs with Debian's /usr/bin/python3 as a small line server, so that Python and
JavaScript rounds can alternate and share whatever load the machine has at that moment. Requests
(one JSON object per line): {"cmd": "setup", "cases": [...]} → {"versions"};
{"cmd": "calibrate", "name", "op", "round_seconds"} → {"loops"}; {"cmd": "round", "name", "op",
"loops"} → {"us"}: µs per operation for one timed round.

Flask is timed the way a request does it: the serializer from
`app.session_interface.get_signing_serializer(app)`, `loads(cookie, max_age=...)` and `dumps(session)`
inside an app context (Flask's JSON provider sorts and escapes there). Starlette is timed as
SessionMiddleware does it: TimestampSigner.unsign + b64decode + json.loads, and b64encode(json.dumps)
+ sign. The serializer/signer is built once, outside the loop, as in a warm process.
"""

import json
import sys
import time
from base64 import b64decode, b64encode
from importlib import metadata

import itsdangerous
from flask import Flask


def run_loops(fn, loops):
    """One timed round: seconds for `loops` calls."""
    start = time.perf_counter()
    for _ in range(loops):
        fn()
    return time.perf_counter() - start


def calibrate(fn, round_seconds):
    """timeit-style: double the loop count until a round is measurable, then scale it up."""
    loops = 1
    while (elapsed := run_loops(fn, loops)) < 0.02:
        loops *= 2
    return max(1, int(loops * round_seconds / elapsed))


# One app whose context stays pushed, as during a request: Flask's JSON provider then sorts keys
# and escapes non-ASCII, exactly as when it saves a session.
APP = Flask("sessionlens_bench")
APP.app_context().push()


def flask_ops(case):
    APP.secret_key = case["secret"]
    serializer = APP.session_interface.get_signing_serializer(APP)  # holds the key it was built with
    max_age = int(APP.permanent_session_lifetime.total_seconds())
    cookie, session = case["cookie"], case["session"]
    if serializer.loads(cookie, max_age=max_age) != session:
        raise SystemExit(f"{case['name']}: Flask reads different data from the cookie")
    if serializer.dumps(session).rsplit(".", 2)[0] != cookie.rsplit(".", 2)[0]:
        raise SystemExit(f"{case['name']}: Flask writes a different payload than the codec")
    return (lambda: serializer.loads(cookie, max_age=max_age)), (lambda: serializer.dumps(session))


def starlette_ops(case):
    signer = itsdangerous.TimestampSigner(str(case["secret"]))
    max_age = case.get("max_age", 14 * 24 * 60 * 60)
    cookie, session = case["cookie"].encode(), case["session"]

    def decode():
        return json.loads(b64decode(signer.unsign(cookie, max_age=max_age)))

    def sign():
        return signer.sign(b64encode(json.dumps(session).encode("utf-8")))

    if decode() != session:
        raise SystemExit(f"{case['name']}: Starlette reads different data from the cookie")
    if sign().rsplit(b".", 2)[0] != cookie.rsplit(b".", 2)[0]:
        raise SystemExit(f"{case['name']}: Starlette writes a different payload than the codec")
    return decode, sign


def main():
    ops = {}
    for line in sys.stdin:
        req = json.loads(line)
        if req["cmd"] == "setup":
            for case in req["cases"]:
                decode, sign = (flask_ops if case["kind"] == "flask" else starlette_ops)(case)
                ops[(case["name"], "decode")] = decode
                ops[(case["name"], "sign")] = sign
            versions = {"python": sys.version.split()[0]}
            names = ("flask", "itsdangerous", "starlette")
            versions.update((name, metadata.version(name)) for name in names)
            reply = {"versions": versions}
        elif req["cmd"] == "calibrate":
            reply = {"loops": calibrate(ops[(req["name"], req["op"])], req["round_seconds"])}
        else:  # "round"
            fn = ops[(req["name"], req["op"])]
            reply = {"us": run_loops(fn, req["loops"]) / req["loops"] * 1e6}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
