/**
 * The person's side: the answer page of an intro request (reached by the e-mailed link, no
 * sign-in needed: the token is the key) and the own page's section "Arbetsgivare och ditt kort"
 * (who saw the card, the requests with accept/decline, the blocked organisations).
 */
import { checkboxGroup, csrfField, hiddenField, notice } from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { mailtoHref } from '../../../platform/html/links.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import type { OwnPageContext, OwnPageSection, OwnPageSectionView } from '../../../platform/personal-data.ts';
import type { IntroRow } from './repository.ts';
import { blocksOfPerson, introsOfPerson, viewsOfPerson } from './service.ts';
import { translator } from './views.ts';

export const introPagePath = (lang: Lang, token: string) => `/${lang}/talent-pool/intro/${token}`;
export const answerPath = (lang: Lang) => `/${lang}/talent-pool/requests/answer`;
export const unblockPath = (lang: Lang) => `/${lang}/talent-pool/blocks/remove`;
export const OWN_SECTION_ID = 'talent-employers';
export const ownPath = (lang: Lang) => `/${lang}/me#${OWN_SECTION_ID}`;

function introDetails(lang: Lang, intro: IntroRow): SafeHtml {
  const t = translator(lang);
  return html`<dl class="admin-facts talent-intro">
    <dt>${t('answer.message')}</dt>
    <dd class="talent-intro__message">${intro.message}</dd>
    ${intro.jobHeadline ? html`<dt>${t('answer.job')}</dt><dd>${intro.jobHeadline}</dd>` : ''}
  </dl>`;
}

/** What has come of a request, in words (and the sender's contact once accepted). */
function outcome(lang: Lang, intro: IntroRow, blocked: boolean): SafeHtml {
  const t = translator(lang);
  const organisation = intro.organisationName;
  switch (intro.status) {
    case 'accepted':
      return html`<p>${t('answer.accepted', { organisation })}</p>
        ${
          intro.senderEmail
            ? html`<p>
              ${t('answer.contact', { name: intro.senderName || organisation })}
              <a href="${mailtoHref(intro.senderEmail) ?? ''}">${intro.senderEmail}</a>
            </p>`
            : ''
        }`;
    case 'declined':
      return html`<p>${t('answer.declined', { organisation })}</p>
        ${blocked ? html`<p>${t('answer.blocked', { organisation })}</p>` : ''}`;
    case 'expired':
      return html`<p>${t('answer.expired')}</p>`;
    case 'withdrawn':
      return html`<p>${t('answer.withdrawn')}</p>`;
    default:
      return html``;
  }
}

/** The accept/decline form of a pending request; `carry` is the token or the request id field. */
function answerForm(
  lang: Lang,
  csrf: string,
  action: string,
  carry: SafeHtml,
  intro: IntroRow,
  idPrefix: string,
) {
  const t = translator(lang);
  return html`<form method="post" action="${action}" class="talent-answer">
    ${csrfField(csrf)} ${carry}
    ${checkboxGroup(lang, {
      name: 'block',
      idPrefix: `${idPrefix}-block`,
      legend: t('answer.decline'),
      legendClass: 'visually-hidden',
      values: [],
      options: [{ value: '1', label: t('answer.block', { organisation: intro.organisationName }) }],
    })}
    <p class="talent-answer__buttons">
      <button class="button" type="submit" name="answer" value="accept">${t('answer.accept')}</button>
      <button class="button button--secondary" type="submit" name="answer" value="decline">${t('answer.decline')}</button>
    </p>
  </form>`;
}

