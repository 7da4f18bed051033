/**
 * The list renders fast because rows do no crypto: they only size and shape-detect their cookie
 * (memoized), and only the selected cookie is decoded, once per matching side. Counting codec
 * calls checks that deterministically; wall-clock timing in jsdom on a shared machine would not.
 */
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { useState } from "preact/hooks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as codec from "../../src/codec";
import { dict } from "../../src/codec/value";
import type { BrowserCookie, CookieListing } from "../../src/model/cookie";
import { CookiesView } from "../../src/panel/components/CookiesView/CookiesView";
import { demoCookie, fastapiSide, flaskSide, nodeSide } from "../../src/shells/inline/scenario";

vi.mock("../../src/codec", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/codec")>();
  return {
    ...actual,
    decodeCookie: vi.fn(actual.decodeCookie),
    detectFormats: vi.fn(actual.detectFormats),
  };
});

const NOW = 1_767_237_945;
const NO_COLUMNS = new Set<never>();
const sides = [flaskSide(), fastapiSide(), nodeSide()];

/** 50 cookies (values distinct per batch, so the detection cache starts cold): Flask and Starlette `session`-like cookies and cookie-session pairs (value + .sig). */
function fiftyCookies(batch: string): BrowserCookie[] {
  const cookies: BrowserCookie[] = [];
  for (let i = 0; cookies.length < 50; i++) {
    const data = dict([["user", `${batch}-${i}`]]);
    const opts = { secret: "s", timestamp: NOW - i, name: `c${i}` };
    if (i % 3 === 0)
      cookies.push(demoCookie(`c${i}`, codec.signSession("flask", data, opts).value));
    else if (i % 3 === 1)
      cookies.push(demoCookie(`c${i}`, codec.signSession("starlette", data, opts).value));
    else {
      const { value, sig } = codec.signSession("cookie-session", data, opts);
      cookies.push(demoCookie(`c${i}`, value), demoCookie(`c${i}.sig`, sig ?? ""));
    }
  }
  return cookies.map((c, i) => (i === 0 ? { ...c, name: "session" } : c));
}

function Selecting({ listing }: { listing: CookieListing }) {
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  return (
    <CookiesView
      listing={listing}
      sides={sides}
      now={NOW}
      requestPermission={async () => true}
      reload={() => {}}
      onOpenSides={() => {}}
      selectedKey={selectedKey}
      onSelect={setSelectedKey}
      columns={NO_COLUMNS}
      onColumns={() => {}}
    />
  );
}

const view = (listing: CookieListing) => <Selecting listing={listing} />;

beforeEach(() => {
  vi.mocked(codec.decodeCookie).mockClear();
  vi.mocked(codec.detectFormats).mockClear();
});
afterEach(() => cleanup());

describe("render work", () => {
  it("renders 50 rows without decoding any, detecting each cookie once across re-lists", () => {
    const cookies = fiftyCookies("list");
    const sigCount = cookies.filter((c) => c.name.endsWith(".sig")).length;
    const { rerender } = render(view({ kind: "ok", url: "http://127.0.0.1:8000/", cookies }));
    expect(screen.getAllByTestId("cookie-row")).toHaveLength(50);
    expect(codec.decodeCookie).not.toHaveBeenCalled();
    expect(codec.detectFormats).toHaveBeenCalledTimes(50 - sigCount);

    // A re-list after a cookie change brings new objects with the same values: nothing is redone.
    rerender(
      view({ kind: "ok", url: "http://127.0.0.1:8000/", cookies: structuredClone(cookies) }),
    );
    expect(codec.detectFormats).toHaveBeenCalledTimes(50 - sigCount);
    expect(codec.decodeCookie).not.toHaveBeenCalled();
  });

  it("decodes only the selected cookie, once per matching side, and not again on re-render", () => {
    const cookies = fiftyCookies("select");
    const { rerender } = render(view({ kind: "ok", url: "http://127.0.0.1:8000/", cookies }));
    fireEvent.click(screen.getAllByTestId("cookie-row")[0] as HTMLElement);
    expect(screen.getByTestId("decoded")).toBeTruthy();
    // `session` matches the Flask and FastAPI sides; the Node side uses another cookie name.
    expect(codec.decodeCookie).toHaveBeenCalledTimes(2);
    rerender(
      view({ kind: "ok", url: "http://127.0.0.1:8000/", cookies: structuredClone(cookies) }),
    );
    expect(codec.decodeCookie).toHaveBeenCalledTimes(2);
  });
});
