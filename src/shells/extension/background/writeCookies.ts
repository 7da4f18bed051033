/**
 * Answers `write-cookies`: every cookie is checked against the browser's rules first (nothing
 * is written when one would be refused), then set with all of its attributes, read back and
 * compared. If the browser refuses or alters one, every cookie already written is put back as
 * it was, so a refused write — of one cookie or of a cookie-session pair — leaves the jar as it
 * found it. Panel writes are noted for the change log (panelWrites.ts) and what they replaced
 * goes to the site's undo history.
 */
import browser, { type Cookies } from "webextension-polyfill";
import { type BrowserCookie, cookieKey } from "../../../model/cookie";
import {
  type CookieWrite,
  readBackMismatch,
  refusalReason,
  setDetails,
  type WriteOutcome,
  writtenMessage,
} from "../../../model/cookieWrite";
import { recordHistory } from "./historyStore";
import { normaliseCookie } from "./normaliseCookie";
import { notePanelWrite } from "./panelWrites";

export async function writeCookies(pageUrl: string, writes: CookieWrite[]): Promise<WriteOutcome> {
  if (writes.length === 0) return { ok: false, reason: "There was nothing to write." };
  for (const { next } of writes) {
    const reason = refusalReason(next, pageUrl);
    if (reason) return { ok: false, reason };
  }
  const written: BrowserCookie[] = [];
  for (const [index, write] of writes.entries()) {
    const problem = await setAndConfirm(write.next, pageUrl);
    if (typeof problem === "string") {
      await rollBack(writes.slice(0, index + 1), pageUrl);
      const kept =
        writes.length > 1 ? " Neither cookie was changed." : " The cookie was left as it was.";
      return { ok: false, reason: problem + kept };
    }
    written.push(problem);
  }
  await recordHistory(new URL(pageUrl).origin, writes, Date.now());
  return { ok: true, written, message: writtenMessage(written) };
}

/** Sets one cookie and reads it back: the stored cookie, or why it is not what was written. */
async function setAndConfirm(
  next: BrowserCookie,
  pageUrl: string,
): Promise<BrowserCookie | string> {
  await notePanelWrite(cookieKey(next), next.value);
  try {
    const set = await browser.cookies.set(setDetails(next, pageUrl) as Cookies.SetDetailsType);
    if (!set) return `The browser refused ${next.name} without saying why.`;
  } catch (error) {
    return `The browser refused ${next.name}: ${(error as Error).message ?? String(error)}`;
  }
  const got = await readBack(next);
  return readBackMismatch(next, got) ?? (got as BrowserCookie);
}

async function readBack(next: BrowserCookie): Promise<BrowserCookie | undefined> {
  const query: Cookies.GetAllDetailsType = {
    name: next.name,
    domain: next.domain.replace(/^\./, ""),
    storeId: next.storeId,
  };
  if (next.partitionKey) query.partitionKey = { topLevelSite: next.partitionKey.topLevelSite };
  if (next.firstPartyDomain) query.firstPartyDomain = next.firstPartyDomain;
  const all = (await browser.cookies.getAll(query)).map(normaliseCookie);
  return all.find((c) => cookieKey(c) === cookieKey(next));
}

/** Puts back what the given writes replaced (or removes what they created). */
async function rollBack(writes: readonly CookieWrite[], pageUrl: string): Promise<void> {
  for (const { current, next } of writes) {
    try {
      if (current) {
        await notePanelWrite(cookieKey(current), current.value);
        await browser.cookies.set(setDetails(current, pageUrl) as Cookies.SetDetailsType);
      } else {
        const { url, name, storeId, partitionKey, firstPartyDomain } = setDetails(next, pageUrl);
        await browser.cookies.remove({
          url,
          name,
          storeId,
          ...(partitionKey ? { partitionKey } : {}),
          ...(firstPartyDomain ? { firstPartyDomain } : {}),
        });
      }
    } catch {
      // Nothing more can be done here; the write's answer already says it failed.
    }
  }
}
