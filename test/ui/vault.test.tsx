/**
 * The secret vault in the panel over the inline fake host (which runs the real vault code on
 * in-memory storage areas): setting a passphrase locks the secrets away (the store holds none
 * in plain text, the sides show none), signing asks to unlock, and unlocking brings them back.
 */
import { describe, expect, it } from "vitest";
import { DEMO_SECRETS } from "../../src/shells/inline/scenario";
import { fireEvent, openSides, renderPanel, screen, selectCookie, waitFor } from "./panelHarness";

const PASSPHRASE = "correct horse battery";

describe("secret vault", () => {
  it("locks the secrets with a passphrase, asks to unlock for signing, and unlocks", async () => {
    const { host } = await renderPanel();
    await openSides();
    const vault = await screen.findByTestId("vault");
    expect(vault.dataset.locked).toBe("false");
    fireEvent.input(screen.getByTestId("vault-passphrase"), { target: { value: PASSPHRASE } });
    fireEvent.click(screen.getByTestId("vault-lock"));
    await waitFor(() => expect(screen.getByTestId("vault").dataset.locked).toBe("true"), {
      timeout: 15_000,
    });
    const stored = JSON.stringify(host.storedLocal());
    for (const secret of Object.values(DEMO_SECRETS)) expect(stored).not.toContain(secret);
    expect(stored).not.toContain(PASSPHRASE);
    expect(document.body.textContent).not.toContain(DEMO_SECRETS.flask);

    fireEvent.click(screen.getByRole("tab", { name: /Cookies/ }));
    await selectCookie("session");
    fireEvent.click(await screen.findByTestId("edit-session"));
    expect(await screen.findByText(/vault is locked: unlock it to sign/)).toBeTruthy();
    expect((screen.getByTestId("write-cookie") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(screen.getByTestId("vault-passphrase"), { target: { value: "not it at all" } });
    fireEvent.click(screen.getByTestId("vault-unlock"));
    expect(
      await screen.findByText(/does not open the vault/, {}, { timeout: 15_000 }),
    ).toBeTruthy();
    fireEvent.input(screen.getByTestId("vault-passphrase"), { target: { value: PASSPHRASE } });
    fireEvent.click(screen.getByTestId("vault-unlock"));
    const signFor = (await screen.findByTestId(
      "sign-for",
      {},
      { timeout: 15_000 },
    )) as HTMLSelectElement;
    expect(signFor.selectedOptions[0]?.textContent).toMatch(/^Flask app/);
    await waitFor(() =>
      expect((screen.getByTestId("write-cookie") as HTMLButtonElement).disabled).toBe(false),
    );
  }, 60_000);
});
