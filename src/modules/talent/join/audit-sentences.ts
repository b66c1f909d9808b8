/** The audit trail's sentences for joining the talent pool, the own profile, consents and the partner's part (no personal data in the facts). */
import type { AuditGroup, AuditSentences } from '../../../platform/audit-sentences.ts';

const one = (labelSv: string, labelEn: string, sv: string, en: string) => ({
  label: { sv: labelSv, en: labelEn },
  sentences: [{ sv, en }],
});

export const talentJoinAuditSentences: AuditSentences = {
  'talent.joined': one(
    'Gick med i talangpoolen',
    'Joined the talent pool',
    '{actor} gick med i talangpoolen',
    '{actor} joined the talent pool',
  ),
  'talent.profile.updated': one(
    'Talangprofil ändrad',
    'Talent profile changed',
    '{actor} ändrade sin profil i talangpoolen',
    '{actor} changed their talent pool profile',
  ),
  'talent.profile.hidden': one(
    'Talangprofil dold',
    'Talent profile hidden',
    '{actor} dolde sin profil i talangpoolen',
    '{actor} hid their talent pool profile',
  ),
  'talent.profile.shown': one(
    'Talangprofil visas igen',
    'Talent profile shown again',
    '{actor} visade sin profil i talangpoolen igen',
    '{actor} showed their talent pool profile again',
  ),
  'talent.consent.given': one(
    'Samtycke givet',
    'Consent given',
    '{actor} gav samtycke ”{purpose}” (text {version})',
    '{actor} gave the consent “{purpose}” (text {version})',
  ),
  'talent.consent.withdrawn': one(
    'Samtycke tillbakataget',
    'Consent withdrawn',
    '{actor} tog tillbaka samtycket ”{purpose}” (text {version})',
    '{actor} withdrew the consent “{purpose}” (text {version})',
  ),
  'talent.left': one(
    'Lämnade talangpoolen',
    'Left the talent pool',
    '{actor} lämnade talangpoolen',
    '{actor} left the talent pool',
  ),
  'talent.partner.invited': one(
    'Partner inbjuden',
    'Partner invited',
    '{actor} bjöd in sin partner till hushållets profil',
    '{actor} invited their partner to the household profile',
  ),
  'talent.partner.claimed': one(
    'Partner kopplad',
    'Partner linked',
    '{actor} kopplade sitt konto till ett hushåll i talangpoolen',
    '{actor} linked their account to a household in the talent pool',
  ),
  'talent.partner.updated': one(
    'Partnerns del ändrad',
    "Partner's part changed",
    '{actor} ändrade sina yrken och kompetenser i hushållets profil',
    "{actor} changed their occupations and skills in the household's profile",
  ),
  'talent.partner.unlinked': one(
    'Partner bortkopplad',
    'Partner unlinked',
    '{actor} tog bort kopplingen till hushållets profil',
    "{actor} removed their link to the household's profile",
  ),
};

export const talentJoinAuditGroups: AuditGroup[] = [
  {
    value: 'talent.consent',
    label: { sv: 'Samtycken i talangpoolen', en: 'Talent pool consents' },
    prefixes: ['talent.consent'],
  },
  {
    value: 'talent.partner',
    label: { sv: 'Partner i talangpoolen', en: 'Talent pool partners' },
    prefixes: ['talent.partner'],
  },
];
