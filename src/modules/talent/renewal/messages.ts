/** The consent renewal's words (sv/en): the e-mail, the renew page and its answers. */
import { defineMessages } from '../../../platform/i18n/index.ts';

export const renewalMessages = defineMessages({
  sv: {
    'mail.subject': 'Vill du vara kvar i talangpoolen?',
    'mail.text':
      'Hej!\n\nDu gick med i talangpoolen i {region} för {months} månader sedan eller förnyade då. Vi frågar en gång om året om du vill vara kvar.\n\nVill du vara kvar? Öppna länken och tryck på knappen:\n{link}\n\nSvarar du inte döljer vi din profil om {days} dagar. Då matchar vi den inte längre och arbetsgivare ser den inte. {deleteMonths} månader senare raderar vi profilen och dina samtycken. Ditt konto finns kvar.\n\nVill du inte vara kvar behöver du inte göra något.\n',
    'page.title': 'Förnya din profil i talangpoolen',
    'page.description': 'Säg att du vill vara kvar i talangpoolen.',
    'page.text':
      'Vill du vara kvar i talangpoolen? Då fortsätter vi att leta jobb som passar dig, och dina samtycken gäller som förut.',
    'page.hidden': 'Din profil är dold just nu. Förnyar du blir den synlig igen.',
    'page.submit': 'Ja, jag vill vara kvar',
    'page.notNow':
      'Vill du inte vara kvar behöver du inte göra något: profilen döljs och raderas sedan. Du kan också ta bort den själv på Min sida.',
    'done.title': 'Tack, du är kvar i talangpoolen',
    'done.text': 'Vi frågar igen om {months} månader.',
    'done.me': 'Till Min sida',
    'gone.title': 'Länken fungerar inte längre',
    'gone.description': 'Länken för att förnya profilen fungerar inte längre.',
    'gone.text':
      'Profilen finns inte längre, eller så är länken fel. Vill du gå med igen kan du göra det i talangpoolen.',
    'gone.join': 'Till talangpoolen',
  },
  en: {
    'mail.subject': 'Do you want to stay in the talent pool?',
    'mail.text':
      'Hello,\n\nYou joined the talent pool of {region}, or renewed, {months} months ago. Once a year we ask whether you want to stay.\n\nDo you want to stay? Open the link and press the button:\n{link}\n\nIf you do not answer, we hide your profile in {days} days. Then we no longer match it and employers do not see it. {deleteMonths} months later we delete the profile and your consents. Your account stays.\n\nIf you do not want to stay, you need not do anything.\n',
    'page.title': 'Renew your talent pool profile',
    'page.description': 'Say that you want to stay in the talent pool.',
    'page.text':
      'Do you want to stay in the talent pool? Then we keep looking for jobs that suit you, and your consents stay as they are.',
    'page.hidden': 'Your profile is hidden right now. If you renew, it is shown again.',
    'page.submit': 'Yes, I want to stay',
    'page.notNow':
      'If you do not want to stay, you need not do anything: the profile is hidden and later deleted. You can also delete it yourself on your own page.',
    'done.title': 'Thank you, you are staying in the talent pool',
    'done.text': 'We will ask again in {months} months.',
    'done.me': 'To your page',
    'gone.title': 'The link no longer works',
    'gone.description': 'The link to renew the profile no longer works.',
    'gone.text':
      'The profile no longer exists, or the link is wrong. If you want to join again, you can do so in the talent pool.',
    'gone.join': 'To the talent pool',
  },
});
