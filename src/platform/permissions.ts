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

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && Object.values(Permission).includes(value as Permission);
}
