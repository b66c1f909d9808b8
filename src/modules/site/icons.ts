/**
 * The addresses browsers and platforms ask for by convention: /favicon.ico, /apple-touch-icon.png
 * (and its -precomposed name), and the region's web manifest (/manifest.webmanifest: its name in
 * the region's default language, its brand colour, the icons). The images are drawn by
 * scripts/make-icons.ts and served from public/img/ like every static file.
 */
import type { FastifyReply } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { Site } from '../../platform/html/layout.ts';
import { shell } from '../../platform/html/messages.ts';
import { Permission } from '../../platform/permissions.ts';
import type { Region } from '../../platform/region.ts';
import type { App } from '../../platform/http/schema.ts';
import { messages } from './messages.ts';

const pub = { permission: Permission.Public } as const;

/** A day: the files change only with a release, and their addresses carry no version. */
const ICON_CACHE = 'public, max-age=86400';

export const MANIFEST_TYPE = 'application/manifest+json; charset=utf-8';

export function webManifest(site: Site, region: Region): Record<string, unknown> {
  const lang = region.defaultLanguage;
  const name = region.name[lang];
  return {
    name: shell.t(lang, 'siteName', { region: name }),
    short_name: name,
    description: messages.t(lang, 'home.description', { region: name }),
    lang,
    dir: 'ltr',
    start_url: `/${lang}/`,
    scope: '/',
    display: 'browser',
    background_color: '#ffffff',
    theme_color: region.brand.primary,
    icons: [
      { src: site.assets.url('img/icon-192.png'), sizes: '192x192', type: 'image/png' },
      { src: site.assets.url('img/icon-512.png'), sizes: '512x512', type: 'image/png' },
      // The mark stays inside the maskable safe zone (scripts/make-icons.ts).
      { src: site.assets.url('img/icon-512.png'), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: site.assets.url('img/icon.svg'), sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}

export function registerIconRoutes(app: App, site: Site): void {
  const sendAsset = (reply: FastifyReply, file: string) => {
    const asset = site.assets.get(file);
    if (!asset) throw new AppError('LOTSA_NOT_FOUND');
    return reply.type(asset.type).header('cache-control', ICON_CACHE).send(asset.body);
  };
  app.get('/favicon.ico', { config: pub }, async (_request, reply) => sendAsset(reply, 'img/favicon.ico'));
  for (const path of ['/apple-touch-icon.png', '/apple-touch-icon-precomposed.png']) {
    app.get(path, { config: pub }, async (_request, reply) => sendAsset(reply, 'img/apple-touch-icon.png'));
  }
  app.get('/manifest.webmanifest', { config: pub }, async (request, reply) =>
    reply
      .type(MANIFEST_TYPE)
      .header('cache-control', 'public, max-age=3600')
      .send(JSON.stringify(webManifest(site, request.region))),
  );
}
