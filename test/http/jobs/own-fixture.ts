/** The own-ad form as a person fills it in, for the own-*.test.ts files. */
import { toStockholmLocal } from '../../../src/modules/jobs/ingest/time.ts';
import type { FormFields } from '../../helpers/client.ts';

export const DAY = 86_400_000;
export const dateIn = (days: number) => toStockholmLocal(new Date(Date.now() + days * DAY)).slice(0, 10);

/** A complete, valid form. */
export function validAd(over: FormFields = {}): FormFields {
  return {
    headline: 'Sjuksköterska till Kvarnsvedens vårdcentral',
    occupation: 'Sjuksköterska, grundutbildad',
    occupation_id: '',
    municipality: '2081',
    employment_type: 'kpPX_CNN_gDU',
    worktime: '6YE1_gAC_R2G',
    hours: '75 procent, dagtid',
    vacancies: '2',
    deadline: dateIn(30),
    apply_url: 'https://jobb.example.se/ansok/42',
    apply_email: '',
    description_sv: 'Vi söker en sjuksköterska till vår vårdcentral.\n\nVälkommen med din ansökan!',
    description_en: 'We are looking for a nurse who enjoys <teamwork> & variety.',
    action: 'publish',
    ...over,
  };
}
