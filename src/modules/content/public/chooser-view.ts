/** The chooser's form ("Vad lockar dig?") on the home page, and on a page of its own with errors. */
import { errorSummary, radioGroup } from '../../../platform/html/forms.ts';
import { html, type SafeHtml } from '../../../platform/html/html.ts';
import { localPath, type Page } from '../../../platform/html/layout.ts';
import type { Lang } from '../../../platform/i18n/index.ts';
import type { Region } from '../../../platform/region.ts';
import { CHOOSER_FIELDS, CHOOSER_QUESTIONS, type ChooserForm } from './chooser.ts';
import { contentPage, texts } from './common.ts';

/** The form; `errors` shows the unanswered questions' errors by their fields. */
export function chooserForm(lang: Lang, regionName: string, form: ChooserForm, errors: boolean): SafeHtml {
  const { t } = texts(lang, regionName);
  const failed = errors ? form.missing : [];
  return html`<form class="chooser__form" method="get" action="${localPath(lang, '/paths/choose')}" novalidate>
    ${errorSummary(
      t('chooser.errorTitle'),
      failed.map((q) => ({ id: `${q}-${CHOOSER_QUESTIONS[q][0]}`, text: t(`chooser.${q}.error`) })),
    )}
    <div class="chooser__questions">
      ${CHOOSER_FIELDS.map((q) =>
        radioGroup(lang, {
          name: q,
          legend: t(`chooser.${q}`),
          error: failed.includes(q) ? t(`chooser.${q}.error`) : undefined,
          className: 'field chooser__question',
          value: form.values[q],
          options: CHOOSER_QUESTIONS[q].map((value) => ({
            value,
            label: t(`chooser.${q}.${value}` as never),
          })),
        }),
      )}
    </div>
    <button class="button chooser__submit" type="submit">${t('chooser.submit')}</button>
  </form>`;
}

/** The chooser as a section of the home page. */
export function chooserSection(lang: Lang, regionName: string, form: ChooserForm): SafeHtml {
  const { t } = texts(lang, regionName);
  return html`<section class="chooser" id="chooser" aria-labelledby="chooser-title">
    <div class="wrap">
      <h2 class="chooser__title" id="chooser-title">${t('chooser.title')}</h2>
      <p class="chooser__intro">${t('chooser.intro')}</p>
      ${chooserForm(lang, regionName, form, false)}
    </div>
  </section>`;
}

/** The chooser's path with the answers given so far: the language switch keeps them. */
function answeredPath(form: ChooserForm): string {
  const params = new URLSearchParams();
  for (const q of CHOOSER_FIELDS) if (form.values[q]) params.set(q, form.values[q]);
  const query = params.toString();
  return query ? `/paths/choose?${query}` : '/paths/choose';
}

/**
 * /:lang/paths/choose with questions left unanswered: the form again, errors by the fields; with
 * nothing sent at all (`errors` false: the language switch, a shared link) just the questions.
 */
export function chooserPage(region: Region, lang: Lang, form: ChooserForm, errors = true): Page {
  const { t } = texts(lang, region.name[lang]);
  const title = t('chooser.pageTitle');
  const main = html`<section class="chooser chooser--page" aria-labelledby="chooser-title">
    <div class="wrap">
      <h1 class="chooser__title" id="chooser-title">${t('chooser.title')}</h1>
      <p class="chooser__intro">${t('chooser.intro')}</p>
      ${chooserForm(lang, region.name[lang], form, errors)}
    </div>
  </section>`;
  return contentPage(
    { lang },
    {
      title: errors && form.missing.length ? t('chooser.pageTitleErrors', { title }) : title,
      description: t('chooser.description'),
      path: answeredPath(form),
      noindex: true,
      main,
    },
    undefined,
  );
}
