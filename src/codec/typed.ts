/**
 * Typed JSON: the text form of a session that users read, edit and sign (docs/cli.md §7,
 * the golden vectors' `expected_decoded`). The work lives in `json/typedWrite.ts` and
 * `json/typedRead.ts`; this module is the codec's one entry point for it, with the date and
 * UUID helpers the typed forms are built from.
 */
export { uuidDashed } from "./json/bytesText";
export { httpDate, parseHttpDate } from "./json/httpDate";
export { isoDate, parseIsoDate } from "./json/isoDate";
export { fromTypedJson, fromTypedJsonJs, TypedJsonError } from "./json/typedRead";
export { toTypedJson, toTypedPlain } from "./json/typedWrite";
