/**
 * The builder's one route, GET /:lang/toolbox/builder (ToolboxUse): stateless — every choice is in
 * the URL, nothing is stored — so it can be shared. The page shows the steps and, once a job is
 * chosen and nothing is wrong, the text; `format=txt|html` downloads the same text as a file.
 * A bad parameter is a 400 with the form kept and the error by its field.
 */
import { AppError } from '../../../platform/errors.ts';
import { personOf } from '../../../platform/auth/principal.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { siteOrigin } from '../../../platform/http/origin.ts';
import type { RateLimitRule } from '../../../platform/http/rate-limit.ts';
import { AnyQuery, LangParams, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { PATHS as RELOCATION_PATHS } from '../../relocation/model.ts';
import { PATHS } from '../model.ts';
import { htmlDocument, renderPlain } from './compose.ts';
import { builderMessages, textMessages } from './messages.ts';
import { NO_JOB, parseBuilderQuery, type Problem } from './params.ts';
import { actingOrganisationOf, buildText, chosenJob, step1, type Built, type ChosenJob } from './service.ts';
import { builderPage } from './views.ts';

/** Pages one client may ask for a minute (each may search the board). */
export const BUILDER_RATE_LIMIT: RateLimitRule = { name: 'toolbox-builder', max: 120, windowSeconds: 60 };

/** The navigator's page in the text's language, absolute (from configuration), with its utm_ tags. */
export function navigatorUrl(origin: string, lang: string, campaign: string): string {
  const query = new URLSearchParams({
    utm_source: 'toolbox',
    utm_medium: 'recruitment-text',
    utm_campaign: campaign,
  });
  return `${origin}/${lang}${RELOCATION_PATHS.move}?${query.toString()}`;
}

export function registerBuilderRoutes(app: App, deps: ModuleDeps): void {
  const db = deps.database.db;

  app.get(
    `/:lang${PATHS.builder}`,
    {
      schema: { params: LangParams, querystring: AnyQuery },
      config: { permission: Permission.ToolboxUse, rateLimit: BUILDER_RATE_LIMIT },
    },
    async (request, reply) => {
      const lang = langParam(request);
      const region = request.region;
      const acting = personOf(request).organisation;
      const org = acting && (await actingOrganisationOf(db, region.id, acting.id));
      if (!org) throw new AppError('LOTSA_NOT_FOUND');

      const parsed = parseBuilderQuery(request.query, region, lang);
      // A search is not yet a request for the text: what is missing for the text is not an error
      // then (the person may search before choosing), and the text is written only when complete.
      const problems: Problem[] = parsed.problems.filter(
        (p) => !(parsed.searching && p.reason === 'required'),
      );
      const complete = parsed.problems.length === 0;
      const searchable = !problems.some((p) => p.field === 'q');
      const first = await step1(deps, region, org, lang, searchable ? parsed.input.q : '');
      let built: Built | undefined;
      let job: ChosenJob | undefined;
      const { input } = parsed;
      if (input.job && complete) {
        const url = navigatorUrl(siteOrigin(request), input.text, org.campaign);
        const outcome = await buildText(db, region, org, input, url);
        if (outcome.ok) ({ built, job } = outcome);
        else problems.push(...outcome.problems.filter((p) => !(parsed.searching && p.reason === 'required')));
      } else if (input.job && input.job !== NO_JOB) {
        job = await chosenJob(db, region.id, org, input.job);
      }

      if (built && input.format && problems.length === 0) {
        const name = builderMessages.t(lang, 'download.filename');
        const title = textMessages.t(built.text.lang, 'heading', {
          place: region.municipalities.find((m) => m.code === built.municipality)?.shortName ?? '',
        });
        const body = input.format === 'txt' ? renderPlain(built.text) : htmlDocument(built.text, title);
        return reply
          .header('cache-control', 'private, no-store')
          .header('content-disposition', `attachment; filename="${name}.${input.format}"`)
          .type(input.format === 'txt' ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8')
          .send(body);
      }

      const page = builderPage({
        lang,
        region,
        organisationName: org.name,
        parsed,
        problems,
        step1: first,
        job,
        built,
      });
      return reply.page(page, { status: problems.length ? 400 : 200, cache: 'private, no-store' });
    },
  );
}
