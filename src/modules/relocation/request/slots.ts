/**
 * The navigators' open times (/admin/cases/slots): a series of slots from a Stockholm day and
 * time (PostgreSQL turns the wall-clock into instants, so a day across a DST change is right),
 * refused when in the past or overlapping the navigator's own slots; removing an unbooked one.
 * Each change in one transaction with its audit event.
 */
import { sql, type Kysely } from 'kysely';
import { recordAudit, type AuditActor } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { CHANNELS, isOneOf } from '../model.ts';
import type { RequestKey } from './messages.ts';
import * as repo from './repository.ts';
import { formatSlotTime } from './service.ts';
import type { Lang } from '../../../platform/i18n/index.ts';

export const SLOT_LENGTHS = [15, 30, 45, 60] as const;
export const MAX_IN_A_ROW = 16;

export interface SlotForm {
  day: string;
  start: string;
  minutes: string;
  count: string;
  channels: string[];
}

export const EMPTY_SLOT_FORM: SlotForm = {
  day: '',
  start: '',
  minutes: '30',
  count: '1',
  channels: [...CHANNELS],
};

export type SlotErrors = Partial<
  Record<keyof SlotForm, { key: RequestKey; params?: Record<string, string> }>
>;

export function readSlotForm(body: Record<string, unknown>): SlotForm {
  const s = (name: string) =>
    typeof body[name] === 'string' ? (body[name] as string).trim().slice(0, 20) : '';
  const raw = body.channels;
  const channels = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [])
    .filter((c): c is string => typeof c === 'string')
    .slice(0, 5);
  return { day: s('day'), start: s('start'), minutes: s('minutes'), count: s('count'), channels };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function realDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2000 && y <= 2100 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export interface SlotStaff {
  regionId: string;
  accountId: string;
  organisationId: string;
  actor: AuditActor;
}

export type AddResult = { kind: 'done'; count: number } | { kind: 'invalid'; errors: SlotErrors };

export async function addSlots(
  db: Kysely<DB>,
  staff: SlotStaff,
  form: SlotForm,
  lang: Lang,
): Promise<AddResult> {
  const errors: SlotErrors = {};
  if (!realDay(form.day)) errors.day = { key: 'slots.error.day' };
  if (!TIME.test(form.start)) errors.start = { key: 'slots.error.start' };
  const minutes = Number(form.minutes);
  if (!(SLOT_LENGTHS as readonly number[]).includes(minutes)) errors.minutes = { key: 'slots.error.length' };
  const count = /^\d{1,2}$/.test(form.count) ? Number(form.count) : NaN;
  if (!(count >= 1 && count <= MAX_IN_A_ROW)) errors.count = { key: 'slots.error.count' };
  const channels = CHANNELS.filter((c) => form.channels.includes(c));
  if (channels.length === 0 || form.channels.some((c) => !isOneOf(CHANNELS, c)))
    errors.channels = { key: 'slots.error.channels' };
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };

  const series = {
    regionId: staff.regionId,
    navigatorId: staff.accountId,
    organisationId: staff.organisationId,
    day: form.day,
    start: form.start,
    minutes,
    count,
    channels,
  };
  return db.transaction().execute(async (trx) => {
    // One series at a time per navigator: the overlap check and the insert see the same slots.
    await sql`select pg_advisory_xact_lock(hashtext(${`relocation-slots:${staff.regionId}:${staff.accountId}`}))`.execute(
      trx,
    );
    const times = await repo.seriesTimes(trx, series);
    const first = times[0]!;
    const now = await sql<{ now: Date }>`select now() as now`.execute(trx);
    if (first.getTime() <= now.rows[0]!.now.getTime())
      return { kind: 'invalid' as const, errors: { start: { key: 'slots.error.past' as const } } };
    for (const at of times) {
      const clash = await repo.overlapping(
        trx,
        staff.regionId,
        staff.accountId,
        at,
        new Date(at.getTime() + minutes * 60_000),
      );
      if (clash)
        return {
          kind: 'invalid' as const,
          errors: {
            start: { key: 'slots.error.overlap' as const, params: { time: formatSlotTime(lang, clash) } },
          },
        };
    }
    const added = await repo.insertSlots(trx, series, times);
    await recordAudit(trx, {
      regionId: staff.regionId,
      actor: staff.actor,
      organisationId: staff.organisationId,
      action: 'relocation.slots.added',
      subjectType: 'account',
      subjectId: staff.accountId,
      data: { count: added, first: first.toISOString(), minutes },
    });
    return { kind: 'done' as const, count: added };
  });
}

/** Removes an unbooked slot of the navigator; false when it is not theirs, gone or booked. */
export async function removeSlot(db: Kysely<DB>, staff: SlotStaff, slotId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(slotId)) return false;
  return db.transaction().execute(async (trx) => {
    const startsAt = await repo.deleteFreeSlot(trx, staff.regionId, staff.accountId, slotId);
    if (!startsAt) return false;
    await recordAudit(trx, {
      regionId: staff.regionId,
      actor: staff.actor,
      organisationId: staff.organisationId,
      action: 'relocation.slots.removed',
      subjectType: 'account',
      subjectId: staff.accountId,
      data: { at: startsAt.toISOString() },
    });
    return true;
  });
}
