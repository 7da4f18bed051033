import { describe, expect, it } from "vitest";
import { DEMO_SECRETS } from "../../src/shells/inline/scenario";
import {
  fireEvent,
  openSides,
  renderPanel,
  screen,
  selectCookie,
  sideForm,
  verdictText,
  waitFor,
  within,
} from "./panelHarness";

const ORIGIN = "http://127.0.0.1:8000";

describe("sides editor", () => {
  it("changes the verdict when a secret is edited, and saves the sides", async () => {
    const { host } = await renderPanel();
    await selectCookie("session", "/");
    expect(verdictText()).toMatch(
      /^FastAPI app cannot read this cookie: it was signed by Flask app/,
    );

    await openSides();
    const flask = sideForm("Flask app");
    fireEvent.change(within(flask).getByLabelText("Secret"), {
      target: { value: "rotated-secret" },
    });
    await waitFor(() =>
      expect(host.savedSides.get(ORIGIN)?.[0]?.secret?.value).toBe("rotated-secret"),
    );

    fireEvent.click(screen.getByRole("tab", { name: "Cookies" }));
    await selectCookie("session", "/");
    expect(verdictText()).toMatch(
      /^Flask app and FastAPI app cannot read this cookie: no declared secret verifies its signature\./,
    );
  });

  it("makes both apps agree when FastAPI is switched to Flask's signer and secret", async () => {
    await renderPanel();
    await openSides();
    const fastapi = sideForm("FastAPI app");
    fireEvent.change(within(fastapi).getByLabelText("Format"), { target: { value: "flask" } });
    fireEvent.change(within(sideForm("FastAPI app")).getByLabelText("Secret"), {
      target: { value: DEMO_SECRETS.flask },
    });
    fireEvent.click(screen.getByRole("tab", { name: "Cookies" }));
    await selectCookie("session", "/");
    expect(verdictText()).toBe(
      "All 2 sides accept this cookie: Flask app and FastAPI app read the same session. " +
        "Node app keeps its own cookie (node_session), so the logins are separate: two sessions, " +
        "and signing in to one app does not sign the user in to the other.",
    );
  });

  it("masks each secret until its own Show toggle is pressed", async () => {
    await renderPanel();
    await openSides();
    const flask = sideForm("Flask app");
    const secret = within(flask).getByLabelText("Secret") as HTMLInputElement;
    expect(secret.type).toBe("password");
    fireEvent.click(within(flask).getByRole("button", { name: "Show Secret" }));
    expect(secret.type).toBe("text");
    expect(secret.value).toBe(DEMO_SECRETS.flask);
    const other = within(sideForm("FastAPI app")).getByLabelText("Secret") as HTMLInputElement;
    expect(other.type).toBe("password");
    fireEvent.click(within(flask).getByRole("button", { name: "Hide Secret" }));
    expect(secret.type).toBe("password");
    expect(document.body.textContent).not.toContain(DEMO_SECRETS.flask);
  });

  it("keeps each fallback's Show state with its secret when one above it is removed", async () => {
    await renderPanel();
    await openSides();
    const form = () => sideForm("Flask app");
    const fallbacks = () =>
      within(form()).getAllByLabelText(/^Fallback \d+$/) as HTMLInputElement[];
    for (const secret of ["old-one", "old-two", "old-three"]) {
      fireEvent.click(within(form()).getByRole("button", { name: "Add fallback secret" }));
      fireEvent.change(fallbacks().at(-1)!, { target: { value: secret } });
    }
    fireEvent.click(within(form()).getByRole("button", { name: "Show Fallback 2" }));
    fireEvent.click(within(form()).getByRole("button", { name: "Remove Fallback 1" }));
    const [first, second] = fallbacks();
    expect([first?.value, first?.type]).toEqual(["old-two", "text"]);
    expect([second?.value, second?.type]).toEqual(["old-three", "password"]);
  });

  it("exports without secrets unless 'include secrets' is ticked", async () => {
    await renderPanel();
    await openSides();
    fireEvent.click(screen.getByRole("button", { name: "Export sides" }));
    const plain = (screen.getByTestId("export-json") as HTMLTextAreaElement).value;
    expect(JSON.parse(plain).sides.map((s: { label: string }) => s.label)).toEqual([
      "Flask app",
      "FastAPI app",
      "Node app",
    ]);
    for (const secret of Object.values(DEMO_SECRETS)) expect(plain).not.toContain(secret);

    fireEvent.click(screen.getByLabelText("include secrets"));
    fireEvent.click(screen.getByRole("button", { name: "Export sides" }));
    const full = (screen.getByTestId("export-json") as HTMLTextAreaElement).value;
    for (const secret of Object.values(DEMO_SECRETS)) expect(full).toContain(secret);
  });

  it("reports an invalid import and keeps the current sides", async () => {
    const { host } = await renderPanel();
    await openSides();
    fireEvent.input(screen.getByLabelText("Sides JSON to import"), {
      target: { value: '{"sides": [' },
    });
    fireEvent.click(screen.getByRole("button", { name: "Import sides" }));
    expect(screen.getByTestId("import-errors").textContent).toMatch(/Not valid JSON/);
    expect(screen.getAllByTestId("side-form")).toHaveLength(3);
    expect(host.savedSides.get(ORIGIN)).toHaveLength(3);

    fireEvent.input(screen.getByLabelText("Sides JSON to import"), {
      target: {
        value: JSON.stringify({ sides: [{ label: "X", format: "nope", cookieName: "s" }] }),
      },
    });
    fireEvent.click(screen.getByRole("button", { name: "Import sides" }));
    expect(screen.getByTestId("import-errors").textContent).toContain(
      'sides[0].format: "nope" is not one of',
    );
    expect(screen.getAllByTestId("side-form")).toHaveLength(3);
  });

  it("imports a valid file, replacing the sides", async () => {
    const { host } = await renderPanel();
    await openSides();
    const file = {
      sides: [{ label: "Django app", format: "django", cookieName: "sessionid", secret: "dj" }],
    };
    fireEvent.input(screen.getByLabelText("Sides JSON to import"), {
      target: { value: JSON.stringify(file) },
    });
    fireEvent.click(screen.getByRole("button", { name: "Import sides" }));
    expect(screen.getAllByTestId("side-form")).toHaveLength(1);
    await waitFor(() => expect(host.savedSides.get(ORIGIN)?.[0]?.label).toBe("Django app"));
    expect(screen.getByRole("tab", { name: "Sides (1)" })).toBeTruthy();
  });

  it("adds and removes sides", async () => {
    const { host } = await renderPanel({ sides: [] });
    await screen.findAllByTestId("cookie-row");
    fireEvent.click(screen.getByRole("tab", { name: /Sides/ }));
    fireEvent.click(await screen.findByRole("button", { name: "Add side" }));
    expect(within(sideForm("App 1")).getByLabelText("Cookie name")).toHaveProperty(
      "value",
      "session",
    );
    fireEvent.click(screen.getByRole("button", { name: "Remove App 1" }));
    expect(screen.queryAllByTestId("side-form")).toHaveLength(0);
    await waitFor(() => expect(host.savedSides.get(ORIGIN)).toEqual([]));
  });
});
