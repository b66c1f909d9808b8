/**
 * The widget's demo data: only with `demo`, a widget for each employer organisation with members,
 * once (seeding again adds nothing and changes no saved widget or key); and the back-office card.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { widgetPart } from '../../../src/modules/toolbox/widget/index.ts';
import { seedWidgets } from '../../../src/modules/toolbox/widget/seed.ts';
import { buildTestApp } from '../../helpers/app.ts';
import { REGION } from '../../helpers/identity.ts';
import { toolboxUser } from '../../helpers/toolbox.ts';

describe('toolbox widget: demo data', async () => {
  const { app, database, regions } = await buildTestApp();
  const db = database.db;
  const hr = await toolboxUser(db);
  const widget = () =>
    db
      .selectFrom('toolbox_widgets')
      .selectAll()
      .where('region_id', '=', REGION)
      .where('organisation_id', '=', hr.organisationId)
      .executeTakeFirst();

  it('adds nothing without demo, then a widget once, never overwriting', async () => {
    assert.equal(await seedWidgets(db, { demo: false }), 0);
    assert.equal(await widget(), undefined);
    assert.ok((await seedWidgets(db, { demo: true })) >= 1);
    const first = await widget();
    assert.match(first?.key ?? '', /^[a-z0-9]{12,32}$/);
    await db
      .updateTable('toolbox_widgets')
      .set({ max_jobs: 9, enabled: false })
      .where('organisation_id', '=', hr.organisationId)
      .execute();
    assert.equal(await seedWidgets(db, { demo: true }), 0);
    const after = await widget();
    assert.equal(after?.key, first?.key);
    assert.equal(after?.max_jobs, 9);
    assert.equal(after?.enabled, false);
    // The switched-off demo widget answers nothing.
    assert.equal((await app.inject(`/api/v1/widget/${after?.key}`)).statusCode, 404);
  });

  it('counts the region’s widgets on the back-office card', async () => {
    const card = widgetPart.adminCards?.[0];
    const region = regions.byId(REGION)!;
    const all = await db
      .selectFrom('toolbox_widgets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('region_id', '=', REGION)
      .executeTakeFirstOrThrow();
    const sv = await card?.render({ db, region, lang: 'sv' });
    assert.equal(sv?.title, 'Widget för karriärsidan');
    assert.match(String(sv?.html), new RegExp(`påslagna: ${Number(all.n) - 1} av ${Number(all.n)}\\.`));
    const en = await card?.render({ db, region, lang: 'en' });
    assert.match(String(en?.html), /Widgets switched on: \d+ of \d+\./);
  });
});
