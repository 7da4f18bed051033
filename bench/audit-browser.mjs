/**
 * The panel's audit in a real browser, for bench/audit.mjs: bench/audit-page.ts and the panel's
 * worker entry (src/shells/extension/panel/auditWorker.ts) bundled by esbuild into `dir`, served
 * by node:http on 127.0.0.1 (module workers need http), opened in headless Debian Chromium and
 * Firefox ESR through puppeteer-core (CDP and WebDriver BiDi). The figures are taken in the page
 * and read back with page.evaluate. Never downloads a browser; nothing leaves 127.0.0.1.
 */
import { createReadStream, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join } from "node:path";
import * as esbuild from "esbuild";
import puppeteer from "puppeteer-core";
import { CHROMIUM, CHROMIUM_FLAGS, FIREFOX } from "../e2e/browsers.mjs";
import { root } from "./cases.mjs";

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".txt": "text/plain" };

/** Writes page.js, worker.js and index.html into `dir` (the wordlist is served from `listFile`). */
async function bundle(dir) {
  await esbuild.build({
    entryPoints: {
      page: `${root}bench/audit-page.ts`,
      worker: `${root}src/shells/extension/panel/auditWorker.ts`,
    },
    bundle: true,
    format: "esm",
    platform: "browser",
    minify: true,
    loader: { ".txt": "text" },
    outdir: dir,
    logLevel: "warning",
  });
  writeFileSync(
    join(dir, "index.html"),
    '<!doctype html><meta charset="utf-8"><title>audit bench</title><script type="module" src="./page.js"></script>',
  );
}

function serve(dir, listFile) {
  const server = createServer((req, res) => {
    const name = new URL(req.url ?? "/", "http://127.0.0.1").pathname.slice(1) || "index.html";
    const path = name === "wordlist.txt" ? listFile : join(dir, name);
    if (!["index.html", "page.js", "worker.js", "wordlist.txt"].includes(name)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
    createReadStream(path).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, origin: `http://127.0.0.1:${server.address().port}` }),
    ),
  );
}

const LAUNCH = {
  chromium: () =>
    puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      pipe: true,
      args: [...CHROMIUM_FLAGS],
    }),
  firefox: () => puppeteer.launch({ browser: "firefox", executablePath: FIREFOX, headless: true }),
};

/**
 * In each browser: the first audit of the built-in list (worker start-up included), `repeats`
 * more with the workers started, then the built-in list + `listFile` as a File, once.
 */
export async function panelAuditInBrowsers({ dir, listFile, job, repeats = 7, browsers }) {
  await bundle(dir);
  const { server, origin } = await serve(dir, listFile);
  const results = [];
  try {
    for (const name of browsers) {
      let browser;
      try {
        browser = await LAUNCH[name]();
        const version = await browser.version();
        const page = await browser.newPage();
        await page.goto(`${origin}/index.html`);
        await page.waitForFunction(() => "auditBench" in globalThis);
        const start = await page.evaluate((j) => globalThis.auditBench.start(j), job);
        const known = [];
        const unprepared = [];
        for (let i = 0; i < repeats; i++) {
          const run = (variant, shown) =>
            page.evaluate((j, v, s) => globalThis.auditBench.known(j, v, s), job, variant, shown);
          known.push(await run(2 * i, true));
          unprepared.push(await run(2 * i + 1, false));
        }
        const withFile = await page.evaluate(
          (j, url) => globalThis.auditBench.withFile(j, url),
          job,
          `${origin}/wordlist.txt`,
        );
        results.push({ name, version, ...start, known, unprepared, withFile });
      } catch (error) {
        results.push({ name, error: error instanceof Error ? error.message : String(error) });
      } finally {
        await browser?.close();
      }
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return results;
}
