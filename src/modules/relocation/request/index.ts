/**
 * Asking a navigator (/:lang/move): the request form with the navigators' open slots, the receipt
 * naming the navigator, the e-mail link to the household's page; the navigators' slots.
 */
import type { RelocationPart } from '../part.ts';

export const requestPart: RelocationPart = {};
