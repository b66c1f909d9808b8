/**
 * schema.org JobPosting for an open job (Google for Jobs): title, description, datePosted,
 * validThrough from the application deadline, hiringOrganization, jobLocation (and TELECOMMUTE when
 * the job can be done remotely), employmentType, identifier, directApply and the canonical URL;
 * baseSalary when the ad's salary text names a sum, and the employer's logo when JobTech gave an
 * https address for it (only a URL in the data: the page itself never loads it). Closed jobs, demo
 * ads and ads whose canonical page is elsewhere get no markup at all (views.ts decides).
 */
import { jsonScript, type SafeHtml } from '../../platform/html/html.ts';
import type { PageContext } from '../../platform/html/layout.ts';
import { localPath } from '../../platform/html/layout.ts';
import type { JobDetail } from './repository.ts';
import { httpsUrl } from './canonical.ts';
import { baseSalary, salaryAmount } from './salary.ts';
import { sanitizeDescription } from './sanitize.ts';

/** JobTech worktime/employment concepts → schema.org employmentType. */
const EMPLOYMENT_TYPES: Record<string, string> = {
  '6YE1_gAC_R2G': 'FULL_TIME', // Heltid
  '947z_JGS_Uk2': 'PART_TIME', // Deltid
  '1paU_aCR_nGn': 'PER_DIEM', // Behovsanställning
};

export function jobPostingData(ctx: PageContext, job: JobDetail): Record<string, unknown> {
  const raw = job.raw;
  const address = raw.workplace_address ?? {};
  const municipality = ctx.region.municipalities.find((m) => m.code === job.municipalityCode);
  const types = [job.worktimeId, job.employmentTypeId]
    .map((id) => (id ? EMPLOYMENT_TYPES[id] : undefined))
    .filter((t): t is string => Boolean(t));
  const url = ctx.origin + localPath(ctx.lang, `/jobs/${encodeURIComponent(job.id)}`);
  // Only an http(s) link from the ad (a string: rows are type-checked at ingestion).
  const employerUrl =
    typeof raw.employer?.url === 'string' && /^https?:\/\//.test(raw.employer.url)
      ? raw.employer.url
      : undefined;
  const logo = httpsUrl(raw.logo_url) ?? undefined;
  const salary = salaryAmount(raw.salary_description);
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: job.headline,
    description: sanitizeDescription(raw.description?.text_formatted, raw.description?.text) || job.headline,
    datePosted: job.publishedAt.toISOString(),
    ...(job.deadlineAt ? { validThrough: job.deadlineAt.toISOString() } : {}),
    hiringOrganization: {
      '@type': 'Organization',
      name: job.employerName,
      ...(employerUrl ? { sameAs: employerUrl } : {}),
      ...(logo ? { logo } : {}),
    },
    jobLocation: {
      '@type': 'Place',
      address: {
        '@type': 'PostalAddress',
        ...(address.street_address ? { streetAddress: address.street_address } : {}),
        ...(address.postcode ? { postalCode: address.postcode } : {}),
        addressLocality: address.city || municipality?.shortName || ctx.region.name.sv,
        addressRegion: ctx.region.name.sv,
        addressCountry: 'SE',
      },
    },
    ...(job.remote
      ? {
          jobLocationType: 'TELECOMMUTE',
          applicantLocationRequirements: { '@type': 'Country', name: 'Sverige' },
        }
      : {}),
    ...(salary ? { baseSalary: baseSalary(salary) } : {}),
    ...(types.length ? { employmentType: types.length === 1 ? types[0] : types } : {}),
    identifier: {
      '@type': 'PropertyValue',
      // A mirrored ad is Arbetsförmedlingen's; a demo ad and an employer's own ad are Lotsa's.
      name: job.origin === 'jobtech' ? 'Arbetsförmedlingen' : 'Lotsa',
      value: job.id,
    },
    directApply: false,
    url,
    inLanguage: job.lang,
    ...(job.vacancies ? { totalJobOpenings: job.vacancies } : {}),
    ...(job.occupationGroupLabel ? { occupationalCategory: job.occupationGroupLabel } : {}),
  };
  return data;
}

/** The page's <script type="application/ld+json"> block, safe against `</script>` in ad texts. */
export function jobPostingJsonLd(ctx: PageContext, job: JobDetail): SafeHtml {
  return jsonScript('application/ld+json', jobPostingData(ctx, job));
}
