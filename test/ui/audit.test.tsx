/**
 * The panel's secret audit over the inline shell (its workers run in-process here): the demo's
 * public secret found in the built-in list, a strong one not found, found from the user's own
 * wordlist (chosen or dropped), cancel.
 */
import { describe, expect, it, vi } from "vitest";
import { AuditPool } from "../../src/audit/coordinator";
import { signSession } from "../../src/codec";
import { dict } from "../../src/codec/value";
import { browserCookie } from "../../src/model/cookie";
import { flaskSide } from "../../src/shells/inline/scenario";
import { fireEvent, NOW_MS, renderPanel, screen, selectCookie, waitFor } from "./panelHarness";

/** Not in any list: the Flask app's cookie is re-signed with it before the audit runs. */
const STRONG = "b3f1c0e9-not-a-known-secret-7d2a";

async function renderWithStrongSecret() {
  const { host } = await renderPanel({
    sides: [flaskSide({ secret: { value: STRONG, encoding: "utf8" } })],
  });
  const { value } = signSession("flask", dict([["user_id", 42]]), {
    secret: STRONG,
    timestamp: NOW_MS / 1000 - 60,
  });
  host.setCookie(browserCookie({ value }));
}

/** A Flask cookie with a strong secret, shown on a site with no side declared. */
async function showUndeclaredStrongCookie() {
  const { host } = await renderPanel({ sides: [] });
  const { value } = signSession("flask", dict([["user_id", 42]]), {
    secret: STRONG,
    timestamp: NOW_MS / 1000 - 60,
  });
  host.setCookie(browserCookie({ value }));
  await selectCookie("session", "/");
}

