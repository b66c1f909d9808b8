/**
 * The newcomer network's public pages: the landing page (photograph, the groups as cards, the next
 * meetups, the call to become an ambassador), a group with its upcoming meetups and places left
 * (join and leave as forms for signed-in people; a sign-in link for visitors), and what an
 * ambassador does with the sign-up form. A meetup is an event: it links to the event's own page,
 * where people sign up. The region's name comes from the request, never from here.
 */
import {
  checkboxGroup,
  csrfField,
  formErrorSummary,
  notice,
  selectField,
  textareaField,
  textField,
} from '../../../platform/html/forms.ts';
import { formTexts } from '../../../platform/html/form-messages.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Page } from '../../../platform/html/layout.ts';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { heroPicture } from '../../content/public/common.ts';
import type { PublicImage } from '../../content/public/media.ts';
import { networkMessages, type NetworkKey } from './messages.ts';
import { AMBASSADOR_LANGUAGES, LIMITS, PERSONAS, TOPICS, type Topic } from './model.ts';
import { eventPublicPath, groupEventTitle, type GroupEvent } from './events.ts';
import type { AmbassadorRow, GroupRow, GroupSummary } from './repository.ts';
import type { AmbassadorField, AmbassadorInput, Errors } from './service.ts';

export const NETWORK_CSS = 'css/network.css';

export const networkPaths = {
  landing: (lang: Lang) => localPath(lang, '/network'),
  group: (lang: Lang, slug: string) => localPath(lang, `/network/groups/${slug}`),
  ambassadors: (lang: Lang) => localPath(lang, '/network/ambassadors'),
  login: (lang: Lang, next: string) => `${localPath(lang, '/login')}?next=${encodeURIComponent(next)}`,
  me: (lang: Lang) => localPath(lang, '/me'),
};

type T = (key: NetworkKey, params?: Record<string, string | number>) => string;
const tt =
  (lang: Lang): T =>
  (key, params) =>
    networkMessages.t(lang, key, params);

const timeFormats: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }),
};
const weekdayFormats: Record<Lang, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', weekday: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', weekday: 'long' }),
};

/** "lördag 12 december 2026" and "18:00", in Stockholm. */
export function dateTimeOf(lang: Lang, at: Date): { date: string; time: string } {
  return {
    date: `${weekdayFormats[lang].format(at)} ${formatDate(lang, at)}`,
    time: timeFormats[lang].format(at),
  };
}

export function placeName(lang: Lang, region: Region, code: string | null): string {
  if (!code) return networkMessages.t(lang, 'wholeRegion', { region: region.name[lang] });
  return region.municipalities.find((m) => m.code === code)?.shortName ?? code;
}

export const groupName = (lang: Lang, g: GroupRow) => (lang === 'en' ? g.name_en : g.name_sv);
const groupDescription = (lang: Lang, g: GroupRow) => (lang === 'en' ? g.description_en : g.description_sv);

function paragraphs(text: string): SafeHtml {
  return html`${text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => html`<p>${p}</p>`)}`;
}

const base = (lang: Lang, region: Region, page: Omit<Page, 'description'>): Page => ({
  description: networkMessages.t(lang, 'landing.description', { region: region.name[lang] }),
  stylesheets: [NETWORK_CSS],
  ...page,
});

