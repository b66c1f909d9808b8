/**
 * Relevance a person agrees with (issue 11): the judged queries of test/fixtures/search-judgments.json
 * run through searchJobs on the demo board, scored by precision at 10 and recall at 50
 * (test/helpers/relevance.ts). The floors are what the engine reaches now less a margin; they rise
 * as the search gets better. `npm run bench -- relevance` reports the same figures per kind.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadRegions } from '../../../src/modules/regions/repository.ts';
import { createTestDatabase } from '../../helpers/db.ts';
import {
  describeRelevance,
  evaluateRelevance,
  figure,
  KINDS,
  loadJudgments,
  RELEVANCE_FLOOR,
  seedJudgedBoard,
} from '../../helpers/relevance.ts';

const FLOOR = RELEVANCE_FLOOR;

describe('search relevance on the judged queries', async () => {
  const database = await createTestDatabase();
  await seedJudgedBoard(database.db);
  const region = (await loadRegions(database.db)).find((r) => r.id === 'dalarna');
  assert.ok(region);
  const judgments = loadJudgments();

  it('has at least 150 queries of every kind, each with ads a person expects on the board', async () => {
    assert.ok(judgments.queries.length >= 150, String(judgments.queries.length));
    for (const kind of KINDS)
      assert.ok(judgments.queries.filter((j) => j.kind === kind).length >= 5, `fewer than 5 of ${kind}`);
    for (const j of judgments.queries) assert.ok(j.comment.trim(), `no comment on ${j.q}`);
  });

  it(`finds what a person expects: P@10 ≥ ${FLOOR.precisionAt10}, R@50 ≥ ${FLOOR.recallAt50}`, async (t) => {
    const result = await evaluateRelevance(database.db, region, judgments);
    for (const line of describeRelevance(result).split('\n')) t.diagnostic(line);
    assert.deepEqual(result.unjudgeable, [], 'queries whose rule matches no ad on the demo board');
    assert.ok(
      result.overall.precisionAt10 >= FLOOR.precisionAt10,
      `P@10 ${figure(result.overall.precisionAt10)} < ${FLOOR.precisionAt10}`,
    );
    assert.ok(
      result.overall.recallAt50 >= FLOOR.recallAt50,
      `R@50 ${figure(result.overall.recallAt50)} < ${FLOOR.recallAt50}`,
    );
  });
});