export function answerPage(
  lang: Lang,
  csrf: string,
  token: string,
  intro: IntroRow | undefined,
  blocked = false,
): { title: string; main: SafeHtml } {
  const t = translator(lang);
  if (!intro) {
    return {
      title: t('answer.notFound'),
      main: html`<div class="wrap prose"><h1>${t('answer.notFound')}</h1></div>`,
    };
  }
  const title = t('answer.title', { organisation: intro.organisationName });
  return {
    title,
    main: html`<div class="wrap prose">
      <h1>${title}</h1>
      <p class="lead">${t('answer.lead', { organisation: intro.organisationName })}</p>
      ${introDetails(lang, intro)}
      ${
        intro.status === 'pending'
          ? html`<p>${t('answer.expires', { date: formatDate(lang, intro.expiresAt) })}</p>
            ${answerForm(lang, csrf, introPagePath(lang, token), html``, intro, 'intro')}`
          : outcome(lang, intro, blocked)
      }
    </div>`,
  };
}

const OWN_DONE = ['accepted', 'declined', 'unblocked', 'gone'] as const;

async function renderOwn(c: OwnPageContext): Promise<OwnPageSectionView | null> {
  const [views, intros, blocks] = await Promise.all([
    viewsOfPerson(c.db, c.regionId, c.accountId),
    introsOfPerson(c.db, c.regionId, c.accountId),
    blocksOfPerson(c.db, c.regionId, c.accountId),
  ]);
  const profile = await c.db
    .selectFrom('talent_profiles')
    .select('id')
    .where('region_id', '=', c.regionId)
    .where('account_id', '=', c.accountId)
    .executeTakeFirst();
  if (!profile && views.length === 0 && intros.length === 0 && blocks.length === 0) return null;
  const t = translator(c.lang);
  const done =
    typeof c.query.talent_done === 'string' ? OWN_DONE.find((d) => d === c.query.talent_done) : undefined;
  const viewsTable = dataTable({
    id: 'talent-views-caption',
    caption: t('own.viewsCaption'),
    columns: [t('own.col.organisation'), t('own.col.day')],
    rows: views,
    cells: (v) => [v.organisationName, formatDate(c.lang, v.lastAt)],
    empty: t('own.viewsEmpty'),
  });
  const requestItems = intros.map(
    (r) => html`<li class="job-card talent-request">
      <h4>${t('own.from', { organisation: r.organisationName, date: formatDate(c.lang, r.createdAt) })}</h4>
      ${introDetails(c.lang, r)}
      <p><strong>${t(`status.${r.status}`)}</strong></p>
      ${
        r.status === 'pending'
          ? answerForm(c.lang, c.csrfToken, answerPath(c.lang), hiddenField('id', r.id), r, `intro-${r.id}`)
          : outcome(c.lang, r, false)
      }
    </li>`,
  );
  const blockItems = blocks.map(
    (b) => html`<li>
      <form method="post" action="${unblockPath(c.lang)}">
        ${csrfField(c.csrfToken)} ${hiddenField('organisation', b.organisationId)} ${b.organisationName}
        <button class="button button--secondary" type="submit" aria-label="${t('own.unblockNamed', { organisation: b.organisationName })}">${t('own.unblock')}</button>
      </form>
    </li>`,
  );
  return {
    id: OWN_SECTION_ID,
    title: t('own.title'),
    html: html`<section id="${OWN_SECTION_ID}" aria-labelledby="${OWN_SECTION_ID}-title">
      <h2 id="${OWN_SECTION_ID}-title">${t('own.title')}</h2>
      ${notice(done ? t(`own.done.${done}`) : undefined)}
      <p>${t('own.lead')}</p>
      <h3>${t('own.requests')}</h3>
      ${requestItems.length > 0 ? html`<ul class="job-list talent-requests">${requestItems}</ul>` : html`<p>${t('own.requestsEmpty')}</p>`}
      <h3>${t('own.views')}</h3>
      ${viewsTable}
      <h3>${t('own.blocks')}</h3>
      ${blockItems.length > 0 ? html`<ul class="talent-blocks">${blockItems}</ul>` : html`<p>${t('own.blocksEmpty')}</p>`}
    </section>`,
  };
}

export const employersOwnSection: OwnPageSection = { order: 30, render: renderOwn };
