/**
 * The newcomer network's routes. Thin: read input, one service call, a page or a redirect.
 *
 * Public (Permission.Public, the session read when there is one):
 * - GET /:lang/network: the landing page with the next meetups; GET /:lang/network/groups/:slug: a
 *   group and its upcoming meetups (events, each linking to its page under /:lang/events);
 *   GET /:lang/network/ambassadors: what an ambassador does, and the form for signed-in people.
 * Signed in (Permission.SignedIn; a visitor's page offers a sign-in link that comes back here):
 * - POST …/groups/:slug/join, …/leave; POST /:lang/network/ambassadors (sign up, or save).
 * Back-office (Permission.NetworkManage): /admin/network (groups, ambassadors: approve, pause),
 * /admin/network/groups/new, /admin/network/groups/:id (edit, archive; the group's meetups listed
 * with links to the events back-office, where a new one is made).
 * Case file (Permission.CasesWork, the case within the navigator's scope):
 * - POST /admin/cases/:id/ambassador (match), POST /admin/cases/:id/ambassador/end.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { formValues } from '../../../platform/html/forms.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import { doneOf, isUuid, uuidParam } from '../../../platform/http/params.ts';
import {
  AnyQuery,
  FormBody,
  FormList,
  LangParams,
  PathParams,
  type App,
} from '../../../platform/http/schema.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { personOf } from '../../../platform/auth/principal.ts';
import { Permission } from '../../../platform/permissions.ts';
import { Type } from '@sinclair/typebox';
import { imagesFor } from '../../content/public/media.ts';
import { caseScopeOf } from '../cases.ts';
import { casePath } from '../model.ts';
import {
  adminPaths,
  groupAdminPage,
  GROUP_ADMIN_DONE,
  homePage,
  HOME_DONE,
  refusedPage,
  type GroupAdminModel,
} from './admin-views.ts';
import { endAmbassadorMatch, matchAmbassador } from './matching.ts';
import { GROUP_LIST_LIMIT } from './model.ts';
import {
  ambassadorsPage,
  groupPage,
  GROUP_DONE,
  landingPage,
  networkPaths,
  type AmbassadorPageModel,
} from './public-views.ts';
import { eventsOfGroup, upcomingNetworkEvents } from './events.ts';
import {
  ambassadorList,
  ambassadorOfAccount,
  groupById,
  groupBySlug,
  groupSummaries,
  isMember,
  memberCount,
} from './repository.ts';
import {
  ACT_PER_IP,
  APPLY_PER_IP,
  applyAsAmbassador,
  GROUP_FIELDS,
  joinGroup,
  leaveGroup,
  readAmbassadorInput,
  saveGroup,
  setAmbassador,
  toggleGroupArchived,
  type Staff,
} from './service.ts';

/** The landing page's photograph: the first of these the media library has. */
export const NETWORK_HERO_IMAGES = ['lake-jetty-sunset', 'midsommar-maypole', 'autumn-forest-sunbeams'];

const pub = { permission: Permission.Public, auth: 'optional' } as const;
const signedIn = { permission: Permission.SignedIn, rateLimit: ACT_PER_IP } as const;
const manage = { permission: Permission.NetworkManage } as const;
const cases = { permission: Permission.CasesWork } as const;

const SLUG_PARAM = /^[a-z0-9-]{1,80}$/;

function slugOf(value: string): string {
  if (!SLUG_PARAM.test(value)) throw new AppError('LOTSA_NOT_FOUND');
  return value;
}

function staffOf(request: FastifyRequest): Staff {
  const person = personOf(request);
  return {
    regionId: request.region.id,
    accountId: person.account.id,
    organisationId: person.organisation?.id ?? null,
  };
}

const AmbassadorBody = Type.Object({
  municipality: Type.Optional(Type.String({ maxLength: 10 })),
  occupation: Type.Optional(Type.String({ maxLength: 1000 })),
  about: Type.Optional(Type.String({ maxLength: 5000 })),
  consent: Type.Optional(Type.String({ maxLength: 10 })),
  languages: FormList(),
  personas: FormList(),
  interests: FormList(),
});

