/**
 * The audit as a user runs it, for bench/audit.mjs: the built extension (dist/chrome) in headless
 * Debian Chromium, DevTools open on a page of 127.0.0.1 that sets a Flask `session` cookie, the
 * Session Lens panel shown, "Audit secret" clicked, and the panel's own figures read back from
 * its result (`data-seconds`, `data-tried`). This is the panel's worker in the extension's page
 * with DevTools open, where DevTools is known to slow WebAssembly on inspected pages
 * (crbug 1226418). Each audit is of a cookie the workers have not seen (the page sets a fresh
 * variant). Firefox ESR's panel is driven the way the e2e drives it (e2e/firefox-devtools.ts,
 * bundled here by esbuild: it is TypeScript); its figures are the built-in list only, as
 * handing a 6-million-line File to a panel Marionette cannot address is not worth the harness.
 */
import { mkdirSync } from "node:fs";
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";
import { flaskAppSide } from "../demo/sides.mjs";
import {
  launchChromium,
  openChromiumPanel,
  pollUntil,
  seedSidesChromium,
  sidesStorage,
} from "../e2e/browsers.mjs";
import { CLICK_AFTER_MS, freshCookie } from "./audit-user.mjs";
import { root } from "./cases.mjs";

function serve(cookie) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (url.pathname !== "/") {
      res.writeHead(404).end();
      return;
    }
    const variant = Number(url.searchParams.get("v") ?? 0);
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "set-cookie": `session=${freshCookie(cookie, variant)}; Path=/; HttpOnly`,
    });
    res.end('<!doctype html><link rel="icon" href="data:,"><title>audit bench</title><p>bench');
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, origin: `http://127.0.0.1:${server.address().port}` }),
    ),
  );
}

/**
 * The bench's page declared as a Flask app whose secret is not in any list: the audit then
 * tries the one format that side names, where an undeclared cookie is tried as every format its
 * shape fits (Flask, itsdangerous, Starlette for this one).
 */
const flaskSideFor = (origin) => [
  flaskAppSide({
    origin,
    pathPrefix: "/",
    secret: { value: "bench-secret-not-in-any-list", encoding: "utf8" },
  }),
];

/** The part that differs between variants, to tell the panel shows the new one. */
const signatureOf = (value) => value.slice(value.lastIndexOf(".") + 1);

/** Runs in the panel: what its audit section shows for the selected cookie. */
function auditState(expectedValue) {
  const row = document.querySelector('[data-testid=cookie-row][data-cookie-name="session"]');
  if (row === null) return { phase: "no row" };
  if (row.getAttribute("aria-selected") !== "true") {
    row.click();
    return { phase: "selecting" };
  }
  const shown = document.querySelector("[data-testid=cookie-value], [data-testid=raw-value]");
  const result = document.querySelector("[data-testid=audit-result]");
  const start = document.querySelector("[data-testid=audit-start]");
  return {
    phase: result ? "done" : start ? "ready" : "running",
    value: shown?.textContent ?? null,
    fresh: expectedValue === null || (shown?.textContent ?? "").includes(expectedValue),
    seconds: result ? Number(result.dataset.seconds) : null,
    tried: result ? Number(result.dataset.tried) : null,
    found: result ? result.dataset.found === "true" : null,
  };
}

function clickStart() {
  document.querySelector("[data-testid=audit-start]")?.click();
}

/**
 * `repeats` audits of the built-in list on fresh cookies shown CLICK_AFTER_MS before the click,
 * as many clicked at once, then (if `upload`) the built-in list + the file it chooses. `drive`
 * is the browser: `goto(url)`, `inPanel(fn, arg)` and optionally `upload()`.
 */
async function auditRounds(drive, { origin, cookie, repeats, variantFrom = 0, withFile = true }) {
  let variant = variantFrom;
  const state = (value) => drive.inPanel(auditState, value);
  const ready = (value) =>
    pollUntil(
      async () => {
        const s = await state(value);
        return s.phase === "ready" && s.fresh ? s : null;
      },
      { timeout: 30_000, what: "the audit button for the new cookie" },
    );
  const result = () =>
    pollUntil(
      async () => {
        const s = await state(null);
        return s.phase === "done" ? s : null;
      },
      { timeout: 120_000, interval: 20, what: "the audit result" },
    );
  /** A new variant of the cookie, shown; audited after `waitMs` (or once `before()` is done). */
  async function auditFresh(waitMs, before) {
    variant++;
    const value = freshCookie(cookie, variant);
    await drive.goto(`${origin}/?v=${variant}`);
    await ready(signatureOf(value));
    await before?.();
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    await drive.inPanel(clickStart, null);
    return result();
  }
  const first = await auditFresh(0);
  const shown = [];
  const atOnce = [];
  for (let i = 0; i < repeats; i++) {
    shown.push(await auditFresh(CLICK_AFTER_MS));
    atOnce.push(await auditFresh(0));
  }
  const file = withFile && drive.upload ? await auditFresh(CLICK_AFTER_MS, drive.upload) : null;
  return { shownMs: CLICK_AFTER_MS, first, shown, atOnce, withFile: file };
}

