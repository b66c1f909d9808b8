/**
 * The ids of employers' own ads: `own-` and twelve random letters and digits, inside job_ads' id
 * check and never a JobTech id (those are digits). Migration 0024 ties the prefix to origin 'own'.
 */
import { randomBytes } from 'node:crypto';

export const OWN_ID_PREFIX = 'own-';

const OWN_ID = /^own-[a-z0-9]{12}$/;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new own ad's id. */
export function newOwnAdId(): string {
  let out = OWN_ID_PREFIX;
  for (const byte of randomBytes(12)) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

/** Whether `id` is in the own ads' id space (so never JobTech's to write). */
export function isOwnAdId(id: string): boolean {
  return id.startsWith(OWN_ID_PREFIX);
}

/** Whether `id` is an own ad's id as Lotsa makes them (a path parameter is checked with it). */
export function isWellFormedOwnAdId(id: string): boolean {
  return OWN_ID.test(id);
}