export function registerNetworkRoutes(app: App, deps: ModuleDeps): void {
  const { db } = deps.database;

  // Public ----------------------------------------------------------------------------------

  app.get('/:lang/network', { schema: { params: LangParams }, config: pub }, async (request, reply) => {
    const lang = langParam(request);
    const [images, groups, meetups] = await Promise.all([
      imagesFor(db, request.region.id, NETWORK_HERO_IMAGES),
      groupSummaries(db, request.region.id, { activeOnly: true, limit: GROUP_LIST_LIMIT }),
      upcomingNetworkEvents(db, request.region.id),
    ]);
    const hero = NETWORK_HERO_IMAGES.map((s) => images.get(s)).find(Boolean);
    return reply.page(landingPage(lang, request.region, hero, groups, meetups), {
      cache: request.auth?.account ? 'no-store' : 'public, max-age=300',
    });
  });

  async function showGroup(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    slug: string,
    extra: { done?: (typeof GROUP_DONE)[number] },
  ) {
    const regionId = request.region.id;
    const group = await groupBySlug(db, regionId, slug);
    if (!group) throw new AppError('LOTSA_NOT_FOUND');
    const account = request.auth?.account;
    const [members, meetups, member] = await Promise.all([
      memberCount(db, regionId, group.id),
      eventsOfGroup(db, regionId, group.id, { backOffice: false }),
      account ? isMember(db, regionId, group.id, account.id) : false,
    ]);
    const page = groupPage({
      lang,
      region: request.region,
      group,
      members,
      meetups,
      viewer: account ? { csrfToken: reply.csrfToken(), member } : undefined,
      ...extra,
    });
    return reply.page(page, { cache: 'no-store' });
  }

  const groupParams = PathParams('lang', 'slug');
  app.get(
    '/:lang/network/groups/:slug',
    { schema: { params: groupParams, querystring: AnyQuery }, config: pub },
    async (request, reply) => {
      const lang = langParam(request);
      const done = doneOf(request.query.done, GROUP_DONE);
      return showGroup(request, reply, lang, slugOf(request.params.slug), { done });
    },
  );

  const back = (reply: FastifyReply, lang: Lang, slug: string, done: string) =>
    reply
      .header('cache-control', 'no-store')
      .redirect(`${networkPaths.group(lang, slug)}?done=${done}#meetups-title`, 303);

  app.post(
    '/:lang/network/groups/:slug/join',
    { schema: { params: groupParams }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      const slug = slugOf(request.params.slug);
      if (!(await joinGroup(db, request.region.id, personOf(request).account.id, slug)))
        throw new AppError('LOTSA_NOT_FOUND');
      return back(reply, lang, slug, 'joined');
    },
  );

  app.post(
    '/:lang/network/groups/:slug/leave',
    { schema: { params: groupParams }, config: signedIn },
    async (request, reply) => {
      const lang = langParam(request);
      const slug = slugOf(request.params.slug);
      if (!(await leaveGroup(db, request.region.id, personOf(request).account.id, slug)))
        throw new AppError('LOTSA_NOT_FOUND');
      return back(reply, lang, slug, 'left');
    },
  );

  async function ambassadorsView(
    request: FastifyRequest,
    reply: FastifyReply,
    lang: Lang,
    extra: Partial<NonNullable<AmbassadorPageModel['viewer']>> & { done?: AmbassadorPageModel['done'] },
  ): Promise<AmbassadorPageModel> {
    const account = request.auth?.account;
    const { done, ...viewer } = extra;
    return {
      lang,
      region: request.region,
      done,
      viewer: account
        ? {
            csrfToken: reply.csrfToken(),
            existing: await ambassadorOfAccount(db, request.region.id, account.id),
            ...viewer,
          }
        : undefined,
    };
  }

  app.get(
    '/:lang/network/ambassadors',
    { schema: { params: LangParams, querystring: AnyQuery }, config: pub },
    async (request, reply) => {
      const lang = langParam(request);
      const done = doneOf(request.query.done, ['applied', 'saved'] as const);
      const model = await ambassadorsView(request, reply, lang, { done });
      return reply.page(ambassadorsPage(model), {
        cache: request.auth?.account ? 'no-store' : 'public, max-age=300',
      });
    },
  );

  app.post(
    '/:lang/network/ambassadors',
    {
      schema: { params: LangParams, body: AmbassadorBody },
      config: { permission: Permission.SignedIn, rateLimit: APPLY_PER_IP },
    },
    async (request, reply) => {
      const lang = langParam(request);
      const input = readAmbassadorInput(request.body);
      const result = await applyAsAmbassador(db, request.region, personOf(request).account.id, input);
      if (result.kind === 'invalid') {
        const model = await ambassadorsView(request, reply, lang, { input, errors: result.errors });
        return reply.page(ambassadorsPage(model), { status: 400, cache: 'no-store' });
      }
      return reply
        .header('cache-control', 'no-store')
        .redirect(`${networkPaths.ambassadors(lang)}?done=${result.created ? 'applied' : 'saved'}`, 303);
    },
  );

  // Back-office -----------------------------------------------------------------------------

  app.get(adminPaths.home, { schema: { querystring: AnyQuery }, config: manage }, async (request, reply) => {
    const lang = adminLang(request);
    const [groups, ambassadors] = await Promise.all([
      groupSummaries(db, request.region.id, { activeOnly: false, limit: GROUP_LIST_LIMIT }),
      ambassadorList(db, request.region.id),
    ]);
    const done = doneOf(request.query.done, HOME_DONE);
    const page = homePage(lang, request.region, reply.csrfToken(), groups, ambassadors, done);
    return reply.adminPage({ ...page, path: adminPaths.home });
  });

  async function showGroupAdmin(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    extra: Partial<GroupAdminModel>,
    status = 200,
  ) {
    const regionId = request.region.id;
    const group = id ? await groupById(db, regionId, id) : null;
    if (id && !group) throw new AppError('LOTSA_NOT_FOUND');
    const meetups = group ? await eventsOfGroup(db, regionId, group.id, { backOffice: true }) : [];
    const page = groupAdminPage({
      lang: adminLang(request),
      region: request.region,
      csrf: reply.csrfToken(),
      group: group ?? null,
      meetups,
      ...extra,
    });
    const path = group ? adminPaths.group(group.id) : adminPaths.newGroup;
    return reply.adminPage({ ...page, path, navPath: adminPaths.home }, { status });
  }

  app.get(adminPaths.newGroup, { config: manage }, async (request, reply) =>
    showGroupAdmin(request, reply, null, {}),
  );

  const groupBody = FormBody(...GROUP_FIELDS);
  app.post(adminPaths.groups, { schema: { body: groupBody }, config: manage }, async (request, reply) => {
    const input = formValues(request.body, GROUP_FIELDS);
    const result = await saveGroup(db, request.region, staffOf(request), null, input);
    if (result.kind === 'done') return reply.redirect(`${adminPaths.group(result.id)}?done=created`, 303);
    if (result.kind === 'not-found') throw new AppError('LOTSA_NOT_FOUND');
    return showGroupAdmin(request, reply, null, { form: { input, errors: result.errors } }, 400);
  });

  const idParams = PathParams('id');
  app.get(
    `${adminPaths.groups}/:id`,
    { schema: { params: idParams, querystring: AnyQuery }, config: manage },
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      return showGroupAdmin(request, reply, id, { done: doneOf(request.query.done, GROUP_ADMIN_DONE) });
    },
  );

  app.post(
    `${adminPaths.groups}/:id`,
    { schema: { params: idParams, body: groupBody }, config: manage },
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const input = formValues(request.body, GROUP_FIELDS);
      const result = await saveGroup(db, request.region, staffOf(request), id, input);
      if (result.kind === 'done') return reply.redirect(`${adminPaths.group(id)}?done=saved`, 303);
      if (result.kind === 'not-found') throw new AppError('LOTSA_NOT_FOUND');
      return showGroupAdmin(request, reply, id, { form: { input, errors: result.errors } }, 400);
    },
  );

  app.post(
    `${adminPaths.groups}/:id/archive`,
    { schema: { params: idParams }, config: manage },
    async (request, reply) => {
      const id = uuidParam(request.params.id);
      const status = await toggleGroupArchived(db, staffOf(request), id);
      if (!status) throw new AppError('LOTSA_NOT_FOUND');
      return reply.redirect(
        `${adminPaths.group(id)}?done=${status === 'archived' ? 'archived' : 'restored'}`,
        303,
      );
    },
  );

  for (const action of ['approve', 'pause'] as const) {
    app.post(
      `${adminPaths.home}/ambassadors/:id/${action}`,
      { schema: { params: idParams }, config: manage },
      async (request, reply) => {
        const id = uuidParam(request.params.id);
        const status = action === 'approve' ? 'approved' : 'paused';
        if (!(await setAmbassador(db, staffOf(request), id, status))) throw new AppError('LOTSA_NOT_FOUND');
        return reply.redirect(`${adminPaths.home}?done=${status}#network-ambassadors-title`, 303);
      },
    );
  }

  // The case file -----------------------------------------------------------------------------

  async function scopeOf(request: FastifyRequest) {
    const scope = await caseScopeOf(db, request.region.id, request.auth ?? undefined);
    if (!scope) throw new AppError('LOTSA_NOT_FOUND');
    return scope;
  }

  app.post(
    '/admin/cases/:id/ambassador',
    { schema: { params: idParams, body: FormBody('ambassador') }, config: cases },
    async (request, reply) => {
      const caseId = uuidParam(request.params.id);
      const ambassador = request.body.ambassador ?? '';
      if (!isUuid(ambassador)) throw new AppError('LOTSA_NOT_FOUND');
      const outcome = await matchAmbassador(
        { db, queue: deps.queue },
        request.region,
        siteOrigin(request),
        await scopeOf(request),
        caseId,
        ambassador.toLowerCase(),
      );
      if (outcome.kind === 'not-found') throw new AppError('LOTSA_NOT_FOUND');
      if (outcome.kind === 'refused') {
        const page = refusedPage(adminLang(request), casePath(caseId), outcome.reason);
        return reply.adminPage({ ...page, path: casePath(caseId) }, { status: 409 });
      }
      return reply.redirect(`${casePath(caseId)}?done=ambassador-matched#ambassador`, 303);
    },
  );

  app.post(
    '/admin/cases/:id/ambassador/end',
    { schema: { params: idParams, body: FormBody('match') }, config: cases },
    async (request, reply) => {
      const caseId = uuidParam(request.params.id);
      const match = request.body.match ?? '';
      if (!isUuid(match)) throw new AppError('LOTSA_NOT_FOUND');
      const ended = await endAmbassadorMatch(
        db,
        request.region,
        await scopeOf(request),
        caseId,
        match.toLowerCase(),
      );
      if (!ended) throw new AppError('LOTSA_NOT_FOUND');
      return reply.redirect(`${casePath(caseId)}?done=ambassador-ended#ambassador`, 303);
    },
  );
}
