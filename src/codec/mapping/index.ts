/**
 * One mapping between the codec's faithful values (value.ts) and plain JavaScript, for code that
 * wants a `Date`, a `Uint8Array` and plain objects (the Node library, the typed editor) and
 * still writes back every Python type it did not touch exactly as it was.
 *
 * | Python (faithful `Value`)          | plain JS                 | written back                          |
 * |------------------------------------|--------------------------|---------------------------------------|
 * | `dict` (`Map`)                     | plain object             | dict; keys it had keep their order    |
 * | `list`                             | array                    | list                                  |
 * | `tuple`                            | array                    | tuple while the same array object     |
 * | `str`, `bool`, `None`              | string, boolean, `null`  | the same                              |
 * | `int` within ±(2^53−1)             | number                   | int                                   |
 * | `int` beyond (`PyBigInt`)          | bigint                   | int                                   |
 * | `float`                            | number                   | untouched: the same float (`1.0` too) |
 * | `bytes`                            | `Uint8Array` (a copy)    | bytes                                 |
 * | `datetime`                         | `Date`                   | untouched: the same datetime          |
 * | `uuid.UUID`                        | dashed lowercase string  | untouched: UUID; else a string        |
 * | `Markup`                           | string                   | untouched: Markup; else a string      |
 *
 * New values: an integral number is an int (of its exact value past 2^53; `-0` and
 * non-integral ones are floats, NaN and ±Infinity too), a bigint an int, a `Map` a dict in its own key order, a new plain object a
 * dict in JS key order (integer-like keys first: Flask sorts keys anyway). An `undefined`
 * property is left out, as JSON.stringify does; `undefined` elsewhere, functions, symbols,
 * class instances and cycles are refused with the path to them (a `CodecError`).
 */
export { fromPlain } from "./fromPlain";
export { sameValue } from "./sameValue";
export { type Plain, type PlainObject, toPlain } from "./toPlain";
