/**
 * The audit as a user runs it, for bench/audit.mjs: the built extension (dist/chrome) in headless
 * Debian Chromium, DevTools open on a page of 127.0.0.1 that sets a Flask `session` cookie, the
 * Session Lens panel shown, "Audit secret" clicked, and the panel's own figures read back from
 * its result (`data-seconds`, `data-tried`). This is the panel's worker in the extension's page
 * with DevTools open, where DevTools is known to slow WebAssembly on inspected pages
 * (crbug 1226418). Each audit is of a cookie the workers have not seen (the page sets a fresh
 * variant). Firefox's panel is driven by the e2e's WebDriver BiDi harness, which is TypeScript
 * run by vitest; bench/audit-browser.mjs measures its workers instead.
 */
import { createServer } from "node:http";
import { launchChromium, openChromiumPanel, pollUntil } from "../e2e/browsers.mjs";
import { CLICK_AFTER_MS, freshCookie } from "./audit-user.mjs";

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
 * as many clicked at once, then (if `listFile`) the built-in list + that file.
 */
export async function panelAuditInDevtools({ cookie, repeats = 7, listFile }) {
  const { server, origin } = await serve(cookie);
  let chromium;
  try {
    chromium = await launchChromium();
    const { browser, extensionId } = chromium;
    const version = await browser.version();
    const [page] = await browser.pages();
    await page.goto(`${origin}/?v=0`);
    const { panel } = await openChromiumPanel(page, extensionId);
    let variant = 0;
    const state = (value) => panel.evaluate(auditState, value);
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
    /** A new variant of the cookie, shown; audited after `waitMs`. */
    async function auditFresh(waitMs) {
      variant++;
      const value = freshCookie(cookie, variant);
      await page.goto(`${origin}/?v=${variant}`);
      await ready(signatureOf(value));
      if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
      await panel.evaluate(clickStart);
      return result();
    }
    const first = await auditFresh(0);
    const shown = [];
    const atOnce = [];
    for (let i = 0; i < repeats; i++) {
      shown.push(await auditFresh(CLICK_AFTER_MS));
      atOnce.push(await auditFresh(0));
    }
    let withFile = null;
    if (listFile) {
      variant++;
      await page.goto(`${origin}/?v=${variant}`);
      await ready(signatureOf(freshCookie(cookie, variant)));
      const input = await panel.waitForSelector("[data-testid=audit-wordlist]");
      await input.uploadFile(listFile);
      await new Promise((resolve) => setTimeout(resolve, CLICK_AFTER_MS));
      await panel.evaluate(clickStart);
      withFile = await result();
    }
    return { version, shownMs: CLICK_AFTER_MS, first, shown, atOnce, withFile };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    await chromium?.browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}
