/** Whether a value read from outside is one of a vocabulary's words (the modules' enumerations). */
export function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}
