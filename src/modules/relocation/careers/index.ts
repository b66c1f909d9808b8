/**
 * Partner careers and duplicates: the adults' talent profiles and matches in the case file,
 * introductions to employers (what the household agreed to share, nothing more), the job search
 * tracked in the case; the same person arriving several ways found and merged with its history.
 */
import type { RelocationPart } from '../part.ts';

export const careersPart: RelocationPart = {};
