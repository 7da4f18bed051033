/**
 * Run inside a fresh project that installed the packed tarball (packageTarball.test.ts copies
 * it there with flaskShareApps.mjs): imports the three entry points by their package names,
 * starts the Express and Hono apps, prints `hono at URL` and then `listening on URL` (Express),
 * and exits when stdin closes.
 */
import { serve } from "@hono/node-server";
import express from "express";
import { Hono } from "hono";
import { flaskSession as expressSession } from "sessionlens/express";
import { dumpFlaskSession, loadFlaskSession } from "sessionlens/flask";
import { flaskSession as honoSession } from "sessionlens/hono";
import { startShareApps } from "./flaskShareApps.mjs";

const secret = process.argv[2];
// The framework-free core, one call each way.
const value = dumpFlaskSession({ user: "core" }, { secret });
if (loadFlaskSession(value, { secret }).session.user !== "core")
  throw new Error("core round trip failed");

const apps = await startShareApps({
  express: { express },
  hono: { Hono, serve },
  expressSession,
  honoSession,
  options: { secret },
});
process.stdin.on("end", () => apps.close().then(() => process.exit(0))).resume();
console.log(`hono at ${apps.urls.hono}`);
console.log(`listening on ${apps.urls.express}`);
