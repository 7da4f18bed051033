/**
 * Test projects. Kept apart from vite.config.ts so the crx plugin is never loaded by tests.
 *  - unit:    pure codec/CLI/background logic in Node (fast)
 *  - ui:      the panel rendered in jsdom over fake adapters (inline shell)
 *  - interop: live round trips against real Flask/Starlette (Debian python3) and npm cookie-session/express-session
 *  - dist:    the built bundles and store packages (after `npm run build` and `npm run package`)
 *  - e2e:     the built extension in real Chromium and Firefox ESR (headless)
 */
import preact from "@preact/preset-vite";
import { defineConfig } from "vitest/config";
import { textImport } from "./scripts/textImport.ts";

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [textImport()],
        test: {
          name: "unit",
          environment: "node",
          include: ["src/**/*.test.ts", "test/unit/**/*.test.ts", "test/cli/**/*.test.ts"],
          // A hang guard, not a speed check: the property suites (zlib against node:zlib, 10^4
          // streams) take ~1 s alone and over 10 s on a 2-core machine shared with other jobs.
          testTimeout: 60_000,
        },
      },
      {
        plugins: [preact(), textImport()],
        test: {
          name: "ui",
          environment: "jsdom",
          include: ["src/**/*.test.tsx", "test/ui/**/*.test.tsx"],
        },
      },
      {
        test: {
          name: "interop",
          environment: "node",
          include: ["test/interop/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "dist",
          environment: "node",
          include: ["test/dist/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "e2e",
          environment: "node",
          include: ["e2e/**/*.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
