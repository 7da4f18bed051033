/**
 * The session editor over the inline fake host (which applies the background's write rules,
 * src/model/cookieWrite.ts): edit in typed JSON or the tree, located errors block the write,
 * sign for a side (with conversion warnings and consent), write with every attribute kept,
 * undo from the history byte-identically, and refused writes that leave the cookie alone.
 */
import { describe, expect, it } from "vitest";
import { decodeCookie } from "../../src/codec";
import { toTypedJson } from "../../src/codec/typed";
import { DEMO_SECRETS } from "../../src/shells/inline/scenario";
import { fireEvent, renderPanel, screen, selectCookie, waitFor } from "./panelHarness";

const NOW_S = 1_767_237_945;

async function openEditor(name = "session") {
  const panel = await renderPanel();
  await selectCookie(name);
  fireEvent.click(await screen.findByTestId("edit-session"));
  await screen.findByTestId("session-editor");
  return panel;
}

const raw = () => screen.getByTestId("session-editor-raw") as HTMLTextAreaElement;
const writeButton = () => screen.getByTestId("write-cookie") as HTMLButtonElement;
const typeRaw = (text: string) => fireEvent.input(raw(), { target: { value: text } });
const flaskRead = (value: string) =>
  decodeCookie("flask", value, { secret: DEMO_SECRETS.flask, now: NOW_S });

