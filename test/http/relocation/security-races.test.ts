/**
 * review-attacker: the per-case document limit (MAX_DOCUMENTS, 20) under uploads sent at once. The
 * second count inside the upload's transaction does not see the other uploads' uncommitted rows
 * (READ COMMITTED, no lock on the case), so parallel uploads all pass it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp, unlimited } from '../../helpers/app.ts';
import { formClient } from '../../helpers/client.ts';
import { createPerson, REGION, sessionFor } from '../../helpers/identity.ts';
import { createCase } from '../../helpers/relocation.ts';
import { MAX_DOCUMENTS } from '../../../src/modules/relocation/household/service.ts';
import { multipart } from '../../helpers/images.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('review-attacker: uploads at once', async () => {
  const t = await buildTestApp({}, undefined, { rateLimiter: unlimited });
  const db = t.database.db;
  const client = await formClient(t.app);

  it('a household sending ten uploads at once ends with no more than 20 documents on the case', async () => {
    const main = await createPerson(db, {});
    const c = await createCase(db, { accountId: main.accountId, main: { accountId: main.accountId } });
    const cookie = await sessionFor(db, main.accountId);
    for (let i = 0; i < MAX_DOCUMENTS - 1; i++) {
      await db
        .insertInto('relocation_documents')
        .values({
          region_id: REGION,
          case_id: c.caseId,
          storage_key: `relocation/${REGION}/${c.caseId}/seed-${i}.pdf`,
          filename: `seed-${i}.pdf`,
          content_type: 'application/pdf',
          bytes: PDF.length,
          uploaded_by: main.accountId,
        })
        .execute();
    }
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => {
        const body = multipart(
          { _csrf: client.csrf.token, case: c.caseId },
          {
            name: `pass-${i}.pdf`,
            bytes: PDF,
            type: 'application/pdf',
          },
        );
        return t.app.inject({
          method: 'POST',
          url: '/sv/me/move/documents',
          payload: body.payload,
          headers: { ...client.headers(cookie), 'content-type': body.contentType },
        });
      }),
    );
    const accepted = responses.filter((r) => r.statusCode === 303).length;
    const rows = await db
      .selectFrom('relocation_documents')
      .select('id')
      .where('case_id', '=', c.caseId)
      .execute();
    assert.ok(rows.length <= MAX_DOCUMENTS, `${rows.length} documents (${accepted} of 10 uploads accepted)`);
  });
});
