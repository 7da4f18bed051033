/**
 * The codec's safety nets (decodeCookie's per-format guard, inflate, payload loading) turn an
 * unexpected exception into a status rather than crash the caller; such an exception is a bug,
 * never an input problem. Each net reports it here, so tests (the fuzzers) can listen and fail
 * on it while every other caller still gets its classified answer.
 */
export type InternalErrorListener = (error: unknown, where: string) => void;

const listeners = new Set<InternalErrorListener>();

/** Be told of every swallowed exception; returns the unsubscribe function. */
export function observeInternalErrors(listener: InternalErrorListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportInternalError(error: unknown, where: string): void {
  for (const listener of listeners) listener(error, where);
}