export function landingPage(
  lang: Lang,
  region: Region,
  hero: PublicImage | undefined,
  groups: readonly GroupSummary[],
  meetups: readonly GroupEvent[] = [],
): Page {
  const t = tt(lang);
  const title = t('landing.title', { region: region.name[lang] });
  const groupsById = new Map(groups.map((g) => [g.id, g]));
  const card = (g: GroupSummary) => {
    const next = g.nextMeetup ? dateTimeOf(lang, g.nextMeetup) : undefined;
    return html`<li class="card network-card">
      <h3 class="network-card__title"><a href="${networkPaths.group(lang, g.slug)}">${groupName(lang, g)}</a></h3>
      <p class="network-card__tags"><span class="tag">${t(`topic.${g.topic as Topic}`)}</span>
        <span class="tag tag--muted">${placeName(lang, region, g.municipality_code)}</span></p>
      <p>${g.members === 1 ? t('landing.memberOne') : t('landing.members', { count: formatNumber(lang, g.members) })}</p>
      <p>${next ? t('landing.next', { date: next.date, time: next.time }) : t('landing.noNext')}</p>
    </li>`;
  };
  return base(lang, region, {
    title,
    path: '/network',
    main: html`<div class="network-landing">
      <header class="network-hero">
        <div class="wrap network-hero__inner">
          <div class="network-hero__text">
            <h1>${title}</h1>
            <p class="network-lead">${t('landing.lead')}</p>
            <p><a class="button" href="${networkPaths.ambassadors(lang)}">${t('landing.ambassador.title')}</a></p>
          </div>
          <div class="network-hero__picture">${heroPicture(hero, lang)}</div>
        </div>
      </header>
      <div class="wrap">
        <section aria-labelledby="groups-title" class="network-groups">
          <h2 id="groups-title">${t('landing.groups')}</h2>
          ${groups.length ? html`<ul class="network-cards" role="list">${groups.map(card)}</ul>` : html`<p>${t('landing.noGroups')}</p>`}
        </section>
        <section aria-labelledby="landing-meetups-title" class="network-upcoming">
          <h2 id="landing-meetups-title">${t('landing.meetups')}</h2>
          ${
            meetups.length
              ? html`<p>${t('landing.meetups.lead')}</p>
                  <ul class="network-meetups" role="list">${meetups.map((e) => {
                    const group = groupsById.get(e.groupId);
                    return meetupCard(lang, e, group ? groupName(lang, group) : undefined);
                  })}</ul>`
              : html`<p>${t('landing.noMeetups')}</p>`
          }
        </section>
        <section aria-labelledby="ambassador-cta-title" class="card network-cta">
          <h2 id="ambassador-cta-title">${t('landing.ambassador.title')}</h2>
          <p>${t('landing.ambassador.text')}</p>
          <p><a href="${networkPaths.ambassadors(lang)}">${t('landing.ambassador.link')}</a></p>
        </section>
      </div>
    </div>`,
  });
}

export type GroupDone = 'joined' | 'left';
export const GROUP_DONE: readonly GroupDone[] = ['joined', 'left'];

export interface GroupPageModel {
  lang: Lang;
  region: Region;
  group: GroupRow;
  members: number;
  /** The group's upcoming published meetups (events). */
  meetups: readonly GroupEvent[];
  /** Signed in: their CSRF token and whether they are a member; a visitor: undefined. */
  viewer?: { csrfToken: string; member: boolean };
  done?: GroupDone;
}

function placesLeft(t: T, lang: Lang, e: GroupEvent): string {
  if (e.capacity === null) return t('meetup.open');
  const left = Math.max(0, e.capacity - e.seatsTaken);
  if (left === 0) return t('meetup.full');
  return left === 1 ? t('meetup.leftOne') : t('meetup.left', { count: formatNumber(lang, left) });
}

/** A meetup as a card: title linking to the event's page, when, where, places left, the group. */
function meetupCard(lang: Lang, e: GroupEvent, group?: string): SafeHtml {
  const t = tt(lang);
  const when = dateTimeOf(lang, e.startsAt);
  const end = timeFormats[lang].format(e.endsAt);
  const title = groupEventTitle(lang, e);
  const place = [e.venue, e.locality].filter(Boolean).join(', ');
  const href = eventPublicPath(lang, e.slug);
  return html`<li class="card network-meetup">
    <h3><a href="${href}">${title}</a></h3>
    <p><time datetime="${e.startsAt.toISOString()}">${t('meetup.when', { date: when.date, time: when.time, end })}</time></p>
    ${place ? html`<p>${t('meetup.place', { place })}</p>` : ''}
    ${group ? html`<p>${t('meetup.group', { group })}</p>` : ''}
    <p class="network-places"><strong>${placesLeft(t, lang, e)}</strong></p>
    <p><a class="button button--secondary" href="${href}" aria-label="${t('meetup.moreNamed', { title })}">${t('meetup.more')}</a></p>
  </li>`;
}

