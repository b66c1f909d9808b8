/**
 * A person's event registrations as personal data ('eventRegistrations'): the export lists each
 * (event, status, seats, answers, consent version, sharing, times); erasure releases the seats they
 * held (the offers task offers them on), then deletes the rows, in the account deletion's transaction. The own
 * page's "Dina evenemang" lists them with their personal links; the privacy notice says why and for
 * how long, which the `events.retention` task keeps (service.ts runRetention: six months after the
 * event; KEEP_ENDED_DAYS after a registration ended without a seat).
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { OwnPageSection, PersonalDataPart, PrivacyProcessing } from '../../../platform/personal-data.ts';
import { eventTitle } from '../events.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { registrationMessages as msg } from './messages.ts';
import { registrationsOfPerson } from './repository.ts';
import { eraseRegistrations } from './service.ts';
import { ownSectionHtml } from './views.ts';
import { shortTime } from './words.ts';

export const registrationData: PersonalDataPart = {
  name: 'eventRegistrations',
  async export(db, person) {
    const rows = await registrationsOfPerson(db, person.regionId, person.accountId, person.email, 1000);
    return rows.map((r) => ({
      event: r.title_sv || r.title_en,
      startsAt: r.starts_at.toISOString(),
      name: r.name,
      email: r.email,
      seats: r.seats,
      status: r.status,
      language: r.language,
      answers: r.answers,
      consentTextVersion: r.consent_text_version,
      shareWithExhibitors: r.share_with_exhibitors,
      registeredAt: r.created_at.toISOString(),
      offerExpiresAt: r.offer_expires_at?.toISOString() ?? null,
      cancelledAt: r.cancelled_at?.toISOString() ?? null,
    }));
  },
  async erase(trx, person) {
    await eraseRegistrations(trx as Transaction<DB>, person);
  },
};

export const registrationSection: OwnPageSection = {
  order: 30,
  async render(ctx) {
    const rows = await registrationsOfPerson(ctx.db, ctx.regionId, ctx.accountId, ctx.email, 50);
    const live = rows.filter((r) => r.status !== 'cancelled' || r.starts_at > new Date());
    if (live.length === 0) return null;
    const { lang } = ctx;
    const items = live.map((r) => ({
      title: eventTitle({ title_sv: r.title_sv, title_en: r.title_en }, lang),
      when: shortTime(lang, r.starts_at),
      status: r.status,
      href: localPath(lang, `/me/events/${r.id}`),
    }));
    return { id: 'events', title: msg.t(lang, 'own.title'), html: ownSectionHtml(lang, items) };
  },
};

const words = {
  sv: {
    title: 'Anmälningar till evenemang',
    data: 'Namn, e-postadress, antal personer i sällskapet, dina svar på arrangörens frågor (för en testbo-helg även din motivering och vilka som följer med), om du vill att utställarna får se ditt namn och din e-post, när du anmälde dig, din plats på väntelistan och om du checkade in.',
    purpose:
      'Att hantera din anmälan: bekräftelse, väntelista och erbjudanden om lediga platser, påminnelse dagen före, incheckning i entrén och ett tack efteråt. Arrangören ser anmälningarna; utställarna bara om du har sagt ja till det.',
    basis:
      'Ditt samtycke när du anmäler dig (vi sparar vilken text du såg). Delningen med utställare är ett eget, frivilligt samtycke.',
    retention:
      'Sex månader efter evenemanget; då raderas anmälan och incheckningen. En anmälan som avbokas, en ansökan som inte beviljas och ett erbjudande om plats som går ut raderas redan 30 dagar senare. Tar du bort ditt konto raderas dina anmälningar direkt och platserna går vidare till väntelistan.',
  },
  en: {
    title: 'Event registrations',
    data: 'Name, e-mail address, the number of people in your party, your answers to the organiser’s questions (for a test-living weekend also your motivation and who comes along), whether the exhibitors may see your name and e-mail, when you registered, your place on the waiting list and whether you checked in.',
    purpose:
      'To handle your registration: the confirmation, the waiting list and offers of freed seats, the reminder the day before, check-in at the door and a thank-you afterwards. The organiser sees the registrations; the exhibitors only if you said yes to it.',
    basis:
      'Your consent when you register (we keep which text you were shown). Sharing with exhibitors is a separate, optional consent.',
    retention:
      'Six months after the event; then the registration and the check-in are deleted. A registration that is cancelled, an application that is not accepted and an offer of a seat that runs out are deleted already 30 days later. If you delete your account, your registrations are deleted at once and the seats go to the waiting list.',
  },
};

export const registrationPrivacy: PrivacyProcessing = {
  id: 'event-registrations',
  describe: async (_db, _regionId, lang) => words[lang],
};
