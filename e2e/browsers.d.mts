/** Types for browsers.mjs (plain JS so `npm start` can run it with Node 20). */
import type { Browser, Frame, Page, WebWorker } from "puppeteer-core";
import type { DemoSide } from "../demo/sides.mjs";

export declare const ROOT: string;
export declare const DIST: { chrome: string; firefox: string };
export declare const ARTIFACTS: string;
export declare const CHROMIUM: string;
export declare const FIREFOX: string;
export declare const CHROMIUM_FLAGS: readonly string[];
export declare const PANEL_TITLE: string;
export declare const PANEL_PATH: string;
export declare const NO_ACCESS_HOST: string;

export declare function assertBuilt(target: "chrome" | "firefox"): Record<string, unknown>;
export declare function pollUntil<T>(
  check: () => T | Promise<T>,
  options?: { timeout?: number; interval?: number; what?: string },
): Promise<NonNullable<T>>;
export declare function launchChromium(options?: {
  headless?: boolean;
  userDataDir?: string;
}): Promise<{ browser: Browser; extensionId: string; worker: WebWorker; userDataDir: string }>;
export declare function sidesStorage(sides: DemoSide[]): Record<string, DemoSide[]>;
export declare function seedSidesChromium(worker: WebWorker, sides: DemoSide[]): Promise<void>;
export declare function openChromiumPanel(
  page: Page,
  extensionId: string,
  options?: { timeout?: number },
): Promise<{ devtools: Page; panel: Frame; shownAt: number }>;
export declare function screenshotChromiumPanel(page: Page, devtools: Page): Promise<Uint8Array>;
