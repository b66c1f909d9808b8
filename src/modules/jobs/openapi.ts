/**
 * A readable page made from the whole OpenAPI document at /api/docs (no JavaScript, no third-party
 * viewer). The job API's part of the document is generated from its schemas (api-schema.ts).
 */
import { ERROR_CODES, type ErrorCode } from '../../platform/errors.ts';
import { html, type SafeHtml } from '../../platform/html/html.ts';
import { shell } from '../../platform/html/messages.ts';
import type { Page, PageContext } from '../../platform/html/layout.ts';
import type { OpenApiDocument } from '../../platform/http/openapi.ts';
import { defineMessages } from '../../platform/i18n/index.ts';

const docs = defineMessages({
  sv: {
    title: 'Lotsas API för lediga jobb',
    description:
      'Dokumentation av Lotsas JSON-API för regionens lediga jobb och organisationernas egna uppgifter.',
    lead: 'Program kan hämta regionens lediga jobb som JSON. Jobben är öppna och kräver ingen nyckel. En organisation kan också läsa sina egna uppgifter med en API-nyckel som organisationens administratör skapar i administrationen. Beskrivningen nedan är på engelska; den maskinläsbara versionen finns som OpenAPI.',
    openapi: 'OpenAPI-beskrivningen (JSON)',
    parameters: 'Parametrar',
    responses: 'Svar',
    name: 'Namn',
    in: 'Var',
    type: 'Typ',
    meaning: 'Betydelse',
    status: 'Status',
    errors: 'Fel',
    errorsLead:
      'Fel besvaras som problem details enligt RFC 9457 (application/problem+json): type, title, status, detail och instance, och dessutom den stabila koden code, fälten som inte godtogs i fields och förfrågans id i requestId. Program ska läsa code.',
    code: 'Kod',
    titleColumn: 'Rubrik',
  },
  en: {
    title: 'Lotsa’s job API',
    description: 'Documentation of Lotsa’s JSON API for the region’s open jobs and organisations’ own data.',
    lead: 'Programs can read the region’s open jobs as JSON. The jobs are open and need no key. An organisation can also read its own data with an API token its admin creates in the back-office. The machine-readable description is in OpenAPI format.',
    openapi: 'The OpenAPI description (JSON)',
    parameters: 'Parameters',
    responses: 'Responses',
    name: 'Name',
    in: 'In',
    type: 'Type',
    meaning: 'Meaning',
    status: 'Status',
    errors: 'Errors',
    errorsLead:
      'Errors are answered as RFC 9457 problem details (application/problem+json): type, title, status, detail and instance, plus the stable code, the fields that were not accepted in fields, and the request id in requestId. Programs should read code.',
    code: 'Code',
    titleColumn: 'Title',
  },
});

interface Parameter {
  name: string;
  in: 'query' | 'path';
  required?: boolean;
  description: string;
  schema: Record<string, unknown>;
  explode?: boolean;
}

function schemaType(schema: Record<string, unknown>): string {
  if (schema.type === 'array') return `${schemaType(schema.items as Record<string, unknown>)}[]`;
  if (Array.isArray(schema.enum)) return (schema.enum as string[]).map((v) => v || '""').join(' | ');
  return String(schema.type);
}

/** Every error code, each row the anchor a problem's `type` points to (platform/http/problem.ts). */
function errorTable(ctx: PageContext, t: (key: Parameters<typeof docs.t>[1]) => string): SafeHtml {
  const codes = Object.entries(ERROR_CODES) as [ErrorCode, number][];
  return html`<section class="api-errors">
    <h2 id="errors">${t('errors')}</h2>
    <p>${t('errorsLead')}</p>
    <div class="table-scroll" tabindex="0" role="region" aria-label="${t('errors')}"><table>
      <thead><tr><th scope="col">${t('code')}</th><th scope="col">${t('status')}</th><th scope="col">${t('titleColumn')}</th></tr></thead>
      <tbody>${codes.map(([code, status]) => html`<tr id="${code}"><td><code>${code}</code></td><td>${status}</td><td>${shell.t(ctx.lang, `error.${code}.title` as Parameters<typeof shell.t>[1])}</td></tr>`)}</tbody>
    </table></div>
  </section>`;
}

export function apiDocsPage(ctx: PageContext, document: OpenApiDocument): Page {
  const t = (key: Parameters<typeof docs.t>[1]) => docs.t(ctx.lang, key);
  const spec = document(ctx.origin) as {
    paths: Record<
      string,
      {
        get: {
          summary: string;
          description?: string;
          parameters: Parameter[];
          responses: Record<string, { description: string }>;
        };
      }
    >;
  };
  const endpoint = ([path, item]: [
    string,
    (typeof spec.paths)[string],
  ]): SafeHtml => html`<section class="api-endpoint">
    <h2><code>GET ${path}</code></h2>
    <p lang="en">${item.get.summary}${item.get.description ? html`. ${item.get.description}` : ''}</p>
    <h3>${t('parameters')}</h3>
    <div class="table-scroll" tabindex="0" role="region" aria-label="${t('parameters')}: GET ${path}"><table>
      <thead><tr><th scope="col">${t('name')}</th><th scope="col">${t('in')}</th><th scope="col">${t('type')}</th><th scope="col">${t('meaning')}</th></tr></thead>
      <tbody>${item.get.parameters.map((p) => html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td><code>${schemaType(p.schema)}</code></td><td lang="en">${p.description}</td></tr>`)}</tbody>
    </table></div>
    <h3>${t('responses')}</h3>
    <ul>${Object.entries(item.get.responses).map(([status, r]) => html`<li><strong>${status}</strong> <span lang="en">${r.description}</span></li>`)}</ul>
  </section>`;
  const main = html`<div class="wrap prose api-docs">
    <h1>${t('title')}</h1>
    <p class="lead">${t('lead')}</p>
    <p><a href="/api/openapi.json" type="application/json">${t('openapi')}</a></p>
    ${Object.entries(spec.paths).map(endpoint)}
    ${errorTable(ctx, t)}
  </div>`;
  return { title: t('title'), description: t('description'), path: '/api/docs', main, languages: [ctx.lang] };
}
