/**
 * A readable page made from the whole OpenAPI document at /api/docs (no JavaScript, no third-party
 * viewer). The job API's part of the document is generated from its schemas (api-schema.ts).
 */
import { html, type SafeHtml } from '../../platform/html/html.ts';
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
  </div>`;
  return { title: t('title'), description: t('description'), path: '/api/docs', main, languages: [ctx.lang] };
}
