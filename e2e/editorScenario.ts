/**
 * The edit-and-write-back story, played by both browsers inside panelScenario's describe (the
 * broken demo is running and Flask has written `session`): edit the Flask session in the panel
 * (become admin, add a tuple), write it and see the real Flask app read it with the cookie's
 * attributes kept; restore the original from the history byte-identically; convert it for
 * the FastAPI side and see the real Starlette middleware read it. UI only, by data-testid.
 */
import type { Page } from "puppeteer-core";
import { expect, it } from "vitest";
import { pollUntil } from "./browsers.mjs";
import {
  type EditorAction,
  type EditorState,
  editorAction,
  editorState,
  fetchJson,
  type JarCookie,
  jarCookies,
} from "./editorExpectations";
import type { PanelDriver } from "./panelScenario";

export interface EditorContext {
  driver: PanelDriver;
  page: () => Page;
  selectSessionRow: (domain?: string) => Promise<unknown>;
  screenshot: (name: string) => Promise<void>;
}

export function editorTests({ driver, page, selectSessionRow, screenshot }: EditorContext): void {
  let original: JarCookie;
  const act = (action: EditorAction) =>
    pollUntil(() => driver.inPanel(editorAction, action), {
      what: `the panel to ${action.kind} ${"testid" in action ? action.testid : "the typed JSON"}`,
    });
  const waitEditor = (what: string, ok: (s: EditorState) => boolean) =>
    pollUntil(
      async () => {
        const state = await driver.inPanel(editorState);
        return ok(state) ? state : null;
      },
      { what: `the editor to show ${what}` },
    );
  const sessionCookie = async () => {
    const cookies = await driver.inExtension(jarCookies, "session");
    expect(cookies).toHaveLength(1);
    return cookies[0]!;
  };
  const writeAndWait = async () => {
    const before = (await driver.inPanel(editorState)).result?.count ?? 0;
    await act({ kind: "click", testid: "write-cookie" });
    const state = await waitEditor("the write's outcome", (s) => (s.result?.count ?? 0) > before);
    expect(state.result, state.result?.text).toMatchObject({ ok: "true" });
  };

  it("edits the Flask session in the panel, writes it back, and the real Flask app reads it", async () => {
    original = await sessionCookie();
    await selectSessionRow();
    await act({ kind: "click", testid: "edit-session" });
    const opened = await waitEditor("the Flask side", (s) => s.open && s.signFor !== null);
    expect(opened.signFor).toMatch(/^Flask app/);
    expect(opened.resignIdentical).toBe("true");
    await act({
      kind: "replace-raw",
      find: '"user": "alice"',
      replace: '"user": "admin", "perms": {"$type": "tuple", "items": ["admin", "root"]}',
    });
    await waitEditor("no input error", (s) => s.errors.length === 0);
    await screenshot(`editor-${driver.browserName}.png`);
    await writeAndWait();
    const seen = await page().evaluate(fetchJson, "/flask-application/get-session");
    expect(seen).toMatchObject({
      user: "admin",
      perms: ["admin", "root"],
      roles: ["reader", "editor"],
    });
    const written = await sessionCookie();
    expect(written.value).not.toBe(original.value);
    expect({ ...written, value: "" }).toEqual({ ...original, value: "" });
  });

  it("restores the original from the history, byte-identically, and Flask sees it again", async () => {
    await waitEditor("a history row", (s) => s.historyRows >= 1);
    const before = (await driver.inPanel(editorState)).result?.count ?? 0;
    await act({ kind: "click", testid: "history-restore" });
    const state = await waitEditor("the restore's outcome", (s) => (s.result?.count ?? 0) > before);
    expect(state.result?.ok, state.result?.text).toBe("true");
    expect(await sessionCookie()).toEqual(original);
    const seen = await page().evaluate(fetchJson, "/flask-application/get-session");
    expect(seen).toMatchObject({ user: "alice" });
    expect(seen).not.toHaveProperty("perms");
    await waitEditor("the restore in the history too", (s) => s.historyRows >= 2);
  });

  it("converts the Flask session for the FastAPI side, and the real Starlette app reads it", async () => {
    await act({ kind: "select", testid: "sign-for", optionPrefix: "FastAPI app" });
    const state = await waitEditor("conversion warnings", (s) => s.warnings.length > 0);
    expect(state.warnings).toContain("roles: tuple written as a list");
    expect(state.warnings).toContain("login_time: datetime written as ISO 8601 text");
    await act({ kind: "click", testid: "convert-confirm" });
    await writeAndWait();
    const seen = await page().evaluate(fetchJson, "/fastapi-application/get-session");
    expect(seen).toMatchObject({ user: "alice", roles: ["reader", "editor"] });
  });
}
