/**
 * Back-office routes of employers' own ads under /admin/jobs (Permission.JobAdsManage: an
 * employer's admins and members, for the organisation they act for): the list, a new ad, an ad's
 * page (the edit form while open, what it was once closed), its save and its early close. Thin:
 * read input, one service call, render. Another organisation's ad, and anything that is not an own
 * ad's id, is the back-office's 404.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { actorOf } from '../../../platform/audit.ts';
import { personOf } from '../../../platform/auth/principal.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { doneOf, PageSchema } from '../../../platform/http/params.ts';
import { AnyQuery, FormBody, PathParams, type App } from '../../../platform/http/schema.ts';
import { Permission } from '../../../platform/permissions.ts';
import { getOrganisation } from '../../identity/organisations/service.ts';
import { readForm, valuesOf, type FieldErrors, type FormValues, FIELDS } from './form.ts';
import type { Occupation } from './model.ts';
import { listOwnAds, occupationById, type OwnAd } from './repository.ts';
import {
  closeOwnAdEarly,
  formChoices,
  MAX_OPEN_ADS,
  ownAdFor,
  publishOwnAd,
  resolveOccupation,
  saveOwnAd,
  type Outcome,
  type OwnAdsDeps,
  type Publisher,
} from './service.ts';
import {
  closedPage,
  formPage,
  listPage,
  NEW_AD_PATH,
  ownAdPath,
  OWN_JOBS_PATH,
  type FormModel,
} from './views.ts';

const manage = { permission: Permission.JobAdsManage } as const;
/** Closed ads the list shows. */
const CLOSED_SHOWN = 50;
/**
 * The form's body: two descriptions of up to 10,000 characters each, url-encoded (a Swedish letter
 * is six bytes), and the rest — more than the site's default limit.
 */
const FORM_BODY_LIMIT = 256 * 1024;
const AdForm = FormBody(...FIELDS, 'base', 'action');
const AdParams = PathParams('id');

/** The person and the employer organisation they act for; anyone else has no ads here. */
async function publisherOf(db: Kysely<DB>, request: FastifyRequest): Promise<Publisher> {
  const person = personOf(request);
  const acting = person.organisation;
  const organisation = acting && (await getOrganisation(db, request.region.id, acting.id));
  if (!organisation || organisation.kind !== 'employer') throw new AppError('LOTSA_NOT_FOUND');
  return {
    region: request.region,
    organisation: { id: organisation.id, name: organisation.name, orgNumber: organisation.orgNumber },
    accountId: person.account.id,
    actor: actorOf(person),
  };
}

