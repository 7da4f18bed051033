/**
 * Everything that reaches into Firefox internals to test the real DevTools panel, in one file
 * so a future ESR that changes them breaks only this. WebDriver BiDi with
 * `--remote-allow-system-access` can run privileged JS in the browser window (chrome scope):
 * from there `gDevTools` opens the toolbox and selects our panel. BiDi cannot address the
 * panel's own browsing context, so reading it uses a frame script (runs a function against
 * `content.document` and messages the answer back) and a screenshot uses `drawSnapshot`.
 */
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { assertBuilt, DIST, FIREFOX, NO_ACCESS_HOST, PANEL_PATH } from "./browsers.mjs";
import type { Watched } from "./canaryScenario";

/** Pinned so the moz-extension:// origin is known before the add-on is installed. */
export const EXTENSION_UUID = "5e55104e-1e25-4a11-9c00-5e55104e1e25";

/** The raw BiDi connection puppeteer keeps on a Firefox browser (not in its public types). */
interface RawBidi {
  connection: { send(method: string, params: object): Promise<{ result: unknown }> };
}

interface EvaluateResult {
  type: "success" | "exception";
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

export interface FirefoxSession {
  browser: Browser;
  geckoId: string;
  extensionOrigin: string;
}

export async function launchFirefox(
  prefs: Record<string, string | number | boolean> = {},
): Promise<FirefoxSession> {
  const manifest = assertBuilt("firefox") as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    args: ["--remote-allow-system-access", "--width=1280", "--height=1000"],
    extraPrefsFirefox: {
      "extensions.webextensions.uuids": JSON.stringify({ [geckoId]: EXTENSION_UUID }),
      "devtools.toolbox.footer.height": 620,
      "network.dns.localDomains": NO_ACCESS_HOST,
      ...prefs,
    },
  });
  await browser.installExtension(DIST.firefox);
  return { browser, geckoId, extensionOrigin: `moz-extension://${EXTENSION_UUID}` };
}

function bidi(browser: Browser): RawBidi["connection"] {
  return (browser as unknown as RawBidi).connection;
}

/** Runs `fn` (source text, privileged) in the browser window; returns its JSON-able result. */
async function inChrome<T>(browser: Browser, fn: string, args: unknown[]): Promise<T> {
  const tree = (await bidi(browser).send("browsingContext.getTree", { "moz:scope": "chrome" }))
    .result as { contexts: { context: string; url: string }[] };
  const window = tree.contexts.find((c) => c.url === "chrome://browser/content/browser.xhtml");
  if (!window) throw new Error("no Firefox browser window in chrome scope");
  const { result } = await bidi(browser).send("script.callFunction", {
    functionDeclaration: `async (...args) => JSON.stringify(await (${fn})(...args))`,
    target: { context: window.context },
    arguments: args.map((value) => ({ type: "string", value: JSON.stringify(value) })),
    awaitPromise: true,
  });
  const evaluated = result as EvaluateResult;
  if (evaluated.type === "exception") {
    throw new Error(`privileged script failed: ${evaluated.exceptionDetails?.text}`);
  }
  return JSON.parse(String(evaluated.result?.value)) as T;
}

/** Shared privileged prelude: the inspected tab's toolbox and our panel's <browser>. */
const PRELUDE = `
  const { require } = ChromeUtils.importESModule("resource://devtools/shared/loader/Loader.sys.mjs");
  const { gDevTools } = require("devtools/client/framework/devtools");
  const tabFor = (url) => gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec.startsWith(url));
  // The toolbox, tool and <browser> may not exist yet: each step yields undefined until then.
  const panelPrefix = (geckoId) => "webext-devtools-panel-" + geckoId.replace(/[^a-z0-9_-]/gi, "_");
  const panelBrowser = (url, geckoId) => {
    const toolbox = gDevTools.getToolboxForTab(tabFor(url));
    const tool = toolbox?.getAdditionalTools().find((t) => t.id.startsWith(panelPrefix(geckoId)));
    const frame = tool && toolbox.doc.getElementById("toolbox-panel-iframe-" + tool.id);
    return frame?.contentDocument?.querySelector("browser");
  };
`;

/** Opens DevTools on the tab showing `pageUrl` and selects the Session Lens panel. */
export async function openFirefoxPanel(session: FirefoxSession, pageUrl: string): Promise<number> {
  const fn = `async (urlJson, idJson) => {${PRELUDE}
    const url = JSON.parse(urlJson), geckoId = JSON.parse(idJson);
    const toolbox = await gDevTools.showToolboxForTab(tabFor(url));
    const deadline = Date.now() + 15000;
    let tool;
    while (!(tool = toolbox.getAdditionalTools().find((t) => t.id.startsWith(panelPrefix(geckoId))))) {
      if (Date.now() > deadline) throw new Error("Session Lens panel never registered");
      await new Promise((r) => setTimeout(r, 50));
    }
    await toolbox.selectTool(tool.id);
    return Date.now();
  }`;
  const shownAt = Date.now();
  await inChrome<number>(session.browser, fn, [pageUrl, session.geckoId]);
  return shownAt;
}