export function groupPage(m: GroupPageModel): Page {
  const { lang, group } = m;
  const t = tt(lang);
  const name = groupName(lang, group);
  const here = networkPaths.group(lang, group.slug);
  const active = group.status === 'active';
  const membership = !active
    ? html`<p class="notice">${t('group.archived')}</p>`
    : m.viewer
      ? m.viewer.member
        ? html`<p>${t('group.isMember')}</p>
          <form class="form" method="post" action="${here}/leave">
            ${csrfField(m.viewer.csrfToken)}
            <button class="button button--secondary" type="submit">${t('group.leave')}</button>
          </form>`
        : html`<form class="form" method="post" action="${here}/join">
            ${csrfField(m.viewer.csrfToken)}
            <button class="button" type="submit">${t('group.join')}</button>
          </form>`
      : html`<p><a class="button" href="${networkPaths.login(lang, here)}">${t('group.signIn')}</a></p>`;

  const status = notice(m.done ? t(`done.${m.done}`) : undefined);
  return base(lang, m.region, {
    title: name,
    path: `/network/groups/${group.slug}`,
    noindex: !active,
    main: html`<div class="wrap network-group">
      <p><a href="${networkPaths.landing(lang)}">${t('group.back')}</a></p>
      <h1>${name}</h1>
      ${status}
      <p class="network-card__tags"><span class="tag">${t(`topic.${group.topic as Topic}`)}</span>
        <span class="tag tag--muted">${placeName(lang, m.region, group.municipality_code)}</span></p>
      ${paragraphs(groupDescription(lang, group))}
      <p>${t('group.members', { count: formatNumber(lang, m.members) })}</p>
      ${membership}
      <section aria-labelledby="meetups-title">
        <h2 id="meetups-title">${t('group.meetups')}</h2>
        ${
          m.meetups.length
            ? html`<p>${t('group.meetups.lead')}</p>
                <ul class="network-meetups" role="list">${m.meetups.map((e) => meetupCard(lang, e))}</ul>`
            : html`<p>${t('group.noMeetups')}</p>`
        }
      </section>
    </div>`,
  });
}

export interface AmbassadorPageModel {
  lang: Lang;
  region: Region;
  /** Signed in: the form's token, the stored profile (if any), what was typed and its errors. */
  viewer?: {
    csrfToken: string;
    existing?: AmbassadorRow;
    input?: AmbassadorInput;
    errors?: Errors<AmbassadorField>;
  };
  done?: 'applied' | 'saved';
}

function inputOf(existing: AmbassadorRow | undefined): AmbassadorInput {
  return {
    municipality: existing?.municipality_code ?? '',
    languages: existing?.languages ?? [],
    occupation: existing?.occupation ?? '',
    personas: existing?.personas ?? [],
    interests: existing?.interests ?? [],
    about: existing?.about ?? '',
    consent: existing !== undefined,
  };
}

