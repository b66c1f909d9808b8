/** What a search answers with for each ad: a job summary, and the columns of job_ads it is made from. */
export interface JobSummary {
  id: string;
  headline: string;
  employerName: string;
  /** The employer's organisationsnummer (its company page, when it has one). */
  employerOrgnr?: string | null;
  workplace: string | null;
  municipalityCode: string | null;
  occupationLabel: string;
  occupationGroupId: string | null;
  employmentTypeId: string | null;
  worktimeId: string | null;
  remote: boolean;
  publishedAt: Date;
  deadlineAt: Date | null;
  generated: boolean;
  /** The language the ad is written in. */
  lang: 'sv' | 'en';
}

/** The columns of job_ads a job summary is made from. */
export interface SummaryRow {
  id: string;
  headline: string;
  employer_name: string;
  employer_orgnr?: string | null;
  workplace: string | null;
  municipality_code: string | null;
  occupation_label: string;
  occupation_group_id: string | null;
  employment_type_id: string | null;
  worktime_extent_id: string | null;
  remote: boolean;
  published_at: Date;
  deadline_at: Date | null;
  origin: string;
  lang: string;
}

export function toSummary(r: SummaryRow): JobSummary {
  return {
    id: r.id,
    headline: r.headline,
    employerName: r.employer_name,
    employerOrgnr: r.employer_orgnr ?? null,
    workplace: r.workplace,
    municipalityCode: r.municipality_code,
    occupationLabel: r.occupation_label,
    occupationGroupId: r.occupation_group_id,
    employmentTypeId: r.employment_type_id,
    worktimeId: r.worktime_extent_id,
    remote: r.remote,
    publishedAt: r.published_at,
    deadlineAt: r.deadline_at,
    generated: r.origin === 'generated',
    lang: r.lang === 'en' ? 'en' : 'sv',
  };
}
