/** "Din flytt" on /:lang/me: the navigator, the stage, the checklist's progress, a link to the moving page. */
import { html } from '../../../platform/html/html.ts';
import { localPath } from '../../../platform/html/layout.ts';
import type { OwnPageSection } from '../../../platform/personal-data.ts';
import { relocationMessages } from '../messages.ts';
import { PATHS, type Stage } from '../model.ts';
import { householdMessages } from './messages.ts';
import { navigatorOf } from './repository.ts';
import { checklistOf, linkCasesByEmail, ownCases } from './service.ts';
import { navigatorName } from '../cases.ts';

export const moveSection: OwnPageSection = {
  order: 15,
  async render(ctx) {
    // Signing in proved the address: a case asked for with it is this account's.
    await linkCasesByEmail(ctx.db, ctx.regionId, ctx.accountId, ctx.email);
    const cases = await ownCases(ctx.db, ctx.regionId, ctx.accountId);
    if (cases.length === 0) return null;
    const { lang } = ctx;
    const t = householdMessages.t;
    const items = await Promise.all(
      cases.map(async (own) => {
        const c = own.case;
        const navigator = c.navigator_id
          ? await navigatorOf(ctx.db, ctx.regionId, c.navigator_id)
          : undefined;
        const list = await checklistOf(ctx.db, ctx.regionId, c, own.persons);
        const name = navigator ? navigatorName(navigator) : '';
        return html`<dl class="move-facts">
          <dt>${t(lang, 'case.heading', { ref: String(c.ref) })}</dt><dd>${relocationMessages.t(lang, `stage.${c.stage as Stage}`)}</dd>
          <dt>${t(lang, 'case.navigator')}</dt><dd>${navigator ? (navigator.organisation ? t(lang, 'case.navigatorAt', { name, organisation: navigator.organisation }) : name) : t(lang, 'case.noNavigator')}</dd>
          <dt>${t(lang, 'section.checklist')}</dt><dd>${t(lang, 'checklist.progress', { done: list.done, total: list.total })}</dd>
        </dl>`;
      }),
    );
    const title = t(lang, 'section.title');
    return {
      id: 'move',
      title,
      html: html`<section id="move" aria-labelledby="move-title">
        <h2 id="move-title">${title}</h2>
        ${items}
        <p><a href="${localPath(lang, PATHS.ownMove)}">${t(lang, 'section.link')}</a></p>
      </section>`,
    };
  },
};
