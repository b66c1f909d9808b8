/**
 * The rows of the permission matrix (test/http/platform/permission-matrix.test.ts): for each route, the
 * status each kind of caller gets. Builders below keep rows short; every status is still explicit
 * per caller in the end.
 */
import { ROLES, type Role } from '../../../src/platform/permissions.ts';

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

const ROLES_ALL: Role[] = [...ROLES];

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

const MEDIA: Role[] = ['admin', 'region_editor', 'municipality_editor'];
const NO_IMAGE = '00000000-0000-4000-8000-000000000000';
/** Who works relocation cases (CasesWork), and a case that does not exist. */
const CASE_WORKERS: Role[] = ['admin', 'navigator'];
const NO_CASE = '/admin/cases/00000000-0000-4000-8000-000000000000';
/** Who writes content (editorial): admins and the region's and municipalities' editors. */
const EDITORS: Role[] = ['admin', 'region_editor', 'municipality_editor'];
const NO_ITEM = '/admin/content/00000000-0000-4000-8000-000000000000';
/** Who publishes the organisation's own job ads: an employer's admins and members. */
const JOB_ADS: Role[] = ['employer_admin', 'employer_member'];
const NO_AD = '/admin/jobs/own-000000000000';
/** Company pages: employers edit their own (others' are 404), the region's staff every page. */
const COMPANY_EDITORS: Role[] = ['admin', 'region_editor', 'employer_admin', 'employer_member'];
const REGION_STAFF: Role[] = ['admin', 'region_editor'];
const NO_COMPANY = '/admin/companies/00000000-0000-4000-8000-000000000000';
/** Who searches the talent pool's cards: the region's admins and employers' admins and members. */
const TALENT_SEARCH: Role[] = ['admin', 'employer_admin', 'employer_member'];
const NO_CARD = '/admin/talent/cards/AAAAAAAAAAAAAAAAAAAAAA';
const NO_INTRO = '/sv/talent-pool/intro/no-such-token-no-such-token';
/** Who works relocation cases: navigators and the region's admins. */
const CAREERS_CASES_WORK: Role[] = ['admin', 'navigator'];
const CAREERS_NO_CASE = '/admin/cases/00000000-0000-4000-8000-000000000000';
const CAREERS_NO_OTHER_CASE = '00000000-0000-4000-8000-000000000001';
const CASES_WORK: Role[] = CAREERS_CASES_WORK;

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
  'GET /sitemap-:n.xml': everyone(200, { url: '/sitemap-1.xml' }),
  'GET /favicon.ico': everyone(200),
  'GET /apple-touch-icon.png': everyone(200),
  'GET /apple-touch-icon-precomposed.png': everyone(200),
  'GET /manifest.webmanifest': everyone(200),
  'GET /:lang/search': everyone(200, { url: '/sv/search?q=f%C3%B6rskola' }),
  // Job board
  'GET /:lang/jobs': everyone(200),
  'GET /:lang/jobs.rss': everyone(200),
  'GET /:lang/jobs/:id': everyone(404, { url: '/sv/jobs/no-such-ad' }),
  'GET /api/v1/jobs': everyone(200),
  'GET /api/v1/jobs/:id': everyone(404, { url: '/api/v1/jobs/no-such-ad' }),
  // CORS preflights of the public job API (platform/http/cors.ts).
  'OPTIONS /api/v1/jobs': everyone(204),
  'OPTIONS /api/v1/jobs/:id': everyone(204, { url: '/api/v1/jobs/no-such-ad' }),
  'GET /api/openapi.json': everyone(200),
  'GET /api/docs': everyone(200),

  // Sign-in and sign-out
  'GET /:lang/login': everyone(200),
  'POST /:lang/login': everyone(422),
  'GET /:lang/login/link/:token': everyone(410, { url: '/sv/login/link/no-such-token' }),
  'POST /:lang/login/link': everyone(410),
  'POST /:lang/login/code': everyone(422),
  'POST /:lang/login/passkey/options': everyone(200),
  'POST /:lang/login/passkey': everyone(400),
  'POST /:lang/logout': signedIn(303, { anon: 401 }),

  // Second factors (any signed-in person; changing factors needs one shown when the account has one)
  'GET /:lang/me/security': signedIn(200),
  'POST /:lang/me/passkeys/rename': signedIn(404, { anon: 401 }),
  'POST /:lang/me/passkeys/remove': signedIn(404, { anon: 401 }),
  'POST /:lang/me/passkeys/options': signedIn(200, { anon: 401 }),
  'POST /:lang/me/passkeys': signedIn(400, { anon: 401 }),
  'GET /:lang/me/totp': signedIn(200),
  'POST /:lang/me/totp': signedIn(422, { anon: 401 }),
  'POST /:lang/me/totp/disable': signedIn(303, { anon: 401 }),
  'POST /:lang/me/recovery-codes': signedIn(303, { anon: 401 }),
  'GET /:lang/me/second-factor': signedIn(200),
  'POST /:lang/me/second-factor': signedIn(422, { anon: 401 }),
  'POST /:lang/me/second-factor/passkey/options': signedIn(400, { anon: 401 }),
  'POST /:lang/me/second-factor/passkey': signedIn(400, { anon: 401 }),

  // The own page
  'GET /:lang/me': signedIn(200),
  'POST /:lang/me/profile': signedIn(422, { anon: 401 }),
  'POST /:lang/me/sessions/end': signedIn(404, { anon: 401 }),
  'POST /:lang/me/sessions/end-others': signedIn(303, { anon: 401 }),
  'POST /:lang/me/sessions/end-all': signedIn(303, { anon: 401 }),
  'GET /:lang/me/export.json': signedIn(200),
  'GET /:lang/me/delete': signedIn(200),
  // An empty confirmation is refused; the region's only admin may not delete their account at all.
  'POST /:lang/me/delete': { expect: { ...signedIn(422, { anon: 401 }).expect, admin: 409 } },
  'GET /:lang/me/deleted': everyone(200),

  // Talent pool: job alerts and saved jobs (talent/alerts, talent/saved). The new-alert page and
  // form are everyone's (a visitor confirms by e-mail); links with an unknown token are 404; the
  // own page's changes are any signed-in person's; "Spara jobbet" sends a visitor to sign in.
  'GET /:lang/alerts/new': everyone(200),
  'POST /:lang/alerts': everyone(422),
  'GET /:lang/alerts/confirm/:token': everyone(404, { url: '/sv/alerts/confirm/no-such-token' }),
  'POST /:lang/alerts/confirm': everyone(404, { body: { token: 'no-such-token' } }),
  'GET /alerts/unsubscribe/:token': everyone(404, { url: '/alerts/unsubscribe/no-such-token' }),
  'POST /alerts/unsubscribe/:token': everyone(404, { url: '/alerts/unsubscribe/no-such-token' }),
  'GET /:lang/alerts/unsubscribe/:token': everyone(404, { url: '/sv/alerts/unsubscribe/no-such-token' }),
  'POST /:lang/alerts/unsubscribe/:token': everyone(404, { url: '/sv/alerts/unsubscribe/no-such-token' }),
  'POST /:lang/me/alerts/:id': signedIn(404, {
    anon: 401,
    url: '/sv/me/alerts/00000000-0000-4000-8000-000000000000',
    body: { action: 'delete' },
  }),
  'POST /:lang/me/alerts-matches': signedIn(303, { anon: 401, body: { on: '', frequency: 'weekly' } }),
  'POST /:lang/saved-jobs': {
    expect: { ...signedIn(404).expect, anonymous: 303, token: 303 },
    body: { job: 'no-such-ad' },
  },
  'POST /:lang/saved-jobs/remove': signedIn(303, { anon: 401, body: { job: 'no-such-ad' } }),

  // The talent pool: joining, the taxonomy type-ahead, the own profile and the partner's part
  'GET /:lang/talent-pool': everyone(200),
  'GET /:lang/talent-pool/join': everyone(200),
  'POST /:lang/talent-pool/join/:step': everyone(422, { url: '/sv/talent-pool/join/1' }),
  'POST /:lang/talent-pool/join/send': everyone(422),
  'GET /:lang/talent-pool/confirm/:token': everyone(410, { url: '/sv/talent-pool/confirm/no-such-token' }),
  'POST /:lang/talent-pool/confirm': everyone(410),
  'POST /:lang/talent-pool/renew': everyone(303),
  'GET /api/v1/taxonomy/concepts': everyone(200, { url: '/api/v1/taxonomy/concepts?type=skill&q=svets' }),
  'GET /:lang/talent-pool/partner/:token': everyone(410, { url: '/sv/talent-pool/partner/no-such-token' }),
  'POST /:lang/talent-pool/partner': everyone(410),
  'GET /:lang/me/talent': signedIn(303),
  'POST /:lang/me/talent': signedIn(422, { anon: 401 }),
  'POST /:lang/me/talent/consent': signedIn(400, { anon: 401 }),
  'POST /:lang/me/talent/visibility': signedIn(303, { anon: 401 }),
  'POST /:lang/me/talent/leave': signedIn(303, { anon: 401 }),
  'POST /:lang/me/talent/partner/invite': signedIn(303, { anon: 401 }),
  'GET /:lang/me/talent/partner': signedIn(303),
  'POST /:lang/me/talent/partner': signedIn(303, { anon: 401 }),
  'POST /:lang/me/talent/partner/leave': signedIn(303, { anon: 401 }),

  // Back-office: home, switcher, organisations, members, invitations, people
  'GET /admin': backOffice(200),
  'POST /admin/organisation': backOffice(404, { anon: 401, staff: 403 }),
  'GET /admin/organisations': only(['admin'], 200),
  'GET /admin/organisations/new': only(['admin'], 200),
  'POST /admin/organisations/new': only(['admin'], 422, { anon: 401 }),
  'GET /admin/organisations/:id': only(['admin'], 200, { url: '/admin/organisations/{employer}' }),
  'POST /admin/organisations/:id': only(['admin'], 422, {
    anon: 401,
    url: '/admin/organisations/{employer}',
  }),
  'GET /admin/members': backOffice(303),
  // Members of an employer: its own people and region admins; anyone else is told it does not exist.
  'GET /admin/organisations/:id/members': backOffice(404, {
    url: '/admin/organisations/{employer}/members',
    special: { admin: 200, employer_admin: 200, employer_member: 200 },
  }),
  'POST /admin/organisations/:id/members/invite': only(['admin', 'employer_admin', 'course_provider'], 422, {
    anon: 401,
    url: '/admin/organisations/{employer}/members/invite',
    special: { course_provider: 404 },
  }),
  'POST /admin/organisations/:id/members/:accountId/role': only(
    ['admin', 'employer_admin', 'course_provider'],
    422,
    {
      anon: 401,
      url: '/admin/organisations/{employer}/members/00000000-0000-4000-8000-000000000000/role',
      special: { course_provider: 404 },
    },
  ),
  'GET /admin/organisations/:id/members/:accountId/remove': only(
    ['admin', 'employer_admin', 'course_provider'],
    404,
    {
      url: '/admin/organisations/{employer}/members/00000000-0000-4000-8000-000000000000/remove',
    },
  ),
  'POST /admin/organisations/:id/members/:accountId/remove': only(
    ['admin', 'employer_admin', 'course_provider'],
    404,
    { anon: 401, url: '/admin/organisations/{employer}/members/00000000-0000-4000-8000-000000000000/remove' },
  ),
  'POST /admin/organisations/:id/invitations/:invitationId/revoke': only(
    ['admin', 'employer_admin', 'course_provider'],
    404,
    {
      anon: 401,
      url: '/admin/organisations/{employer}/invitations/00000000-0000-4000-8000-000000000000/revoke',
    },
  ),
  'GET /admin/people': only(['admin'], 200),
  'GET /admin/people/:id': only(['admin'], 404, {
    url: '/admin/people/00000000-0000-4000-8000-000000000000',
  }),
  'POST /admin/people/:id/sessions/end': only(['admin'], 404, {
    anon: 401,
    url: '/admin/people/00000000-0000-4000-8000-000000000000/sessions/end',
  }),
  'POST /admin/people/:id/second-factors/reset': only(['admin'], 404, {
    anon: 401,
    url: '/admin/people/00000000-0000-4000-8000-000000000000/second-factors/reset',
  }),
  'GET /:lang/invitations/:token': everyone(404, { url: '/sv/invitations/no-such-invitation-token-at-all' }),
  'POST /:lang/invitations/accept': everyone(404),

  // Audit trail, API tokens, the organisation API
  'GET /admin/audit': only(['admin', 'employer_admin'], 200),
  'GET /admin/tokens': only(['admin', 'employer_admin'], 200),
  'POST /admin/tokens': only(['admin', 'employer_admin'], 422, { anon: 401 }),
  'POST /admin/tokens/:id/revoke': only(['admin', 'employer_admin'], 404, {
    anon: 401,
    url: '/admin/tokens/00000000-0000-4000-8000-000000000000/revoke',
  }),
  'GET /api/v1/organisation': only([...ROLES_ALL, 'token'], 200, { anon: 401, staff: 403 }),
  'GET /api/v1/organisation/members': only([...ROLES_ALL, 'token'], 200, { anon: 401, staff: 403 }),
  'GET /api/v1/audit': only(['admin', 'employer_admin', 'token'], 200, { anon: 401 }),

  // Accessibility reports (site): the region answers them — region admins and region editors
  'GET /admin/accessibility-reports': only(['admin', 'region_editor'], 200),
  'GET /admin/accessibility-reports/:id': only(['admin', 'region_editor'], 404, {
    url: '/admin/accessibility-reports/999999999',
  }),
  'POST /admin/accessibility-reports/:id/answer': only(['admin', 'region_editor'], 404, {
    anon: 401,
    url: '/admin/accessibility-reports/999999999/answer',
    body: { answer: 'Tack!' },
  }),
  'POST /admin/accessibility-reports/:id/close': only(['admin', 'region_editor'], 404, {
    anon: 401,
    url: '/admin/accessibility-reports/999999999/close',
    body: { reason: 'spam' },
  }),
  'POST /admin/accessibility-reports/:id/note': only(['admin', 'region_editor'], 404, {
    anon: 401,
    url: '/admin/accessibility-reports/999999999/note',
  }),
  // Places (content): public pages; the place facts (regions): those who approve content
  'GET /:lang/places': everyone(200, { url: '/sv/places' }),
  'GET /:lang/places/:slug': everyone(200, { url: '/sv/places/falun' }),
  'GET /admin/places/facts': only(['admin', 'region_editor'], 200),
  'GET /admin/places/facts/place-facts.json': only(['admin', 'region_editor'], 200),
  'POST /admin/places/facts': only(['admin', 'region_editor'], 400, { anon: 401, body: { text: '{' } }),

  // Companies: the public pages (a slug nobody published is the 404 page, for everyone alike)
  'GET /:lang/companies': everyone(200, { url: '/sv/companies' }),
  'GET /:lang/companies/:slug': everyone(404, { url: '/sv/companies/no-such-company' }),
  'GET /:lang/companies/:slug/jobs/:id': everyone(404, {
    url: '/sv/companies/no-such-company/jobs/no-such-ad',
  }),

  // Media library (content): admins, region and municipality editors; its files are public
  'GET /media/:id/:file': everyone(404, {
    url: '/media/00000000-0000-4000-8000-000000000000/320-0123456789.jpg',
  }),
  'GET /admin/media': only(MEDIA, 200),
  'GET /admin/media/new': only(MEDIA, 200),
  'POST /admin/media/new': only(MEDIA, 400, { anon: 401, body: { slug: 'no-file' } }),
  'GET /admin/media/:id': only(MEDIA, 404, { url: `/admin/media/${NO_IMAGE}` }),
  'POST /admin/media/:id': only(MEDIA, 404, {
    anon: 401,
    url: `/admin/media/${NO_IMAGE}`,
    body: { slug: 'x' },
  }),
  'POST /admin/media/:id/delete': only(MEDIA, 404, { anon: 401, url: `/admin/media/${NO_IMAGE}/delete` }),
  // Public content pages (content/public): home (GET /:lang/ above), guides, stories, paths, the chooser
  'GET /:lang/move': everyone(200),
  'GET /:lang/guides': everyone(200),
  'GET /:lang/guides/:slug': everyone(404, { url: '/sv/guides/no-such-guide' }),
  'GET /:lang/stories': everyone(200),
  'GET /:lang/stories/:slug': everyone(404, { url: '/sv/stories/no-such-story' }),
  'GET /:lang/paths': everyone(200),
  'GET /:lang/paths/choose': everyone(200, { url: '/sv/paths/choose' }),
  'GET /:lang/paths/:slug': everyone(200, { url: '/sv/paths/families' }),

  // Content (editorial): editors write — municipality editors only their own municipality's items
  // (others' are 404), and delete what is not published — region editors and admins approve, send
  // back and unpublish.
  'GET /admin/content': only(EDITORS, 200),
  'GET /admin/content/new': only(EDITORS, 200),
  'POST /admin/content/new': only(EDITORS, 400, { anon: 401 }),
  'GET /admin/content/:id': only(EDITORS, 404, { url: NO_ITEM }),
  'POST /admin/content/:id': only(EDITORS, 404, { anon: 401, url: NO_ITEM, body: { base: '1' } }),
  'POST /admin/content/:id/submit': only(EDITORS, 404, { anon: 401, url: `${NO_ITEM}/submit` }),
  'POST /admin/content/:id/approve': only(['admin', 'region_editor'], 404, {
    anon: 401,
    url: `${NO_ITEM}/approve`,
    body: { when: 'now' },
  }),
  'POST /admin/content/:id/return': only(['admin', 'region_editor'], 404, {
    anon: 401,
    url: `${NO_ITEM}/return`,
    body: { comment: 'Fler bilder, tack.' },
  }),
  'POST /admin/content/:id/unpublish': only(['admin', 'region_editor'], 404, {
    anon: 401,
    url: `${NO_ITEM}/unpublish`,
  }),
  'POST /admin/content/:id/delete': only(EDITORS, 404, {
    anon: 401,
    url: `${NO_ITEM}/delete`,
    body: { delete_confirm: 'yes' },
  }),
  'POST /admin/content/:id/restore': only(EDITORS, 404, {
    anon: 401,
    url: `${NO_ITEM}/restore`,
    body: { version: '1', base: '1' },
  }),
  'GET /admin/content/:id/versions': only(EDITORS, 404, { url: `${NO_ITEM}/versions` }),
  'GET /admin/content/:id/compare': only(EDITORS, 404, { url: `${NO_ITEM}/compare?from=1&to=1` }),
  'GET /admin/content/:id/preview': only(EDITORS, 404, { url: `${NO_ITEM}/preview?version=1&lang=sv` }),

  // Employers' own job ads (jobs/own): the organisation's admins and members; others' ads are 404
  'GET /admin/jobs': only(JOB_ADS, 200),
  'GET /admin/jobs/new': only(JOB_ADS, 200),
  'POST /admin/jobs/new': only(JOB_ADS, 422, { anon: 401, body: { headline: '' } }),
  'GET /admin/jobs/:id': only(JOB_ADS, 404, { url: NO_AD }),
  'POST /admin/jobs/:id': only(JOB_ADS, 404, { anon: 401, url: NO_AD, body: { base: '1' } }),
  'POST /admin/jobs/:id/close': only(JOB_ADS, 404, { anon: 401, url: `${NO_AD}/close` }),
  // Company pages (companies/admin): the region's staff see the list and every page; an employer is
  // sent to its own page ("Vår företagssida": create one, or take over the region's), and reaches
  // no other (404). Reviewing, publishing, featuring, new pages, settings and the export are the
  // region's.
  'GET /admin/companies': only(COMPANY_EDITORS, 200, {
    special: { employer_admin: 303, employer_member: 303 },
  }),
  'GET /admin/companies/own': only(COMPANY_EDITORS, 200, { special: { admin: 303, region_editor: 303 } }),
  'POST /admin/companies/own/claim': only(COMPANY_EDITORS, 409, {
    anon: 401,
    special: { admin: 303, region_editor: 303 },
  }),
  'POST /admin/companies/own/create': only(COMPANY_EDITORS, 303, { anon: 401 }),
  'GET /admin/companies/new': only(REGION_STAFF, 200),
  'POST /admin/companies/new': only(REGION_STAFF, 400, { anon: 401 }),
  'GET /admin/companies/settings': only(REGION_STAFF, 200),
  'POST /admin/companies/settings': only(REGION_STAFF, 400, { anon: 401 }),
  'GET /admin/companies/needs.csv': only(REGION_STAFF, 200),
  'GET /admin/companies/:id': only(COMPANY_EDITORS, 404, { url: NO_COMPANY }),
  'POST /admin/companies/:id': only(COMPANY_EDITORS, 404, {
    anon: 401,
    url: NO_COMPANY,
    body: { base: '1' },
  }),
  'POST /admin/companies/:id/submit': only(COMPANY_EDITORS, 404, {
    anon: 401,
    url: `${NO_COMPANY}/submit`,
    body: { shown: '1' },
  }),
  'GET /admin/companies/:id/review': only(REGION_STAFF, 404, { url: `${NO_COMPANY}/review` }),
  'POST /admin/companies/:id/approve': only(REGION_STAFF, 404, {
    anon: 401,
    url: `${NO_COMPANY}/approve`,
    body: { shown: '1' },
  }),
  'POST /admin/companies/:id/return': only(REGION_STAFF, 404, {
    anon: 401,
    url: `${NO_COMPANY}/return`,
    body: { shown: '1', comment: 'Fler bilder, tack.' },
  }),
  'POST /admin/companies/:id/unpublish': only(REGION_STAFF, 404, {
    anon: 401,
    url: `${NO_COMPANY}/unpublish`,
  }),
  'POST /admin/companies/:id/feature': only(REGION_STAFF, 404, {
    anon: 401,
    url: `${NO_COMPANY}/feature`,
    body: { featured: 'yes' },
  }),
  'POST /admin/companies/:id/invite': only(REGION_STAFF, 404, {
    anon: 401,
    url: `${NO_COMPANY}/invite`,
    body: { email: 'vd@example.org' },
  }),
  'GET /admin/companies/:id/images': only(COMPANY_EDITORS, 404, { url: `${NO_COMPANY}/images` }),
  'POST /admin/companies/:id/images': only(COMPANY_EDITORS, 404, { anon: 401, url: `${NO_COMPANY}/images` }),
  'GET /admin/companies/:id/needs': only(COMPANY_EDITORS, 404, { url: `${NO_COMPANY}/needs` }),
  'POST /admin/companies/:id/needs': only(COMPANY_EDITORS, 404, { anon: 401, url: `${NO_COMPANY}/needs` }),
  // The talent pool's employers' side (talent/employers): cards, intro requests, the person's answers
  'GET /admin/talent': only(TALENT_SEARCH, 200),
  'GET /admin/talent/cards/:card': only(TALENT_SEARCH, 404, { url: NO_CARD }),
  'POST /admin/talent/cards/:card': only(TALENT_SEARCH, 409, {
    anon: 401,
    url: NO_CARD,
    body: { message: 'Hej' },
  }),
  'GET /admin/talent/requests': only(TALENT_SEARCH, 200),
  'GET /admin/talent/settings': only(['admin'], 200),
  'POST /admin/talent/settings': only(['admin'], 422, { anon: 401, body: { kAnonymity: '1' } }),
  'GET /:lang/talent-pool/intro/:token': everyone(404, { url: NO_INTRO }),
  'POST /:lang/talent-pool/intro/:token': everyone(404, { url: NO_INTRO, body: { answer: 'accept' } }),
  'POST /:lang/talent-pool/requests/answer': signedIn(404, {
    anon: 401,
    body: { id: NO_IMAGE, answer: 'accept' },
  }),
  'POST /:lang/talent-pool/blocks/remove': signedIn(303, { anon: 401, body: { organisation: NO_IMAGE } }),
  // The talent pool: consent renewal (talent/renewal/)
  'GET /:lang/talent-pool/stay/:token': everyone(410, { url: '/sv/talent-pool/stay/no-such-token' }),
  'POST /:lang/talent-pool/stay': everyone(410, {
    url: '/sv/talent-pool/stay',
    body: { token: 'no-such-token' },
  }),
  // The navigator: the household's side (relocation/household/): the moving page and its forms,
  // the navigators' document download, the follow-up survey
  'GET /:lang/me/move': signedIn(200),
  'GET /:lang/me/events/:id': signedIn(404, { url: `/sv/me/events/${NO_IMAGE}` }),
  'POST /:lang/me/move/checklist': signedIn(404, {
    anon: 401,
    body: { case: NO_IMAGE, step: 'sfi', done: 'yes' },
  }),
  'POST /:lang/me/move/household': signedIn(404, { anon: 401, body: { case: NO_IMAGE, housing: 'rent' } }),
  'POST /:lang/me/move/consent': signedIn(404, {
    anon: 401,
    body: { case: NO_IMAGE, person: NO_IMAGE, purpose: 'followup', action: 'give' },
  }),
  'POST /:lang/me/move/documents': signedIn(404, { anon: 401, body: { case: NO_IMAGE } }),
  'POST /:lang/me/move/documents/delete': signedIn(404, {
    anon: 401,
    body: { case: NO_IMAGE, document: NO_IMAGE },
  }),
  'GET /:lang/me/move/documents/:docId': signedIn(404, { url: `/sv/me/move/documents/${NO_IMAGE}` }),
  'GET /admin/cases/:id/documents/:docId': only(['admin', 'navigator'], 404, {
    url: `/admin/cases/${NO_IMAGE}/documents/${NO_IMAGE}`,
  }),
  'GET /:lang/move/followup/:token': everyone(404, { url: '/sv/move/followup/no-such-token-no-such-token' }),
  'POST /:lang/move/followup/:token': everyone(404, {
    url: '/sv/move/followup/no-such-token-no-such-token',
    body: { living: 'yes' },
  }),
  // The navigator's careers part (relocation/careers/): the careers page and forms of a case,
  // introductions to employers (the navigator's form and the employer's pages), duplicates and merge
  'GET /admin/cases/:id/careers': only(CAREERS_CASES_WORK, 404, { url: `${CAREERS_NO_CASE}/careers` }),
  'POST /admin/cases/:id/job-search': only(CAREERS_CASES_WORK, 404, {
    anon: 401,
    staff: 403,
    url: `${CAREERS_NO_CASE}/job-search`,
    body: { person: NO_IMAGE, job_search: 'searching' },
  }),
  'POST /admin/cases/:id/applications': only(CAREERS_CASES_WORK, 404, {
    anon: 401,
    staff: 403,
    url: `${CAREERS_NO_CASE}/applications`,
    body: { person: NO_IMAGE, employer: 'Bolaget AB', title: 'Lärare' },
  }),
  'POST /admin/cases/:id/applications/:application': only(CAREERS_CASES_WORK, 404, {
    anon: 401,
    staff: 403,
    url: `${CAREERS_NO_CASE}/applications/${NO_IMAGE}`,
    body: { status: 'interview' },
  }),
  'GET /admin/cases/:id/introductions': only(CAREERS_CASES_WORK, 404, {
    url: `${CAREERS_NO_CASE}/introductions`,
  }),
  'POST /admin/cases/:id/introductions': only(CAREERS_CASES_WORK, 404, {
    anon: 401,
    staff: 403,
    url: `${CAREERS_NO_CASE}/introductions`,
    body: { person: NO_IMAGE, organisation: NO_IMAGE, message: 'Hej' },
  }),
  'GET /admin/cases/duplicates': only(CAREERS_CASES_WORK, 200),
  'POST /admin/cases/duplicates/link': only(CAREERS_CASES_WORK, 404, {
    anon: 401,
    staff: 403,
    body: { person: NO_IMAGE },
  }),
  'POST /admin/cases/duplicates/confirm': only(CAREERS_CASES_WORK, 404, {
    anon: 401,
    staff: 403,
    body: { person: NO_IMAGE },
  }),
  'GET /admin/cases/duplicates/merge': only(CAREERS_CASES_WORK, 404, {
    url: `/admin/cases/duplicates/merge?a=${NO_IMAGE}&b=${CAREERS_NO_OTHER_CASE}`,
  }),
  'POST /admin/cases/duplicates/merge': only(CAREERS_CASES_WORK, 404, {
    anon: 401,
    staff: 403,
    body: { a: NO_IMAGE, b: CAREERS_NO_OTHER_CASE, survivor: NO_IMAGE },
  }),
  'GET /admin/talent/introductions': only(TALENT_SEARCH, 200),
  'GET /admin/talent/introductions/:id': only(TALENT_SEARCH, 404, {
    url: `/admin/talent/introductions/${NO_IMAGE}`,
  }),
  'POST /admin/talent/introductions/:id': only(TALENT_SEARCH, 404, {
    anon: 401,
    url: `/admin/talent/introductions/${NO_IMAGE}`,
    body: { answer: 'interested' },
  }),
  // The navigators' dashboard (relocation/dashboard): the page and its CSV
  'GET /admin/cases/dashboard': only(['admin', 'navigator'], 200),
  'GET /admin/cases/dashboard.csv': only(['admin', 'navigator'], 200),
  // The navigator: asking a navigator and the navigators' open times (relocation/request). GET
  // /:lang/move is the row above (the page moved from content to this part).
  'POST /:lang/move': everyone(400),
  'GET /:lang/move/thanks/:token': everyone(410, { url: '/sv/move/thanks/no-such-receipt' }),
  'GET /:lang/move/welcome/:token': everyone(410, { url: '/sv/move/welcome/no-such-token' }),
  'POST /:lang/move/welcome/:token': everyone(410, { url: '/sv/move/welcome/no-such-token' }),
  'GET /admin/cases/slots': only(CASES_WORK, 200),
  'POST /admin/cases/slots': only(CASES_WORK, 400, { anon: 401, staff: 403, body: { day: 'x' } }),
  'POST /admin/cases/slots/:id/remove': only(CASES_WORK, 303, {
    anon: 401,
    staff: 403,
    url: '/admin/cases/slots/00000000-0000-4000-8000-000000000000/remove',
  }),
  // The navigators' cases (relocation/cases): inbox, case file and its forms
  'GET /admin/cases': only(CASE_WORKERS, 200),
  'GET /admin/cases/:id': only(CASE_WORKERS, 404, { url: NO_CASE }),
  'POST /admin/cases/:id/take': only(CASE_WORKERS, 404, { anon: 401, staff: 403, url: `${NO_CASE}/take` }),
  'POST /admin/cases/:id/handover': only(CASE_WORKERS, 404, {
    anon: 401,
    staff: 403,
    url: `${NO_CASE}/handover`,
    body: { navigator: '', note: '' },
  }),
  'POST /admin/cases/:id/note': only(CASE_WORKERS, 404, {
    anon: 401,
    staff: 403,
    url: `${NO_CASE}/note`,
    body: { body: 'Ringde.', channel: 'phone' },
  }),
  'POST /admin/cases/:id/stage': only(CASE_WORKERS, 404, {
    anon: 401,
    staff: 403,
    url: `${NO_CASE}/stage`,
    body: { stage: 'in_contact' },
  }),
  'POST /admin/cases/:id/tasks': only(CASE_WORKERS, 404, {
    anon: 401,
    staff: 403,
    url: `${NO_CASE}/tasks`,
    body: { title: 'Ring', due_on: '2030-01-01' },
  }),
  'POST /admin/cases/:id/tasks/:task/done': only(CASE_WORKERS, 404, {
    anon: 401,
    staff: 403,
    url: `${NO_CASE}/tasks/${NO_IMAGE}/done`,
  }),
  'POST /admin/cases/:id/tasks/:task/undo': only(CASE_WORKERS, 404, {
    anon: 401,
    staff: 403,
    url: `${NO_CASE}/tasks/${NO_IMAGE}/undo`,
  }),
  'POST /admin/cases/:id/meetings': only(CASE_WORKERS, 404, {
    anon: 401,
    staff: 403,
    url: `${NO_CASE}/meetings`,
    body: { date: '2030-01-01', time: '10:00', minutes: '30', channel: 'phone' },
  }),
  'POST /admin/cases/:id/meetings/:meeting/cancel': only(CASE_WORKERS, 404, {
    anon: 401,
    staff: 403,
    url: `${NO_CASE}/meetings/${NO_IMAGE}/cancel`,
  }),
  // The newcomer network (relocation/network): public pages, signed-in joining, the
  // back-office (NetworkManage), and matching an ambassador from the case file (CasesWork)
  'GET /:lang/network': everyone(200),
  'GET /:lang/network/groups/:slug': everyone(404, { url: '/sv/network/groups/no-such-group' }),
  'POST /:lang/network/groups/:slug/join': signedIn(404, {
    anon: 401,
    url: `/sv/network/groups/no-such-group/join`,
  }),
  'POST /:lang/network/groups/:slug/leave': signedIn(404, {
    anon: 401,
    url: `/sv/network/groups/no-such-group/leave`,
  }),
  'GET /:lang/network/ambassadors': everyone(200),
  'POST /:lang/network/ambassadors': signedIn(400, { anon: 401, body: { municipality: '' } }),
  'GET /admin/network': only(['admin', 'region_editor', 'navigator'], 200),
  'GET /admin/network/groups/new': only(['admin', 'region_editor', 'navigator'], 200),
  'POST /admin/network/groups': only(['admin', 'region_editor', 'navigator'], 400, {
    anon: 401,
    staff: 403,
    body: { name_sv: '' },
  }),
  'GET /admin/network/groups/:id': only(['admin', 'region_editor', 'navigator'], 404, {
    url: `/admin/network/groups/${NO_IMAGE}`,
  }),
  'POST /admin/network/groups/:id': only(['admin', 'region_editor', 'navigator'], 404, {
    anon: 401,
    staff: 403,
    url: `/admin/network/groups/${NO_IMAGE}`,
  }),
  'POST /admin/network/groups/:id/archive': only(['admin', 'region_editor', 'navigator'], 404, {
    anon: 401,
    staff: 403,
    url: `/admin/network/groups/${NO_IMAGE}/archive`,
  }),
  'POST /admin/network/ambassadors/:id/approve': only(['admin', 'region_editor', 'navigator'], 404, {
    anon: 401,
    staff: 403,
    url: `/admin/network/ambassadors/${NO_IMAGE}/approve`,
  }),
  'POST /admin/network/ambassadors/:id/pause': only(['admin', 'region_editor', 'navigator'], 404, {
    anon: 401,
    staff: 403,
    url: `/admin/network/ambassadors/${NO_IMAGE}/pause`,
  }),
  'POST /admin/cases/:id/ambassador': only(['admin', 'navigator'], 404, {
    anon: 401,
    staff: 403,
    url: `/admin/cases/${NO_IMAGE}/ambassador`,
    body: { ambassador: NO_IMAGE },
  }),
  'POST /admin/cases/:id/ambassador/end': only(['admin', 'navigator'], 404, {
    anon: 401,
    staff: 403,
    url: `/admin/cases/${NO_IMAGE}/ambassador/end`,
    body: { match: NO_IMAGE },
  }),
  // events: admin
  ...(() => {
    const managers: Role[] = [
      'admin',
      'region_editor',
      'municipality_editor',
      'navigator',
      'employer_admin',
      'employer_member',
      'course_provider',
    ];
    const noEvent = '/admin/events/00000000-0000-4000-8000-000000000000';
    const none = '00000000-0000-4000-8000-000000000000';
    const post = (path: string, body: Record<string, string> = {}) =>
      only(managers, 404, { anon: 401, staff: 403, url: `${noEvent}${path}`, body });
    const rows: Record<string, Row> = {
      'GET /admin/events': only(managers, 200),
      'GET /admin/events/new': only(managers, 200),
      'POST /admin/events/new': only(managers, 400, { anon: 401, staff: 403, body: {} }),
      'GET /admin/events/:id': only(managers, 404, { url: noEvent }),
      'GET /admin/events/:id/edit': only(managers, 404, { url: `${noEvent}/edit` }),
      'POST /admin/events/:id/edit': post('/edit'),
      'POST /admin/events/:id/submit': post('/submit'),
      'POST /admin/events/:id/publish': post('/publish'),
      'POST /admin/events/:id/unpublish': post('/unpublish'),
      'POST /admin/events/:id/delete': post('/delete'),
      'POST /admin/events/:id/send-back': post('/send-back', { comment: 'x' }),
      'POST /admin/events/:id/cancel': post('/cancel', { reason: 'x' }),
      'POST /admin/events/:id/organisations': post('/organisations', {
        organisation: none,
        role: 'exhibitor',
      }),
      'POST /admin/events/:id/organisations/:org/remove': post(`/organisations/${none}/remove`),
      'GET /admin/events/:id/stands/:org': only(managers, 404, { url: `${noEvent}/stands/${none}` }),
      'POST /admin/events/:id/programme': post('/programme'),
      'POST /admin/events/:id/programme/:item': post(`/programme/${none}`),
      'POST /admin/events/:id/programme/:item/remove': post(`/programme/${none}/remove`),
      'POST /admin/events/:id/questions': post('/questions'),
      'POST /admin/events/:id/questions/:item': post(`/questions/${none}`),
      'POST /admin/events/:id/questions/:item/remove': post(`/questions/${none}/remove`),
      'POST /admin/events/:id/questions/:item/move': post(`/questions/${none}/move`, { direction: 'up' }),
      'GET /admin/events/:id/followup': only(managers, 404, { url: `${noEvent}/followup` }),
      'POST /admin/events/:id/followup': post('/followup', { audience: 'confirmed', step: 'preview' }),
      'GET /admin/events/:id/stats': only(managers, 404, { url: `${noEvent}/stats` }),
      'GET /admin/events/:id/stats.csv': only(managers, 404, { url: `${noEvent}/stats.csv` }),
    };
    return rows;
  })(),
  // events: checkin
  ...(() => {
    const MANAGERS: Role[] = [
      'admin',
      'region_editor',
      'municipality_editor',
      'navigator',
      'employer_admin',
      'employer_member',
      'course_provider',
    ];
    const door = `/admin/events/${NO_IMAGE}/checkin`;
    return {
      'GET /admin/events/:id/checkin': only(MANAGERS, 404, { url: door }),
      'POST /admin/events/:id/checkin': only(MANAGERS, 404, {
        anon: 401,
        staff: 403,
        url: door,
        body: { registration: NO_IMAGE },
      }),
      'POST /admin/events/:id/checkin/code': only(MANAGERS, 404, {
        anon: 401,
        staff: 403,
        url: `${door}/code`,
        body: { code: 'LT1-AAAAAAAAAAAAAAAAAAAA' },
      }),
      'POST /admin/events/:id/checkin/undo': only(MANAGERS, 404, {
        anon: 401,
        staff: 403,
        url: `${door}/undo`,
        body: { registration: NO_IMAGE },
      }),
      'GET /admin/events/:id/checkin/list.json': only(MANAGERS, 404, { url: `${door}/list.json` }),
      'GET /admin/events/:id/checkin/counts.json': only(MANAGERS, 404, { url: `${door}/counts.json` }),
      // A form body is not the queue's JSON: the schema refuses it before any lookup.
      'POST /admin/events/:id/checkins': only(MANAGERS, 400, {
        anon: 401,
        staff: 403,
        url: `/admin/events/${NO_IMAGE}/checkins`,
      }),
    } satisfies Record<string, Row>;
  })(),
  // events: leads
  'GET /admin/events/:id/leads/new': backOffice(404, { url: `/admin/events/${NO_IMAGE}/leads/new` }),
  'POST /admin/events/:id/leads/new': backOffice(404, {
    anon: 401,
    staff: 403,
    url: `/admin/events/${NO_IMAGE}/leads/new`,
    body: { name: '' },
  }),
  'POST /admin/events/:id/leads/:lead/delete': backOffice(404, {
    anon: 401,
    staff: 403,
    url: `/admin/events/${NO_IMAGE}/leads/${NO_IMAGE}/delete`,
  }),
  'GET /admin/events/:id/leads': backOffice(404, { url: `/admin/events/${NO_IMAGE}/leads` }),
  'GET /admin/events/:id/leads.csv': backOffice(404, { url: `/admin/events/${NO_IMAGE}/leads.csv` }),
  'GET /admin/events/:id/leads/registrations.csv': backOffice(404, {
    url: `/admin/events/${NO_IMAGE}/leads/registrations.csv`,
  }),
  'GET /admin/events/leads': backOffice(200),
  'GET /admin/events/leads.csv': backOffice(200),
  'GET /:lang/events/:slug/stand/:code': everyone(404, {
    url: '/sv/events/no-such-event/stand/abcdefgh1234',
  }),
  'POST /:lang/events/:slug/stand/:code': everyone(404, {
    url: '/sv/events/no-such-event/stand/abcdefgh1234',
    body: { name: '' },
  }),
  'GET /:lang/events/:slug/stand/:code/thanks': everyone(404, {
    url: '/sv/events/no-such-event/stand/abcdefgh1234/thanks',
  }),
  // events: registration
  'GET /:lang/events/:slug/register': everyone(404, { url: '/sv/events/no-such-event/register' }),
  'POST /:lang/events/:slug/register': everyone(404, {
    url: '/sv/events/no-such-event/register',
    body: { name: 'Ada', email: 'ada@example.org', consent: 'yes' },
  }),
  'GET /:lang/events/registration/:token': everyone(404, { url: '/sv/events/registration/no-such-token' }),
  'GET /:lang/events/registration/:token/cancel': everyone(404, {
    url: '/sv/events/registration/no-such-token/cancel',
  }),
  'POST /:lang/events/registration/:token/cancel': everyone(404, {
    url: '/sv/events/registration/no-such-token/cancel',
  }),
  'POST /:lang/events/registration/:token/accept': everyone(404, {
    url: '/sv/events/registration/no-such-token/accept',
  }),
  'POST /:lang/events/registration/:token/decline': everyone(404, {
    url: '/sv/events/registration/no-such-token/decline',
  }),
  'POST /:lang/events/registration/:token/seats': everyone(404, {
    url: '/sv/events/registration/no-such-token/seats',
    body: { seats: '2' },
  }),
  'POST /:lang/events/registration/:token/answers': everyone(404, {
    url: '/sv/events/registration/no-such-token/answers',
  }),
  'GET /admin/events/:id/registrations': backOffice(404, { url: `/admin/events/${NO_IMAGE}/registrations` }),
  'GET /admin/events/:id/registrations.csv': backOffice(404, {
    url: `/admin/events/${NO_IMAGE}/registrations.csv`,
  }),
  'POST /admin/events/:id/registrations/:rid/cancel': backOffice(404, {
    anon: 401,
    staff: 403,
    url: `/admin/events/${NO_IMAGE}/registrations/${NO_IMAGE}/cancel`,
  }),
  'POST /admin/events/:id/registrations/:rid/approve': backOffice(404, {
    anon: 401,
    staff: 403,
    url: `/admin/events/${NO_IMAGE}/registrations/${NO_IMAGE}/approve`,
  }),
  'POST /admin/events/:id/registrations/:rid/wait': backOffice(404, {
    anon: 401,
    staff: 403,
    url: `/admin/events/${NO_IMAGE}/registrations/${NO_IMAGE}/wait`,
  }),
  'POST /admin/events/:id/registrations/:rid/decline': backOffice(404, {
    anon: 401,
    staff: 403,
    url: `/admin/events/${NO_IMAGE}/registrations/${NO_IMAGE}/decline`,
    body: { message: 'Nej tack' },
  }),
  // events: public
  'GET /:lang/events': everyone(200, { url: '/sv/events' }),
  'GET /:lang/events/calendar.ics': everyone(200, { url: '/sv/events/calendar.ics' }),
  'GET /:lang/events/:slug': everyone(404, { url: '/sv/events/no-such-event' }),
  'GET /:lang/events/:slug/calendar.ics': everyone(404, { url: '/sv/events/no-such-event/calendar.ics' }),
  // events: fix fix-admin
  ...(() => {
    const managers: Role[] = [
      'admin',
      'region_editor',
      'municipality_editor',
      'navigator',
      'employer_admin',
      'employer_member',
      'course_provider',
    ];
    const url = '/admin/events/00000000-0000-4000-8000-000000000000/changes';
    return {
      'POST /admin/events/:id/changes/publish': only(managers, 404, {
        anon: 401,
        staff: 403,
        url: `${url}/publish`,
        body: { version: '1' },
      }),
      'POST /admin/events/:id/changes/send-back': only(managers, 404, {
        anon: 401,
        staff: 403,
        url: `${url}/send-back`,
        body: { comment: 'x' },
      }),
    } satisfies Record<string, Row>;
  })(),
  // events: fix fix2-registration
  'POST /:lang/events/registration/:token/share': everyone(404, {
    url: '/sv/events/registration/no-such-token/share',
    body: { share: 'no' },
  }),
  'POST /:lang/events/registration/:token/erase': everyone(404, {
    url: '/sv/events/registration/no-such-token/erase',
  }),
  'GET /:lang/events/registration/erased': everyone(200, { url: '/sv/events/registration/erased' }),
  // events: fix fix2-admin
  'GET /admin/events/:id/delete': only(
    [
      'admin',
      'region_editor',
      'municipality_editor',
      'navigator',
      'employer_admin',
      'employer_member',
      'course_provider',
    ],
    404,
    { url: '/admin/events/00000000-0000-4000-8000-000000000000/delete' },
  ),
  // toolbox: widget
  'GET /:lang/toolbox/widget': only(ROLES_ALL, 200, { url: '/sv/toolbox/widget' }),
  'POST /:lang/toolbox/widget': only(ROLES_ALL, 400, {
    anon: 401,
    staff: 403,
    url: '/sv/toolbox/widget',
    body: { lang: 'xx' },
  }),
  'POST /:lang/toolbox/widget/key': only(ROLES_ALL, 404, {
    anon: 401,
    staff: 403,
    url: '/sv/toolbox/widget/key',
  }),
  'GET /api/v1/widget/:key': everyone(404, { url: '/api/v1/widget/abcdefghijkl1234' }),
  'OPTIONS /api/v1/widget/:key': everyone(204, { url: '/api/v1/widget/abcdefghijkl1234' }),
  'GET /:lang/widget/:key': everyone(404, { url: '/sv/widget/abcdefghijkl1234' }),
  // toolbox: builder
  'GET /:lang/toolbox/builder': backOffice(200, { url: '/sv/toolbox/builder' }),
  // toolbox: brand
  'GET /:lang/toolbox': only(ROLES_ALL, 200, { url: '/sv/toolbox' }),
  'GET /admin/toolbox': only(['admin', 'region_editor'], 200),
  'GET /admin/toolbox/brand': only(['admin', 'region_editor'], 200),
  'POST /admin/toolbox/brand': only(['admin', 'region_editor'], 400, {
    anon: 401,
    body: { base: '0', position_sv: 'x'.repeat(200) },
  }),
  'GET /admin/toolbox/brand/versions': only(['admin', 'region_editor'], 200),
  'POST /admin/toolbox/brand/versions/:version/restore': only(['admin', 'region_editor'], 404, {
    anon: 401,
    url: '/admin/toolbox/brand/versions/999/restore',
  }),
  // toolbox: guides
  ...(() => {
    const checklist = '/sv/toolbox/guides/checklists/00000000-0000-4000-8000-000000000000';
    const guide = '/admin/toolbox/guides/anstalla-utanfor-eu-ees';
    const editors: Role[] = ['admin', 'region_editor'];
    return {
      'GET /:lang/toolbox/guides': backOffice(200, { url: '/sv/toolbox/guides' }),
      'GET /:lang/toolbox/guides/:slug': backOffice(200, {
        url: '/sv/toolbox/guides/anstalla-utanfor-eu-ees',
      }),
      'POST /:lang/toolbox/guides/checklists': backOffice(400, {
        anon: 401,
        staff: 403,
        url: '/sv/toolbox/guides/checklists',
        body: { guide: 'anstalla-utanfor-eu-ees', label: '' },
      }),
      'GET /:lang/toolbox/guides/checklists/:id': backOffice(404, { url: checklist }),
      'POST /:lang/toolbox/guides/checklists/:id': backOffice(404, { anon: 401, staff: 403, url: checklist }),
      'POST /:lang/toolbox/guides/checklists/:id/rename': backOffice(404, {
        anon: 401,
        staff: 403,
        url: `${checklist}/rename`,
        body: { label: 'x' },
      }),
      'GET /:lang/toolbox/guides/checklists/:id/delete': backOffice(404, { url: `${checklist}/delete` }),
      'POST /:lang/toolbox/guides/checklists/:id/delete': backOffice(404, {
        anon: 401,
        staff: 403,
        url: `${checklist}/delete`,
      }),
      'GET /admin/toolbox/guides': only(editors, 200),
      'GET /admin/toolbox/guides/:slug': only(editors, 200, { url: guide }),
      'POST /admin/toolbox/guides/:slug': only(editors, 409, {
        anon: 401,
        url: guide,
        body: {
          version: '0',
          title_sv: 'A',
          title_en: 'B',
          s0_title_sv: 'C',
          s0_title_en: 'D',
          s0_position: '1',
        },
      }),
      'POST /admin/toolbox/guides/:slug/publish': only(editors, 409, {
        anon: 401,
        url: `${guide}/publish`,
        body: { version: '0', published: 'true' },
      }),
    } satisfies Record<string, Row>;
  })(),
  // toolbox: assets
  ...(() => {
    const editors: Role[] = ['admin', 'region_editor'];
    const none = '00000000-0000-4000-8000-000000000000';
    const admin = `/admin/toolbox/assets/${none}`;
    return {
      'GET /:lang/toolbox/assets': backOffice(200, { url: '/sv/toolbox/assets' }),
      'GET /:lang/toolbox/assets/downloads': backOffice(200, { url: '/sv/toolbox/assets/downloads' }),
      'GET /:lang/toolbox/assets/:id': backOffice(404, { url: `/sv/toolbox/assets/${none}` }),
      'GET /:lang/toolbox/assets/:id/download': backOffice(404, {
        url: `/sv/toolbox/assets/${none}/download`,
      }),
      'GET /admin/toolbox/assets': only(editors, 200),
      'GET /admin/toolbox/assets/new': only(editors, 200),
      'POST /admin/toolbox/assets/new': only(editors, 400, { anon: 401, body: { kind: 'document' } }),
      'GET /admin/toolbox/assets/:id': only(editors, 404, { url: admin }),
      'POST /admin/toolbox/assets/:id': only(editors, 404, { anon: 401, url: admin, body: {} }),
      'POST /admin/toolbox/assets/:id/publish': only(editors, 404, { anon: 401, url: `${admin}/publish` }),
      'POST /admin/toolbox/assets/:id/withdraw': only(editors, 404, { anon: 401, url: `${admin}/withdraw` }),
      'POST /admin/toolbox/assets/:id/delete': only(editors, 404, { anon: 401, url: `${admin}/delete` }),
      'GET /admin/toolbox/assets/:id/downloads.csv': only(editors, 404, { url: `${admin}/downloads.csv` }),
      'GET /admin/toolbox/assets/:id/file': only(editors, 404, { url: `${admin}/file` }),
    } satisfies Record<string, Row>;
  })(),
  // toolbox: texts
  ...(() => {
    const EDITORS: Role[] = ['admin', 'region_editor'];
    const NO_TEXT = '/admin/toolbox/texts/00000000-0000-4000-8000-000000000000';
    return {
      'GET /:lang/toolbox/texts': backOffice(200, { url: '/sv/toolbox/texts' }),
      'GET /admin/toolbox/texts': only(EDITORS, 200),
      'GET /admin/toolbox/texts/new': only(EDITORS, 200),
      'POST /admin/toolbox/texts/new': only(EDITORS, 400, { anon: 401, body: { persona: 'x' } }),
      'GET /admin/toolbox/texts/:id': only(EDITORS, 404, { url: NO_TEXT }),
      'POST /admin/toolbox/texts/:id': only(EDITORS, 404, {
        anon: 401,
        url: NO_TEXT,
        body: { persona: 'x' },
      }),
      'POST /admin/toolbox/texts/:id/status': only(EDITORS, 404, {
        anon: 401,
        url: `${NO_TEXT}/status`,
        body: { version: '1', to: 'approved' },
      }),
    } satisfies Record<string, Row>;
  })(),
  // toolbox: fix-widget
  'GET /:lang/toolbox/widget/key': only(ROLES_ALL, 404, { url: '/sv/toolbox/widget/key' }),
};
