/**
 * The navigators' dashboard as a navigator reads it: open cases by stage, the median first-response
 * time (worked out by hand for a known set), cases per municipality, outcomes, partner employment
 * at 12 months from the survey (or from the outcomes when no survey was answered), the CSV, the
 * region and "my cases" views, a bad date, an empty period. Each test uses a period of its own
 * (the open cases are "now" and are counted in views where only the test's cases can be).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../src/platform/db/schema.ts';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { REGION, createPerson, sessionFor } from '../../helpers/identity.ts';
import { createCase, createNavigator, type TestCaseInput } from '../../helpers/relocation.ts';

const PAGE = '/admin/cases/dashboard';

/** A case created at `at` (Stockholm time), with other columns set as the cases part would. */
async function caseAt(
  db: Kysely<DB>,
  at: string,
  input: TestCaseInput & {
    respondedAfterHours?: number;
    set?: Partial<{
      outcome_municipality: string;
      outcome_main_employment: string;
      outcome_partner_employment: string;
      moved_on: string;
      close_reason: string;
      closed_at: Date;
    }>;
  } = {},
): Promise<string> {
  const { caseId } = await createCase(db, { ...input, createdAt: new Date(at) });
  if (input.respondedAfterHours !== undefined) {
    await db
      .updateTable('relocation_cases')
      .set({
        first_response_at: sql`created_at + make_interval(secs => ${input.respondedAfterHours * 3600})`,
      })
      .where('id', '=', caseId)
      .execute();
  }
  if (input.set) await db.updateTable('relocation_cases').set(input.set).where('id', '=', caseId).execute();
  return caseId;
}

/** The number in a table's row (by its row header), or undefined when the row is not there. */
function cell(page: string, tableId: string, label: string): string | undefined {
  const start = page.indexOf(`<caption id="${tableId}"`);
  if (start < 0) return undefined;
  const table = page.slice(start, page.indexOf('</table>', start));
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`<th scope="row">${escaped}</th>\\s*<td[^>]*>([^<]*)</td>`).exec(table);
  return match?.[1];
}

