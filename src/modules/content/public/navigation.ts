/** The public content's sections in the header menu and the footer sitemap. */
import { SectionOrder, type NavItem } from '../../../platform/html/layout.ts';
import { publicMessages } from './messages.ts';

export const publicContentNavigation: readonly NavItem[] = [
  {
    path: '/guides',
    label: (lang) => publicMessages.t(lang, 'nav.guides'),
    order: SectionOrder.guides,
    footer: 'live',
  },
  {
    path: '/stories',
    label: (lang) => publicMessages.t(lang, 'nav.stories'),
    order: SectionOrder.stories,
    footer: 'live',
  },
  {
    path: '/paths',
    label: (lang) => publicMessages.t(lang, 'nav.paths'),
    order: SectionOrder.stories + 1,
    footer: 'live',
    header: false,
  },
];
