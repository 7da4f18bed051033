/**
 * A session cookie sent in double quotes (some proxies and cookie jars quote values): the real
 * Flask and Starlette unquote it before they verify, and so does the codec — the same session
 * comes out of both. Before, the codec called such a value malformed.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { decodeCookie, dict, signSession, toTypedJson } from "../../src/codec";
import { type PyHelper, startPyHelper } from "./pyClient";
import { canonical, canonicalValue } from "./typedCompare";

let py: PyHelper;
beforeAll(async () => {
  py = await startPyHelper();
});
afterAll(async () => {
  await py?.close();
});

const SECRET = "quoted-secret";
const NOW = 1_767_237_945;
const session = dict([["user", "alice"]]);

it.each(["flask", "starlette"] as const)(
  "%s reads a quoted session cookie as the codec does",
  async (format) => {
    const value = signSession(format, session, { secret: SECRET, timestamp: NOW }).value;
    const quoted = `"${value}"`;
    const theirs = await py.call<{ data: unknown; empty: boolean }>(`${format}_decode`, {
      cookie: quoted,
      secret: SECRET,
      now: NOW,
      dict_form: "pairs",
    });
    expect(theirs.empty).toBe(false);
    const ours = decodeCookie(format, quoted, { secret: SECRET, now: NOW });
    expect(ours.status).toBe("valid");
    expect(canonical(theirs.data)).toEqual(canonicalValue(ours.data!));
    expect(toTypedJson(ours.data!)).toBe('{"user":"alice"}');
  },
);
