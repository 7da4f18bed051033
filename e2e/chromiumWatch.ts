/**
 * Everything Chromium shows DevTools about console and network, for every target: one CDP
 * session on the browser auto-attaches to each page and service worker, and each of those to
 * its frames and workers (the inspected page, the extension's background worker, the DevTools
 * window with the extension's devtools page and panel, the audit's workers). Console calls are
 * read argument by argument (objects as JSON), with the browser's own log entries; each
 * request as URL and body.
 */
import type { Browser, CDPSession, Protocol } from "puppeteer-core";
import type { Watched } from "./canaryScenario";

const AUTO_ATTACH = { autoAttach: true, waitForDebuggerOnStart: false, flatten: true } as const;

const STRINGIFY = `function () {
  try { return JSON.stringify(this); } catch { return String(this); }
}`;

async function argText(session: CDPSession, arg: Protocol.Runtime.RemoteObject): Promise<string> {
  if (arg.objectId === undefined) return String(arg.value ?? arg.unserializableValue ?? "");
  try {
    const { result } = await session.send("Runtime.callFunctionOn", {
      objectId: arg.objectId,
      functionDeclaration: STRINGIFY,
      returnByValue: true,
    });
    return String(result.value);
  } catch {
    return arg.description ?? ""; // the target went away meanwhile
  }
}

export async function watchChromium(browser: Browser): Promise<() => Promise<Watched>> {
  const seen: Watched = { targets: [], console: [], requests: [] };
  const pending: Promise<unknown>[] = [];
  const watch = (session: CDPSession, where: string) => {
    session.on("Runtime.consoleAPICalled", (e: Protocol.Runtime.ConsoleAPICalledEvent) => {
      const texts = Promise.all(e.args.map((arg) => argText(session, arg)));
      pending.push(texts.then((t) => seen.console.push(`${where} ${e.type}: ${t.join(" ")}`)));
    });
    session.on("Log.entryAdded", ({ entry }: Protocol.Log.EntryAddedEvent) => {
      seen.console.push(`${where} ${entry.level}: ${entry.text} ${entry.url ?? ""}`);
    });
    session.on("Network.requestWillBeSent", (e: Protocol.Network.RequestWillBeSentEvent) => {
      const { url, postData, hasPostData } = e.request;
      if (postData !== undefined || !hasPostData) {
        seen.requests.push(`${url} ${postData ?? ""}`);
        return;
      }
      const body = session.send("Network.getRequestPostData", { requestId: e.requestId });
      pending.push(
        body.then(
          (b) => seen.requests.push(`${url} ${b.postData}`),
          () => seen.requests.push(`${url} <body not readable>`),
        ),
      );
    });
    session.on("Target.attachedToTarget", (e: Protocol.Target.AttachedToTargetEvent) => {
      const child = session.connection()?.session(e.sessionId);
      seen.targets.push(`${e.targetInfo.type} ${e.targetInfo.url}`);
      if (child) pending.push(enable(child, `[${e.targetInfo.type} ${e.targetInfo.url}]`));
    });
  };
  const enable = async (session: CDPSession, where: string) => {
    watch(session, where);
    // Not every target has every domain (a worker has no Log); what it has is enabled.
    await Promise.allSettled([
      session.send("Runtime.enable"),
      session.send("Log.enable"),
      session.send("Network.enable"),
      session.send("Target.setAutoAttach", AUTO_ATTACH),
    ]);
  };
  const root = await browser.target().createCDPSession();
  watch(root, "[browser]");
  await root.send("Target.setAutoAttach", AUTO_ATTACH);
  return async () => {
    while (pending.length > 0) await Promise.allSettled(pending.splice(0));
    return structuredClone(seen);
  };
}
