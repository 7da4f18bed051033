import { render } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import type { CookieListing } from "../../src/model/cookie";
import { App } from "../../src/panel/App";
import type { PanelHost } from "../../src/shared/host";
import { createFakeHost } from "../../src/shells/inline/fakeHost";
import { demoCookie } from "../../src/shells/inline/scenario";
import { NOW_MS, rows, screen, waitFor } from "./panelHarness";

const handedOver: CookieListing = {
  kind: "ok",
  url: "http://127.0.0.1:8000/",
  cookies: [demoCookie("from_devtools_page", "x")],
};

/** The fake host with its own listing held back until `release`, and a handed-off listing. */
function hostWithHandoff(handoff: () => Promise<CookieListing | null>) {
  const fake = createFakeHost({ now: NOW_MS });
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const host: PanelHost = {
    ...fake,
    handedOffListing: handoff,
    listCookies: async () => {
      await gate;
      return fake.listCookies();
    },
  };
  return { host, release };
}

const names = () => screen.queryAllByTestId("cookie-row").map((row) => row.dataset.cookieName);

describe("the first rows from the devtools page's listing", () => {
  it("shows the handed-off listing until the panel's own arrives, then only its own", async () => {
    const { host, release } = hostWithHandoff(async () => handedOver);
    render(<App host={host} now={() => NOW_MS} />);
    expect((await rows()).map((row) => row.dataset.cookieName)).toEqual(["from_devtools_page"]);
    release();
    await waitFor(() => expect(names()).toContain("node_session"));
    expect(names()).not.toContain("from_devtools_page");
  });

  it("shows a listing in hand at mount in the very first frame, then the panel's own", async () => {
    const { host, release } = hostWithHandoff(async () => null);
    render(<App host={host} now={() => NOW_MS} initialListing={handedOver} />);
    // No waiting: the rows are there from the first render.
    expect(names()).toEqual(["from_devtools_page"]);
    release();
    await waitFor(() => expect(names()).toContain("node_session"));
    expect(names()).not.toContain("from_devtools_page");
  });

  it("ignores a handed-off listing that comes after the panel's own", async () => {
    let handOver = (_listing: CookieListing | null) => {};
    const late = new Promise<CookieListing | null>((resolve) => {
      handOver = resolve;
    });
    const { host, release } = hostWithHandoff(() => late);
    render(<App host={host} now={() => NOW_MS} />);
    release();
    await waitFor(() => expect(names()).toContain("node_session"));
    handOver(handedOver);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(names()).not.toContain("from_devtools_page");
  });
});
