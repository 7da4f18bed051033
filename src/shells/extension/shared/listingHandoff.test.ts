import { afterEach, describe, expect, it } from "vitest";
import type { CookieListing } from "../../../model/cookie";
import { type ListingOffer, offerListings, takeOfferedListing } from "./listingHandoff";

const listing = (path: string): CookieListing => ({
  kind: "ok",
  url: `http://127.0.0.1:5000${path}`,
  cookies: [],
});

let offers: ListingOffer[] = [];
const offer = (tabId: number) => {
  const made = offerListings(tabId);
  offers.push(made);
  return made;
};

afterEach(() => {
  for (const made of offers) made.close();
  offers = [];
});

describe("listing handoff over BroadcastChannel", () => {
  it("gives the panel the devtools page's newest listing when it asks", async () => {
    const devtools = offer(3);
    devtools.offer(listing("/first"));
    devtools.offer(listing("/second"));
    const taken = await takeOfferedListing(3, new AbortController().signal);
    expect(taken).toEqual(listing("/second"));
    expect(devtools.taken).toBe(true);
  });

  it("answers a panel that asked before the devtools page had a listing", async () => {
    const devtools = offer(4);
    const taking = takeOfferedListing(4, new AbortController().signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(devtools.taken).toBe(false);
    devtools.offer(listing("/late"));
    await expect(taking).resolves.toEqual(listing("/late"));
  });

  it("keeps each inspected tab's listing to that tab's panel", async () => {
    offer(5).offer(listing("/tab5"));
    offer(6).offer(listing("/tab6"));
    await expect(takeOfferedListing(6, new AbortController().signal)).resolves.toEqual(
      listing("/tab6"),
    );
  });

  it("gives up with null when the panel's own listing arrives first (abort)", async () => {
    const wait = new AbortController();
    const taking = takeOfferedListing(7, wait.signal);
    wait.abort();
    await expect(taking).resolves.toBeNull();
    await expect(takeOfferedListing(7, wait.signal)).resolves.toBeNull();
  });

  it("hands a listing over once: a second panel load lists on its own", async () => {
    const devtools = offer(8);
    devtools.offer(listing("/once"));
    await expect(takeOfferedListing(8, new AbortController().signal)).resolves.toEqual(
      listing("/once"),
    );
    const again = new AbortController();
    const second = takeOfferedListing(8, again.signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    again.abort();
    await expect(second).resolves.toBeNull();
  });
});
