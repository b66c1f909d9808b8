import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuditCatalogue } from '../../../platform/audit-sentences.ts';
import { auditSentence, emptyNames, type AuditRow } from './audit-sentences.ts';

// A module that comes next (events) tells its events with its own facts, not only identity's.
const catalogue = new AuditCatalogue([
  {
    'event.published': {
      label: { sv: 'Evenemang publicerat', en: 'Event published' },
      sentences: [
        {
          sv: '{actor} publicerade evenemanget {title} ({seats} platser)',
          en: '{actor} published the event {title} ({seats} seats)',
        },
      ],
    },
  },
]);

const row = (data: Record<string, unknown>): AuditRow => ({
  id: 1,
  at: new Date('2026-12-05T10:00:00Z'),
  actor_id: null,
  actor_label: 'cli',
  organisation_id: null,
  action: 'event.published',
  subject_type: 'event',
  subject_id: '7',
  data,
});

describe("a module's own audit sentences", () => {
  it("fill in the event's own facts by name", () => {
    const sentence = auditSentence(
      'en',
      row({ title: 'Jobbmässa i Falun', seats: 120 }),
      emptyNames(),
      catalogue,
    );
    assert.match(sentence, /published the event Jobbmässa i Falun \(120 seats\)$/);
  });

  it('leave no braces when a fact is missing', () => {
    const sentence = auditSentence('sv', row({}), emptyNames(), catalogue);
    assert.doesNotMatch(sentence, /[{}]/);
  });
});
