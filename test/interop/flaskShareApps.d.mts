/** Types for flaskShareApps.mjs (plain JS so a project that installed the tarball runs it as is). */
export interface ShareAppsInput {
  /** label → an Express module (express 5, express 4…) */
  express?: Record<string, unknown>;
  /** hono's `Hono` class and @hono/node-server's `serve` */
  hono?: { Hono: unknown; serve: unknown };
  expressSession: unknown;
  honoSession: unknown;
  options: Record<string, unknown>;
}
export interface ShareApps {
  /** label → `http://127.0.0.1:PORT`; the Hono app is `hono` */
  urls: Record<string, string>;
  close(): Promise<void>;
}
export declare function startShareApps(input: ShareAppsInput): Promise<ShareApps>;
