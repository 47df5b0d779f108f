/** What a parser of outside input returns: the value, or a code the adapters turn into words. */
export type ParseResult<T, Code extends string> = { ok: true; value: T } | { ok: false; code: Code };