/**
 * Runs `fn(...args)` once in the panel, in a privileged frame script loaded into the panel's
 * <browser>, and returns its JSON-able result. `fn` is sent as source text (like puppeteer's
 * evaluate), so it must be self-contained; its `document`, `window` and `performance` are
 * bound to the panel's. Throws while the panel page has not loaded (callers poll).
 */
export async function evalInPanel<T, A extends unknown[]>(
  session: FirefoxSession,
  pageUrl: string,
  fn: (...args: A) => T,
  ...args: A
): Promise<T> {
  const run = `async (urlJson, idJson, fnJson, argsJson) => {${PRELUDE}
    const browser = panelBrowser(JSON.parse(urlJson), JSON.parse(idJson));
    // Until the panel page has loaded in its extension process, a frame script would land in
    // the placeholder document and never answer.
    if (!browser?.isRemoteBrowser || !browser.currentURI.spec.startsWith("moz-extension:")) {
      return { error: "the panel page has not loaded yet" };
    }
    const reply = "session-lens-e2e:" + Math.random().toString(36).slice(2);
    const frameScript = "((reply, document, window, performance) => {" +
      "try { const fn = " + JSON.parse(fnJson) + ";" +
      "sendAsyncMessage(reply, { value: JSON.stringify(fn(..." + argsJson + ")) }); }" +
      "catch (error) { sendAsyncMessage(reply, { error: String(error) }); }" +
      "})(" + JSON.stringify(reply) + ", content.document, content, content.performance)";
    return await new Promise((resolve) => {
      const mm = browser.messageManager;
      const done = (answer) => { mm.removeMessageListener(reply, listener); clearTimeout(timer); resolve(answer); };
      const listener = (message) => done(message.data);
      const timer = setTimeout(() => done({ error: "the panel frame script did not answer" }), 5000);
      mm.addMessageListener(reply, listener);
      mm.loadFrameScript("data:," + encodeURIComponent(frameScript), false);
    });
  }`;
  const answer = await inChrome<{ value?: string; error?: string }>(session.browser, run, [
    pageUrl,
    session.geckoId,
    fn.toString(),
    JSON.parse(JSON.stringify(args)),
  ]);
  if (answer.error !== undefined) throw new Error(`in the panel: ${answer.error}`);
  return (answer.value === undefined ? undefined : JSON.parse(answer.value)) as T;
}

/**
 * A PNG of the DevTools toolbox (tab strip and the Session Lens panel) as drawn; BiDi
 * screenshots refuse chrome contexts, so the browser window draws the toolbox's rectangle.
 */
export async function snapshotToolbox(session: FirefoxSession, pageUrl: string): Promise<Buffer> {
  const fn = `async (urlJson) => {${PRELUDE}
    const toolbox = gDevTools.getToolboxForTab(tabFor(JSON.parse(urlJson)));
    const r = toolbox.win.browsingContext.embedderElement.getBoundingClientRect();
    const rect = new DOMRect(r.x, r.y, r.width, r.height);
    const bitmap = await window.browsingContext.currentWindowGlobal.drawSnapshot(rect, 1, "white");
    const canvas = document.createElementNS("http://www.w3.org/1999/xhtml", "canvas");
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext("2d").drawImage(bitmap, 0, 0);
    return canvas.toDataURL("image/png");
  }`;
  const dataUrl = await inChrome<string>(session.browser, fn, [pageUrl]);
  return Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ""), "base64");
}

/**
 * Runs `fn(arg)` in one of the extension's own pages (a tab on the panel page, which has the
 * `browser` APIs), then closes the tab. `page.goto` hangs on moz-extension:// with system access
 * on, so the tab is navigated with raw BiDi.
 */
export async function inExtensionPage<T, A>(
  session: FirefoxSession,
  fn: (arg: A) => T | Promise<T>,
  arg: A,
): Promise<T> {
  const page: Page = await session.browser.newPage();
  try {
    await bidi(session.browser).send("browsingContext.navigate", {
      // The BiDi browsing-context id of the tab (puppeteer keeps it on the frame, untyped).
      context: (page.mainFrame() as unknown as { _id: string })._id,
      url: `${session.extensionOrigin}/${PANEL_PATH}`,
      wait: "complete",
    });
    return (await page.evaluate(fn as (arg: unknown) => T, arg)) as T;
  } finally {
    await page.close();
  }
}

