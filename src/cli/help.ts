/**
 * The `--help` texts: the overview (what the tool does, formats, examples, exit codes) and one
 * page per command (options and output). Plain text on stdout so it pipes into `less`/`grep`.
 */

import { AUDIT_HELP } from "./audit/audit-args";
import { defaultMaxAges, defaultSalts, formatList, optionHelp } from "./help-formats";
import { TIMELINE_HELP } from "./timeline-command";

/** The commands, as the messages that list them spell them. */
export const COMMANDS_TEXT = "decode, sign, convert, audit or timeline";

import { UsageError } from "./usage-error";

const OVERVIEW = `sessionlens - decode, verify and sign web-framework session cookies

Shows what is inside the signed session cookies of Flask, Starlette/FastAPI, Django,
cookie-session and express-session; with the app's secret it checks the signature and age
exactly as the framework would, and it signs new cookies byte-for-byte as the framework does.

Usage:
  sessionlens decode [options] <cookie | -> ...
  sessionlens sign --format F --secret S [options] <typed-json | ->
  sessionlens convert --from-format F --from-secret S --format G --secret T [options] <cookie | ->
  sessionlens audit [--format F] [--wordlist FILE]... [options] <cookie>
  sessionlens timeline [--sides FILE] <file.har | ->
  sessionlens help [decode | sign | convert | audit | timeline]
  sessionlens --version

Formats (--format):
${formatList()}

Examples:
  # Decode a Flask cookie and verify it with the app's SECRET_KEY (here in $SECRET)
  sessionlens decode --format flask --secret "$SECRET" 'eyJ1c2VyIjoiYWxpY2UifQ.aVXpOQ.…'

  # No secret: the data is still shown, with status "unverified"
  sessionlens decode 'eyJuIjoxfQ.aVXpOQ.3NjFYxy5hj-eAwBH-GGGIZtVkHY'

  # Every session cookie in a log, one per line on stdin (-), out as NDJSON
  grep -o 'session=[^;]*' app.log | cut -d= -f2- | sessionlens decode --secret "$SECRET" -

  # Sign exactly what Flask emits at a given moment (--timestamp makes it byte-exact)
  sessionlens sign --format flask --secret "$SECRET" --timestamp 1767237945 '{"user":"alice"}'

  # cookie-session: verify with the keygrip keys and the session.sig companion cookie
  sessionlens decode --format cookie-session --secret key-new --fallback key-old \\
    --sig 'qfdOud33V61dwwWEChzvVX5r-gc' 'eyJuIjoxfQ=='

Exit status:
  0  every cookie is valid, valid_legacy or unverified (sign: the cookie was printed)
  1  some cookie is bad_signature, expired or bad_payload
  2  some cookie is malformed, or the command line is wrong (one line on stderr); 2 wins over 1

A secret given on the command line can be seen by other local users (ps) and may stay in
your shell history; prefer "$SECRET" set from a file only you can read.
Run \`sessionlens help decode\` or \`sessionlens help sign\` for options and output.`;

const SHARED_OPTIONS = `  --secret S          the current signing secret
  --secret-hex H      the current secret as hex bytes (a binary SECRET_KEY)
  --fallback S        an older secret that still verifies (Flask SECRET_KEY_FALLBACKS, keygrip
                      keys[1..], express-session secret[1..]); repeatable
  --fallback-hex H    an older secret as hex bytes; numbered together with --fallback in the
                      order given: the first is "fallback:0"
${optionHelp("--salt S", `salt (${defaultSalts()}); not for cookie-session / express-session`)}
  --key-derivation K  hmac | django-concat | concat | none (default per format)
  --digest D          sha1 | sha256 | sha512 (django: sha1 for 3.1/3.2 legacy cookies;
                      cookie-session: keygrip's algorithm; express-session is always sha256)
  --name NAME         cookie name (default session); cookie-session signs NAME=value
  --untagged          Flask JSON without tags (starlette-flask); only affects --format flask
  --unsigned          cookie-session with signed: false: no key and no NAME.sig (any value is
                      accepted, so anyone can write the session)`;

