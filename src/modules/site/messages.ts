/**
 * Texts of the public site's own pages: accessibility statement with its feedback form, the
 * thank-you page, privacy notice and easy-to-read Swedish, plus the feedback e-mail and its errors.
 *
 * Every text may use {region}, {organisation} and {email}; the views fill them from the region.
 * Keys ending in `Html` hold trusted markup.
 */
import { defineMessages } from '../../platform/i18n/index.ts';

export const messages = defineMessages({
  sv: {
    'nav.home': 'Startsida',
    // The site's description (the web manifest); the home page itself is the content module's.
    'home.description':
      'Teknik och innovation i världsklass, öppna människor och ett liv nära naturen. Upptäck karriärmöjligheterna i {region}.',

    // Accessibility statement
    'a11y.title': 'Tillgänglighetsredogörelse',
    'a11y.titleWithErrors': 'Fel: {title}',
    'a11y.description':
      'Hur tillgänglig webbplatsen är, vad som inte fungerar än och hur du rapporterar problem till oss.',
    'a11y.intro':
      '{organisation} driver webbplatsen Lotsa på {host}, där vi presenterar {region} som karriärregion. Vi vill att alla ska kunna använda den, oavsett förmåga och hjälpmedel. Här berättar vi hur webbplatsen uppfyller kraven, vilka brister vi känner till och hur du rapporterar problem till oss.',
    'a11y.easyToReadHtml':
      'Det finns också en kort text om webbplatsen på <a href="/sv/lattlast">lättläst svenska</a>.',

    'a11y.status.title': 'Hur tillgänglig är webbplatsen?',
    'a11y.status.textHtml':
      'Webbplatsen är <strong>delvis förenlig</strong> med lagen om tillgänglighet till digital offentlig service (DOS-lagen). Kraven bygger på standarden EN 301 549 och WCAG 2.1 på nivå AA.',
    'a11y.status.new':
      'Webbplatsen är ny, och vi har byggt den för att klara kraven från början. Ändå finns det brister. Dem beskriver vi här nedanför.',

    'a11y.gaps.title': 'Det här är inte tillgängligt än',
    'a11y.gaps.signLanguage':
      'Det finns ingen information på svenskt teckenspråk än. Enligt webbriktlinjerna (R12 och R13) bör viktig information också finnas som video på teckenspråk, märkt med teckenspråkssymbolen.',
    'a11y.gaps.later':
      'Senare delar av webbplatsen kan innehålla kartor och uppladdade dokument, till exempel PDF-filer. Dem har vi inte bedömt än. Vi granskar dem när de läggs till och uppdaterar då den här redogörelsen.',
    'a11y.gaps.moreHtml':
      'Har du hittat något annat som inte fungerar? <a href="#feedback">Berätta för oss i formuläret</a>.',

    'a11y.method.title': 'Så har vi bedömt webbplatsen',
    'a11y.method.intro':
      'Vi har gjort en egen bedömning av webbplatsen (självskattning). Så här gick det till:',
    'a11y.method.axe': 'Automatiska tester med axe-core på varje sida, i en riktig webbläsare.',
    'a11y.method.keyboard': 'Vi har gått igenom alla sidor med bara tangentbordet.',
    'a11y.method.screenReader': 'Vi har lyssnat igenom sidorna med skärmläsare.',
    'a11y.method.noScript': 'Vi har kontrollerat att allt fungerar utan JavaScript.',
    'a11y.method.assessedHtml': 'Den senaste bedömningen gjordes den <time datetime="{iso}">{date}</time>.',
    'a11y.method.updatedHtml': 'Redogörelsen uppdaterades senast den <time datetime="{iso}">{date}</time>.',

    'a11y.feedback.title': 'Rapportera ett problem',
    'a11y.feedback.intro':
      'Fungerar något inte för dig? Har vi missat något? Berätta det för oss, så försöker vi rätta till det. Lämnar du din e-postadress svarar vi dig inom två veckor.',
    'a11y.feedback.otherFormatHtml':
      'Behöver du något av innehållet i en annan form? Skriv det i formuläret eller skicka e-post till <a href="mailto:{email}">{email}</a>.',
    'a11y.notice.title': 'Det här händer med det du skickar',
    'a11y.notice.stored':
      'Vi sparar det du skriver och skickar det med e-post till {organisation} ({email}), så att någon kan ta hand om det.',
    'a11y.notice.optional':
      'Namn och e-postadress behöver du bara fylla i om du vill ha svar. Svaret kommer med e-post, på samma språk som formuläret du använde.',
    'a11y.notice.deleted': 'Rapporten och vårt svar raderas automatiskt efter 24 månader.',
    'a11y.notice.public': 'Det du skickar till oss kan bli en allmän handling.',
    'a11y.notice.privacyHtml': 'Läs mer på sidan <a href="{privacyUrl}">Personuppgifter och kakor</a>.',

    'feedback.form.errorSummaryTitle': 'Det finns fel i formuläret',
    'feedback.form.message.label': 'Vad fungerar inte?',
    'feedback.form.message.hint':
      'Beskriv problemet och vad du försökte göra. Skriv gärna vilken webbläsare och vilka hjälpmedel du använder. Högst {max} tecken.',
    'feedback.form.pageUrl.label': 'Vilken sida gäller det?',
    'feedback.form.pageUrl.hint': 'Klistra in adressen eller skriv sidans rubrik.',
    'feedback.form.name.label': 'Ditt namn',
    'feedback.form.email.label': 'Din e-postadress',
    'feedback.form.email.hint': 'Fyll i om du vill ha svar. Vi använder adressen bara för att svara dig.',
    'feedback.form.submit': 'Skicka rapporten',

    'a11y.enforcement.title': 'Om du inte är nöjd',
    'a11y.enforcement.text':
      'Myndigheten för digital förvaltning (Digg) har tillsyn över lagen om tillgänglighet till digital offentlig service. Är du inte nöjd med hur vi har hanterat dina synpunkter? Då kan du kontakta Digg och påtala det.',
    'a11y.enforcement.linkHtml':
      '<a href="https://www.digg.se/tdosanmalan">Anmäl bristande tillgänglighet till Digg</a>',

    'a11y.scope.title': 'Innehåll som inte omfattas av lagen',
    'a11y.scope.thirdPartyHtml':
      'Innehåll från andra, som vi varken har tagit fram, betalat för eller kontrollerar, omfattas inte av kraven. Det gäller till exempel jobbannonser från Arbetsförmedlingens JobTech, som arbetsgivarna själva skriver.',
    'a11y.scope.archive':
      'Arkiverat innehåll som inte behövs för pågående ärenden och som inte längre uppdateras omfattas inte heller. Webbplatsen har inget sådant innehåll i dag.',

    // Thank-you page after feedback
    'sent.title': 'Tack för din rapport',
    'sent.description': 'Vi har tagit emot din rapport om tillgänglighet.',
    'sent.received':
      'Vi har tagit emot det du skrev. {organisation} läser varje rapport och använder den för att göra webbplatsen bättre.',
    'sent.next.title': 'Vad händer nu?',
    'sent.next.reply': 'Om du lämnade din e-postadress svarar vi inom två veckor.',
    'sent.next.deleted': 'Rapporten raderas automatiskt efter 24 månader.',
    'sent.links.title': 'Vart vill du gå nu?',
    'sent.links.statement': 'Tillbaka till tillgänglighetsredogörelsen',
    'sent.links.home': 'Till startsidan',

    // Privacy notice
    'privacy.title': 'Personuppgifter och kakor',
    'privacy.description':
      'Vilka uppgifter webbplatsen sparar, varför, hur länge och vilka rättigheter du har.',
    'privacy.intro':
      'Här berättar vi vilka uppgifter webbplatsen sparar, varför vi gör det och hur länge. Du kan också läsa om dina rättigheter. Vi sparar så lite som möjligt.',
    'privacy.updatedHtml': 'Senast uppdaterad den <time datetime="{iso}">{date}</time>.',

    'privacy.controller.title': 'Vem ansvarar för dina uppgifter?',
    'privacy.controller.textHtml':
      '{organisation} är personuppgiftsansvarig för webbplatsen. Du når oss på <a href="mailto:{email}">{email}</a>. Vill du kontakta dataskyddsombudet hos {organisation}? Skriv till samma adress, så skickar vi vidare din fråga.',

    'privacy.data.title': 'Det här sparar vi',
    'privacy.data.intro':
      'Allt sparas i webbplatsens egen databas. Vi säljer inte uppgifterna och använder dem inte för marknadsföring.',
    'privacy.term.data': 'Uppgifter',
    'privacy.term.purpose': 'Varför',
    'privacy.term.basis': 'Rättslig grund',
    'privacy.term.retention': 'Hur länge',

    'privacy.feedback.title': 'Rapporter om tillgänglighet',
    'privacy.feedback.data':
      'Det du skriver i formuläret. Om du vill: vilken sida det gäller, ditt namn och din e-postadress.',
    'privacy.feedback.purpose':
      'För att ta hand om rapporten och svara dig. Rapporten skickas också med e-post till {email}.',
    'privacy.feedback.basis':
      'Uppgift av allmänt intresse (artikel 6.1 e i dataskyddsförordningen). Lagen om tillgänglighet till digital offentlig service kräver att vi tar emot sådana rapporter.',
    'privacy.feedback.retention':
      '24 månader. Sedan raderas rapporten och vårt svar automatiskt. Tar du bort ditt konto raderas de rapporter som skickats med kontots e-postadress direkt, med våra svar och den e-post som förde dem fram och tillbaka.',

    'privacy.logs.title': 'Tekniska loggar',
    'privacy.logs.data':
      'Ett id för varje anrop, vilken sida som efterfrågades, svarskod och tid. Inga IP-adresser och inga andra personuppgifter.',
    'privacy.logs.purpose': 'För att hålla webbplatsen säker och igång och för att hitta fel.',
    'privacy.logs.basis': 'Loggarna innehåller inga personuppgifter.',
    'privacy.logs.retention': '30 dagar.',

    'privacy.rateLimit.title': 'Skydd mot missbruk av formulär och inloggning',
    'privacy.rateLimit.data':
      'Hur många gånger ett formulär har skickats eller en inloggning försökts, kopplat till en kod (en hash) som räknas fram ur din IP-adress och, vid inloggning och inbjudningar, ur e-postadressen. Själva adresserna sparas aldrig här.',
    'privacy.rateLimit.purpose':
      'För att stoppa automatiska massutskick och försök att gissa inloggningskoder.',
    'privacy.rateLimit.basis':
      'Uppgift av allmänt intresse (artikel 6.1 e i dataskyddsförordningen), för att skydda tjänsten.',
    'privacy.rateLimit.retention': 'Ett dygn.',

    'privacy.accounts.title': 'Ditt konto',
    'privacy.accounts.data':
      'Om du skapar ett konto: din e-postadress, det namn du själv anger och vilket språk du vill ha. Vilka organisationer du tillhör och din roll där. Dina inloggningar: när de började, när de senast användes och vilken sorts enhet det är (till exempel "Firefox · Windows"). Om du lägger till en nyckel (passkey) eller en autentiseringsapp sparas bara det som behövs för att kontrollera den, aldrig något biometriskt. En logg över ändringar du gör och som görs i ditt konto.',
    'privacy.accounts.purpose':
      'För att du ska kunna logga in, se dina egna uppgifter och – om du arbetar för en organisation – göra det din roll tillåter. Loggen visar vem som gjorde vad, så att fel och missbruk kan upptäckas.',
    'privacy.accounts.basis':
      'Uppgift av allmänt intresse (artikel 6.1 e i dataskyddsförordningen): regionens arbete med kompetensförsörjning. Du bestämmer själv om du vill ha ett konto.',
    'privacy.accounts.retention':
      'Tills du tar bort ditt konto, vilket du kan göra när som helst under Mitt konto. Där kan du också ladda ner allt vi har sparat om dig. En inloggning tar slut efter 12 timmar utan aktivitet och senast efter 14 dagar. Samtidigt raderas inbjudningar och e-post till din adress och rapporter om tillgänglighet som skickats med den, och API-nycklar du har skapat slutar gälla (det gör de också om du lämnar organisationen eller förlorar rollen). Loggen sparas men pekar efter borttagningen inte längre ut dig.',

    'privacy.cookies.title': 'Kakor (cookies)',
    'privacy.cookies.intro':
      'Webbplatsen använder bara kakor som behövs för att den ska fungera säkert, och därför frågar vi inte om samtycke. Inloggningskakorna sätts bara när du loggar in.',
    'privacy.cookie.term.name': 'Namn',
    'privacy.cookie.term.purpose': 'Vad den gör',
    'privacy.cookie.term.lifetime': 'Hur länge',
    'privacy.cookie.term.type': 'Typ',
    'privacy.cookie.csrf.nameHtml':
      '<code>lotsa_csrf</code> (på krypterade anslutningar heter den <code>__Host-lotsa_csrf</code>)',
    'privacy.cookie.csrf.purpose':
      'Skyddar formulären mot förfalskade anrop (CSRF), där en annan webbplats försöker skicka in ett formulär i ditt namn.',
    'privacy.cookie.csrf.lifetime': 'Tills du stänger webbläsaren.',
    'privacy.cookie.csrf.type':
      'Nödvändig säkerhetskaka från den här webbplatsen. Den används inte för att spåra dig.',
    'privacy.cookie.session.nameHtml':
      '<code>lotsa_session</code> (på krypterade anslutningar <code>__Host-lotsa_session</code>)',
    'privacy.cookie.session.purpose':
      'Håller dig inloggad. Kakan innehåller en slumpmässig kod; vi sparar bara ett fingeravtryck av den.',
    'privacy.cookie.session.lifetime':
      'Tills du loggar ut, efter 12 timmar utan aktivitet eller senast efter 14 dagar.',
    'privacy.cookie.session.type': 'Nödvändig inloggningskaka från den här webbplatsen.',
    'privacy.cookie.webauthn.nameHtml':
      '<code>lotsa_webauthn</code> (på krypterade anslutningar <code>__Host-lotsa_webauthn</code>)',
    'privacy.cookie.webauthn.purpose':
      'Knyter ihop de två stegen när du lägger till eller använder en nyckel (passkey).',
    'privacy.cookie.webauthn.lifetime': 'Fem minuter.',
    'privacy.cookie.webauthn.type': 'Nödvändig säkerhetskaka från den här webbplatsen.',
    'privacy.cookies.none':
      'Vi använder inga kakor för statistik eller marknadsföring. Vi spårar dig inte, och det finns inga spårningspixlar eller tjänster från andra företag som ser vad du gör här.',

    'privacy.public.title': 'Allmänna handlingar och arkiv',
    'privacy.public.text':
      '{organisation} är en offentlig organisation. Därför gäller offentlighetsprincipen och arkivlagen. Det du skickar till oss kan bli en allmän handling, som vem som helst kan begära att få läsa. Uppgifter kan i vissa fall skyddas av sekretess.',
    'privacy.public.gallringHtml':
      'Allmänna handlingar får bara raderas enligt ett beslut om gallring (gallringsbeslut). Tiderna ovan gäller om inte arkivlagen eller ett sådant beslut säger något annat.',

    'privacy.rights.title': 'Dina rättigheter',
    'privacy.rights.intro': 'Du har rätt att:',
    'privacy.rights.access': 'få veta vilka uppgifter vi har om dig och få en kopia av dem (registerutdrag),',
    'privacy.rights.rectification': 'få fel rättade,',
    'privacy.rights.erasure': 'få uppgifter raderade, om vi inte måste spara dem enligt lag,',
    'privacy.rights.restriction': 'begära att vi begränsar hur vi använder uppgifterna,',
    'privacy.rights.objection': 'invända mot att vi behandlar dem.',
    'privacy.rights.howHtml':
      'Skriv till <a href="mailto:{email}">{email}</a>, så hjälper vi dig. Vi svarar inom en månad.',
    'privacy.rights.complaintHtml':
      'Tycker du att vi hanterar dina uppgifter fel? Då kan du klaga hos Integritetsskyddsmyndigheten (IMY), <a href="https://www.imy.se">imy.se</a>.',

    // Easy-to-read Swedish (only shown in Swedish)
    'easy.title': 'Lättläst: om webbplatsen',
    'easy.description': 'Om webbplatsen Lotsa på lättläst svenska.',
    'easy.heading': 'Lättläst',
    'easy.note':
      'Här kan du läsa om webbplatsen på lättläst svenska. Det betyder korta meningar och vanliga ord.',
    'easy.what.title': 'Vad är det här för webbplats?',
    'easy.what.1': 'Webbplatsen heter Lotsa.',
    'easy.what.2': 'Den handlar om att jobba och bo i {region}.',
    'easy.what.3': 'Många företag i {region} behöver fler som vill jobba hos dem.',
    'easy.what.4': 'Vi vill att fler ska flytta hit och jobba här.',
    'easy.who.title': 'Vem har gjort webbplatsen?',
    'easy.who.1': '{organisation} har gjort webbplatsen.',
    'easy.who.2': 'Vi gör det tillsammans med företag, kommuner och Högskolan Dalarna.',
    'easy.data.title': 'Vad sparar vi om dig?',
    'easy.data.1': 'Du kan skriva till oss i ett formulär på webbplatsen.',
    'easy.data.2': 'Då sparar vi det du skriver.',
    'easy.data.3': 'Du måste inte skriva ditt namn.',
    'easy.data.4': 'Vi sparar det i två år. Sedan tar vi bort det.',
    'easy.data.5': 'Vi följer inte vad du gör på webbplatsen.',
    'easy.rights.title': 'Dina rättigheter',
    'easy.rights.1': 'Du får fråga vad vi har sparat om dig.',
    'easy.rights.2': 'Du får be oss ändra det som är fel.',
    'easy.rights.3': 'Du får be oss ta bort det vi har sparat.',
    'easy.rights.4': 'Du får klaga om du tycker att vi gör fel med det vi har sparat.',
    'easy.rights.5': 'Då kan du kontakta Integritetsskyddsmyndigheten. Den kallas också IMY.',
    'easy.rights.6':
      'Är webbplatsen svår att använda? Då kan du klaga hos myndigheten Digg. Men berätta för oss först.',
    'easy.contact.title': 'Så kontaktar du oss',
    'easy.contact.1': 'Du kan skicka e-post till oss.',
    'easy.contact.2Html': 'Adressen är <a href="mailto:{email}">{email}</a>.',
    'easy.contact.3': 'Fungerar något på webbplatsen inte för dig?',
    'easy.contact.4Html': 'Skriv då i <a href="{formUrl}">formuläret på sidan om tillgänglighet</a>.',
    'easy.contact.5': 'Vi svarar inom två veckor.',

    // Feedback validation and e-mail (used by feedback.ts)
    'feedback.error.messageRequired': 'Skriv vad som inte fungerar.',
    'feedback.error.messageTooLong': 'Texten får vara högst 5 000 tecken.',
    'feedback.error.pageUrlInvalid': 'Adressen får vara högst 500 tecken.',
    'feedback.error.nameTooLong': 'Namnet får vara högst 200 tecken.',
    'feedback.error.emailInvalid': 'Skriv en e-postadress som namn@exempel.se, eller lämna fältet tomt.',
    'feedback.mail.subject': 'Synpunkt om tillgänglighet #{id}',
    'feedback.mail.intro':
      'En besökare har rapporterat ett tillgänglighetsproblem på webbplatsen för {region}.',
    'feedback.mail.reference': 'Ärende',
    'feedback.mail.answerAt': 'Läs och svara',
    'feedback.mail.language': 'Språk',
    'feedback.mail.page': 'Sida',
    'feedback.mail.name': 'Namn',
    'feedback.mail.email': 'E-post',
    'feedback.mail.notGiven': '(inte angivet)',
    'feedback.mail.footer':
      'Svara inom två veckor om besökaren har lämnat en e-postadress: på sidan ovan (Tillgänglighetsrapporter i administrationen), så skickas svaret och sparas med rapporten. Rapporten raderas automatiskt efter 24 månader.',
  },
  en: {
    'nav.home': 'Home page',
    'home.description':
      'World-class technology and innovation, open people and a life close to nature. Discover the career opportunities in {region}.',

    // Accessibility statement
    'a11y.title': 'Accessibility statement',
    'a11y.titleWithErrors': 'Error: {title}',
    'a11y.description':
      'How accessible this website is, what does not work yet and how to report a problem to us.',
    'a11y.intro':
      '{organisation} runs the Lotsa website at {host}, where we present {region} as a career region. We want everyone to be able to use it, whatever their abilities and assistive technology. Here we explain how the website meets the requirements, which gaps we know of and how to report a problem to us.',
    'a11y.easyToReadHtml':
      'There is also a short text about the website in easy-to-read Swedish: <a href="/sv/lattlast" hreflang="sv" lang="sv">Lättläst</a>.',

    'a11y.status.title': 'How accessible is this website?',
    'a11y.status.textHtml':
      'This website is <strong>partly compliant</strong> with the Swedish Act on accessibility to digital public services (<span lang="sv">DOS-lagen</span>). The requirements are based on the standard EN 301 549 and WCAG 2.1 level AA.',
    'a11y.status.new':
      'The website is new, and we built it to meet the requirements from the start. There are still gaps, which we describe below.',

    'a11y.gaps.title': 'Content that is not accessible yet',
    'a11y.gaps.signLanguage':
      'There is no information in Swedish Sign Language yet. According to the Swedish web guidelines (R12 and R13), key information should also be available as sign-language video, marked with the sign-language symbol.',
    'a11y.gaps.later':
      'Later parts of the website may contain maps and uploaded documents, such as PDF files. We have not assessed them yet. We will review them as they are added and update this statement then.',
    'a11y.gaps.moreHtml':
      'Have you found something else that does not work? <a href="#feedback">Tell us using the form</a>.',

    'a11y.method.title': 'How we assessed the website',
    'a11y.method.intro': 'We assessed the website ourselves (a self-assessment). This is how:',
    'a11y.method.axe': 'Automated tests with axe-core on every page, in a real browser.',
    'a11y.method.keyboard': 'We went through every page using only the keyboard.',
    'a11y.method.screenReader': 'We listened to the pages with a screen reader.',
    'a11y.method.noScript': 'We checked that everything works without JavaScript.',
    'a11y.method.assessedHtml': 'The latest assessment was made on <time datetime="{iso}">{date}</time>.',
    'a11y.method.updatedHtml': 'This statement was last updated on <time datetime="{iso}">{date}</time>.',

    'a11y.feedback.title': 'Report a problem',
    'a11y.feedback.intro':
      'Is something not working for you? Have we missed something? Tell us, and we will try to put it right. If you give your e-mail address, we answer you within two weeks.',
    'a11y.feedback.otherFormatHtml':
      'Do you need some of the content in another format? Say so in the form or e-mail <a href="mailto:{email}">{email}</a>.',
    'a11y.notice.title': 'What happens with what you send',
    'a11y.notice.stored':
      'We store what you write and e-mail it to {organisation} ({email}), so that someone can deal with it.',
    'a11y.notice.optional':
      'You only need to give your name and e-mail address if you want an answer. The answer comes by e-mail, in the language of the form you used.',
    'a11y.notice.deleted': 'The report and our answer are deleted automatically after 24 months.',
    'a11y.notice.public': 'What you send us may become a public record.',
    'a11y.notice.privacyHtml': 'Read more on the page <a href="{privacyUrl}">Personal data and cookies</a>.',

    'feedback.form.errorSummaryTitle': 'There is a problem with the form',
    'feedback.form.message.label': 'What does not work?',
    'feedback.form.message.hint':
      'Describe the problem and what you were trying to do. It helps if you tell us which browser and assistive technology you use. At most {max} characters.',
    'feedback.form.pageUrl.label': 'Which page is it about?',
    'feedback.form.pageUrl.hint': 'Paste the address or write the heading of the page.',
    'feedback.form.name.label': 'Your name',
    'feedback.form.email.label': 'Your e-mail address',
    'feedback.form.email.hint':
      'Fill this in if you want an answer. We only use the address to reply to you.',
    'feedback.form.submit': 'Send the report',

    'a11y.enforcement.title': 'If you are not satisfied',
    'a11y.enforcement.text':
      'The Agency for Digital Government (Digg) supervises the Act on accessibility to digital public services. Are you unhappy with how we have handled your feedback? Then you can contact Digg and report it.',
    'a11y.enforcement.linkHtml':
      '<a href="https://www.digg.se/tdosanmalan" hreflang="sv">Report a lack of accessibility to Digg</a> (page in Swedish)',

    'a11y.scope.title': 'Content outside the scope of the law',
    'a11y.scope.thirdPartyHtml':
      'Content from others, which we have neither produced, paid for nor control, is not covered by the requirements. This includes, for example, job ads from the JobTech service of the Swedish Public Employment Service (<span lang="sv">Arbetsförmedlingen</span>), which employers write themselves.',
    'a11y.scope.archive':
      'Archived content that is not needed for ongoing matters and is no longer updated is not covered either. The website has no such content today.',

    // Thank-you page after feedback
    'sent.title': 'Thank you for your report',
    'sent.description': 'We have received your accessibility report.',
    'sent.received':
      'We have received what you wrote. {organisation} reads every report and uses it to make the website better.',
    'sent.next.title': 'What happens next?',
    'sent.next.reply': 'If you left your e-mail address, we will reply within two weeks.',
    'sent.next.deleted': 'The report is deleted automatically after 24 months.',
    'sent.links.title': 'Where would you like to go?',
    'sent.links.statement': 'Back to the accessibility statement',
    'sent.links.home': 'Go to the home page',

    // Privacy notice
    'privacy.title': 'Personal data and cookies',
    'privacy.description': 'What this website stores, why, for how long, and what rights you have.',
    'privacy.intro':
      'Here we explain what this website stores, why and for how long. You can also read about your rights. We store as little as we can.',
    'privacy.updatedHtml': 'Last updated on <time datetime="{iso}">{date}</time>.',

    'privacy.controller.title': 'Who is responsible for your data?',
    'privacy.controller.textHtml':
      '{organisation} is the controller of personal data on this website. You can reach us at <a href="mailto:{email}">{email}</a>. Would you like to contact the data protection officer at {organisation}? Write to the same address and we will pass your question on.',

    'privacy.data.title': 'What we store',
    'privacy.data.intro':
      "Everything is stored in the website's own database. We do not sell the data and do not use it for marketing.",
    'privacy.term.data': 'Data',
    'privacy.term.purpose': 'Why',
    'privacy.term.basis': 'Legal basis',
    'privacy.term.retention': 'How long',

    'privacy.feedback.title': 'Accessibility reports',
    'privacy.feedback.data':
      'What you write in the form. If you choose to: which page it is about, your name and your e-mail address.',
    'privacy.feedback.purpose':
      'To deal with the report and reply to you. The report is also e-mailed to {email}.',
    'privacy.feedback.basis':
      'A task carried out in the public interest (Article 6(1)(e) GDPR). The Swedish Act on accessibility to digital public services requires us to receive such reports.',
    'privacy.feedback.retention':
      '24 months. Then the report and our answer are deleted automatically. If you delete your account, the reports sent with its e-mail address are deleted at once, with our answers and the e-mail that carried them both ways.',

    'privacy.logs.title': 'Technical logs',
    'privacy.logs.data':
      'An id for each request, which page was requested, the status code and the time. No IP addresses and no other personal data.',
    'privacy.logs.purpose': 'To keep the website secure and running, and to find faults.',
    'privacy.logs.basis': 'The logs contain no personal data.',
    'privacy.logs.retention': '30 days.',

    'privacy.rateLimit.title': 'Protecting forms and sign-in from abuse',
    'privacy.rateLimit.data':
      'How many times a form has been sent or a sign-in tried, linked to a code (a hash) calculated from your IP address and, when signing in or being invited, from the e-mail address. The addresses themselves are never stored here.',
    'privacy.rateLimit.purpose': 'To stop automated mass sending and attempts to guess sign-in codes.',
    'privacy.rateLimit.basis':
      'A task carried out in the public interest (Article 6(1)(e) GDPR), to protect the service.',
    'privacy.rateLimit.retention': 'One day.',

    'privacy.accounts.title': 'Your account',
    'privacy.accounts.data':
      'If you create an account: your e-mail address, the name you choose to give and the language you want. Which organisations you belong to and your role there. Your sign-ins: when they started, when they were last used and what kind of device it is (for example "Firefox · Windows"). If you add a passkey or an authenticator app, only what is needed to check it is stored, never anything biometric. A log of changes you make and that are made to your account.',
    'privacy.accounts.purpose':
      'So that you can sign in, see your own data and – if you work for an organisation – do what your role allows. The log shows who did what, so that mistakes and misuse can be found.',
    'privacy.accounts.basis':
      'A task in the public interest (Article 6(1)(e) GDPR): the region’s work to find the skills it needs. Whether you have an account is up to you.',
    'privacy.accounts.retention':
      'Until you delete your account, which you can do at any time under My account. There you can also download everything we hold about you. A sign-in ends after 12 hours without activity and after 14 days at the latest. At the same time, invitations and e-mail to your address and accessibility reports sent with it are deleted, and API tokens you created stop working (as they also do if you leave the organisation or lose the role). The log is kept but no longer points to you after the deletion.',

    'privacy.cookies.title': 'Cookies',
    'privacy.cookies.intro':
      'The website only uses cookies it needs to work securely, so we do not ask for consent. The sign-in cookies are only set when you sign in.',
    'privacy.cookie.term.name': 'Name',
    'privacy.cookie.term.purpose': 'What it does',
    'privacy.cookie.term.lifetime': 'How long',
    'privacy.cookie.term.type': 'Type',
    'privacy.cookie.csrf.nameHtml':
      '<code>lotsa_csrf</code> (on encrypted connections it is called <code>__Host-lotsa_csrf</code>)',
    'privacy.cookie.csrf.purpose':
      'Protects the forms against forged requests (CSRF), where another website tries to send a form in your name.',
    'privacy.cookie.csrf.lifetime': 'Until you close your browser.',
    'privacy.cookie.csrf.type':
      'A strictly necessary security cookie from this website. It is not used to track you.',
    'privacy.cookie.session.nameHtml':
      '<code>lotsa_session</code> (on encrypted connections <code>__Host-lotsa_session</code>)',
    'privacy.cookie.session.purpose':
      'Keeps you signed in. The cookie holds a random code; we store only a fingerprint of it.',
    'privacy.cookie.session.lifetime':
      'Until you sign out, after 12 hours without activity, or after 14 days at the latest.',
    'privacy.cookie.session.type': 'A strictly necessary sign-in cookie from this website.',
    'privacy.cookie.webauthn.nameHtml':
      '<code>lotsa_webauthn</code> (on encrypted connections <code>__Host-lotsa_webauthn</code>)',
    'privacy.cookie.webauthn.purpose': 'Links the two steps together when you add or use a passkey.',
    'privacy.cookie.webauthn.lifetime': 'Five minutes.',
    'privacy.cookie.webauthn.type': 'A strictly necessary security cookie from this website.',
    'privacy.cookies.none':
      'We use no cookies for statistics or marketing. We do not track you, and there are no tracking pixels or services from other companies that see what you do here.',

    'privacy.public.title': 'Public records and archives',
    'privacy.public.text':
      '{organisation} is a public body. This means that the principle of public access and the Archives Act apply. What you send us may become a public record, which anyone can ask to read. In some cases, information can be protected by secrecy.',
    'privacy.public.gallringHtml':
      'Public records may only be deleted under a formal decision on disposal (<span lang="sv">gallringsbeslut</span>). The periods above apply unless the Archives Act or such a decision says otherwise.',

    'privacy.rights.title': 'Your rights',
    'privacy.rights.intro': 'You have the right to:',
    'privacy.rights.access': 'know what data we hold about you and get a copy of it,',
    'privacy.rights.rectification': 'have mistakes corrected,',
    'privacy.rights.erasure': 'have data erased, unless the law requires us to keep it,',
    'privacy.rights.restriction': 'ask us to restrict how we use the data,',
    'privacy.rights.objection': 'object to our processing it.',
    'privacy.rights.howHtml':
      'Write to <a href="mailto:{email}">{email}</a> and we will help you. We answer within one month.',
    'privacy.rights.complaintHtml':
      'Do you think we handle your data wrongly? Then you can complain to the Swedish Authority for Privacy Protection (<span lang="sv">Integritetsskyddsmyndigheten</span>, IMY), <a href="https://www.imy.se">imy.se</a>.',

    // Easy-to-read Swedish (only shown in Swedish; kept here in plain English for translators)
    'easy.title': 'Easy to read: about the website',
    'easy.description': 'About the Lotsa website in easy-to-read language.',
    'easy.heading': 'Easy to read',
    'easy.note':
      'Here you can read about the website in easy language. That means short sentences and common words.',
    'easy.what.title': 'What is this website?',
    'easy.what.1': 'The website is called Lotsa.',
    'easy.what.2': 'It is about working and living in {region}.',
    'easy.what.3': 'Many companies in {region} need more people who want to work for them.',
    'easy.what.4': 'We want more people to move here and work here.',
    'easy.who.title': 'Who made the website?',
    'easy.who.1': '{organisation} made the website.',
    'easy.who.2': 'We do it together with companies, municipalities and Dalarna University.',
    'easy.data.title': 'What do we store about you?',
    'easy.data.1': 'You can write to us in a form on the website.',
    'easy.data.2': 'Then we store what you write.',
    'easy.data.3': 'You do not have to write your name.',
    'easy.data.4': 'We keep it for two years. Then we delete it.',
    'easy.data.5': 'We do not follow what you do on the website.',
    'easy.rights.title': 'Your rights',
    'easy.rights.1': 'You may ask what we have stored about you.',
    'easy.rights.2': 'You may ask us to change what is wrong.',
    'easy.rights.3': 'You may ask us to delete what we have stored.',
    'easy.rights.4': 'You may complain if you think we do wrong with what we have stored.',
    'easy.rights.5': 'Then you can contact the Authority for Privacy Protection. It is also called IMY.',
    'easy.rights.6':
      'Is the website hard to use? Then you can complain to the agency Digg. But tell us first.',
    'easy.contact.title': 'How to contact us',
    'easy.contact.1': 'You can send us an e-mail.',
    'easy.contact.2Html': 'The address is <a href="mailto:{email}">{email}</a>.',
    'easy.contact.3': 'Is something on the website not working for you?',
    'easy.contact.4Html': 'Then write in <a href="{formUrl}">the form on the accessibility page</a>.',
    'easy.contact.5': 'We answer within two weeks.',

    // Feedback validation and e-mail (used by feedback.ts)
    'feedback.error.messageRequired': 'Describe what does not work.',
    'feedback.error.messageTooLong': 'The text may be at most 5,000 characters.',
    'feedback.error.pageUrlInvalid': 'The address may be at most 500 characters.',
    'feedback.error.nameTooLong': 'The name may be at most 200 characters.',
    'feedback.error.emailInvalid': 'Enter an e-mail address like name@example.com, or leave the field empty.',
    'feedback.mail.subject': 'Accessibility feedback #{id}',
    'feedback.mail.intro': 'A visitor has reported an accessibility problem on the website of {region}.',
    'feedback.mail.reference': 'Reference',
    'feedback.mail.answerAt': 'Read and answer',
    'feedback.mail.language': 'Language',
    'feedback.mail.page': 'Page',
    'feedback.mail.name': 'Name',
    'feedback.mail.email': 'E-mail',
    'feedback.mail.notGiven': '(not given)',
    'feedback.mail.footer':
      'Please answer within two weeks if the visitor left an e-mail address: on the page above (Accessibility reports in the back-office), which sends the answer and keeps it with the report. The report is deleted automatically after 24 months.',
  },
});
