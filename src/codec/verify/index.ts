/** The verification primitive: prepare a cookie once, then check secrets for the cost of HMACs. */
export { matchSecrets, preparedTimestamp, verifyCandidate } from "./candidate";
export { type PreparedVerification, prepareVerification } from "./prepare";
