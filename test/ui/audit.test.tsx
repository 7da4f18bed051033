/**
 * The panel's secret audit over the inline shell (its workers run in-process here): not-found
 * over the built-in list, found from the user's own wordlist, cancel.
 */
import { describe, expect, it } from "vitest";
import { fireEvent, renderPanel, screen, selectCookie, waitFor } from "./panelHarness";

describe("secret audit", () => {
  it("checks the built-in list and says the secret is not in it", async () => {
    await renderPanel();
    await selectCookie("session", "/");
    fireEvent.click(screen.getByTestId("audit-start"));
    const result = await waitFor(() => screen.getByTestId("audit-result"), { timeout: 90_000 });
    expect(result.dataset.found).toBe("false");
    expect(Number(result.dataset.tried)).toBeGreaterThan(52_000);
    expect(Number(result.dataset.seconds)).toBeGreaterThan(0);
    expect(result.textContent).toMatch(/^Not in 52,8\d\d known secrets/);
  }, 120_000);

  it("finds the secret in the user's own list and says what to do", async () => {
    await renderPanel();
    await selectCookie("session", "/");
    const list = new File(["one\r\nflask-demo-secret\r\n"], "mine.txt");
    fireEvent.change(screen.getByTestId("audit-wordlist"), { target: { files: [list] } });
    fireEvent.click(screen.getByTestId("audit-start"));
    const result = await waitFor(() => screen.getByTestId("audit-result"), { timeout: 90_000 });
    expect(result.dataset.found).toBe("true");
    expect(result.textContent).toContain('the secret is "flask-demo-secret"');
    expect(result.textContent).toContain("SECRET_KEY_FALLBACKS");
  }, 120_000);

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