/** The text of the definition after a term of the first-response facts. */
function fact(page: string, term: string): string | undefined {
  const match = new RegExp(`<dt>${term}</dt>\\s*<dd[^>]*>([\\s\\S]*?)</dd>`).exec(page);
  return match?.[1]
    ?.replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the navigators’ dashboard', async () => {
  const { app, database } = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = database.db;
  const client = await formClient(app);
  const region = await createNavigator(db, { name: 'Rut Region' });
  const falun = await createNavigator(db, { municipalityCode: '2080', name: 'Frida Falun' });
  const falun2 = await createNavigator(db, { municipalityCode: '2080', name: 'Fredrik Falun' });
  const english = await createNavigator(db, { name: 'Erin English', language: 'en' });

  it('shows the median first-response time of the period’s cases, those still waiting and the oldest', async () => {
    // Answered after 1, 2, 4 and 10 hours: the median is (2 + 4) / 2 = 3 hours.
    for (const [day, hours] of [
      ['2024-03-02', 1],
      ['2024-03-03', 2],
      ['2024-03-10', 4],
      ['2024-03-20', 10],
    ] as const) {
      await caseAt(db, `${day}T09:00:00+01:00`, { respondedAfterHours: hours, stage: 'in_contact' });
    }
    await caseAt(db, '2024-03-05T10:00:00+01:00', { stage: 'new' });
    await caseAt(db, '2024-03-25T10:00:00+01:00', { stage: 'new' });
    // Closed without an answer: not waiting. Outside the period: not counted.
    await caseAt(db, '2024-03-06T10:00:00+01:00', { stage: 'closed' });
    await caseAt(db, '2024-04-01T10:00:00+02:00', { respondedAfterHours: 100 });

    const res = await client.get(`${PAGE}?view=region&from=2024-03-01&to=2024-03-31`, region.cookie);
    assert.equal(res.statusCode, 200);
    const page = res.body;
    assert.match(page, /<h1>Lotsarnas översikt<\/h1>/);
    assert.match(page, /href="\/static\/css\/relocation-dashboard\.css\?v=/);
    assert.equal(fact(page, 'Mediantid till första svar'), '3 timmar');
    assert.equal(fact(page, 'Ärenden som har fått svar'), '4');
    assert.equal(fact(page, 'Öppna ärenden som väntar på svar'), '2');
    assert.match(fact(page, 'Det som har väntat längst kom in')!, /^5 mars 2024 \(för [\d ]+ dagar sedan\)$/);
    // The month chart and its table: seven requests in March 2024.
    assert.equal(cell(page, 'dashboard-months-table', 'mars 2024'), '7');
    assert.match(page, /<svg class="chart chart--columns" id="dashboard-months-chart"[^>]* role="img"/);
    // The menu shows the dashboard as the current page.
    assert.match(page, /<a href="\/admin\/cases\/dashboard" aria-current="page">Lotsarnas översikt<\/a>/);
  });

  it('counts a Falun navigator’s own cases in "my cases", and everyone’s in the region view', async () => {
    const at = (day: string) => `2023-${day}T12:00:00+02:00`;
    await caseAt(db, at('05-02'), {
      municipalityCode: '2080',
      navigatorId: falun.accountId,
      stage: 'in_contact',
    });
    await caseAt(db, at('05-03'), { municipalityCode: '2080', navigatorId: falun.accountId, stage: 'new' });
    await caseAt(db, at('05-04'), {
      municipalityCode: '2080',
      navigatorId: falun2.accountId,
      stage: 'exploring',
    });
    await caseAt(db, at('06-01'), { municipalityCode: '2080', stage: 'new' });
    await caseAt(db, at('06-02'), {
      municipalityCode: '2081',
      navigatorId: region.accountId,
      stage: 'offer',
    });
    await caseAt(db, at('06-03'), { municipalityCode: null, stage: 'new' });
    const period = 'from=2023-01-01&to=2023-12-31';

    const mine = (await client.get(`${PAGE}?view=me&${period}`, falun.cookie)).body;
    assert.match(mine, /Ärendena du har hand om, 1 januari 2023–31 december 2023\./);
    assert.match(mine, /<input type="radio" id="view-me" name="view" value="me" checked/);
    assert.equal(cell(mine, 'dashboard-open-table', 'I kontakt'), '1');
    assert.equal(cell(mine, 'dashboard-open-table', 'Ny'), '1');
    assert.equal(cell(mine, 'dashboard-open-table', 'Utforskar'), '0');
    assert.equal(cell(mine, 'dashboard-open-table', 'Erbjudande'), '0');
    assert.match(mine, /Totalt 2 öppna ärenden\./);
    assert.equal(cell(mine, 'dashboard-municipalities-table', 'Falun'), '2');
    assert.equal(cell(mine, 'dashboard-municipalities-table', 'Borlänge'), '0');
    assert.equal(cell(mine, 'dashboard-municipalities-table', 'Vet inte än'), '0');

    // Without a choice, a municipality navigator sees their own cases.
    const plain = (await client.get(`${PAGE}?${period}`, falun.cookie)).body;
    assert.equal(cell(plain, 'dashboard-municipalities-table', 'Falun'), '2');

    const all = (await client.get(`${PAGE}?view=region&${period}`, falun.cookie)).body;
    assert.match(all, /Hela regionens ärenden, 1 januari 2023–31 december 2023\./);
    assert.equal(cell(all, 'dashboard-municipalities-table', 'Falun'), '4');
    assert.equal(cell(all, 'dashboard-municipalities-table', 'Borlänge'), '1');
    assert.equal(cell(all, 'dashboard-municipalities-table', 'Vet inte än'), '1');
    assert.equal(cell(all, 'dashboard-municipalities-table', 'Mora'), '0');
    assert.match(all, /<svg class="chart chart--bars" id="dashboard-municipalities-chart"/);
    // Numbers only: no household's name reaches the page.
    assert.doesNotMatch(all, /Ana Ferreira/);

    // The region navigator's own cases: the one they hold.
    const regionMine = (await client.get(`${PAGE}?view=me&${period}`, region.cookie)).body;
    assert.equal(cell(regionMine, 'dashboard-municipalities-table', 'Borlänge'), '1');
    assert.equal(cell(regionMine, 'dashboard-municipalities-table', 'Falun'), '0');
  });

  it('shows the outcomes of the period and the partners’ employment from the 12-month survey', async () => {
    const moved = async (
      municipality: string,
      main: string,
      partner: string,
      answer: string | null,
      answeredAt = '2022-09-01T12:00:00+02:00',
    ) => {
      const id = await caseAt(db, '2021-01-10T12:00:00+01:00', {
        stage: 'moved',
        set: {
          outcome_municipality: municipality,
          outcome_main_employment: main,
          outcome_partner_employment: partner,
          moved_on: '2022-03-01',
        },
      });
      if (answer !== null) {
        await db
          .insertInto('relocation_followups')
          .values({
            region_id: REGION,
            case_id: id,
            months: 12,
            due_on: '2023-03-01',
            sent_at: new Date(answeredAt),
            answered_at: new Date(answeredAt),
            answers: JSON.stringify({
              living: 'yes',
              municipality: '2080',
              main: 'employed',
              partner: answer,
              satisfied: 4,
              helped: '',
            }),
          })
          .execute();
      }
    };
    await moved('2080', 'employed', 'employed', 'employed');
    await moved('2080', 'employed', 'searching', 'self_employed');
    await moved('2081', 'searching', 'no_partner', 'searching');
    await moved('2062', 'employed', 'employed', 'no_partner');
    // Answered after the period: not counted.
    await moved('2062', 'employed', 'employed', 'searching', '2023-02-01T12:00:00+01:00');
    for (const reason of ['not_moving', 'spam']) {
      await caseAt(db, '2022-01-10T12:00:00+01:00', {
        stage: 'closed',
        set: { close_reason: reason, closed_at: new Date('2022-06-01T12:00:00+02:00') },
      });
    }

    const res = await client.get(`${PAGE}?view=region&from=2022-01-01&to=2022-12-31`, region.cookie);
    const page = res.body;
    assert.match(page, /5 hushåll flyttade hit och 2 ärenden avslutades\./);
    assert.equal(cell(page, 'dashboard-moved-table', 'Falun'), '2');
    assert.equal(cell(page, 'dashboard-moved-table', 'Mora'), '2');
    assert.equal(cell(page, 'dashboard-moved-table', 'Borlänge'), '1');
    assert.match(page, /<svg class="chart chart--bars" id="dashboard-moved-chart"/);
    assert.equal(cell(page, 'dashboard-main-table', 'Anställd'), '4');
    assert.equal(cell(page, 'dashboard-main-table', 'Söker jobb'), '1');
    assert.equal(cell(page, 'dashboard-partner-table', 'Anställd'), '3');
    assert.equal(cell(page, 'dashboard-partner-table', 'Ingen partner'), '1');
    assert.equal(cell(page, 'dashboard-reasons-table', 'Flyttar inte hit'), '1');
    assert.equal(cell(page, 'dashboard-reasons-table', 'Skräp'), '1');
    assert.equal(cell(page, 'dashboard-reasons-table', 'Dubblett'), '0');
    // The survey in 2022: employed, self-employed, searching (no partner is not counted) → 2 of 3.
    assert.match(page, /67\u00a0% av partnerna hade jobb eller eget företag: 2 av 3\./);
    assert.match(page, /Källa: svaren på 12-månadersenkäten som kom in under perioden\./);
    assert.equal(cell(page, 'dashboard-partner12-table', 'Egen företagare'), '1');
  });

  it('falls back to the outcomes of households that moved at least 12 months before, and says so', async () => {
    for (const partner of ['employed', 'searching', 'no_partner']) {
      await caseAt(db, '2018-05-01T12:00:00+02:00', {
        stage: 'settled',
        set: { outcome_partner_employment: partner, moved_on: '2019-06-01' },
      });
    }
    // Moved less than 12 months before the period's end: not yet.
    await caseAt(db, '2020-05-01T12:00:00+02:00', {
      stage: 'moved',
      set: { outcome_partner_employment: 'employed', moved_on: '2021-02-01' },
    });
    const page = (await client.get(`${PAGE}?view=region&from=2021-01-01&to=2021-12-31`, region.cookie)).body;
    assert.match(page, /50\u00a0% av partnerna hade jobb eller eget företag: 1 av 2\./);
    assert.match(page, /Källa: sysselsättningen som registrerades vid flytten/);
  });

  it('exports the figures as CSV, one row a figure, formulas defused', async () => {
    const res = await client.get(`${PAGE}.csv?view=region&from=2024-03-01&to=2024-03-31`, region.cookie);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(
      res.headers['content-disposition'],
      'attachment; filename="lotsarnas-oversikt-region-2024-03-01-2024-03-31.csv"',
    );
    assert.equal(res.headers['cache-control'], 'no-store');
    const lines = res.body.split('\r\n');
    assert.equal(lines[0], '\uFEFF"section","key","label","value"');
    for (const line of [
      '"period","view","Vems ärenden","region"',
      '"period","from","Från och med","2024-03-01"',
      '"first_response","median_hours","Mediantid till första svar","3"',
      '"first_response","responded","Ärenden som har fått svar","4"',
      '"first_response","waiting","Öppna ärenden som väntar på svar","2"',
      '"by_municipality","not_sure","Vet inte än","7"',
      '"by_municipality","2080","Falun","0"',
      '"open_by_stage","new","Ny",',
      '"requests_per_month","2024-03","mars 2024","7"',
      '"partner_employment_12m","source","Källa",',
      '"partner_employment_12m","employed_or_self_employed","Partner med jobb eller eget företag",',
      '"partner_employment_12m","share","Andel med jobb eller eget företag",',
    ]) {
      assert.ok(
        lines.some((l) => l.startsWith(line)),
        `${line} in\n${lines.join('\n')}`,
      );
    }
    assert.ok(
      lines.some((l) => /^"first_response","oldest_waiting","[^"]+","2024-03-05T09:00:00\.000Z"$/.test(l)),
    );
    // The outcomes of the earlier tests' households (moved in 2019 and 2022) are the figure's source here.
    assert.ok(lines.includes('"partner_employment_12m","source","Källa","outcome"'));
    assert.ok(lines.every((l) => l === '' || /^\uFEFF?("([^"]|"")*",){3}"([^"]|"")*"$/.test(l)));

    const { csvCell } = await import('../../../src/platform/html/csv.ts');
    assert.equal(csvCell('=1+2'), `"'=1+2"`);
    assert.equal(csvCell('-3'), `"'-3"`);
    assert.equal(csvCell('a "b"'), '"a ""b"""');
  });

  it('answers a bad date with 400 and the error by the field, and shows no figures', async () => {
    const res = await client.get(`${PAGE}?view=region&from=2024-02-30&to=%3Cscript%3E`, region.cookie);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<title>Fel: Lotsarnas översikt/);
    assert.match(res.body, /<h2 id="error-summary-title">Perioden behöver rättas<\/h2>/);
    assert.match(res.body, /<p class="field__error" id="from-error">Skriv datumet som ÅÅÅÅ-MM-DD/);
    assert.match(res.body, /<p class="field__error" id="to-error">Skriv datumet som ÅÅÅÅ-MM-DD/);
    assert.match(res.body, /value="2024-02-30"/);
    assert.match(res.body, /value="&lt;script&gt;"/);
    assert.doesNotMatch(res.body, /<script>/);
    assert.doesNotMatch(res.body, /dashboard-open/);

    const backwards = await client.get(`${PAGE}?from=2024-05-01&to=2024-04-01`, region.cookie);
    assert.equal(backwards.statusCode, 400);
    assert.match(backwards.body, /id="to-error">Slutdatumet kan inte vara före startdatumet\./);
    const long = await client.get(`${PAGE}?from=2001-01-01&to=2024-04-01`, region.cookie);
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /id="from-error">Välj en period på högst tio år\./);
    const year = await client.get(`${PAGE}?from=1899-01-01`, region.cookie);
    assert.equal(year.statusCode, 400);

    const csv = await client.get(`${PAGE}.csv?from=2024-13-01`, region.cookie);
    assert.equal(csv.statusCode, 400);
    const repeated = await client.get(`${PAGE}?from=2024-01-01&from=2024-02-01`, region.cookie);
    assert.equal(repeated.statusCode, 400);
    // An unknown view is the default one, not an error.
    assert.equal((await client.get(`${PAGE}?view=everyone`, region.cookie)).statusCode, 200);
  });

  it('says so in each section when the period has nothing, in the navigator’s language', async () => {
    const page = (await client.get(`${PAGE}?view=me&from=2005-01-01&to=2005-12-31`, english.cookie)).body;
    assert.match(page, /<h1>Navigators’ overview<\/h1>/);
    assert.match(page, /No open cases right now\./);
    assert.match(
      page,
      /<h2 id="dashboard-response-title">Time to first response<\/h2>\s*<p>No requests came in during the period\.<\/p>/,
    );
    assert.match(page, /No household moved and no case was closed during the period\./);
    assert.match(page, /There are no answers to the 12-month survey in the period/);
    assert.match(
      page,
      /<h2 id="dashboard-months-title">New requests per month<\/h2>\s*<p>No requests came in during the period\.<\/p>/,
    );
    assert.doesNotMatch(page, /<svg class="chart/);
  });

  it('is for navigators: others are refused, and the default period is the last 12 months', async () => {
    const editor = await createPerson(db, { role: 'region_editor' });
    const editorCookie = await sessionFor(db, editor.accountId, { secondFactor: true });
    assert.equal((await client.get(PAGE, editorCookie)).statusCode, 403);
    assert.equal((await client.get(`${PAGE}.csv`, editorCookie)).statusCode, 403);
    assert.equal((await client.get(PAGE)).statusCode, 303);
    const res = await client.get(PAGE, region.cookie);
    assert.equal(res.statusCode, 200);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    assert.match(res.body, new RegExp(`id="to" name="to"[^>]* value="${today}"`));
    const months = [...res.body.matchAll(/<th scope="row">[a-zé]+ \d{4}<\/th>/g)].length;
    assert.ok(months === 0 || months === 12, `${months} months`);
  });
});
