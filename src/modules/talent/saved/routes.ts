/**
 * Saved jobs' routes.
 *
 * - POST /:lang/saved-jobs (job): the "Spara jobbet" button of job pages and cards. Those pages are
 *   the same cached page for everyone, so the form carries no CSRF token: `csrf: 'origin'` makes the
 *   platform's check refuse a cross-site request (Sec-Fetch-Site, else Origin) without asking for
 *   one, and the session cookie is SameSite=Lax anyway. A visitor is sent to sign in and back to the job.
 * - POST /:lang/saved-jobs/remove (job): the own page's remove button (normal CSRF).
 */
import { AppError } from '../../../platform/errors.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { langParam } from '../../../platform/http/lang.ts';
import { FormBody, LangParams, type App } from '../../../platform/http/schema.ts';
import type { ModuleDeps } from '../../../platform/module.ts';
import { Permission } from '../../../platform/permissions.ts';
import { removeSavedJob, saveJob } from './service.ts';

const JOB_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function registerSavedJobRoutes(app: App, deps: ModuleDeps): void {
  const { db } = deps.database;
  const body = { params: LangParams, body: FormBody('job') };

  app.post(
    '/:lang/saved-jobs',
    { schema: body, config: { permission: Permission.Public, auth: 'optional', csrf: 'origin' } },
    async (request, reply) => {
      const lang = langParam(request);
      const job = request.body.job ?? '';
      if (!JOB_ID.test(job)) throw new AppError('LOTSA_NOT_FOUND');
      const account = request.auth?.account;
      reply.header('cache-control', 'no-store');
      if (!account) {
        const next = localPath(lang, `/jobs/${encodeURIComponent(job)}`);
        return reply.redirect(`${localPath(lang, '/login')}?next=${encodeURIComponent(next)}`, 303);
      }
      if (!(await saveJob(db, request.region.id, account.id, job))) throw new AppError('LOTSA_NOT_FOUND');
      return reply.redirect(`${localPath(lang, '/me')}?done=job-saved#saved-jobs`, 303);
    },
  );

  app.post(
    '/:lang/saved-jobs/remove',
    { schema: body, config: { permission: Permission.SignedIn } },
    async (request, reply) => {
      const lang = langParam(request);
      const account = request.auth?.account;
      if (!account) throw new AppError('LOTSA_UNAUTHENTICATED');
      const job = request.body.job ?? '';
      if (JOB_ID.test(job)) await removeSavedJob(db, request.region.id, account.id, job);
      return reply
        .header('cache-control', 'no-store')
        .redirect(`${localPath(lang, '/me')}?done=job-removed#saved-jobs`, 303);
    },
  );
}
