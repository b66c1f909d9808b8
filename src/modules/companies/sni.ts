/**
 * The industries companies are filed under: SNI 2007 (Statistics Sweden's standard, the Swedish
 * version of NACE Rev. 2), sections (A–U) and their divisions (two digits), shipped as
 * data/sni.json and read once. A company names divisions; the public list filters by section.
 */
import { readFileSync } from 'node:fs';
import type { Lang } from '../../platform/i18n/index.ts';

export interface SniSection {
  code: string;
  sv: string;
  en: string;
}

export interface SniDivision extends SniSection {
  section: string;
}

interface SniFile {
  sections: SniSection[];
  divisions: SniDivision[];
}

function load(): SniFile {
  const file = JSON.parse(readFileSync(new URL('./data/sni.json', import.meta.url), 'utf8')) as SniFile;
  const sections = new Set(file.sections.map((s) => s.code));
  for (const d of file.divisions) {
    if (!/^[0-9]{2}$/.test(d.code) || !sections.has(d.section) || !d.sv || !d.en)
      throw new Error(`data/sni.json: division ${d.code} is malformed`);
  }
  return file;
}

const SNI = load();
export const SNI_SECTIONS: readonly SniSection[] = SNI.sections;
export const SNI_DIVISIONS: readonly SniDivision[] = SNI.divisions;
const DIVISIONS = new Map(SNI.divisions.map((d) => [d.code, d]));
const SECTIONS = new Map(SNI.sections.map((s) => [s.code, s]));

export function isSniDivision(code: unknown): code is string {
  return typeof code === 'string' && DIVISIONS.has(code);
}

export function isSniSection(code: unknown): code is string {
  return typeof code === 'string' && SECTIONS.has(code);
}

/** The section (A–U) a division belongs to. */
export function sectionOf(division: string): string | undefined {
  return DIVISIONS.get(division)?.section;
}

export function sniLabel(code: string, lang: Lang): string {
  const entry = DIVISIONS.get(code) ?? SECTIONS.get(code);
  return entry ? entry[lang] : code;
}