describe("secret audit", () => {
  it("finds the demo's published secret in the built-in list", async () => {
    await renderPanel();
    await selectCookie("session", "/");
    fireEvent.click(screen.getByTestId("audit-start"));
    const result = await waitFor(() => screen.getByTestId("audit-result"), { timeout: 90_000 });
    expect(result.dataset.found).toBe("true");
    expect(result.textContent).toContain('the secret is "sessionlens-demo-secret"');
    expect(result.textContent).toContain("one of the publicly known secrets");
  }, 120_000);

  it("checks the built-in list and says a strong secret is not in it", async () => {
    await renderWithStrongSecret();
    await selectCookie("session", "/");
    fireEvent.click(screen.getByTestId("audit-start"));
    const result = await waitFor(() => screen.getByTestId("audit-result"), { timeout: 90_000 });
    expect(result.dataset.found).toBe("false");
    expect(Number(result.dataset.tried)).toBeGreaterThan(52_000);
    expect(Number(result.dataset.seconds)).toBeGreaterThan(0);
    expect(result.textContent).toMatch(/^Not in 52,8\d\d known secrets/);
  }, 120_000);

  it("finds the secret in the user's own list and says what to do", async () => {
    await renderWithStrongSecret();
    await selectCookie("session", "/");
    const list = new File([`one\r\n${STRONG}\r\n`], "mine.txt");
    fireEvent.change(screen.getByTestId("audit-wordlist"), { target: { files: [list] } });
    fireEvent.click(screen.getByTestId("audit-start"));
    const result = await waitFor(() => screen.getByTestId("audit-result"), { timeout: 90_000 });
    expect(result.dataset.found).toBe("true");
    expect(result.textContent).toContain(`the secret is "${STRONG}"`);
    expect(result.textContent).toContain("SECRET_KEY_FALLBACKS");
  }, 120_000);

  it("takes a wordlist dropped on the audit, shows it, and can let it go", async () => {
    await renderWithStrongSecret();
    await selectCookie("session", "/");
    const section = screen.getByRole("region", { name: /Secret audit/ });
    const list = new File([`one\n${STRONG}\n`], "dropped.txt");
    const dataTransfer = { files: [list], types: ["Files"] };
    fireEvent.dragOver(section, { dataTransfer });
    fireEvent.drop(section, { dataTransfer });
    expect(screen.getByTestId("audit-wordlist-name").textContent).toContain("dropped.txt (");
    fireEvent.click(screen.getByRole("button", { name: "Remove" }));
    expect(screen.queryByTestId("audit-wordlist-name")).toBeNull();
    fireEvent.drop(section, { dataTransfer });
    fireEvent.click(screen.getByTestId("audit-start"));
    const result = await waitFor(() => screen.getByTestId("audit-result"), { timeout: 90_000 });
    expect(result.dataset.found).toBe("true");
    expect(result.textContent).toContain("from your list");
  }, 120_000);

  it("audits with the side's own salt, digest and key derivation, not the format's defaults", async () => {
    // A Flask app that set its own salt (and SHA-256), whose secret is a known one.
    const options = { salt: "my-app-salt", digest: "sha256" as const };
    const { host } = await renderPanel({
      sides: [flaskSide({ secret: { value: "not-the-secret", encoding: "utf8" }, options })],
    });
    const { value } = signSession("flask", dict([["user_id", 42]]), {
      secret: "changeme",
      timestamp: NOW_MS / 1000 - 60,
      ...options,
    });
    host.setCookie(browserCookie({ value }));
    await selectCookie("session", "/");
    expect(screen.getByTestId("side-row").dataset.outcome).toBe("bad-signature");
    fireEvent.click(screen.getByTestId("audit-start"));
    const result = await waitFor(() => screen.getByTestId("audit-result"), { timeout: 90_000 });
    expect(result.dataset.found).toBe("true");
    expect(result.textContent).toContain('the secret is "changeme"');
  }, 120_000);

  it("saves a found secret to the side in one click, and the side then reads the cookie", async () => {
    const { host } = await renderPanel({
      sides: [flaskSide({ secret: { value: "not-the-secret", encoding: "utf8" } })],
    });
    const { value } = signSession("flask", dict([["user_id", 42]]), {
      secret: STRONG,
      timestamp: NOW_MS / 1000 - 60,
    });
    host.setCookie(browserCookie({ value }));
    await selectCookie("session", "/");
    expect(screen.getByTestId("side-row").dataset.outcome).toBe("bad-signature");
    const list = new File([`${STRONG}\n`], "mine.txt");
    fireEvent.change(screen.getByTestId("audit-wordlist"), { target: { files: [list] } });
    fireEvent.click(screen.getByTestId("audit-start"));
    const result = await waitFor(() => screen.getByTestId("audit-result"), { timeout: 90_000 });
    expect(result.textContent).toContain("from your list");
    fireEvent.click(screen.getByTestId("audit-save"));
    expect(screen.getByTestId("audit-saved").textContent).toBe("Saved to Flask app.");
    await waitFor(() => expect(screen.getByTestId("side-row").dataset.outcome).toBe("accepts"));
    const saved = [...host.savedSides.values()].flat();
    expect(saved.find((s) => s.id === "flask-app")?.secret).toEqual({
      value: STRONG,
      encoding: "utf8",
    });
  }, 120_000);

  it("with no side, tries every format the shape fits: finds a bare itsdangerous cookie's secret", async () => {
    const { host } = await renderPanel({ sides: [] });
    const { value } = signSession("itsdangerous", dict([["user_id", 42]]), {
      secret: "changeme",
      timestamp: NOW_MS / 1000 - 60,
    });
    host.setCookie(browserCookie({ value }));
    await selectCookie("session", "/");
    fireEvent.click(screen.getByTestId("audit-start"));
    const result = await waitFor(() => screen.getByTestId("audit-result"), { timeout: 90_000 });
    expect(result.dataset.found).toBe("true");
    expect(result.textContent).toContain('the secret is "changeme"');
    expect(result.textContent).toContain("forge this itsdangerous session");
    fireEvent.click(screen.getByTestId("audit-save"));
    const saved = [...host.savedSides.values()].flat();
    expect(saved.map((s) => [s.format, s.secret?.value])).toEqual([["itsdangerous", "changeme"]]);
  }, 120_000);

  it("names every format it tried when the secret is in none", async () => {
    await showUndeclaredStrongCookie();
    fireEvent.click(screen.getByTestId("audit-start"));
    const result = await waitFor(() => screen.getByTestId("audit-result"), { timeout: 90_000 });
    expect(result.dataset.found).toBe("false");
    expect(result.textContent).toMatch(
      /^Not in 52,8\d\d known secrets as Flask, itsdangerous, Starlette \/ FastAPI \(checked 158,/,
    );
  }, 120_000);

  it("prepares a kernel for every format the shown cookie fits, not only the first", async () => {
    const prepare = vi.spyOn(AuditPool.prototype, "prepare");
    try {
      await showUndeclaredStrongCookie();
      await waitFor(() => expect(prepare).toHaveBeenCalledTimes(3), { timeout: 5000 });
      expect(prepare.mock.calls.map(([job]) => job.format)).toEqual([
        "flask",
        "itsdangerous",
        "starlette",
      ]);
    } finally {
      prepare.mockRestore();
    }
  });

  it("shows progress while it runs and stops on cancel", async () => {
    await renderPanel();
    await selectCookie("session", "/");
    fireEvent.click(screen.getByTestId("audit-start"));
    const progress = screen.getByTestId("audit-progress");
    expect(progress.dataset.tried).toBeDefined();
    fireEvent.click(screen.getByTestId("audit-cancel"));
    const result = await waitFor(() => screen.getByTestId("audit-result"), { timeout: 90_000 });
    expect(result.dataset.found).toBe("false");
    expect(result.textContent).toMatch(/^Stopped after/);
    expect(Number(result.dataset.tried)).toBeLessThan(52_000);
  }, 120_000);
});
