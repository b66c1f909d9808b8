/**
 * The newcomer network ("Ny i Dalarna"): interest groups and their meetups, ambassadors matched to
 * newcomer households.
 */
import type { RelocationPart } from '../part.ts';

export const networkPart: RelocationPart = {};
