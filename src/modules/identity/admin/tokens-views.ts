/**
 * The API token page: the new token once (with the warning that it will not be shown again), the
 * organisation's tokens with a revoke button each, and the form to create one (name and scopes).
 */
import { checkboxGroup, csrfField, errorSummary, notice, textField } from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { dataTable } from '../../../platform/html/table.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import { auditMessages, scopeLabel, type AuditMessageKey } from './audit-messages.ts';
import type { TokenErrors, TokenField, TokenFormValues, TokenSummary } from './tokens.ts';
import { TOKEN_NAME_MAX } from './tokens.ts';

export const TOKENS_PATH = '/admin/tokens';
export const tokenRevokePath = (id: string) => `${TOKENS_PATH}/${id}/revoke`;

export interface TokensPageModel {
  lang: Lang;
  organisationName: string;
  tokens: TokenSummary[];
  /** The scopes this person may give. */
  grantable: readonly string[];
  form: { values: TokenFormValues; errors: TokenErrors };
  csrfToken: string;
  /** Right after creation: the token in clear, shown this once. */
  created?: { name: string; token: string };
  /** Right after revoking: the token's name. */
  revoked?: string;
}

export function tokensPage(model: TokensPageModel): { title: string; main: SafeHtml } {
  const { lang, form } = model;
  const t = (key: AuditMessageKey, params?: Record<string, string>) => auditMessages.t(lang, key, params);
  const title = t('tokens.title');
  const failed = (['name', 'scopes'] as TokenField[]).filter((f) => form.errors[f]);
  const errorText = (field: TokenField) => {
    const key = form.errors[field];
    return key ? t(key, { max: String(TOKEN_NAME_MAX) }) : undefined;
  };

  const created = model.created
    ? html`<section class="notice token-created" aria-labelledby="token-created-title">
        <h2 id="token-created-title">${t('tokens.newTitle', { name: model.created.name })}</h2>
        <p><strong>${t('tokens.newWarning')}</strong></p>
        ${textField(lang, {
          name: 'new-token',
          label: t('tokens.newLabel'),
          value: model.created.token,
          readonly: true,
          autocomplete: 'off',
          spellcheck: false,
          inputClass: 'token-created__value',
        })}
        <p>${auditMessages.h(lang, 'tokens.newUsageHtml')}</p>
      </section>`
    : '';

  const revoked = model.revoked ? notice(t('tokens.revoked', { name: model.revoked })) : '';

  const row = (token: TokenSummary) => {
    const createdBy = token.createdBy
      ? token.createdBy.displayName.trim() || token.createdBy.email
      : auditMessages.t(lang, 'actor.deleted');
    return [
      token.name,
      html`<code>${token.prefix}…</code>`,
      html`<ul>
        ${token.scopes.map((s) => html`<li>${scopeLabel(lang, s)}</li>`)}
      </ul>`,
      t('tokens.createdBy', { date: formatDate(lang, token.createdAt), name: createdBy }),
      token.lastUsedAt ? formatDate(lang, token.lastUsedAt) : t('tokens.never'),
      token.revokedAt
        ? t('tokens.revokedAt', { date: formatDate(lang, token.revokedAt) })
        : html`${t('tokens.active')}
          <form method="post" action="${tokenRevokePath(token.id)}">
            ${csrfField(model.csrfToken)}
            <button class="button button--secondary" type="submit"
              aria-label="${t('tokens.revokeLabel', { name: token.name })}">${t('tokens.revoke')}</button>
          </form>`,
    ];
  };

  const list = dataTable({
    labelledBy: 'tokens-list-title',
    columns: [
      t('tokens.col.name'),
      t('tokens.col.prefix'),
      t('tokens.col.scopes'),
      t('tokens.col.created'),
      t('tokens.col.lastUsed'),
      t('tokens.col.status'),
    ],
    rows: model.tokens,
    cells: row,
    empty: t('tokens.empty'),
  });

  const nameError = errorText('name');
  const scopesError = errorText('scopes');
  const summary = errorSummary(
    t('tokens.errorSummaryTitle'),
    failed.map((f) => ({ id: f === 'name' ? 'token-name' : 'scope-0', text: errorText(f) ?? '' })),
  );
  const createForm = html`<form class="form" method="post" action="${TOKENS_PATH}" novalidate>
    ${summary} ${csrfField(model.csrfToken)}
    ${textField(lang, {
      name: 'name',
      id: 'token-name',
      label: t('tokens.name'),
      hint: t('tokens.nameHint', { max: String(TOKEN_NAME_MAX) }),
      error: nameError,
      required: true,
      value: form.values.name,
      autocomplete: 'off',
      maxlength: TOKEN_NAME_MAX,
    })}
    ${checkboxGroup(lang, {
      name: 'scopes',
      legend: t('tokens.scopes'),
      hint: t('tokens.scopesHint'),
      error: scopesError,
      required: true,
      values: form.values.scopes,
      options: model.grantable.map((scope, i) => ({
        value: scope,
        id: `scope-${String(i)}`,
        label: scopeLabel(lang, scope),
      })),
    })}
    <button class="button" type="submit">${t('tokens.submit')}</button>
  </form>`;

  return {
    title: failed.length ? t('tokens.titleWithErrors', { title }) : title,
    main: html`<h1>${title}</h1>
      ${revoked} ${created}
      <p class="lead">${t('tokens.intro', { organisation: model.organisationName })}</p>
      <p>${auditMessages.h(lang, 'tokens.docsHtml')}</p>
      <section>
        <h2 id="tokens-list-title">${t('tokens.listTitle')}</h2>
        ${list}
      </section>
      <section aria-labelledby="tokens-create-title">
        <h2 id="tokens-create-title">${t('tokens.createTitle')}</h2>
        ${createForm}
      </section>`,
  };
}
