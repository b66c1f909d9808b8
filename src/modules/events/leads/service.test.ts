/** The leads' pure rules: the staff's window, what a repeat starts, how notes are joined. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LeadRow } from './repository.ts';
import type { LeadInput } from './form.ts';
import {
  joinNotes,
  mergeLead,
  staffClosesAt,
  staffWindow,
  startsFor,
  visitorWindow,
  withTalentAnswers,
} from './service.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('leads: the stand staff’s window', () => {
  const starts = new Date('2026-11-12T09:00:00Z');
  const ends = new Date('2026-11-12T16:00:00Z');
  const event = { status: 'published' as const, starts_at: starts, ends_at: ends };
  const at = (ms: number) => new Date(ends.getTime() + ms);

  it('opens a day before, as the visitors’ page', () => {
    assert.equal(staffWindow(event, new Date(starts.getTime() - DAY - 1)), 'not_yet');
    assert.equal(staffWindow(event, new Date(starts.getTime() - DAY)), 'open');
    assert.equal(visitorWindow(event, new Date(starts.getTime() - DAY)), 'open');
  });

  it('stays open a week after the end for the paper notes (the visitors’ page a day)', () => {
    assert.equal(visitorWindow(event, at(DAY + 1)), 'over');
    assert.equal(staffWindow(event, at(DAY + 1)), 'open');
    assert.equal(staffWindow(event, at(7 * DAY)), 'open');
    assert.equal(staffWindow(event, at(7 * DAY + 1)), 'over');
    assert.equal(staffClosesAt(event).getTime(), at(7 * DAY).getTime());
  });

  it('is never open for a cancelled or unpublished event', () => {
    assert.equal(staffWindow({ ...event, status: 'cancelled' }, starts), 'cancelled');
    assert.equal(staffWindow({ ...event, status: 'draft' }, starts), 'unpublished');
    assert.equal(staffWindow({ ...event, status: 'in_review' }, starts), 'unpublished');
  });
});

describe('leads: a repeat of the same person', () => {
  const earlier = (wantsTalent: boolean, wantsNavigator: boolean, caseId: string | null = null) =>
    ({ wants_talent_pool: wantsTalent, wants_navigator: wantsNavigator, case_id: caseId }) as LeadRow;

  it('starts what is asked when there is no earlier lead', () => {
    assert.deepEqual(startsFor({ wantsTalentPool: true, wantsNavigator: true }, undefined), {
      talent: true,
      navigator: true,
    });
  });

  it('never starts again what the earlier lead started, only what is new', () => {
    const both = { wantsTalentPool: true, wantsNavigator: true };
    assert.deepEqual(startsFor(both, earlier(true, true, 'c')), { talent: false, navigator: false });
    assert.deepEqual(startsFor(both, earlier(false, false)), { talent: true, navigator: true });
    assert.deepEqual(startsFor(both, earlier(true, false)), { talent: false, navigator: true });
    // A case made earlier (even if the flag was not kept) is not made again.
    assert.deepEqual(startsFor(both, earlier(false, false, 'c')), { talent: true, navigator: false });
    assert.deepEqual(startsFor({ wantsTalentPool: false, wantsNavigator: false }, earlier(false, false)), {
      talent: false,
      navigator: false,
    });
  });

  it('joins notes once each, within the column’s 1,000 characters', () => {
    assert.equal(joinNotes('', 'Ny'), 'Ny');
    assert.equal(joinNotes('Först', ''), 'Först');
    assert.equal(joinNotes('Först', 'Sedan'), 'Först\nSedan');
    assert.equal(joinNotes('Först\nSedan', 'Sedan'), 'Först\nSedan');
    assert.equal(joinNotes('a'.repeat(990), 'b'.repeat(50)).length, 1000);
  });
});

describe('leads: what a repeat may change (mergeLead)', () => {
  const earlier = {
    name: 'Anna Andersson',
    phone: '070-123 45 67',
    occupation: '',
    note: 'Vill börja i augusti',
    language: 'sv',
    consent_text_version: 'v0',
    wants_talent_pool: false,
    wants_navigator: true,
  };
  const lead: LeadInput = {
    name: 'Någon annan',
    email: 'anna@example.org',
    phone: '0701111111',
    occupation: 'Sjuksköterska',
    note: 'Ny rad',
    language: 'en',
    wantsTalentPool: true,
    wantsNavigator: false,
    experience: '5to10',
    education: 'university',
  };

  it('from the visitors’ page only adds: empty fields filled, note appended, wishes added, nothing replaced', () => {
    assert.deepEqual(mergeLead(earlier, lead, 'visitor_qr'), {
      name: 'Anna Andersson',
      phone: '070-123 45 67',
      occupation: 'Sjuksköterska',
      note: 'Vill börja i augusti\nNy rad',
      language: 'sv',
      consentTextVersion: 'v0',
      wantsTalentPool: true,
      wantsNavigator: true,
    });
  });

  it('from the staff’s form corrects what is typed, keeps what is left empty, never takes a wish away', () => {
    const merged = mergeLead(earlier, { ...lead, phone: '', occupation: '' }, 'stand_form');
    assert.equal(merged.name, 'Någon annan');
    assert.equal(merged.phone, '070-123 45 67');
    assert.equal(merged.occupation, '');
    assert.equal(merged.language, 'en');
    assert.equal(merged.note, 'Vill börja i augusti\nNy rad');
    assert.equal(merged.wantsNavigator, true);
    assert.equal(mergeLead(earlier, lead, 'stand_form').phone, '0701111111');
  });

  it('keeps a talent-pool wish only with its two answers', () => {
    assert.equal(withTalentAnswers(lead), lead);
    const without = withTalentAnswers({ ...lead, education: null });
    assert.equal(without.wantsTalentPool, false);
    assert.equal(without.experience, null);
    assert.deepEqual(startsFor(withTalentAnswers({ ...lead, experience: null }), undefined), {
      talent: false,
      navigator: false,
    });
  });
});