const DECODE = `Usage: sessionlens decode [options] <cookie | -> ...

Decodes each cookie value, as it appears in the Cookie header, and verifies it when a secret
is given. "-" reads cookies from standard input, one per line: blank lines are skipped, CRLF
is fine, and each answer is written as soon as its line arrives.

A cookie may be given as its value, as NAME=value, or as a whole Cookie header
('Cookie: a=1; session=…; session.sig=…'): --name picks one cookie from it, else every
session-like cookie in it is decoded, and cookie-session's NAME.sig is taken from beside it.
A value in double quotes is unquoted as the framework unquotes it.

Output on a terminal: a readable summary per cookie (--json for NDJSON there too).
Output otherwise: one JSON object per cookie, one per line (NDJSON), in input order:
  {"format":"flask","status":"valid","data":{"n":1},"payload_json":"{\\"n\\":1}",
   "timestamp":1767237945,"compressed":false,"key":"secret","detail":"…"}
  status        valid | valid_legacy | bad_signature | expired | bad_payload | malformed |
                unverified
  data          the session as typed JSON: plain JSON, plus {"$type":"float"|"bigint"|"tuple"|
                "bytes"|"uuid"|"datetime"|"markup"|"dict",…} where JSON cannot say it; null if
                unreadable; for express-session, the session id as a JSON string
  payload_json  the JSON text inside the cookie; timestamp: signing time in Unix seconds
  key           "secret", "fallback:N" (0-based) or null
  format        null when --format auto found no known shape
  name          (only when the input named the cookie) the cookie's name
  U+2028, U+2029 and U+0085 inside strings are written \\u-escaped.
A malformed cookie also gets one line on stderr saying where it was.

Options:
  --format F          auto (default), flask, starlette, django, cookie-session, express-session,
                      itsdangerous
${SHARED_OPTIONS}
${optionHelp("--max-age N|none", `seconds a signature stays valid (${defaultMaxAges()})`)}
  --now UNIX          the clock for expiry checks (default: the real clock)
  --sig VALUE         the NAME.sig cookie's value, for cookie-session (and auto); with any other
                      --format it is an error, since nothing else has a companion cookie
  --json              NDJSON even on a terminal

Exit status: 0 all valid/valid_legacy/unverified, 1 any bad_signature/expired/bad_payload,
2 any malformed or a usage error (2 wins).`;

const SIGN = `Usage: sessionlens sign --format F --secret S [options] <typed-json | ->

Prints the cookie value on the first line of stdout, byte-identical to what the framework
emits for the same data, secret, options and timestamp (zlib included). For cookie-session the
second line is the NAME.sig value. For express-session the input is the session id as a JSON
string and the output is the Set-Cookie value (percent-encoded, s%3A…). "-" reads the typed
JSON from standard input (it may span lines).

Typed JSON is plain JSON plus {"$type":…} objects for what JSON cannot say, e.g.
  {"n":{"$type":"float","repr":"1.0","value":1},"t":{"$type":"tuple","items":[1,2]}}
(derivable fields such as "hex", "http_date" may be omitted). Key order is kept.

Options:
  --format F          flask, starlette, django, cookie-session, express-session, itsdangerous
                      (required; there is no auto for signing)
${SHARED_OPTIONS}
  --timestamp UNIX    the signing time to embed (default: now); give it for byte-exact output
  --sort-keys / --no-sort-keys       Flask JSON provider sort_keys (on for flask)
  --ensure-ascii / --no-ensure-ascii Flask JSON provider ensure_ascii (on for flask)

Exit status: 0 when the cookie was printed, 2 for a usage error or input that is not valid
typed JSON (one line on stderr, nothing on stdout).`;

const CONVERT = `Usage: sessionlens convert [--from-OPTION ...] [options] <cookie | ->

Decodes the cookie with the --from- options (every decode option with from- in front:
--from-format, --from-secret, --from-secret-hex, --from-fallback, --from-salt, --from-digest,
--from-name, --from-sig, --from-untagged, --from-now, ...) and re-signs the same session with
the ordinary sign options, printing it exactly as sign would (for cookie-session the .sig value
on the second line). A value the target cannot hold (a tuple, bytes or a datetime for
Starlette, whose JSON has no tags) is written as that framework reads it back, with one line
per value on stderr naming its path:
  warning: roles: tuple written as a list
Example:
  sessionlens convert --from-format flask --from-secret "$FLASK_SECRET" \\
    --format starlette --secret "$STARLETTE_SECRET" "$COOKIE"

Options: those of sign (see sessionlens help sign), the --from- ones, and
  --strict            exit 2 instead of converting when any value would change type

Exit status: 0 when the cookie was printed, 1 when it does not verify under the --from-
options (nothing on stdout), 2 for a malformed cookie, a usage error or a --strict refusal.`;

export function helpText(topic: string | undefined): string {
  if (topic === undefined) return OVERVIEW;
  if (topic === "decode") return DECODE;
  if (topic === "sign") return SIGN;
  if (topic === "convert") return CONVERT;
  if (topic === "timeline") return TIMELINE_HELP;
  if (topic === "audit") return AUDIT_HELP;
  throw new UsageError(`no help for "${topic}": try sessionlens help ${COMMANDS_TEXT}`);
}
