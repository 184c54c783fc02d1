/** Ends every switch over a union, so a new member breaks the build where it must be handled. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unhandled value: ${JSON.stringify(value)}`);
}
