/**
 * A registration's two secrets, derived rather than stored: the personal link's token (see,
 * change, cancel; also in the reminder and the waiting-list offer) and the ticket code in the QR
 * shown at the door. Each is an HMAC of the registration's id under the installation's secret, so
 * any mail can carry them again, nobody can forge one, and the table keeps only their SHA-256
 * (manage_hash, ticket_hash) to find the registration by. Rotating LOTSA_SECRET ends old links.
 */
import { createHmac } from 'node:crypto';
import { hashSecret } from '../../platform/auth/secrets.ts';

function derive(secret: string, purpose: string, regionId: string, registrationId: string): string {
  return createHmac('sha256', secret)
    .update(`events:${purpose}:${regionId}:${registrationId}`)
    .digest('base64url')
    .slice(0, 32);
}

/** The personal link's token of a registration (a URL path segment). */
export function manageToken(secret: string, regionId: string, registrationId: string): string {
  return derive(secret, 'manage', regionId, registrationId);
}

/**
 * The ticket code: short enough for a QR code a phone camera reads at a glance, long enough that
 * guessing one is hopeless (20 characters of base64url, 120 bits). Prefixed "LT1-" so the door's
 * scanner knows a ticket from any other QR code.
 */
export function ticketCode(secret: string, regionId: string, registrationId: string): string {
  return `LT1-${derive(secret, 'ticket', regionId, registrationId).slice(0, 20)}`;
}

/** The stored hashes of a new registration's secrets. */
export function registrationHashes(
  secret: string,
  regionId: string,
  registrationId: string,
): { manage_hash: string; ticket_hash: string } {
  return {
    manage_hash: hashSecret(manageToken(secret, regionId, registrationId)),
    ticket_hash: hashSecret(ticketCode(secret, regionId, registrationId)),
  };
}

/** The shape of a ticket code (anything else is refused before a lookup). */
export const TICKET_CODE = /^LT1-[A-Za-z0-9_-]{20}$/;
/** The shape of a personal link's token. */
export const MANAGE_TOKEN = /^[A-Za-z0-9_-]{32}$/;
