/** The offline list's masked addresses and the audit trail's sentences of a check-in. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkinAuditSentences } from './audit-sentences.ts';
import { maskEmail } from './service.ts';

describe('maskEmail', () => {
  it('keeps the first two letters and the domain', () => {
    assert.equal(maskEmail('anna.andersson@example.org'), 'an…@example.org');
    assert.equal(maskEmail('a@example.org'), 'a…@example.org');
    assert.equal(maskEmail('not-an-address'), '…');
  });
});

describe('the check-in audit sentences', () => {
  const sentence = (data: Record<string, unknown>) =>
    checkinAuditSentences['event.checkin.recorded']!.sentences.find(
      (v) => !v.when || v.when({ self: false, data }),
    )!;
  it('tell how and whether it came from the offline queue', () => {
    assert.match(sentence({ method: 'qr', offline: false }).sv, /med biljettens QR-kod$/);
    assert.match(sentence({ method: 'search', offline: true }).en, /through the search \(sent from/);
    assert.match(sentence({ method: 'manual' }).sv, /inskriven biljettkod$/);
    assert.doesNotMatch(sentence({}).sv, /med|via/);
  });
});
