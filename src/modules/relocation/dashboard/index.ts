/**
 * The navigators' dashboard: open cases by stage, first-response time, cases per municipality,
 * outcomes, partner employment at 12 months — for one navigator and for the region; SVG charts and
 * CSV.
 */
import type { RelocationPart } from '../part.ts';

export const dashboardPart: RelocationPart = {};