export function ambassadorsPage(m: AmbassadorPageModel): Page {
  const { lang, region } = m;
  const t = tt(lang);
  const title = t('amb.title');
  let form: SafeHtml;
  if (!m.viewer) {
    form = html`<p><a class="button" href="${networkPaths.login(lang, networkPaths.ambassadors(lang))}">${t('amb.signIn')}</a></p>`;
  } else {
    const v = m.viewer;
    const input = v.input ?? inputOf(v.existing);
    const errors = v.errors ?? {};
    const err = (field: AmbassadorField) => {
      const key = errors[field];
      return key
        ? t(key, { max: formatNumber(lang, field === 'about' ? LIMITS.about : LIMITS.occupation) })
        : undefined;
    };
    const failed = (
      [
        ['municipality', 'municipality'],
        ['languages', `languages-${AMBASSADOR_LANGUAGES[0]}`],
        ['occupation', 'occupation'],
        ['personas', `personas-${PERSONAS[0]}`],
        ['interests', `interests-${TOPICS[0]}`],
        ['about', 'about'],
        ['consent', 'consent-yes'],
      ] as const
    ).flatMap(([field, id]) => (errors[field] ? [{ id, text: err(field)! }] : []));
    form = html`<section aria-labelledby="amb-form-title">
      <h2 id="amb-form-title">${v.existing ? t('amb.form.update') : t('amb.form.title')}</h2>
      ${v.existing ? html`<p>${t('amb.status', { status: t(`status.${v.existing.status as 'pending' | 'approved' | 'paused'}`) })}</p>` : ''}
      <form class="form" method="post" action="${networkPaths.ambassadors(lang)}" novalidate>
        ${formErrorSummary(lang, failed)} ${csrfField(v.csrfToken)}
        ${selectField(lang, {
          name: 'municipality',
          label: t('amb.municipality'),
          required: true,
          error: err('municipality'),
          value: input.municipality,
          placeholder: t('amb.municipality.any'),
          options: region.municipalities.map((mu) => ({ value: mu.code, label: mu.shortName })),
        })}
        ${checkboxGroup(lang, {
          name: 'languages',
          legend: t('amb.languages'),
          required: true,
          error: err('languages'),
          values: input.languages,
          options: AMBASSADOR_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) })),
        })}
        ${textField(lang, {
          name: 'occupation',
          label: t('amb.occupation'),
          hint: t('amb.occupation.hint'),
          required: false,
          error: err('occupation'),
          value: input.occupation,
          maxlength: LIMITS.occupation,
          autocomplete: 'organization-title',
        })}
        ${checkboxGroup(lang, {
          name: 'personas',
          legend: t('amb.personas'),
          required: false,
          error: err('personas'),
          values: input.personas,
          options: PERSONAS.map((p) => ({ value: p, label: t(`persona.${p}`) })),
        })}
        ${checkboxGroup(lang, {
          name: 'interests',
          legend: t('amb.interests'),
          required: false,
          error: err('interests'),
          values: input.interests,
          options: TOPICS.map((p) => ({ value: p, label: t(`topic.${p}`) })),
        })}
        ${textareaField(lang, {
          name: 'about',
          label: t('amb.about'),
          hint: t('amb.about.hint', { max: formatNumber(lang, LIMITS.about) }),
          required: false,
          error: err('about'),
          value: input.about,
          maxlength: LIMITS.about,
          rows: 5,
        })}
        ${checkboxGroup(lang, {
          name: 'consent',
          legend: t('amb.consent'),
          hint: t('amb.consent.text'),
          required: true,
          error: err('consent'),
          values: input.consent ? ['yes'] : [],
          options: [{ value: 'yes', label: t('amb.consent') }],
        })}
        <button class="button" type="submit">${v.existing ? t('amb.save') : t('amb.submit')}</button>
      </form>
    </section>`;
  }
  const failed = Boolean(m.viewer?.errors && Object.keys(m.viewer.errors).length);
  return {
    title: failed ? formTexts.t(lang, 'form.titleWithErrors', { title }) : title,
    description: t('amb.description', { region: region.name[lang] }),
    stylesheets: [NETWORK_CSS],
    path: '/network/ambassadors',
    main: html`<div class="wrap network-ambassadors">
      <p><a href="${networkPaths.landing(lang)}">${t('landing.title', { region: region.name[lang] })}</a></p>
      <h1>${title}</h1>
      ${notice(m.done ? t(`amb.done.${m.done}`) : undefined)}
      <p class="network-lead">${t('amb.lead')}</p>
      <section aria-labelledby="amb-does-title" class="card network-does">
        <h2 id="amb-does-title">${t('amb.does.title')}</h2>
        <ul>${(['amb.does.1', 'amb.does.2', 'amb.does.3', 'amb.does.4'] as const).map((k) => html`<li>${t(k)}</li>`)}</ul>
      </section>
      ${form}
    </div>`,
  };
}
