/**
 * The organisers' routes under /admin/events (Permission.EventsManage; publishing and sending back
 * need an approver, checked by the service). Each POST redirects back with a `done` notice, or
 * re-shows its page with the errors by the field (400) or with why it was refused (409). An event
 * the person does not reach — or only exhibits at, for a change — is a 404. Thin: read input, one
 * service call, render.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { personOf } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { adminLang } from '../../../platform/html/admin-layout.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import { doneOf, isUuid, queryText, uuidParam } from '../../../platform/http/params.ts';
import { AnyQuery, FormBody, FormList, PathParams, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import {
  eventAccessOf,
  eventForAccess,
  eventOrganisations,
  organisationName,
  type EventAccess,
  type EventRelation,
  type EventRow,
} from '../events.ts';
import { PATHS, adminEventPath, eventPath } from '../model.ts';
import type { PanelView, PartsContext } from '../part.ts';
import { csvDocument } from '../../../platform/html/csv.ts';
import { imagesById, usableImages, type MediaImage } from '../../content/media/service.ts';
import {
  EVENT_FIELDS,
  checkEventForm,
  emptyEventForm,
  eventFormOf,
  readEventForm,
  readPending,
  withPending,
  type EventFormErrors,
  type EventFormValues,
} from './form.ts';
import type { AdminMessageKey } from './messages.ts';
import {
  TABS,
  eventFigures,
  exhibitingAt,
  listEvents,
  liveRegistrations,
  networkGroups,
  pickableOrganisations,
  programmeOf,
  questionsOf,
  type Tab,
} from './repository.ts';
import {
  addOrganisation,
  cancelEvent,
  createEvent,
  defaultProgrammeDate,
  followupMail,
  followupCount,
  formContext,
  moveQuestion,
  publishChanges,
  removeOrganisation,
  removeProgrammeItem,
  removeQuestion,
  saveEvent,
  saveProgrammeItem,
  saveQuestion,
  sendBack,
  sendBackChanges,
  sendFollowup,
  workflow,
  checkFollowup,
  type Result,
  type WorkflowVerb,
} from './service.ts';
import {
  deletePage,
  eventPage,
  followupPage,
  formPage,
  listPage,
  standPage,
  statRows,
  statsPage,
  type EventPageModel,
} from './views.ts';
import { stockholmTime } from '../../../platform/i18n/stockholm.ts';

const manage = { permission: Permission.EventsManage } as const;
const LIST_DONE = ['created', 'deleted'] as const;
const EVENT_DONE = [
  'saved',
  'submitted',
  'published',
  'sentBack',
  'unpublished',
  'cancelled',
  'organisationAdded',
  'organisationRemoved',
  'programmeSaved',
  'programmeRemoved',
  'questionSaved',
  'questionRemoved',
  'questionMoved',
  'followupSent',
  'changesPending',
  'changesPublished',
  'changesSentBack',
] as const;
type EventDone = (typeof EVENT_DONE)[number];

const EventBody = Type.Object({
  ...FormBody(...EVENT_FIELDS).properties,
  languages: FormList(),
  personas: FormList(),
});
const IdParams = PathParams('id');
const OrgParams = PathParams('id', 'org');
const ItemParams = PathParams('id', 'item');

const fieldErrors = (
  errors: Record<string, AdminMessageKey | undefined>,
  params: Record<string, string> = {},
) =>
  Object.fromEntries(
    Object.entries(errors).flatMap(([id, key]) => (key ? [[id, { key, params }]] : [])),
  ) as EventFormErrors;

export function registerAdminRoutes(app: App, deps: ModuleDeps, parts: PartsContext): void {
  const db = deps.database.db;
  const serviceDeps = { db, queue: deps.queue };

  function accessOf(request: FastifyRequest): EventAccess {
    const access = eventAccessOf(request.region.id, request.auth ?? undefined);
    if (!access) throw new AppError('LOTSA_NOT_FOUND');
    return access;
  }

  /** Only a person who manages the newcomer network puts an event into one of its groups. */
  const managesNetwork = (request: FastifyRequest) =>
    request.auth?.permissions.has(Permission.NetworkManage) === true;

  async function reach(request: FastifyRequest, id: string, needManage = false) {
    const access = accessOf(request);
    const found = await eventForAccess(db, access, uuidParam(id));
    if (!found || (needManage && found.relation !== 'manage')) throw new AppError('LOTSA_NOT_FOUND');
    return { access, ...found };
  }

  // The list.

  app.get(PATHS.admin, { schema: { querystring: AnyQuery }, config: manage }, async (request, reply) => {
    const access = accessOf(request);
    const tabText = queryText(request.query.tab);
    const tab: Tab = (TABS as readonly string[]).includes(tabText) ? (tabText as Tab) : 'upcoming';
    const pageText = queryText(request.query.page);
    const page = /^\d{1,4}$/.test(pageText) ? Math.max(1, Number(pageText)) : 1;
    const { rows, counts } = await listEvents(db, access, tab, page);
    const exhibiting = access.wholeRegion ? [] : await exhibitingAt(db, access);
    const view = listPage({
      lang: adminLang(request),
      access,
      tab,
      page,
      rows,
      counts,
      exhibiting,
      done: doneOf(request.query.done, LIST_DONE),
    });
    return reply.adminPage({ ...view, path: PATHS.admin });
  });

  // New and edit.

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    access: EventAccess,
    event: EventRow | undefined,
    values: EventFormValues,
    errors: EventFormErrors,
    status = 200,
    stale = false,
  ) {
    const lang = adminLang(request);
    const images = (
      await usableImages(db, access.regionId, { owners: [access.organisationId, null] })
    ).filter((i) => !i.expired);
    const view = formPage({
      lang,
      region: request.region,
      csrf: reply.csrfToken(),
      event,
      values,
      errors,
      stale,
      images,
      groups: managesNetwork(request) ? await networkGroups(db, access.regionId) : undefined,
      reviewed: event?.status === 'published' && !access.canApprove,
      pending: event && !access.canApprove ? readPending(event.pending) : undefined,
    });
    const path = event ? `${adminEventPath(event.id)}/edit` : `${PATHS.admin}/new`;
    return reply.adminPage({ ...view, path, navPath: PATHS.admin }, { status });
  }

  async function imageSlug(event: Pick<EventRow, 'image_id' | 'region_id'>): Promise<string> {
    if (!event.image_id) return '';
    return (await imagesById(db, event.region_id, [event.image_id])).get(event.image_id)?.slug ?? '';
  }

  /** A library image by its id (the pending changes keep the id), for the approver's diff. */
  async function imageOf(regionId: string, id: string | null | undefined): Promise<MediaImage | undefined> {
    if (!id || !isUuid(id)) return undefined;
    return (await imagesById(db, regionId, [id])).get(id);
  }

  app.get(
    `${PATHS.admin}/new`,
    { schema: { querystring: AnyQuery }, config: manage },
    async (request, reply) => {
      const access = accessOf(request);
      const group = queryText(request.query.group);
      const values = emptyEventForm({
        kind: queryText(request.query.kind),
        group: isUuid(group) && managesNetwork(request) ? group.toLowerCase() : undefined,
      });
      return showForm(request, reply, access, undefined, values, {});
    },
  );

  app.post(`${PATHS.admin}/new`, { schema: { body: EventBody }, config: manage }, async (request, reply) => {
    const access = accessOf(request);
    const values = readEventForm(request.body);
    values.version = '';
    if (!managesNetwork(request)) values.network_group = '';
    const checked = checkEventForm(values, await formContext(db, request.region, access));
    if (!checked.values) return showForm(request, reply, access, undefined, values, checked.errors, 400);
    const id = await createEvent(db, access, checked.values);
    return reply.redirect(`${adminEventPath(id)}?done=saved`, 303);
  });

  app.get(
    `${PATHS.admin}/:id/edit`,
    { schema: { params: IdParams, querystring: AnyQuery }, config: manage },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      if (event.status === 'cancelled') return reply.redirect(adminEventPath(event.id), 303);
      // The organiser goes on editing the version that waits for review.
      const shown = access.canApprove ? event : withPending(event);
      return showForm(request, reply, access, event, eventFormOf(shown, await imageSlug(shown)), {});
    },
  );

  app.post(
    `${PATHS.admin}/:id/edit`,
    { schema: { params: IdParams, body: EventBody }, config: manage },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      const values = readEventForm(request.body);
      // A group the person may not set is kept as it is, whatever was posted.
      if (!managesNetwork(request))
        values.network_group = (access.canApprove ? event : withPending(event)).network_group_id ?? '';
      const checked = checkEventForm(values, await formContext(db, request.region, access));
      if (!checked.values) return showForm(request, reply, access, event, values, checked.errors, 400);
      const result = await saveEvent(db, access, event.id, values.version, checked.values);
      switch (result.kind) {
        case 'done':
          return reply.redirect(
            `${adminEventPath(event.id)}?done=${result.pending ? 'changesPending' : 'saved'}`,
            303,
          );
        case 'stale': {
          // The form as typed, over the current version: saving again overwrites knowingly.
          const current = (await eventForAccess(db, access, event.id))?.event ?? event;
          return showForm(
            request,
            reply,
            access,
            current,
            { ...values, version: String(current.version) },
            {},
            409,
            true,
          );
        }
        case 'invalid':
          return showForm(
            request,
            reply,
            access,
            event,
            values,
            fieldErrors(result.errors, result.params),
            400,
          );
        case 'refused':
          return showEvent(request, reply, event.id, { refused: result.reason }, 409);
        case 'not-found':
          throw new AppError('LOTSA_NOT_FOUND');
      }
    },
  );

  // The event's page.

  type PageState = Partial<
    Pick<
      EventPageModel,
      'done' | 'refused' | 'organisationForm' | 'programmeForm' | 'questionForm' | 'actionForm'
    >
  >;

  async function showEvent(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    state: PageState,
    status = 200,
  ) {
    const { access, event, relation } = await reach(request, id);
    const lang = adminLang(request);
    const csrf = reply.csrfToken();
    const query = (request.query ?? {}) as Record<string, unknown>;
    const panels: PanelView[] = [];
    for (const panel of parts.adminPanels) {
      const view = await panel.render({
        db,
        region: request.region,
        lang,
        person: personOf(request),
        access,
        relation,
        event,
        csrfToken: csrf,
        query,
      });
      if (view) panels.push(view);
    }
    const search = typeof query.orgq === 'string' ? query.orgq.trim().slice(0, 100) : '';
    const pending = readPending(event.pending);
    const programme = await programmeOf(db, access.regionId, event.id);
    const questions = await questionsOf(db, access.regionId, event.id);
    const programmeForm = state.programmeForm ?? editProgrammeForm(event, programme, query.programme);
    const questionForm = state.questionForm ?? editQuestionForm(questions, query.question);
    const view = eventPage({
      lang,
      region: request.region,
      origin: siteOrigin(request),
      csrf,
      access,
      relation,
      event,
      organiser: await organisationName(db, access.regionId, event.organisation_id),
      organisations: await eventOrganisations(db, access.regionId, event.id),
      programme,
      questions,
      liveRegistrations: await liveRegistrations(db, access.regionId, event.id),
      panels,
      pickable: relation === 'manage' ? await pickableOrganisations(db, access.regionId, search) : [],
      search,
      ...state,
      programmeForm,
      questionForm,
      pending,
      pendingImages:
        pending && relation === 'manage'
          ? {
              before: await imageOf(event.region_id, event.image_id),
              after: await imageOf(event.region_id, pending.values.image_id),
            }
          : undefined,
    });
    return reply.adminPage({ ...view, path: adminEventPath(event.id), navPath: PATHS.admin }, { status });
  }

  function editProgrammeForm(
    event: EventRow,
    programme: Awaited<ReturnType<typeof programmeOf>>,
    itemId: unknown,
  ): EventPageModel['programmeForm'] {
    const item = typeof itemId === 'string' ? programme.find((p) => p.id === itemId) : undefined;
    if (!item)
      return { values: { date: defaultProgrammeDate(event), kind: 'session' }, errors: {}, params: {} };
    return {
      itemId: item.id,
      errors: {},
      params: {},
      values: {
        date: defaultProgrammeDate({ ...event, starts_at: item.starts_at }),
        start_time: stockholmTime(item.starts_at),
        end_time: item.ends_at ? stockholmTime(item.ends_at) : '',
        kind: item.kind,
        title_sv: item.title_sv,
        title_en: item.title_en,
        place: item.place,
        organisation: item.organisation_id ?? '',
      },
    };
  }

  function editQuestionForm(
    questions: Awaited<ReturnType<typeof questionsOf>>,
    questionId: unknown,
  ): EventPageModel['questionForm'] {
    const q = typeof questionId === 'string' ? questions.find((x) => x.id === questionId) : undefined;
    if (!q) return undefined;
    const choices = Array.isArray(q.choices) ? (q.choices as Array<{ sv: string; en: string }>) : [];
    return {
      itemId: q.id,
      errors: {},
      params: {},
      values: {
        kind: q.kind,
        label_sv: q.label_sv,
        label_en: q.label_en,
        choices_sv: choices.map((c) => c.sv).join('\n'),
        choices_en: choices.map((c) => c.en).join('\n'),
        required: q.required ? 'yes' : '',
      },
    };
  }

  app.get(
    `${PATHS.admin}/:id`,
    { schema: { params: IdParams, querystring: AnyQuery }, config: manage },
    async (request, reply) =>
      showEvent(request, reply, request.params.id, { done: doneOf(request.query.done, EVENT_DONE) }),
  );

  /** After a change: 303 back with the notice; refused (409) or invalid (400): the page again. */
  async function after(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    result: Result,
    done: EventDone,
    invalid: (r: Extract<Result, { kind: 'invalid' }>) => PageState = () => ({}),
    anchor = '',
  ) {
    switch (result.kind) {
      case 'done':
        return reply.redirect(`${adminEventPath(id)}?done=${done}${anchor}`, 303);
      case 'not-found':
        throw new AppError('LOTSA_NOT_FOUND');
      case 'stale':
        // The page again with the current version: nothing is published unseen.
        return showEvent(request, reply, id, { refused: 'refused.stale' }, 409);
      case 'refused':
        return showEvent(request, reply, id, { refused: result.reason }, 409);
      case 'invalid':
        return showEvent(request, reply, id, invalid(result), 400);
    }
  }

  const verbs: Array<[string, WorkflowVerb, EventDone]> = [
    ['submit', 'submit', 'submitted'],
    ['publish', 'publish', 'published'],
    ['unpublish', 'unpublish', 'unpublished'],
  ];
  for (const [path, verb, done] of verbs) {
    app.post(
      `${PATHS.admin}/:id/${path}`,
      { schema: { params: IdParams, body: FormBody('version') }, config: manage },
      async (request, reply) => {
        const { access, event } = await reach(request, request.params.id, true);
        const version = request.body?.version?.slice(0, 20);
        return after(request, reply, event.id, await workflow(db, access, event.id, verb, version), done);
      },
    );
  }

  // Changes to a published event that wait for review.

  app.post(
    `${PATHS.admin}/:id/changes/publish`,
    { schema: { params: IdParams, body: FormBody('version') }, config: manage },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      const version = (request.body?.version ?? '').slice(0, 20);
      const result = await publishChanges(db, access, event.id, version);
      return after(request, reply, event.id, result, 'changesPublished');
    },
  );

  app.post(
    `${PATHS.admin}/:id/changes/send-back`,
    { schema: { params: IdParams, body: FormBody('comment') }, config: manage },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      const value = (request.body.comment ?? '').slice(0, 5000);
      const result = await sendBackChanges(db, access, event.id, value);
      return after(request, reply, event.id, result, 'changesSentBack', (r) => ({
        actionForm: { action: 'sendBackChanges', value, errors: r.errors, params: r.params ?? {} },
      }));
    },
  );

  // Deleting a draft asks first: the event page links to this page, whose form confirms.

  const deletable = (event: EventRow) => event.status === 'draft' || event.status === 'in_review';

  app.get(
    `${PATHS.admin}/:id/delete`,
    { schema: { params: IdParams }, config: manage },
    async (request, reply) => {
      const { event } = await reach(request, request.params.id, true);
      if (!deletable(event)) return reply.redirect(adminEventPath(event.id), 303);
      const view = deletePage(adminLang(request), reply.csrfToken(), event);
      return reply.adminPage({ ...view, path: `${adminEventPath(event.id)}/delete`, navPath: PATHS.admin });
    },
  );

  app.post(
    `${PATHS.admin}/:id/delete`,
    { schema: { params: IdParams, body: FormBody('confirm') }, config: manage },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      // Without the confirmation (an old page's button, a stray post) nothing is deleted: ask.
      if (request.body?.confirm !== 'yes') return reply.redirect(`${adminEventPath(event.id)}/delete`, 303);
      const result = await workflow(db, access, event.id, 'delete');
      if (result.kind === 'done') return reply.redirect(`${PATHS.admin}?tab=drafts&done=deleted`, 303);
      return after(request, reply, event.id, result, 'saved');
    },
  );

  app.post(
    `${PATHS.admin}/:id/send-back`,
    { schema: { params: IdParams, body: FormBody('comment') }, config: manage },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      const value = (request.body.comment ?? '').slice(0, 5000);
      const result = await sendBack(db, access, event.id, value);
      return after(request, reply, event.id, result, 'sentBack', (r) => ({
        actionForm: { action: 'sendBack', value, errors: r.errors, params: r.params ?? {} },
      }));
    },
  );

  app.post(
    `${PATHS.admin}/:id/cancel`,
    { schema: { params: IdParams, body: FormBody('reason') }, config: manage },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      const value = (request.body.reason ?? '').slice(0, 5000);
      const result = await cancelEvent(serviceDeps, access, event.id, value, siteOrigin(request));
      return after(request, reply, event.id, result, 'cancelled', (r) => ({
        actionForm: { action: 'cancel', value, errors: r.errors, params: r.params ?? {} },
      }));
    },
  );

  // Organisations.

  app.post(
    `${PATHS.admin}/:id/organisations`,
    { schema: { params: IdParams, body: FormBody('organisation', 'role', 'stand') }, config: manage },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      const values = {
        organisation: (request.body.organisation ?? '').slice(0, 100),
        role: (request.body.role ?? '').slice(0, 40),
        stand: (request.body.stand ?? '').slice(0, 500),
      };
      const result = await addOrganisation(db, access, event.id, values);
      return after(
        request,
        reply,
        event.id,
        result,
        'organisationAdded',
        (r) => ({ organisationForm: { values, errors: r.errors, params: r.params ?? {} } }),
        '#organisations',
      );
    },
  );

  app.post(
    `${PATHS.admin}/:id/organisations/:org/remove`,
    { schema: { params: OrgParams }, config: manage },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      const result = await removeOrganisation(db, access, event.id, request.params.org);
      return after(request, reply, event.id, result, 'organisationRemoved', undefined, '#organisations');
    },
  );

  app.get(
    `${PATHS.admin}/:id/stands/:org`,
    { schema: { params: OrgParams }, config: manage },
    async (request, reply) => {
      const { access, event, relation } = await reach(request, request.params.id);
      const lang = adminLang(request);
      const organisation = (await eventOrganisations(db, access.regionId, event.id)).find(
        (o) => o.organisationId === request.params.org.toLowerCase() && o.role === 'exhibitor',
      );
      // An exhibitor prints its own stand's code only.
      if (
        !organisation ||
        (relation === 'exhibitor' && organisation.organisationId !== access.organisationId)
      )
        throw new AppError('LOTSA_NOT_FOUND');
      const url = `${siteOrigin(request)}/${lang}${eventPath(event.slug)}/stand/${organisation.standCode}`;
      const view = standPage(lang, event, organisation, url);
      return reply.adminPage({
        ...view,
        path: `${adminEventPath(event.id)}/stands/${organisation.organisationId}`,
        navPath: PATHS.admin,
      });
    },
  );

  // Programme.

  const ProgrammeBody = FormBody(
    'date',
    'start_time',
    'end_time',
    'kind',
    'title_sv',
    'title_en',
    'place',
    'organisation',
  );
  const readProgramme = (body: Partial<Record<string, string>>) => {
    const names = [
      'date',
      'start_time',
      'end_time',
      'kind',
      'title_sv',
      'title_en',
      'place',
      'organisation',
    ] as const;
    return Object.fromEntries(names.map((n) => [n, (body[n] ?? '').slice(0, 1000)])) as Record<
      (typeof names)[number],
      string
    >;
  };

  app.post(
    `${PATHS.admin}/:id/programme`,
    { schema: { params: IdParams, body: ProgrammeBody }, config: manage },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      const values = readProgramme(request.body);
      const result = await saveProgrammeItem(db, access, event.id, undefined, values);
      return after(
        request,
        reply,
        event.id,
        result,
        'programmeSaved',
        (r) => ({ programmeForm: { values, errors: r.errors, params: r.params ?? {} } }),
        '#programme',
      );
    },
  );

  app.post(
    `${PATHS.admin}/:id/programme/:item`,
    { schema: { params: ItemParams, body: ProgrammeBody }, config: manage },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      const values = readProgramme(request.body);
      const result = await saveProgrammeItem(db, access, event.id, request.params.item, values);
      return after(
        request,
        reply,
        event.id,
        result,
        'programmeSaved',
        (r) => ({
          programmeForm: { values, errors: r.errors, params: r.params ?? {}, itemId: request.params.item },
        }),
        '#programme',
      );
    },
  );

  app.post(
    `${PATHS.admin}/:id/programme/:item/remove`,
    { schema: { params: ItemParams }, config: manage },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      const result = await removeProgrammeItem(db, access, event.id, request.params.item);
      return after(request, reply, event.id, result, 'programmeRemoved', undefined, '#programme');
    },
  );

  // Questions.

  const QuestionBody = FormBody('kind', 'label_sv', 'label_en', 'choices_sv', 'choices_en', 'required');
  const readQuestion = (body: Partial<Record<string, string>>) => {
    const names = ['kind', 'label_sv', 'label_en', 'choices_sv', 'choices_en', 'required'] as const;
    return Object.fromEntries(names.map((n) => [n, (body[n] ?? '').slice(0, 5000)])) as Record<
      (typeof names)[number],
      string
    >;
  };

  app.post(
    `${PATHS.admin}/:id/questions`,
    { schema: { params: IdParams, body: QuestionBody }, config: manage },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      const values = readQuestion(request.body);
      const result = await saveQuestion(db, access, event.id, undefined, values);
      return after(
        request,
        reply,
        event.id,
        result,
        'questionSaved',
        (r) => ({ questionForm: { values, errors: r.errors, params: r.params ?? {} } }),
        '#questions',
      );
    },
  );

  app.post(
    `${PATHS.admin}/:id/questions/:item`,
    { schema: { params: ItemParams, body: QuestionBody }, config: manage },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      const values = readQuestion(request.body);
      const result = await saveQuestion(db, access, event.id, request.params.item, values);
      return after(
        request,
        reply,
        event.id,
        result,
        'questionSaved',
        (r) => ({
          questionForm: { values, errors: r.errors, params: r.params ?? {}, itemId: request.params.item },
        }),
        '#questions',
      );
    },
  );

  app.post(
    `${PATHS.admin}/:id/questions/:item/remove`,
    { schema: { params: ItemParams }, config: manage },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      const result = await removeQuestion(db, access, event.id, request.params.item);
      return after(request, reply, event.id, result, 'questionRemoved', undefined, '#questions');
    },
  );

  app.post(
    `${PATHS.admin}/:id/questions/:item/move`,
    { schema: { params: ItemParams, body: FormBody('direction') }, config: manage },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      const result = await moveQuestion(
        db,
        access,
        event.id,
        request.params.item,
        request.body.direction ?? '',
      );
      return after(request, reply, event.id, result, 'questionMoved', undefined, '#questions');
    },
  );

  // The follow-up mail.

  async function followupCounts(event: EventRow) {
    const [checkedIn, confirmed] = await Promise.all([
      followupCount(db, event, 'checked_in'),
      followupCount(db, event, 'confirmed'),
    ]);
    return { checked_in: checkedIn, confirmed };
  }

  app.get(
    `${PATHS.admin}/:id/followup`,
    { schema: { params: IdParams }, config: manage },
    async (request, reply) => {
      const { event } = await reach(request, request.params.id, true);
      const counts = await followupCounts(event);
      const view = followupPage({
        lang: adminLang(request),
        csrf: reply.csrfToken(),
        event,
        values: {
          audience: counts.checked_in > 0 ? 'checked_in' : 'confirmed',
          paragraph_sv: '',
          paragraph_en: '',
        },
        errors: {},
        params: {},
        counts,
      });
      return reply.adminPage({ ...view, path: `${adminEventPath(event.id)}/followup`, navPath: PATHS.admin });
    },
  );

  app.post(
    `${PATHS.admin}/:id/followup`,
    {
      schema: { params: IdParams, body: FormBody('audience', 'paragraph_sv', 'paragraph_en', 'step') },
      config: manage,
    },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      const values = {
        audience: (request.body.audience ?? '').slice(0, 40),
        paragraph_sv: (request.body.paragraph_sv ?? '').slice(0, 5000),
        paragraph_en: (request.body.paragraph_en ?? '').slice(0, 5000),
      };
      const origin = siteOrigin(request);
      const show = async (
        status: number,
        extra: {
          errors?: Record<string, AdminMessageKey | undefined>;
          params?: Record<string, string>;
          refused?: AdminMessageKey;
        },
      ) => {
        const checked = checkFollowup(values);
        const preview =
          checked.values && !extra.errors
            ? {
                sv: followupMail('sv', event, checked.values.paragraph, origin, 'Anna Andersson'),
                en: followupMail('en', event, checked.values.paragraph, origin, 'Anna Andersson'),
              }
            : undefined;
        const view = followupPage({
          lang: adminLang(request),
          csrf: reply.csrfToken(),
          event,
          values,
          errors: extra.errors ?? {},
          params: extra.params ?? {},
          counts: await followupCounts(event),
          preview,
          refused: extra.refused,
        });
        return reply.adminPage(
          { ...view, path: `${adminEventPath(event.id)}/followup`, navPath: PATHS.admin },
          { status },
        );
      };
      if (request.body.step !== 'send') {
        const checked = checkFollowup(values);
        if (!checked.values) return show(400, { errors: checked.errors, params: { max: '2000' } });
        return show(200, {});
      }
      const result = await sendFollowup(serviceDeps, access, event.id, values, origin);
      switch (result.kind) {
        case 'done':
          return reply.redirect(`${adminEventPath(event.id)}?done=followupSent`, 303);
        case 'invalid':
          return show(400, { errors: result.errors, params: result.params });
        case 'refused':
          return show(409, { refused: result.reason });
        default:
          throw new AppError('LOTSA_NOT_FOUND');
      }
    },
  );

  // Statistics.

  app.get(
    `${PATHS.admin}/:id/stats`,
    { schema: { params: IdParams }, config: manage },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      const figures = await eventFigures(db, access.regionId, event.id);
      const view = statsPage(adminLang(request), event, figures);
      return reply.adminPage({ ...view, path: `${adminEventPath(event.id)}/stats`, navPath: PATHS.admin });
    },
  );

  app.get(
    `${PATHS.admin}/:id/stats.csv`,
    { schema: { params: IdParams }, config: manage },
    async (request, reply) => {
      const { access, event } = await reach(request, request.params.id, true);
      const lang = adminLang(request);
      const figures = await eventFigures(db, access.regionId, event.id);
      const rows: Array<[string, string, string, string | number]> = [
        ['section', 'key', 'label', 'value'],
        ...statRows(lang, event, figures).map(
          (r) => ['figures', r.key, r.label, r.raw ?? ''] as [string, string, string, string | number],
        ),
        ...figures.perDay.map(
          (d) => ['registrations_per_day', d.day, d.day, d.registrations] as [string, string, string, number],
        ),
        ...figures.leads.map(
          (l) => ['leads', l.stand, l.organisation, l.leads] as [string, string, string, number],
        ),
      ];
      const csv = csvDocument(rows);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="event-${event.slug}-stats.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
}

export type { EventRelation };
