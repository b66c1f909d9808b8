/**
 * The navigators' side (/admin/cases): the inbox with first-response time, taking and handing over
 * cases, the household case file with its panels, stages and outcome, notes, tasks with reminders,
 * meetings, the history.
 */
import type { RelocationPart } from '../part.ts';

export const casesPart: RelocationPart = {};
