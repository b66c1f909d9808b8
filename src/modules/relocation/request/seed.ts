/**
 * Demo seed: each demo navigator (identity's demo accounts with the navigator role) gets open
 * slots on the next ten weekdays — 09:00, 10:00, 13:30 and 15:00 Stockholm time, 30 minutes, every
 * channel — unless they already have future slots. Safe to repeat.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { DEMO_ACCOUNTS } from '../../identity/seed.ts';
import { CHANNELS } from '../model.ts';

const TIMES = ['09:00', '10:00', '13:30', '15:00'];
const WEEKDAYS = 10;

export async function seedDemoSlots(db: Kysely<DB>): Promise<void> {
  const emails = DEMO_ACCOUNTS.filter((a) => a.role === 'navigator').map((a) => a.email);
  if (emails.length === 0) return;
  const navigators = await db
    .selectFrom('memberships as m')
    .innerJoin('accounts as a', (j) =>
      j.onRef('a.region_id', '=', 'm.region_id').onRef('a.id', '=', 'm.account_id'),
    )
    .select(['m.region_id', 'm.account_id', 'm.organisation_id'])
    .where('m.role', '=', 'navigator')
    .where('a.email', 'in', emails)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('relocation_slots as s')
            .select(sql`1`.as('one'))
            .whereRef('s.region_id', '=', 'm.region_id')
            .whereRef('s.navigator_id', '=', 'm.account_id')
            .where('s.starts_at', '>', sql<Date>`now()`),
        ),
      ),
    )
    .execute();
  for (const n of navigators) {
    // The next ten weekdays after today (Stockholm), each time converted by PostgreSQL.
    await sql`
      insert into relocation_slots (region_id, navigator_id, organisation_id, starts_at, minutes, channels)
      select ${n.region_id}, ${n.account_id}, ${n.organisation_id},
             (d + t::time) at time zone 'Europe/Stockholm', 30, ${sql.val([...CHANNELS])}::text[]
      from (
        select d::date as d
        from generate_series((now() at time zone 'Europe/Stockholm')::date + 1,
                             (now() at time zone 'Europe/Stockholm')::date + 21, interval '1 day') as d
        where extract(isodow from d) < 6
        order by d
        limit ${WEEKDAYS}
      ) as days
      cross join unnest(${sql.val(TIMES)}::text[]) as t
      on conflict (region_id, navigator_id, starts_at) do nothing`.execute(db);
  }
}
