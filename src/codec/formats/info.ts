/** Human labels and defaults for each format, shared by the CLI help and the panel. */
import type { FormatId } from "../types";

export interface FormatInfo {
  id: FormatId;
  label: string;
  /** One line for help texts and tooltips. */
  summary: string;
  defaultCookieName: string;
  /** Seconds a signature stays valid by default; null = no expiry check. */
  defaultMaxAge: number | null;
  /** cookie-session keeps its signature in a `NAME.sig` companion cookie. */
  usesCompanionSig: boolean;
}

export const FORMAT_INFO: Readonly<Record<FormatId, FormatInfo>> = {
  flask: {
    id: "flask",
    label: "Flask",
    summary:
      "Flask SecureCookieSession (itsdangerous, salt cookie-session, HMAC-SHA1, tagged JSON, zlib)",
    defaultCookieName: "session",
    defaultMaxAge: 2678400,
    usesCompanionSig: false,
  },
  starlette: {
    id: "starlette",
    label: "Starlette / FastAPI",
    summary: "Starlette SessionMiddleware (base64 JSON, TimestampSigner, django-concat SHA-1)",
    defaultCookieName: "session",
    defaultMaxAge: 1209600,
    usesCompanionSig: false,
  },
  django: {
    id: "django",
    label: "Django",
    summary: "Django signed_cookies session backend (':' separated, base62 time, HMAC-SHA256)",
    defaultCookieName: "sessionid",
    defaultMaxAge: 1209600,
    usesCompanionSig: false,
  },
  "cookie-session": {
    id: "cookie-session",
    label: "Node cookie-session",
    summary: "Node cookie-session (base64 JSON + NAME.sig companion cookie, keygrip)",
    defaultCookieName: "session",
    defaultMaxAge: null,
    usesCompanionSig: true,
  },
  "express-session": {
    id: "express-session",
    label: "Node express-session",
    summary: "Node express-session signed session id (s:ID.SIG, cookie-signature HMAC-SHA256)",
    defaultCookieName: "connect.sid",
    defaultMaxAge: null,
    usesCompanionSig: false,
  },
  itsdangerous: {
    id: "itsdangerous",
    label: "itsdangerous",
    summary:
      "a bare itsdangerous URLSafeTimedSerializer (salt/derivation/digest as given, compact JSON)",
    defaultCookieName: "session",
    defaultMaxAge: null,
    usesCompanionSig: false,
  },
};
