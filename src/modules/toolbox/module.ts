/**
 * The employer toolbox (issue 18): the region's brand platform, licensed photos and material with
 * a download log (expired licences refused, their users told), approved texts and arguments, a
 * recruitment-text builder, a widget employers put on their own career pages (and its JSON), and
 * guides for recruiting from afar with checklists.
 *
 * model.ts: the vocabulary; toolbox.ts: what every part shares; frame.ts: the toolbox pages'
 * navigation; part.ts: the shape of a part. Each part is a folder with an index.ts; this file joins
 * them.
 */
import { SectionOrder } from '../../platform/html/layout.ts';
import { defineModule } from '../../platform/module.ts';
import { Permission } from '../../platform/permissions.ts';
import { toolboxMessages } from './messages.ts';
import { PATHS } from './model.ts';
import type { PartsContext, ToolboxPart } from './part.ts';
import { brandPart } from './brand/index.ts';
import { assetsPart } from './assets/index.ts';
import { textsPart } from './texts/index.ts';
import { builderPart } from './builder/index.ts';
import { widgetPart } from './widget/index.ts';
import { guidesPart } from './guides/index.ts';

const parts: readonly ToolboxPart[] = [brandPart, assetsPart, textsPart, builderPart, widgetPart, guidesPart];

const all = <T>(pick: (part: ToolboxPart) => readonly T[] | undefined): T[] =>
  parts.flatMap((part) => pick(part) ?? []);

const context: PartsContext = {
  adminCards: all((p) => p.adminCards).sort((a, b) => a.order - b.order),
};

const apiParts = parts.filter((p) => p.openApi);

export const toolboxModule = defineModule({
  name: 'toolbox',
  seed: async (db, seedContext) => {
    for (const part of parts) await part.seed?.(db, seedContext);
  },
  navigation: [
    {
      path: PATHS.home,
      label: (lang) => toolboxMessages.t(lang, 'nav.footer'),
      order: SectionOrder.about - 1,
      footer: 'work',
      header: false,
    },
    ...all((p) => p.navigation),
  ],
  adminNavigation: [
    {
      path: `/:lang${PATHS.home}`,
      label: (lang) => toolboxMessages.t(lang, 'nav.admin'),
      permission: Permission.ToolboxUse,
      order: 40,
    },
    {
      path: PATHS.admin,
      label: (lang) => toolboxMessages.t(lang, 'nav.adminEdit'),
      permission: Permission.ToolboxEdit,
      order: 41,
    },
    ...all((p) => p.adminNavigation),
  ],
  personalData: all((p) => p.personalData),
  ownPageSections: all((p) => p.ownPageSections),
  privacyProcessing: all((p) => p.privacyProcessing),
  auditSentences: Object.assign({}, ...parts.map((p) => p.auditSentences ?? {})),
  auditGroups: [
    { value: 'toolbox', label: { sv: 'Verktygslådan', en: 'The toolbox' }, prefixes: ['toolbox'] },
    ...all((p) => p.auditGroups),
  ],
  tasks: (queue, deps) => {
    for (const part of parts) part.tasks?.(queue, deps);
  },
  ...(apiParts.length
    ? {
        openApi: (c) => {
          const pieces = apiParts.map((p) => p.openApi!(c));
          return {
            operations: pieces.flatMap((piece) => piece.operations),
            schemas: Object.assign({}, ...pieces.map((piece) => piece.schemas ?? {})),
            securitySchemes: Object.assign({}, ...pieces.map((piece) => piece.securitySchemes ?? {})),
          };
        },
      }
    : {}),
  routes: parts.some((p) => p.routes)
    ? (app, deps) => {
        for (const part of parts) part.routes?.(app, deps, context);
      }
    : undefined,
});