describe("session editor", () => {
  it("edits in typed JSON, shows the diff, signs for the verifying side and writes every attribute back", async () => {
    const { host } = await openEditor();
    const before = host.cookies().find((c) => c.name === "session" && c.path === "/")!;
    expect(
      (screen.getByTestId("sign-for") as HTMLSelectElement).selectedOptions[0]?.textContent,
    ).toMatch(/^Flask app/);
    expect(screen.getByTestId("resign-check").dataset.identical).toBe("true");
    typeRaw(raw().value.replace('"user_id": 42', '"user_id": 1, "role": "admin"'));
    expect(screen.queryByTestId("editor-error")).toBeNull();
    expect(screen.getByTestId("edit-diff").textContent).toMatch(/\+ role.*~ user_id/s);
    fireEvent.click(writeButton());
    const result = await screen.findByTestId("write-result");
    expect(result.dataset.ok).toBe("true");
    const after = host.cookies().find((c) => c.name === "session" && c.path === "/")!;
    expect({ ...after, value: "" }).toEqual({ ...before, value: "" });
    const read = flaskRead(after.value);
    expect(read.status).toBe("valid");
    expect(read.timestamp).toBe(flaskRead(before.value).timestamp);
    const data = read.data as Map<string, unknown>;
    expect(data.get("role")).toBe("admin");
    expect(data.get("user_id")).toBe(1);
    // Every Python type the edit did not touch is still there.
    expect(toTypedJson(data.get("cart") as never)).toBe('{"$type":"tuple","items":[3,7]}');
    expect((await host.recentChanges()).at(-1)?.byPanel).toBe(true);
    // The editor now shows the cookie as written: nothing left to change.
    await waitFor(() =>
      expect(screen.getByTestId("edit-diff").textContent).toMatch(/nothing in the session/),
    );
  });

  it("undoes from the history byte-identically, and the restore is undoable too", async () => {
    const { host } = await openEditor();
    const original = host.cookies().find((c) => c.name === "session" && c.path === "/")!.value;
    typeRaw(raw().value.replace('"user_id": 42', '"user_id": 7'));
    fireEvent.click(writeButton());
    await screen.findByTestId("write-result");
    const rows = await screen.findAllByTestId("history-row");
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]!.dataset.at)).toBeGreaterThan(0);
    fireEvent.click(screen.getByTestId("history-restore"));
    await waitFor(() => expect(screen.getAllByTestId("history-row")).toHaveLength(2));
    expect(host.cookies().find((c) => c.name === "session" && c.path === "/")!.value).toBe(
      original,
    );
  });

  it("marks invalid typed JSON where it is and writes nothing until it is fixed", async () => {
    await openEditor();
    const good = raw().value;
    typeRaw(good.replace('"user_id": 42', '"user_id": '));
    expect(screen.getByTestId("editor-error").textContent).toMatch(/^Line \d+, column \d+: /);
    expect(writeButton().disabled).toBe(true);
    typeRaw(good.replace('"user_id": 42', '"user_id": {"$type": "uuid", "value": "xyz"}'));
    expect(screen.getByTestId("editor-error").textContent).toMatch(/^At user_id: uuid/);
    typeRaw(good);
    expect(screen.queryByTestId("editor-error")).toBeNull();
    expect(writeButton().disabled).toBe(false);
  });

  it("edits in the tree: a bad leaf is marked at the leaf; a good one updates the typed JSON", async () => {
    await openEditor();
    const leaf = screen.getByLabelText("Value of user_id") as HTMLInputElement;
    fireEvent.input(leaf, { target: { value: "12x" } });
    expect(screen.getByTestId("editor-error").textContent).toMatch(
      /user_id: an int is whole digits/,
    );
    expect(writeButton().disabled).toBe(true);
    fireEvent.input(leaf, { target: { value: "99" } });
    expect(screen.queryByTestId("editor-error")).toBeNull();
    expect(raw().value).toContain('"user_id": 99');
    fireEvent.change(screen.getByLabelText("Type of cart"), { target: { value: "list" } });
    expect(raw().value).toContain('"cart": [3, 7]');
  });

  it("converts for another side with one warning per value and asks for consent", async () => {
    const { host } = await openEditor();
    fireEvent.change(screen.getByTestId("sign-for"), { target: { value: "fastapi-app" } });
    const warnings = screen.getByTestId("sign-warnings").querySelectorAll("li");
    const texts = Array.from(warnings, (li) => li.textContent);
    expect(texts).toContain("cart: tuple written as a list");
    expect(texts).toContain("last_login: datetime written as ISO 8601 text");
    expect(texts).toHaveLength(6); // _flashes[0], avatar_hash, cart, last_login, motto, request_id
    expect(writeButton().disabled).toBe(true);
    fireEvent.click(screen.getByTestId("convert-confirm"));
    fireEvent.click(writeButton());
    expect((await screen.findByTestId("write-result")).dataset.ok).toBe("true");
    const value = host.cookies().find((c) => c.name === "session" && c.path === "/")!.value;
    const read = decodeCookie("starlette", value, { secret: DEMO_SECRETS.fastapi, now: NOW_S });
    expect(read.status).toBe("valid");
  });

  it("writes cookie-session's value and .sig together", async () => {
    const { host } = await openEditor("node_session");
    typeRaw(raw().value.replace('"userId": 7', '"userId": 1'));
    fireEvent.click(writeButton());
    expect((await screen.findByTestId("write-result")).dataset.ok).toBe("true");
    const jar = host.cookies();
    const value = jar.find((c) => c.name === "node_session")!.value;
    const sig = jar.find((c) => c.name === "node_session.sig")!.value;
    const read = decodeCookie("cookie-session", value, {
      secret: DEMO_SECRETS.nodeNew,
      name: "node_session",
      sig,
    });
    expect(read.status).toBe("valid");
  });

  it("says why an oversize cookie was refused and leaves the cookie as it was", async () => {
    const { host } = await openEditor();
    const before = host.cookies().find((c) => c.name === "session" && c.path === "/")!.value;
    let noise = "";
    for (let seed = 1, i = 0; i < 9000; i++) {
      seed = (seed * 48271) % 2147483647;
      noise += (seed % 36).toString(36);
    }
    typeRaw(raw().value.replace('"user_id": 42', `"user_id": 42, "blob": "${noise}"`));
    fireEvent.click(writeButton());
    const result = await screen.findByTestId("write-result");
    expect(result.dataset.ok).toBe("false");
    expect(result.textContent).toMatch(/over 4096 bytes/);
    expect(host.cookies().find((c) => c.name === "session" && c.path === "/")!.value).toBe(before);
  });

  it("reloads the inspected page", async () => {
    const { host } = await openEditor();
    fireEvent.click(screen.getByTestId("reload-page"));
    expect(host.reloads()).toBe(1);
  });
});
