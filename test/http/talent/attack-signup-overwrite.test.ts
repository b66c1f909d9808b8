/**
 * Attack: anyone can start a sign-up with someone else's address. The link goes to the owner of
 * the address, whose confirm page says only "your profile is saved and you are signed in" — and
 * pressing it REPLACES the existing profile with the stranger's draft (own words, occupations,
 * places) and gives again every consent the stranger ticked, even one the person withdrew. The
 * issue asks for "a second sign-up with the same address merges, never duplicates … nothing typed
 * is lost", and consent per purpose that the person gives.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSignup } from '../../../src/modules/talent/join/service.ts';
import { EMPTY_DRAFT } from '../../../src/modules/talent/join/draft.ts';
import { REGION } from '../../helpers/identity.ts';
import { OCCUPATION } from '../../helpers/jobs.ts';
import { addTalent, employersFixture, withdrawConsent } from './employers-fixture.ts';

describe('attack: a stranger’s sign-up with a member’s address', async () => {
  const f = await employersFixture();
  const ownWords = 'Mina egna ord om varför jag vill flytta hit';
  const victim = await addTalent(f.db, { about: ownWords, occupation: 'nurse' });
  // The member no longer wants employers to see the card.
  await withdrawConsent(f.db, victim.accountId);

  it('confirming keeps the member’s own profile and does not give back a consent they withdrew', async () => {
    // What POST /sv/talent-pool/join/send stores for a visitor who typed the victim's address.
    const { url } = await createSignup(f.db, {
      regionId: REGION,
      draft: {
        ...EMPTY_DRAFT,
        occupations: [OCCUPATION.developer.occupation.concept_id],
        experience: 'lt2',
        languages: ['zSLA_vw2_FXN'],
        education: 'university',
        anywhere: true,
        moveWhen: 'now',
        about: 'Text som någon annan skrev',
        consents: ['employers', 'newsletter'],
      },
      email: victim.email,
      language: 'sv',
      origin: 'http://localhost',
    });
    const token = url.split('/').pop()!;
    const page = await f.get(`/sv/talent-pool/confirm/${token}`);
    assert.equal(page.statusCode, 200);
    // The member, already in the pool, presses the button in the e-mail they got.
    const confirmed = await f.client.postForm('/sv/talent-pool/confirm', '', { token });
    assert.equal(confirmed.statusCode, 303, confirmed.body.slice(0, 200));

    const profile = await f.db
      .selectFrom('talent_profiles')
      .select(['about', 'occupations'])
      .where('account_id', '=', victim.accountId)
      .executeTakeFirstOrThrow();
    const live = await f.db
      .selectFrom('talent_consents')
      .select('purpose')
      .where('account_id', '=', victim.accountId)
      .where('withdrawn_at', 'is', null)
      .execute();
    const shown = /Backend-utvecklare|nyhetsbrev|arbetsgivare/i.test(page.body);
    assert.deepEqual(
      {
        about: profile.about,
        nurseKept: profile.occupations.includes(OCCUPATION.nurse.occupation.concept_id),
        employersConsent: live.some((c) => c.purpose === 'employers'),
      },
      { about: ownWords, nurseKept: true, employersConsent: false },
      `the stranger's draft replaced the member's profile and re-gave withdrawn consent; ` +
        `the confirm page ${shown ? 'mentions' : 'does not mention'} what would be saved`,
    );
  });
});
