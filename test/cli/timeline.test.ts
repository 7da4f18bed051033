/**
 * `sessionlens timeline` through a real child process, over HAR files recorded from the real
 * demo apps (scripts/record-demo-har.mjs: Flask + FastAPI on Debian's python3): the contract's
 * write and finding lines, exit statuses, and one clear line for bad input.
 */
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, records, runCli } from "./cli-harness";

const HAR = "test/fixtures/har";

beforeAll(() => buildCli(), 60_000);

describe("sessionlens timeline", () => {
  it("the broken demo: writers, readers, diffs, then its races with evidence and fixes (exit 1)", () => {
    const run = runCli([
      "timeline",
      "--sides",
      `${HAR}/demo-broken.sides.json`,
      `${HAR}/demo-broken.har`,
    ]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const lines = records(run);
    const writes = lines.filter((l) => l.type === "write");
    expect(writes.map((w) => [w.seq, w.writer])).toEqual([
      [1, "Flask app"],
      [2, "FastAPI app"],
      [3, "FastAPI app"],
      [4, "Flask app"],
      [6, "Flask app"],
      [5, "Flask app"],
      [7, "FastAPI app"],
      [8, "Flask app"],
    ]);
    expect(writes[1]).toMatchObject({
      request: { method: "GET", status: 200 },
      cookie: { name: "session", domain: "127.0.0.1", path: "/" },
      readers: { "Flask app": "bad_signature", "FastAPI app": "valid" },
    });
    expect(JSON.stringify(writes[1]?.request)).toMatch(
      /\/fastapi-application\/set-session\?user=bob"/,
    );
    expect(writes[0]?.diff).toEqual({
      added: ["counter", "login_time", "roles", "user"],
      removed: [],
      changed: [],
    });
    const findings = lines.filter((l) => l.type === "finding");
    expect(findings.map((f) => [f.kind, f.evidence])).toEqual([
      ["deleting-write", [7, 8]],
      ["cross-side-overwrite", [5, 7]],
      ["concurrent-race", [6, 5]],
      ["cross-side-overwrite", [3, 4]],
      ["resign-every-response", [2, 3]],
      ["cross-side-overwrite", [1, 2]],
    ]);
    expect(findings[5]?.detail).toContain(
      "FastAPI app overwrote Flask app's session `session` (Path=/)",
    );
    expect(findings[5]?.fix).toContain('app.config["SESSION_COOKIE_NAME"] = "flask_session"');
    expect(findings[2]?.detail).toContain(
      "`user` from GET /flask-application/set-session?user=fast is lost",
    );
    // the e2e story's logout: the same sentence the panel shows
    expect(findings[0]?.detail).toMatch(
      /^Flask app deleted `session` \(Path=\/\) at \d\d:\d\d:\d\d UTC on GET \/flask-application\/delete-session \(Max-Age=0\); FastAPI app still read it, so its keys `user`, `login_time` and `counter` are gone\.$/,
    );
    expect(findings[0]?.fix).toContain("Let Flask app delete only a cookie of its own");
  });

  it("the outer demo: Starlette's middleware around Flask sends two Set-Cookie per Flask response", () => {
    const run = runCli([
      "timeline",
      "--sides",
      `${HAR}/demo-outer.sides.json`,
      `${HAR}/demo-outer.har`,
    ]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    const lines = records(run);
    const writes = lines.filter((l) => l.type === "write");
    // each Flask response holds Flask's write and then the middleware's, in header order
    expect(writes.map((w) => [w.seq, w.writer])).toEqual([
      [1, "FastAPI app"],
      [2, "Flask app"],
      [3, "FastAPI app"],
      [4, "FastAPI app"],
      [5, "Flask app"],
      [6, "FastAPI app"],
    ]);
    expect(writes[4]).toMatchObject({ deleted: true });
    const findings = lines.filter((l) => l.type === "finding");
    expect(findings.map((f) => [f.kind, f.evidence])).toEqual([
      ["resign-every-response", [1, 3, 4, 6]],
      ["double-set-cookie", [5, 6]],
      ["double-set-cookie", [2, 3]],
    ]);
    expect(findings[2]?.detail).toContain("GET /flask-application/set-session?user=alice at ");
    expect(findings[2]?.detail).toContain(
      "sent 2 Set-Cookie headers for `session` (Path=/) (from Flask app, then FastAPI app); " +
        "the browser kept only the last one, FastAPI app's; Flask app's keys `login_time`, " +
        "`roles` and `user` never reached the browser.",
    );
    expect(findings[2]?.fix).toContain('session_cookie="fastapi_session"');
    // Flask's logout is the first header of its response, so the browser never deletes
    expect(findings[1]?.detail).toContain("GET /flask-application/delete-session");
  });

  it("the fixed demo: a shared session, and the deleting write one app does to the other", () => {
    const run = runCli(
      ["timeline", "--sides", `${HAR}/demo-fixed.sides.json`, "-"],
      readFileSync(`${HAR}/demo-fixed.har`, "utf8"),
    );
    expect(run.status).toBe(1);
    const lines = records(run);
    expect(lines[0]).toMatchObject({
      type: "write",
      readers: { "Flask app": "valid", "FastAPI app": "valid" },
    });
    expect(lines.filter((l) => l.type === "finding").map((f) => [f.kind, f.evidence])).toEqual([
      ["deleting-write", [1, 2]],
    ]);
  });

  it("without sides every writer is unknown, with the format its shape suggests; no finding exits 0", () => {
    const run = runCli(["timeline", `${HAR}/demo-fixed.har`]);
    const [first] = records(run);
    expect(first).toMatchObject({ writer: "unknown", format: "flask", readers: {} });
    expect(run.status).toBe(0);
  });

  it("bad input: one line naming the problem, exit 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "sl-timeline-"));
    const notHar = join(dir, "x.har");
    writeFileSync(notHar, '{"log": {"entries": [{"request": {}}]}}');
    const big = join(dir, "big.har");
    writeFileSync(big, "");
    truncateSync(big, 520 * 2 ** 20); // sparse: no disk space, and never read
    const cases: [string[], RegExp][] = [
      [["timeline", big], /big\.har is 520 MB, larger than the 512 MB Session Lens reads/],
      [
        ["timeline", notHar],
        /x\.har is not a HAR file: log\.entries\[0\]\.request needs a url and a method/,
      ],
      [
        ["timeline", join(dir, "missing.har")],
        /cannot read the HAR file .*missing\.har: no such file/,
      ],
      [["timeline", "--sides", notHar, `${HAR}/demo-fixed.har`], /the sides file .* is not valid/],
      [["timeline", "--secret", "x", `${HAR}/demo-fixed.har`], /timeline takes only --sides FILE/],
      [["timeline"], /timeline needs one HAR file/],
    ];
    for (const [args, message] of cases) {
      const run = runCli(args, "not json");
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    }
    const stdin = runCli(["timeline", "-"], "not json");
    expect(stdin.stderr).toMatch(/standard input is not a HAR file: the text is not JSON/);
  });
});
