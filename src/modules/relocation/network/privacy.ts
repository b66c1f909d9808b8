/** What the newcomer network does with personal data, for the privacy notice (/sv/privacy). */
import type { PrivacyProcessing } from '../../../platform/personal-data.ts';
import { fixedPrivacy } from '../words.ts';

const words = {
  sv: {
    title: 'Nätverket för nyinflyttade och ambassadörer',
    data: 'Vilka grupper du är med i. (Anmälningar till gruppernas träffar är anmälningar till evenemang och beskrivs där.) Är du ambassadör: din kommun, dina språk, ditt yrke, vilka du vill välkomna, dina intressen, det du skrivit om dig, när du godkändes och vilka hushåll du matchats med. För ett hushåll som samtyckt: att en ambassadör matchats.',
    purpose:
      'Att du ska kunna gå med i grupper, och att lotsarna ska kunna matcha nyinflyttade med en ambassadör. Ambassadören får veta förnamn, e-post, språk och intressen hos den vuxna som samtyckt; hushållet får ambassadörens förnamn och e-post.',
    basis:
      'Ditt samtycke: när du går med i en grupp, när du anmäler dig som ambassadör (vi sparar vilken text du godkände), och hushållets samtycke till att en ambassadör hör av sig.',
    retention:
      'Tills du lämnar gruppen, pausar eller raderar ditt konto. När du raderar ditt konto tas allt detta bort; ärendets historik behåller bara att en ambassadör matchades, utan namn.',
  },
  en: {
    title: 'The newcomer network and ambassadors',
    data: 'Which groups you belong to. (Sign-ups for the groups’ meetups are event registrations and are described there.) If you are an ambassador: your municipality, languages, occupation, whom you want to welcome, your interests, what you wrote about yourself, when you were approved and which households you were matched with. For a household that consented: that an ambassador was matched.',
    purpose:
      'So that you can join groups, and so that navigators can match newcomers with an ambassador. The ambassador learns the first name, e-mail, languages and interests of the adult who consented; the household learns the ambassador’s first name and e-mail.',
    basis:
      'Your consent: when you join a group, when you sign up as an ambassador (we keep which text you agreed to), and the household’s consent that an ambassador may get in touch.',
    retention:
      'Until you leave the group, pause or delete your account. When you delete your account all of this goes; the case’s history keeps only that an ambassador was matched, without a name.',
  },
};

export const networkPrivacy: readonly PrivacyProcessing[] = [fixedPrivacy('newcomer-network', words)];
