/**
 * Ends every switch over a union. The same as core's `assertUnreachable`: the demo does not depend on
 * `@jejak/core` so the generator can run before the rest of the platform exists.
 */
export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled value: ${JSON.stringify(value)}`);
}