/** Top-level browsing contexts (tabs and windows) whose URL contains `fragment`. */
export async function contextsShowing(
  session: FirefoxSession,
  fragment: string,
): Promise<string[]> {
  const { result } = await bidi(session.browser).send("browsingContext.getTree", { maxDepth: 0 });
  const { contexts } = result as { contexts: { context: string; url: string }[] };
  return contexts.filter((c) => c.url.includes(fragment)).map((c) => c.context);
}

/** Closes a top-level browsing context (a tab, or a popup window's only tab). */
export async function closeContext(session: FirefoxSession, context: string): Promise<void> {
  await bidi(session.browser).send("browsingContext.close", { context });
}

/** The URL a top-level browsing context shows. */
export async function contextUrl(session: FirefoxSession, context: string): Promise<string> {
  const { result } = await bidi(session.browser).send("browsingContext.getTree", { root: context });
  return (result as { contexts: { url: string }[] }).contexts[0]?.url ?? "";
}

/**
 * Runs in the extension's process (a frame script in the panel's <browser>, which lives there
 * with the background page, the devtools page and every other extension page): forwards each
 * console call, with its arguments as text, and each script error to the parent.
 */
const CONSOLE_FORWARDER = `(() => {
  const topic = "session-lens-e2e:console";
  const text = (value) => {
    try {
      const v = Cu.waiveXrays(value);
      return typeof v === "string" ? v : (JSON.stringify(v) ?? String(v));
    } catch {
      return String(value);
    }
  };
  const line = (e) =>
    e.level + " " + String(e.filename ?? "").slice(0, 80) + ": " + Array.from(e.arguments ?? [], text).join(" ");
  const stored = Cc["@mozilla.org/consoleAPI-storage;1"].getService(Ci.nsIConsoleAPIStorage);
  for (const e of stored.getEvents()) sendAsyncMessage(topic, "(before) " + line(e));
  const everyone = Services.scriptSecurityManager.getSystemPrincipal();
  stored.addLogEventListener((e) => sendAsyncMessage(topic, line(e)), everyone);
  Services.console.registerListener({ observe: (m) => sendAsyncMessage(topic, "error: " + m.message) });
})();`;

/**
 * Starts recording what `watchedFirefox` answers: every HTTP(S) request of the browser, seen in
 * the parent process, where all of them pass (URL and upload body), and every console line and
 * script error of the extension's process, forwarded by CONSOLE_FORWARDER. The panel must be
 * open on `pageUrl`.
 */
export async function watchFirefox(session: FirefoxSession, pageUrl: string): Promise<void> {
  const fn = `async (urlJson, idJson, forwarderJson) => {${PRELUDE}
    const seen = (window.sessionLensE2eSeen ??= { targets: [], console: [], requests: [] });
    const uploadText = (channel) => {
      try {
        const stream = channel.QueryInterface(Ci.nsIUploadChannel).uploadStream;
        if (!stream) return "";
        stream.QueryInterface(Ci.nsISeekableStream);
        const reader = Cc["@mozilla.org/scriptableinputstream;1"].createInstance(Ci.nsIScriptableInputStream);
        reader.init(stream);
        const body = reader.read(stream.available());
        stream.seek(Ci.nsISeekableStream.NS_SEEK_SET, 0);
        return body;
      } catch (error) {
        return "<body not readable: " + error + ">";
      }
    };
    const parent = "parent process: every http(s) request";
    if (!seen.targets.includes(parent)) {
      seen.targets.push(parent);
      Services.obs.addObserver({ observe(subject) {
        const channel = subject.QueryInterface(Ci.nsIHttpChannel);
        seen.requests.push(channel.URI.spec + " " + uploadText(channel));
      } }, "http-on-modify-request");
    }
    const browser = panelBrowser(JSON.parse(urlJson), JSON.parse(idJson));
    if (!browser?.isRemoteBrowser || !browser.currentURI.spec.startsWith("moz-extension:")) {
      throw new Error("the panel page has not loaded yet");
    }
    browser.messageManager.addMessageListener("session-lens-e2e:console", (m) => seen.console.push(m.data));
    browser.messageManager.loadFrameScript("data:," + encodeURIComponent(JSON.parse(forwarderJson)), false);
    seen.targets.push("extension process: console and errors, from " + browser.currentURI.spec);
    return true;
  }`;
  await inChrome<boolean>(session.browser, fn, [pageUrl, session.geckoId, CONSOLE_FORWARDER]);
}

/** What was recorded since `watchFirefox`. */
export async function watchedFirefox(session: FirefoxSession): Promise<Watched> {
  const fn = `async () => window.sessionLensE2eSeen ?? { targets: [], console: [], requests: [] }`;
  return inChrome<Watched>(session.browser, fn, []);
}