/**
 * The rounds on the undeclared site (every format the shape fits; the file too), then on the
 * site with its Flask side declared (one format), with cookies the first pass never showed.
 */
async function bothPasses(drive, { origin, declaredOrigin, cookie, repeats }) {
  const rounds = await auditRounds(drive, { origin, cookie, repeats });
  const declared = await auditRounds(drive, {
    origin: declaredOrigin,
    cookie,
    repeats,
    variantFrom: 100,
    withFile: false,
  });
  return { ...rounds, declared };
}

/** The Chromium panel: puppeteer reaches the panel's page, so a File can be chosen too. */
export async function panelAuditInDevtools({ cookie, repeats = 7, listFile }) {
  // Two origins of the same page: the panel loads a site's sides when it shows that site, so
  // the declared pass runs on an origin whose sides were stored before the panel opened.
  const [{ server, origin }, declaredSite] = await Promise.all([serve(cookie), serve(cookie)]);
  let chromium;
  try {
    chromium = await launchChromium();
    const { browser, extensionId } = chromium;
    await seedSidesChromium(chromium.worker, flaskSideFor(declaredSite.origin));
    const [page] = await browser.pages();
    await page.goto(`${origin}/?v=0`);
    const { panel } = await openChromiumPanel(page, extensionId);
    const drive = {
      goto: (url) => page.goto(url),
      inPanel: (fn, arg) => panel.evaluate(fn, arg),
      upload: listFile
        ? async () => {
            const input = await panel.waitForSelector("[data-testid=audit-wordlist]");
            await input.uploadFile(listFile);
          }
        : undefined,
    };
    const passes = await bothPasses(drive, {
      origin,
      declaredOrigin: declaredSite.origin,
      cookie,
      repeats,
    });
    return { version: await browser.version(), ...passes };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    await chromium?.browser.close();
    await new Promise((resolve) => server.close(resolve));
    await new Promise((resolve) => declaredSite.server.close(resolve));
  }
}

/**
 * The e2e's Firefox DevTools harness and its storage helper, bundled for Node (they are
 * TypeScript).
 */
async function firefoxHarness() {
  const outfile = `${root}dist/bench/firefox-devtools.mjs`;
  mkdirSync(`${root}dist/bench`, { recursive: true });
  await esbuild.build({
    stdin: {
      contents: `export * from "./e2e/firefox-devtools.ts"; export { setExtensionStorage } from "./e2e/panelExpectations.ts";`,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "node",
    packages: "external",
    // browsers.mjs finds the repository from its own location: import it in place.
    plugins: [
      {
        name: "browsers-in-place",
        setup(build) {
          build.onResolve({ filter: /browsers\.mjs$/ }, () => ({
            path: pathToFileURL(`${root}e2e/browsers.mjs`).href,
            external: true,
          }));
        },
      },
    ],
    outfile,
    logLevel: "warning",
  });
  return import(pathToFileURL(outfile).href);
}

/** The Firefox ESR panel, through the privileged frame script the e2e uses. */
export async function panelAuditInFirefoxDevtools({ cookie, repeats = 7 }) {
  const [{ server, origin }, declaredSite] = await Promise.all([serve(cookie), serve(cookie)]);
  let session;
  try {
    const ff = await firefoxHarness();
    session = await ff.launchFirefox();
    await ff.inExtensionPage(
      session,
      ff.setExtensionStorage,
      sidesStorage(flaskSideFor(declaredSite.origin)),
    );
    const [page] = await session.browser.pages();
    await page.goto(`${origin}/?v=0`);
    await ff.openFirefoxPanel(session, origin);
    // The harness finds the inspected tab by the start of its URL: the origin it shows now.
    let shown = origin;
    const drive = {
      goto: (url) => {
        shown = new URL(url).origin;
        return page.goto(url);
      },
      // Throws until the panel page has loaded: pollUntil's callers retry.
      inPanel: (fn, arg) => ff.evalInPanel(session, shown, fn, arg),
    };
    const inPanelPatient = (fn, arg) =>
      pollUntil(() => drive.inPanel(fn, arg).then((v) => ({ v })), { what: "the Firefox panel" });
    const patient = { ...drive, inPanel: async (fn, arg) => (await inPanelPatient(fn, arg)).v };
    const passes = await bothPasses(patient, {
      origin,
      declaredOrigin: declaredSite.origin,
      cookie,
      repeats,
    });
    return { version: await session.browser.version(), ...passes };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    await session?.browser.close();
    await new Promise((resolve) => server.close(resolve));
    await new Promise((resolve) => declaredSite.server.close(resolve));
  }
}
