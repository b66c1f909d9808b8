import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkLead, draftFromBody } from './form.ts';
import { visitorWindow } from './service.ts';

describe('the lead form', () => {
  const base = { name: '  Anna   Lindqvist ', email: 'Anna@Example.ORG', language: 'sv', consent_lead: '1' };

  it('normalises a good lead and asks nothing of the talent pool unless it is wanted', () => {
    const checked = checkLead(draftFromBody(base), true);
    assert.ok(checked.input);
    assert.equal(checked.input.name, 'Anna Lindqvist');
    assert.equal(checked.input.email, 'anna@example.org');
    assert.equal(checked.input.wantsTalentPool, false);
    assert.equal(checked.input.experience, null);
  });

  it('names each failing field: consent, address, phone, lengths, language, the talent pool’s answers', () => {
    const checked = checkLead(
      draftFromBody({
        name: 'x'.repeat(121),
        email: 'anna@',
        phone: 'ring mig',
        occupation: 'y'.repeat(201),
        language: 'de',
        consent_talent: '1',
        experience: 'lots',
      }),
      false,
    );
    assert.deepEqual(checked.errors, {
      name: 'error.name',
      email: 'error.email',
      phone: 'error.phone',
      occupation: 'error.occupation',
      language: 'error.language',
      consent_lead: 'error.consent',
      experience: 'error.experience',
      education: 'error.education',
    });
    assert.equal(
      checkLead(draftFromBody({ ...base, consent_lead: undefined }), true).errors?.consent_lead,
      'error.consent.visitor',
    );
    assert.equal(checkLead(draftFromBody({ ...base, phone: '+46 70-123 45 67' }), true).errors, undefined);
  });
});

describe('the visitors’ window at a stand', () => {
  const starts = new Date('2026-03-10T09:00:00Z');
  const ends = new Date('2026-03-10T16:00:00Z');
  const event = { status: 'published', starts_at: starts, ends_at: ends };
  it('opens a day before the start and closes a day after the end', () => {
    assert.equal(visitorWindow(event, new Date('2026-03-09T08:59:00Z')), 'not_yet');
    assert.equal(visitorWindow(event, new Date('2026-03-09T09:00:00Z')), 'open');
    assert.equal(visitorWindow(event, new Date('2026-03-11T16:00:00Z')), 'open');
    assert.equal(visitorWindow(event, new Date('2026-03-11T16:01:00Z')), 'over');
    assert.equal(visitorWindow({ ...event, status: 'cancelled' }, starts), 'cancelled');
    assert.equal(visitorWindow({ ...event, status: 'draft' }, starts), 'over');
  });
});
