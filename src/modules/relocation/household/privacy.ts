/** What the navigator does with a household's data, for the privacy notice (/:lang/privacy). */
import type { PrivacyProcessing } from '../../../platform/personal-data.ts';
import { fixedPrivacy } from '../words.ts';

const words = {
  sv: {
    title: 'Flyttärenden hos lotsarna',
    data: 'Det du berättar när du ber om hjälp: namn, e-post och telefon för dig och din partner, barnens åldrar, medborgarskap (EU, utanför EU eller nordiskt – aldrig personnummer), vad ni behöver hjälp med, önskad kommun och boende, ditt meddelande, inbokade samtal, din flyttchecklista, dokument du delar med lotsen, lotsens anteckningar och ärendets historik, era samtycken och svaren på uppföljningarna. Lotsen ser också vilka av regionens evenemang ni vuxna anmält er till (och om ni checkat in) och om ni lämnat era uppgifter i en monter – det sparas hos evenemangen, inte i ärendet.',
    purpose:
      'Att en namngiven lots ska kunna hjälpa er att flytta hit – jobb, partnerns jobb, bostad, skola och myndigheter – och att regionen ska kunna följa upp hur det gick, efter 3, 12 och 24 månader om ni vill.',
    basis:
      'Ert samtycke, ett för varje syfte och varje vuxen: att lotsen kontaktar er och sparar ärendet, att lotsen presenterar er för arbetsgivare, att en ambassadör hör av sig, och uppföljningarna. Vi sparar när samtycket gavs och exakt vilken text ni såg. Ni ger och tar tillbaka samtycken med ett klick på er flyttsida.',
    retention:
      'Tills hushållet eller regionen tar bort ärendet. Raderar huvudflyttaren sitt konto tas hela ärendet bort, med dokumenten; raderar partnern sitt konto tas partnerns uppgifter bort ur ärendet.',
  },
  en: {
    title: 'Relocation cases with the navigators',
    data: 'What you tell us when you ask for help: name, e-mail and phone for you and your partner, the children’s ages, citizenship (EU, outside the EU or Nordic – never a personal identity number), what you need help with, the municipality and housing you wish for, your message, booked conversations, your moving checklist, documents you share with the navigator, the navigator’s notes and the case’s history, your consents and your answers to the follow-ups. The navigator also sees which of the region’s events you adults registered for (and whether you checked in) and whether you left your details at a stand – that is kept with the events, not in the case.',
    purpose:
      'So that a named navigator can help you move here – a job, your partner’s job, housing, school and authorities – and the region can follow up how it went, after 3, 12 and 24 months if you wish.',
    basis:
      'Your consent, one for each purpose and each adult: that the navigator contacts you and keeps the case, introduces you to employers, that an ambassador gets in touch, and the follow-ups. We keep when the consent was given and the exact text you were shown. You give and withdraw consents in one click on your moving page.',
    retention:
      'Until the household or the region deletes the case. When the main mover deletes their account the whole case goes, documents included; when the partner deletes theirs, the partner’s details are removed from the case.',
  },
};

export const relocationPrivacy: readonly PrivacyProcessing[] = [fixedPrivacy('relocation-cases', words)];
