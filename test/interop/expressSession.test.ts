/**
 * The codec against the real npm `express-session` 1.19 (cookie-signature, MemoryStore) in a
 * live express app: for random session ids our signed value equals the `connect.sid` the
 * middleware sets (percent-encoding included), the middleware restores the stored session from
 * our cookie, and we verify its cookies, with secret rotation and the wrong-secret case.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeCookie, signSession } from "../../src/codec";
import { secretText } from "./arbitraries";
import { asciiJson, type NodeApps, setCookies, startNodeApps } from "./nodeApps";

const RUNS = { numRuns: 50 };
let apps: NodeApps;
beforeAll(async () => {
  apps = await startNodeApps();
});
afterAll(async () => {
  await apps?.close();
});

/** Stores {data} under `id` (genid mints exactly that id); returns the Set-Cookie value. */
async function mint(id: string, data: unknown, secrets: string[]): Promise<string> {
  const res = await fetch(`${apps.url}/es/mint`, {
    method: "POST",
    headers: { "x-secrets": asciiJson(secrets) },
    body: JSON.stringify({ id, data }),
  });
  expect(res.status).toBe(204);
  return setCookies(res).get("connect.sid")!;
}

async function read(cookie: string, secrets: string[]) {
  const res = await fetch(`${apps.url}/es/read`, {
    headers: { "x-secrets": asciiJson(secrets), cookie: `connect.sid=${cookie}` },
  });
  return (await res.json()) as { id: string; data: unknown };
}

const sessionId = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 40 }),
  fc.base64String({ minLength: 4, maxLength: 44 }),
  fc.stringMatching(/^[A-Za-z0-9_-]{32}$/), // uid-safe(24), the default
);
const secretList = fc.uniqueArray(secretText, { minLength: 1, maxLength: 3 });

describe("express-session 1.19 (live express app)", () => {
  it("ours ↔ express-session: the same connect.sid, the session restored from ours, valid when we read theirs", async () => {
    await fc.assert(
      fc.asyncProperty(sessionId, secretList, fc.nat(), async (id, secrets, n) => {
        const [secret, ...fallbacks] = secrets as [string, ...string[]];
        const theirs = await mint(id, { n }, secrets);
        const ours = signSession("express-session", id, { secret, fallbacks }).value;
        expect(ours).toBe(theirs);
        expect(await read(ours, secrets)).toEqual({ id, data: { n } });
        const decoded = decodeCookie("express-session", theirs, { secret, fallbacks });
        expect([decoded.status, decoded.data, decoded.key], decoded.detail).toEqual([
          "valid",
          id,
          "secret",
        ]);
      }),
      RUNS,
    );
  });

  it("rotation: a cookie signed with an older secret verifies as that fallback, as express-session accepts it", async () => {
    const secrets = fc.uniqueArray(secretText, { minLength: 2, maxLength: 2 });
    await fc.assert(
      fc.asyncProperty(sessionId, secrets, async (id, [current, old]) => {
        const theirs = await mint(id, "rotated", [old!]);
        expect(await read(theirs, [current!, old!])).toEqual({ id, data: "rotated" });
        const decoded = decodeCookie("express-session", theirs, {
          secret: current!,
          fallbacks: [old!],
        });
        expect([decoded.status, decoded.key]).toEqual(["valid", "fallback:0"]);
      }),
      { numRuns: 20 },
    );
  });

  it("wrong secret: express-session ignores the cookie and we say bad_signature, both ways", async () => {
    const secrets = fc.uniqueArray(secretText, { minLength: 2, maxLength: 2 });
    await fc.assert(
      fc.asyncProperty(sessionId, secrets, async (id, [right, wrong]) => {
        await mint(id, "stored", [right!]);
        const ours = signSession("express-session", id, { secret: right! }).value;
        const seen = await read(ours, [wrong!]);
        expect(seen.data).toBeNull();
        expect(seen.id).not.toBe(id);
        const theirs = await mint(id, "stored", [right!]);
        expect(decodeCookie("express-session", theirs, { secret: wrong! }).status).toBe(
          "bad_signature",
        );
      }),
      RUNS,
    );
  });
});
