/**
 * The rows of the permission matrix (test/http/permission-matrix.test.ts): for each route, the
 * status each kind of caller gets. Builders below keep rows short; every status is still explicit
 * per caller in the end.
 */
import type { Role } from '../../src/platform/permissions.ts';

export const WHO = [
  'anonymous',
  'talent',
  'admin',
  'region_editor',
  'municipality_editor',
  'navigator',
  'employer_admin',
  'employer_member',
  'course_provider',
  'staff_without_2fa',
  'token',
] as const;
export type Who = (typeof WHO)[number];

export interface Row {
  /** A concrete URL when the pattern's parameters need real values ({employer} etc. from the fixture). */
  url?: string;
  /** Form fields for POST routes (the CSRF token is added). */
  body?: Record<string, string>;
  expect: Record<Who, number>;
}

const ROLES_ALL: Role[] = [
  'admin',
  'region_editor',
  'municipality_editor',
  'navigator',
  'employer_admin',
  'employer_member',
  'course_provider',
];

function all(status: number): Record<Who, number> {
  return Object.fromEntries(WHO.map((w) => [w, status])) as Record<Who, number>;
}

/** Anyone gets `status`. */
const everyone = (status: number, extra: Partial<Row> = {}): Row => ({ ...extra, expect: all(status) });

/**
 * Only `allowed` get `status` (or their entry in `special`); signed-in others get 403; nobody
 * signed in gets `anon` (303 to the login page for pages, 401 for the API and for POSTs).
 * `staff` is what a navigator without a second factor gets when navigators are allowed.
 */
function only(
  allowed: Array<Role | 'talent' | 'token'>,
  status: number,
  options: {
    anon?: number;
    staff?: number;
    special?: Partial<Record<Who, number>>;
    url?: string;
    body?: Record<string, string>;
  } = {},
): Row {
  const expect = all(403);
  expect.anonymous = options.anon ?? 303;
  expect.token = allowed.includes('token') ? status : expect.anonymous;
  for (const who of allowed) if (who !== 'token') expect[who] = status;
  expect.staff_without_2fa = allowed.includes('navigator') ? (options.staff ?? 303) : 403;
  Object.assign(expect, options.special ?? {});
  return { url: options.url, body: options.body, expect };
}

/** Every signed-in person (talents too; staff need no second factor here). */
const signedIn = (
  status: number,
  options: { anon?: number; url?: string; body?: Record<string, string> } = {},
) => only(['talent', ...ROLES_ALL], status, { ...options, staff: status });

/** Everyone with a role in an organisation. */
const backOffice = (status: number, options: Parameters<typeof only>[2] = {}) =>
  only(ROLES_ALL, status, options);

export const ROWS: Record<string, Row> = {
  // Platform and public site
  'GET /healthz': everyone(200),
  'GET /readyz': everyone(200),
  'GET /metrics': everyone(200), // inject comes from loopback
  'GET /static/*': everyone(404),
  'GET /brand/:file': everyone(200, { url: '/brand/dalarna.css' }),
  'GET /': everyone(302),
  'GET /:lang': everyone(301),
  'GET /:lang/': everyone(200),
  'GET /:lang/accessibility': everyone(200),
  'POST /:lang/accessibility/feedback': everyone(422),
  'GET /:lang/accessibility/feedback/sent': everyone(200),
  'GET /:lang/privacy': everyone(200),
  'GET /sv/lattlast': everyone(200),
  'GET /robots.txt': everyone(200),
  'GET /sitemap.xml': everyone(200),
  // Job board
  'GET /:lang/jobs': everyone(200),
  'GET /:lang/jobs.rss': everyone(200),
  'GET /:lang/jobs/:id': everyone(404, { url: '/sv/jobs/no-such-ad' }),
  'GET /api/v1/jobs': everyone(200),
  'GET /api/v1/jobs/:id': everyone(404, { url: '/api/v1/jobs/no-such-ad' }),
  'GET /api/openapi.json': everyone(200),
  'GET /api/docs': everyone(200),
};

// Kept for rows added by the identity parts.
void signedIn;
void backOffice;
