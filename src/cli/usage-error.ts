/**
 * The one error type the CLI turns into "a one-line message on stderr, exit 2". Anything the
 * user can fix (unknown option, bad hex, missing secret, input that is not typed JSON…) is a
 * UsageError whose message names the problem and says how to fix it; it never quotes a secret.
 */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Replace every given secret inside a message with `***`. A last line of defence for messages
 * we do not write ourselves (codec errors, unexpected exceptions): our own messages never quote
 * option values that could be secrets. Secrets shorter than 4 characters are left alone, or a
 * one-letter secret would blank out half the message.
 */
export function redactSecrets(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join("***");
  }
  return out;
}
