/** Types for start.mjs (plain JS so the demo runs without a build). */
import type { DemoSide, DemoVariant } from "./sides.mjs";

export interface StartDemoOptions {
  variant?: DemoVariant;
  /** 0 (default) lets the app pick a free port. */
  pythonPort?: number;
  nodePort?: number;
  /** Copy the apps' output to stderr (the CLI does). */
  echo?: boolean;
}

export interface RunningDemo {
  /** e.g. `http://127.0.0.1:40123`, no trailing slash */
  pythonUrl: string;
  nodeUrl: string;
  variant: DemoVariant;
  sides: DemoSide[];
  /** Kills both apps (and their process groups); resolves when they have exited. */
  stop(): Promise<void>;
}

export declare function startDemo(options?: StartDemoOptions): Promise<RunningDemo>;