export function registerOwnJobRoutes(app: App, deps: OwnAdsDeps): void {
  const { db } = deps;

  /** The form page with what the request left to show. */
  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    publisher: Publisher,
    model: Partial<FormModel> & { values: FormValues },
    status = 200,
  ) {
    const [choices, employerName] = await Promise.all([
      formChoices(db),
      deps.employerName(db, publisher.region.id, publisher.organisation),
    ]);
    const page = formPage({
      lang: adminLang(request),
      csrf: reply.csrfToken(),
      employerName,
      municipalities: request.region.municipalities,
      choices,
      errors: {},
      matches: [],
      maxOpen: MAX_OPEN_ADS,
      ...model,
    });
    const path = model.ad ? ownAdPath(model.ad.id) : NEW_AD_PATH;
    return reply.adminPage({ ...page, path, navPath: OWN_JOBS_PATH }, { status });
  }

  /** The chosen occupation of a form, to show it checked when it is not among the matches. */
  async function chosenOf(values: FormValues): Promise<Occupation | undefined> {
    return values.occupation_id ? occupationById(db, values.occupation_id) : undefined;
  }

  /**
   * "Sök yrke": the form again with the occupations that match the typed text (nothing is saved).
   */
  async function findOccupation(
    request: FastifyRequest,
    reply: FastifyReply,
    publisher: Publisher,
    values: FormValues,
    editing?: { ad: OwnAd; base: string },
  ) {
    const found = await resolveOccupation(db, { occupation: values.occupation, occupation_id: '' });
    const errors: FieldErrors = found.matches.length === 0 && found.error ? { occupation: found.error } : {};
    // A pick that is still among the matches stays picked.
    const kept = found.matches.some((m) => m.id === values.occupation_id) ? values.occupation_id : '';
    return showForm(request, reply, publisher, {
      values: { ...values, occupation_id: kept },
      matches: found.matches,
      errors,
      ...editing,
    });
  }

  /** After publishing or saving: to the ad's page, or the form again saying why not. */
  async function afterSubmit(
    request: FastifyRequest,
    reply: FastifyReply,
    publisher: Publisher,
    values: FormValues,
    outcome: Outcome,
    done: 'published' | 'saved',
    editing?: { ad: OwnAd; base: string },
  ) {
    switch (outcome.kind) {
      case 'done':
        return reply.redirect(`${ownAdPath(outcome.id)}?done=${done}`, 303);
      case 'not-found':
        throw new AppError('LOTSA_NOT_FOUND');
      case 'conflict':
        return showForm(
          request,
          reply,
          publisher,
          { values, problem: 'conflict', chosen: await chosenOf(values), ...editing },
          409,
        );
      case 'limited':
        reply.header('retry-after', String(outcome.retryAfter));
        return showForm(
          request,
          reply,
          publisher,
          {
            values,
            problem: 'limited',
            retryMinutes: Math.ceil(outcome.retryAfter / 60),
            chosen: await chosenOf(values),
            ...editing,
          },
          429,
        );
      case 'too-many':
        return showForm(
          request,
          reply,
          publisher,
          { values, problem: 'too-many', chosen: await chosenOf(values) },
          409,
        );
      case 'invalid':
        return showForm(
          request,
          reply,
          publisher,
          {
            values,
            errors: outcome.errors,
            matches: outcome.matches,
            chosen: await chosenOf(values),
            ...editing,
          },
          422,
        );
    }
  }

  app.get(OWN_JOBS_PATH, { schema: PageSchema, config: manage }, async (request, reply) => {
    const publisher = await publisherOf(db, request);
    const lists = await listOwnAds(db, publisher.region.id, publisher.organisation.id, CLOSED_SHOWN);
    const page = listPage({
      lang: adminLang(request),
      organisationName: publisher.organisation.name,
      municipalities: request.region.municipalities,
      ...lists,
      done: doneOf(request.query.done, ['closed'] as const),
    });
    return reply.adminPage({ ...page, path: OWN_JOBS_PATH });
  });

  app.get(NEW_AD_PATH, { schema: PageSchema, config: manage }, async (request, reply) => {
    const publisher = await publisherOf(db, request);
    return showForm(request, reply, publisher, { values: readForm({ vacancies: '1' }) });
  });

  app.post(
    NEW_AD_PATH,
    { schema: { body: AdForm }, config: manage, bodyLimit: FORM_BODY_LIMIT },
    async (request, reply) => {
      const publisher = await publisherOf(db, request);
      const values = readForm(request.body);
      if (request.body.action === 'find') return findOccupation(request, reply, publisher, values);
      const outcome = await publishOwnAd(deps, publisher, values);
      return afterSubmit(request, reply, publisher, values, outcome, 'published');
    },
  );

  /** The organisation's ad in the path, or the back-office's 404. */
  async function adOf(publisher: Publisher, id: string): Promise<OwnAd> {
    const ad = await ownAdFor(db, publisher, id);
    if (!ad) throw new AppError('LOTSA_NOT_FOUND');
    return ad;
  }

  app.get(
    `${OWN_JOBS_PATH}/:id`,
    { schema: { params: AdParams, querystring: AnyQuery }, config: manage },
    async (request, reply) => {
      const publisher = await publisherOf(db, request);
      const ad = await adOf(publisher, request.params.id);
      if (ad.status === 'closed') {
        const page = closedPage(adminLang(request), ad, request.region.municipalities);
        return reply.adminPage({ ...page, path: ownAdPath(ad.id), navPath: OWN_JOBS_PATH });
      }
      const values = valuesOf(ad.headline, ad.data);
      return showForm(request, reply, publisher, {
        values,
        chosen: await chosenOf(values),
        ad,
        base: ad.changeSeq,
        done: doneOf(request.query.done, ['published', 'saved'] as const),
      });
    },
  );

  app.post(
    `${OWN_JOBS_PATH}/:id`,
    { schema: { params: AdParams, body: AdForm }, config: manage, bodyLimit: FORM_BODY_LIMIT },
    async (request, reply) => {
      const publisher = await publisherOf(db, request);
      const ad = await adOf(publisher, request.params.id);
      const values = readForm(request.body);
      const base = request.body.base ?? '';
      const editing = { ad, base };
      if (ad.status === 'closed')
        return showForm(request, reply, publisher, { values, problem: 'conflict', ...editing }, 409);
      if (request.body.action === 'find') return findOccupation(request, reply, publisher, values, editing);
      const outcome = await saveOwnAd(deps, publisher, ad.id, base, values);
      return afterSubmit(request, reply, publisher, values, outcome, 'saved', editing);
    },
  );

  app.post(
    `${OWN_JOBS_PATH}/:id/close`,
    { schema: { params: AdParams }, config: manage },
    async (request, reply) => {
      const publisher = await publisherOf(db, request);
      const outcome = await closeOwnAdEarly(deps, publisher, request.params.id);
      if (outcome.kind === 'not-found') throw new AppError('LOTSA_NOT_FOUND');
      // Closed now or already closed: the list says so, and the ad's page shows it closed.
      return reply.redirect(`${OWN_JOBS_PATH}?done=closed`, 303);
    },
  );
}
