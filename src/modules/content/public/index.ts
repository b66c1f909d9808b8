/** The public content pages (home, guides, stories, paths, /move): what the content module wires. */
export { renderGuidePage } from './guides.ts';
export { renderStoryPage } from './stories.ts';
export { renderPathPage } from './paths.ts';
export { registerPublicContentRoutes } from './routes.ts';
export { publicContentNavigation } from './navigation.ts';
export { contentSitemap } from './sitemap.ts';
