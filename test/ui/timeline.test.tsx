/**
 * The Timeline tab in the inline shell: the fake host plays responses as the browser reports
 * them (cookies.onChanged, then the devtools sighting), and the panel shows one row per write
 * with its writer, diff and readers, the findings with evidence and fix, the panel's own
 * writes marked, a windowed list at 10,000 rows, and a HAR import (good and bad).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { signSession } from "../../src/codec";
import { dict } from "../../src/codec/value";
import { DEMO_ORIGIN, DEMO_SECRETS } from "../../src/shells/inline/scenario";
import { fireEvent, NOW_MS, renderPanel, screen, waitFor } from "./panelHarness";

const flaskValue = (user: string) =>
  signSession(
    "flask",
    dict([
      ["user_id", user],
      ["_fresh", true],
    ]),
    {
      secret: DEMO_SECRETS.flask,
      timestamp: NOW_MS / 1000,
    },
  ).value;
const starletteValue = () =>
  signSession("starlette", dict([["visits", 1]]), {
    secret: DEMO_SECRETS.fastapi,
    timestamp: NOW_MS / 1000,
  }).value;
const request = (path: string, at: number) => ({
  url: `${DEMO_ORIGIN}${path}`,
  method: "GET",
  status: 200,
  startedAt: at,
  durationMs: 12,
});

async function openTimeline() {
  fireEvent.click(await screen.findByRole("tab", { name: /^Timeline/ }));
}
const rows = () => screen.queryAllByTestId("timeline-row");

describe("Timeline tab", () => {
  it("shows each write with writer, diff and readers, and names the overwrite with its fix", async () => {
    const { host } = await renderPanel();
    await openTimeline();
    expect(screen.getByText(/Only requests made while DevTools is open/)).toBeTruthy();
    host.respond(request("/flask-application/login", NOW_MS), [
      `session=${flaskValue("7")}; HttpOnly; Path=/`,
    ]);
    host.respond(request("/fastapi-application/get-session", NOW_MS + 1000), [
      `session=${starletteValue()}; path=/; Max-Age=1209600; httponly; samesite=lax`,
    ]);
    await waitFor(() => expect(rows()).toHaveLength(2));
    const [flask, fastapi] = rows();
    expect(flask?.dataset.writer).toBe("Flask app");
    expect(fastapi?.dataset).toMatchObject({
      writer: "FastAPI app",
      cookieName: "session",
      requestPath: "/fastapi-application/get-session",
    });
    expect(fastapi?.querySelector("[data-testid=session-diff]")?.textContent).toContain("+visits");
    expect(fastapi?.querySelector("[data-testid=session-diff]")?.textContent).toContain("−user_id");
    expect(fastapi?.textContent).toContain("read by FastAPI app");
    const finding = await screen.findByTestId("finding");
    expect(finding.dataset.kind).toBe("cross-side-overwrite");
    expect(finding.dataset.evidence).toBe(`${flask?.dataset.seq} ${fastapi?.dataset.seq}`);
    expect(finding.textContent).toContain("Flask app's keys _fresh and user_id are lost");
    expect(screen.getByTestId("finding-fix").textContent).toContain(
      'app.config["SESSION_COOKIE_NAME"] = "flask_session"',
    );
    expect(screen.getByRole("tab", { name: /^Timeline \(1/ })).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/Written by/), { target: { value: "Flask app" } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.change(screen.getByLabelText(/Written by/), { target: { value: "" } });
    await waitFor(() => expect(rows()).toHaveLength(2));
  });

  it("filters by cookie: a session cookie under another name is a row of its own", async () => {
    const { host } = await renderPanel();
    await openTimeline();
    host.respond(request("/flask-application/login", NOW_MS), [
      `session=${flaskValue("7")}; HttpOnly; Path=/`,
    ]);
    host.respond(request("/flask-application/login", NOW_MS + 1000), [
      `flask_session=${flaskValue("8")}; HttpOnly; Path=/`,
    ]);
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.change(screen.getByLabelText(/Cookie/), { target: { value: "flask_session" } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]?.dataset.cookieName).toBe("flask_session");
  });

  it("marks the panel's own writes", async () => {
    const { host } = await renderPanel();
    await openTimeline();
    const [cookie] = host.cookies();
    await host.writeCookies(`${DEMO_ORIGIN}/`, [
      { current: cookie ?? null, next: { ...cookie!, value: flaskValue("9") } },
    ]);
    await waitFor(() => expect(rows().some((r) => r.dataset.writer === "Session Lens")).toBe(true));
  });

  it("refuses a HAR past 512 MB by its size, before reading it, and says so", async () => {
    await renderPanel();
    await openTimeline();
    const huge = new File(["{}"], "huge.har");
    Object.defineProperty(huge, "size", { value: 600 * 2 ** 20 });
    const input = screen.getByLabelText(/Import HAR/) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [huge] } });
    expect(
      await screen.findByText(/huge\.har is 600 MB, larger than the 512 MB Session Lens reads/),
    ).toBeTruthy();
  });

  it("keeps 10,000 writes in a window of rows", async () => {
    const { host } = await renderPanel();
    await openTimeline();
    const changes = Array.from({ length: 10_000 }, (_, i) => ({
      seq: 100 + i,
      at: NOW_MS + i,
      removed: false,
      cause: "explicit",
      cookie: { ...host.cookies()[0]!, value: flaskValue(String(i % 50)) },
    }));
    host.emit({ type: "cookies-changed", changes });
    await waitFor(() => expect(rows().length).toBeGreaterThan(0), { timeout: 20_000 });
    expect(rows().length).toBeLessThan(60);
    expect(rows()[0]?.dataset.seq).toBe(String(100 + 10_000 - 3000)); // the ring keeps the last 3000
  }, 30_000);

  it("reads a HAR recorded from the demo, and says why a bad file is not one", async () => {
    await renderPanel();
    await openTimeline();
    const input = screen.getByLabelText("Import a HAR file");
    const text = readFileSync("test/fixtures/har/demo-broken.har", "utf8");
    fireEvent.change(input, { target: { files: [new File([text], "demo-broken.har")] } });
    await waitFor(() => expect(screen.getByText(/Showing demo-broken.har: 8 writes/)).toBeTruthy());
    fireEvent.change(input, { target: { files: [new File(["{}"], "bad.har")] } });
    await waitFor(() =>
      expect(screen.getByTestId("import-errors").textContent).toContain(
        'bad.har is not a HAR file: no "log.entries" list',
      ),
    );
  });
});
