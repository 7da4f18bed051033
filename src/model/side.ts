/**
 * A side: one app that shares the cookie, as the user declared it for a site. Stored in
 * `storage.local` by the extension and read from a sides file by the CLI.
 */
import type { CodecOptions, FormatId } from "../codec/types";

/** A secret as stored: text, or hex for binary keys. Never sent anywhere but storage.local. */
export interface StoredSecret {
  value: string;
  encoding: "utf8" | "hex";
}

/** Format options a side may set, other than secrets and the clock. */
export type SideOptions = Pick<
  CodecOptions,
  "salt" | "keyDerivation" | "digest" | "maxAge" | "sortKeys" | "ensureAscii" | "untagged"
>;

export interface Side {
  id: string;
  label: string;
  format: FormatId;
  cookieName: string;
  /** URL path prefix that belongs to this app, e.g. `/flask-application`; `/` for the root app. */
  pathPrefix: string;
  secret?: StoredSecret;
  fallbacks: StoredSecret[];
  options: SideOptions;
}
