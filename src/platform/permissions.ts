/**
 * Named permissions. Every route declares one in `config.permission`; the app refuses to start when
 * a route has none (deny by default). Issue-by-issue, roles are mapped onto these names.
 */
export const Permission = {
  /** Anyone, signed in or not. */
  Public: 'Public',
  /** Operations data (/metrics): loopback or the METRICS_TOKEN bearer. */
  OpsRead: 'OpsRead',
} as const;

export type Permission = (typeof Permission)[keyof typeof Permission];

const ALL = new Set<unknown>(Object.values(Permission));

export function isPermission(value: unknown): value is Permission {
  return ALL.has(value);
}
