/**
 * The one error type of the JSON layer. Its message is a sentence a person can act on
 * ("invalid JSON at character 12: expected ':' after an object key"), because it ends up
 * verbatim in the panel and on the command line.
 */
export class JsonError extends Error {
  override readonly name = "JsonError";
}
