import { describe, expect, it } from "vitest";
import { fireEvent, renderPanel, rows, screen, waitFor } from "./panelHarness";

describe("empty and permission states", () => {
  it("asks for host permission from the button, then lists the cookies", async () => {
    const { host } = await renderPanel({ permission: "denied" });
    const button = await screen.findByRole("button", {
      name: "Allow Session Lens to read cookies on http://127.0.0.1:8000",
    });
    expect(screen.queryAllByTestId("cookie-row")).toHaveLength(0);
    fireEvent.click(button);
    expect(host.permissionRequests).toEqual(["http://127.0.0.1:8000"]);
    expect((await rows()).length).toBe(6);
  });

  it("says so when permission is refused", async () => {
    const { host } = await renderPanel({ permission: "denied", grantOnRequest: false });
    fireEvent.click(await screen.findByRole("button", { name: /^Allow Session Lens/ }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/Permission was not granted/);
    expect(host.permissionRequests).toHaveLength(1);
    expect(screen.queryAllByTestId("cookie-row")).toHaveLength(0);
  });

  it("explains that the browser won't let extensions read this page", async () => {
    await renderPanel({ unsupported: true });
    const state = await screen.findByTestId("unsupported-page");
    expect(state.textContent).toContain(
      "The browser does not let extensions read cookies on this page",
    );
    expect(state.textContent).toContain("chrome://settings/");
  });

  it("says the page has no cookies and where they could be", async () => {
    const { host } = await renderPanel({ scenario: "empty" });
    const state = await screen.findByTestId("no-cookies");
    expect(state.textContent).toContain("This page has no cookies");
    expect(state.textContent).toContain("parent domains are already included");
    expect(state.textContent).toContain("localhost and 127.0.0.1 keep separate cookies");
    host.emit({ type: "navigated", url: "http://127.0.0.1:8000/" });
    await waitFor(() => expect(screen.getByTestId("no-cookies")).toBeTruthy());
  });

  it("shows an error with a retry when listing fails", async () => {
    const { host } = await renderPanel();
    await rows();
    let fail = true;
    const original = host.listCookies.bind(host);
    host.listCookies = () => (fail ? Promise.reject(new Error("background asleep")) : original());
    fireEvent.click(screen.getByRole("button", { name: "Reload" }));
    expect((await screen.findByRole("alert")).textContent).toContain("background asleep");
    fail = false;
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect((await rows()).length).toBe(6);
  });
});
