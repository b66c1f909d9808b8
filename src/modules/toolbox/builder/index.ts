/**
 * The recruitment-text builder (/:lang/toolbox/builder): pick a job, a persona and a language, get
 * ready-to-paste paragraphs from approved arguments and sourced place facts, as plain text or HTML.
 * Stateless: it reads and stores nothing of its own.
 */
import type { ToolboxPart } from '../part.ts';
import { registerBuilderRoutes } from './routes.ts';

export const builderPart: ToolboxPart = {
  routes: (app, deps) => registerBuilderRoutes(app, deps),
};
