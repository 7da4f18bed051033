import { afterEach, describe, expect, it, vi } from "vitest";
import { fireEvent, renderPanel, screen, selectCookie, waitFor } from "./panelHarness";

function mockClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
}

afterEach(() => {
  Reflect.deleteProperty(navigator, "clipboard");
});

describe("copy buttons", () => {
  it("copies the value, the decoded typed JSON and a curl command", async () => {
    const written: string[] = [];
    mockClipboard(async (t) => {
      written.push(t);
    });
    const { host } = await renderPanel();
    await selectCookie("session", "/");
    const value = host.cookies().find((c) => c.name === "session" && c.path === "/")?.value ?? "";

    fireEvent.click(screen.getByTestId("copy-value"));
    await screen.findByText("Copied");
    fireEvent.click(screen.getByTestId("copy-json"));
    fireEvent.click(screen.getByTestId("copy-curl"));
    await waitFor(() => expect(written).toHaveLength(3));

    expect(written[0]).toBe(value);
    const typed = JSON.parse(written[1] ?? "");
    expect(typed.cart).toEqual({ $type: "tuple", items: [3, 7] });
    expect(Object.keys(typed)[0]).toBe("_flashes");
    expect(written[2]).toBe(
      `curl -b 'session=${value}' 'http://127.0.0.1:8000/flask-application/dashboard'`,
    );
  });

  it("includes the .sig cookie in the curl command for cookie-session", async () => {
    const written: string[] = [];
    mockClipboard(async (t) => {
      written.push(t);
    });
    const { host } = await renderPanel();
    await selectCookie("node_session");
    fireEvent.click(screen.getByTestId("copy-curl"));
    await waitFor(() => expect(written).toHaveLength(1));
    const jar = host.cookies();
    const value = jar.find((c) => c.name === "node_session")?.value;
    const sig = jar.find((c) => c.name === "node_session.sig")?.value;
    expect(written[0]).toBe(
      `curl -b 'node_session=${value}; node_session.sig=${sig}' 'http://127.0.0.1:8000/flask-application/dashboard'`,
    );
  });

  it("falls back to a hidden textarea and execCommand when the clipboard is refused", async () => {
    mockClipboard(() => Promise.reject(new DOMException("denied", "NotAllowedError")));
    let copied: string | undefined;
    const execCommand = vi.fn((command: string) => {
      copied = command === "copy" ? document.querySelector("textarea")?.value : undefined;
      return true;
    });
    Object.defineProperty(document, "execCommand", { value: execCommand, configurable: true });
    const { host } = await renderPanel();
    await selectCookie("theme");
    fireEvent.click(screen.getByTestId("copy-value"));
    await screen.findByText("Copied");
    expect(execCommand).toHaveBeenCalledWith("copy");
    expect(copied).toBe(host.cookies().find((c) => c.name === "theme")?.value);
    expect(document.querySelector("textarea")).toBeNull();
    Reflect.deleteProperty(document, "execCommand");
  });
});
