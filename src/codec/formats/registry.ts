/** One registry of formats: id → implementation. */
import type { FormatId } from "../types";
import { cookieSession } from "./cookieSession";
import { django } from "./django";
import { expressSession } from "./expressSession";
import { flask } from "./flask";
import type { Format } from "./format";
import { itsdangerous } from "./itsdangerous";
import { starlette } from "./starlette";

export const FORMATS: Readonly<Record<FormatId, Format>> = {
  flask,
  starlette,
  django,
  "cookie-session": cookieSession,
  "express-session": expressSession,
  itsdangerous,
};
