/** Types for sides.mjs (plain JS so the demo runs without a build). */
import type { Side } from "../src/model/side";

export type DemoVariant = "broken" | "fixed" | "shared" | "outer";

/** A `Side` plus the origin its app is served from (the Node app has its own port). */
export interface DemoSide extends Side {
  origin: string;
}

export declare const DEMO_SECRET: string;
export declare const NODE_DEMO_KEY: string;

export declare const flaskAppSide: (overrides?: Partial<Side>) => Side;
export declare const fastapiAppSide: (overrides?: Partial<Side>) => Side;
export declare const nodeAppSide: (overrides?: Partial<Side>) => Side;
export declare const FLASK_COMPATIBLE_OPTIONS: Side["options"];

export declare function demoSides(
  variant: DemoVariant,
  origins: { pythonOrigin: string; nodeOrigin: string },
): DemoSide[];

/** One sides file (the panel's export format) per origin the demo serves, for Import. */
export declare function demoSidesFiles(sides: DemoSide[]): { origin: string; text: string }[];
