/**
 * Texts of the back-office shell (header, organisation switcher, navigation landmark, footer) and
 * the roles in words, in Swedish and English. Modules name their own navigation items.
 */
import { defineMessages, type Lang } from '../i18n/index.ts';
import type { Role } from '../permissions.ts';

export const adminShell = defineMessages({
  sv: {
    'shell.name': 'Administration',
    'shell.skipLink': 'Hoppa till huvudinnehållet',
    'shell.nav': 'Administration',
    'shell.actingFor': 'Du arbetar för',
    'shell.noOrganisation': 'Ingen organisation',
    'shell.switchLabel': 'Byt organisation',
    'shell.switchButton': 'Byt',
    'shell.person': 'Inloggad som',
    'shell.myAccount': 'Mitt konto',
    'shell.signOut': 'Logga ut',
    'shell.toSite': 'Till den publika webbplatsen',
    'shell.accessibility': 'Tillgänglighet',
    'shell.pageTitle': '{title} – Administration – {region}',
    'role.admin': 'administratör',
    'role.region_editor': 'regionredaktör',
    'role.municipality_editor': 'kommunredaktör',
    'role.navigator': 'lots',
    'role.employer_admin': 'administratör för arbetsgivaren',
    'role.employer_member': 'medarbetare hos arbetsgivaren',
    'role.course_provider': 'utbildningsanordnare',
  },
  en: {
    'shell.name': 'Back-office',
    'shell.skipLink': 'Skip to main content',
    'shell.nav': 'Back-office',
    'shell.actingFor': 'You are working for',
    'shell.noOrganisation': 'No organisation',
    'shell.switchLabel': 'Switch organisation',
    'shell.switchButton': 'Switch',
    'shell.person': 'Signed in as',
    'shell.myAccount': 'My account',
    'shell.signOut': 'Sign out',
    'shell.toSite': 'To the public website',
    'shell.accessibility': 'Accessibility',
    'shell.pageTitle': '{title} – Back-office – {region}',
    'role.admin': 'administrator',
    'role.region_editor': 'region editor',
    'role.municipality_editor': 'municipality editor',
    'role.navigator': 'navigator',
    'role.employer_admin': 'employer admin',
    'role.employer_member': 'employer member',
    'role.course_provider': 'course provider',
  },
});

/** A role in words, lower case ("administratör"), as it reads inside a sentence. */
export function roleLabel(lang: Lang, role: Role): string {
  return adminShell.t(lang, `role.${role}`);
}
