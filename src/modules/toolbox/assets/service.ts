/**
 * The assets part's rules. The region's editors create and edit assets (a file goes to the
 * platform storage under `toolbox/<region>/<asset>/<sha256 prefix>.<ext>`, its sha256 kept), publish,
 * withdraw (its downloaders are told: the expiry task is queued in the same transaction) and delete a
 * draft nobody downloaded; each change in one transaction with its audit event. An organisation's
 * person downloads a published asset before its last day (by the app's clock): one row in the log,
 * then the file; past the last day or withdrawn, nothing is logged and nothing sent.
 *
 * The expiry task (daily, safe to run twice) mails every account that downloaded an asset, in its
 * language: 30 days before the last day (expiry_warned_at), and once it has passed or the asset was
 * withdrawn (expiry_notified_at) — each claimed with an UPDATE … WHERE … IS NULL in the transaction
 * that queues the mails, so twice is never two mails. Retention deletes downloads after 24 months.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit, SYSTEM_ACTOR, type AuditActor } from '../../../platform/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { localPath } from '../../../platform/html/layout.ts';
import { formatDate, type Lang } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/outbox.ts';
import type { Storage, StoredObject } from '../../../platform/storage/index.ts';
import type { TaskQueue } from '../../../platform/tasks/queue.ts';
import { renditionFile } from '../../content/media/service.ts';
import { PATHS } from '../model.ts';
import { EFFECTIVE_EXPIRY, isExpired, todayOf } from '../toolbox.ts';
import { cleanFileName, CONTENT_TYPE, EXTENSION, formatOfType, sha256Of } from './files.ts';
import type { AssetInput } from './form.ts';
import { assetMessages, type AssetMessageKey } from './messages.ts';
import {
  assetById,
  downloadCount,
  downloadersOf,
  insertDownload,
  withdrawnAt,
  type AssetRow,
} from './repository.ts';

export const EXPIRY_TASK = 'toolbox.assets.expiry';
export const RETENTION_TASK = 'toolbox.downloads.retention';
/** Days before the last day that downloaders are warned. */
export const WARN_DAYS = 30;
/** Months a download is kept. */
export const KEEP_MONTHS = 24;

export interface AssetDeps {
  db: Kysely<DB>;
  storage: Storage;
  queue: TaskQueue;
  clock: () => Date;
}

export interface Editor {
  regionId: string;
  actor: AuditActor;
  accountId: string;
}

/** YYYY-MM-DD plus `days` (calendar arithmetic, no time zone). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A day (YYYY-MM-DD) as the language writes it ("7 december 2026"). */
export function dayText(lang: Lang, day: string): string {
  return formatDate(lang, new Date(`${day}T12:00:00Z`));
}

/**
 * What a licence asks of the person who uses the work: `none` (CC0, public domain: no credit),
 * `attribution` (a Creative Commons licence with BY: the credit line, the work's page, the licence
 * and a note of any change, as CC 4.0 §3(a) asks), else `terms` (the licence's own terms, e.g. the
 * Unsplash licence).
 */
export type CreditAsk = 'none' | 'attribution' | 'terms';

export function creditAskOf(licence: string, licenceUrl: string): CreditAsk {
  const text = `${licence} ${licenceUrl}`;
  if (/\bCC0\b|public ?domain|publicdomain|allmän egendom/i.test(text)) return 'none';
  if (/\bCC[ -]BY\b|creativecommons\.org\/licenses\/by/i.test(text)) return 'attribution';
  return 'terms';
}

export function titleOf(asset: Pick<AssetRow, 'title_sv' | 'title_en'>, lang: Lang): string {
  return (lang === 'en' ? asset.title_en || asset.title_sv : asset.title_sv || asset.title_en) || '—';
}

function fileKey(regionId: string, assetId: string, sha: string, extension: string): string {
  return `toolbox/${regionId}/${assetId}/${sha.slice(0, 16)}.${extension}`;
}

async function storeFile(
  storage: Storage,
  regionId: string,
  assetId: string,
  file: NonNullable<AssetInput['file']>,
) {
  const sha256 = sha256Of(file.bytes);
  const key = fileKey(regionId, assetId, sha256, EXTENSION[file.format]);
  await storage.put(key, file.bytes, CONTENT_TYPE[file.format]);
  return {
    file_key: key,
    // the name the editor's file had, kept only as a hint; downloads are named by the title
    file_name: cleanFileName(file.name.replace(/\.[^.]*$/, ''), EXTENSION[file.format], 'file').slice(0, 200),
    content_type: CONTENT_TYPE[file.format],
    bytes: file.bytes.length,
    sha256,
  };
}

function rowValues(input: AssetInput) {
  return {
    title_sv: input.title_sv,
    title_en: input.title_en,
    description_sv: input.description_sv,
    description_en: input.description_en,
    topics: input.topics,
    personas: input.personas,
    permitted_uses: input.permitted_uses,
    use_note_sv: input.use_note_sv,
    use_note_en: input.use_note_en,
    creator: input.creator,
    licence: input.licence,
    licence_url: input.licence_url,
    expires_on: input.expires_on,
  };
}

export async function createAsset(deps: AssetDeps, editor: Editor, input: AssetInput): Promise<string> {
  const id = randomUUID();
  const file = input.file ? await storeFile(deps.storage, editor.regionId, id, input.file) : undefined;
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('toolbox_assets')
        .values({
          region_id: editor.regionId,
          id,
          kind: input.kind,
          ...rowValues(input),
          media_image_id: input.kind === 'photo' ? input.media_image_id : null,
          ...(file ?? {}),
          created_by: editor.accountId,
          updated_by: editor.accountId,
        })
        .execute();
      await recordAudit(trx, {
        regionId: editor.regionId,
        actor: editor.actor,
        action: 'toolbox.asset.created',
        subjectType: 'toolbox_asset',
        subjectId: id,
        data: { title: input.title_sv, kind: input.kind },
      });
    });
  } catch (error) {
    if (file) await deps.storage.delete(file.file_key);
    throw error;
  }
  return id;
}

export async function updateAsset(
  deps: AssetDeps,
  editor: Editor,
  current: AssetRow,
  input: AssetInput,
): Promise<void> {
  const file = input.file
    ? await storeFile(deps.storage, editor.regionId, current.id, input.file)
    : undefined;
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('toolbox_assets')
        .set({
          ...rowValues(input),
          ...(current.kind === 'photo' ? { media_image_id: input.media_image_id } : {}),
          ...(file ?? {}),
          // a last day moved on to a day not yet past is told again when it comes (the expiry task
          // also clears the marks of an asset whose library image's day moved on); a date corrected
          // to another past day is not told twice
          ...(input.expires_on !== current.own_expiry &&
          (input.expires_on === null || input.expires_on >= todayOf(deps.clock))
            ? { expiry_warned_at: null, expiry_notified_at: null }
            : {}),
          updated_by: editor.accountId,
          updated_at: new Date(),
        })
        .where('region_id', '=', editor.regionId)
        .where('id', '=', current.id)
        .execute();
      await recordAudit(trx, {
        regionId: editor.regionId,
        actor: editor.actor,
        action: 'toolbox.asset.updated',
        subjectType: 'toolbox_asset',
        subjectId: current.id,
        data: { title: input.title_sv, file: Boolean(file) },
      });
    });
  } catch (error) {
    if (file && file.file_key !== current.file_key) await deps.storage.delete(file.file_key);
    throw error;
  }
  if (file && current.file_key && current.file_key !== file.file_key)
    await deps.storage.delete(current.file_key);
}

export type StepResult = { kind: 'done' } | { kind: 'refused'; reason: AssetMessageKey };

/**
 * One step of an asset's life in one transaction: `change` makes it (false: the asset was not in the
 * state the step needs — refused with `reason`), then its audit event is written.
 */
async function step(
  deps: AssetDeps,
  editor: Editor,
  asset: AssetRow,
  action: 'published' | 'withdrawn' | 'deleted',
  reason: AssetMessageKey,
  change: (trx: Transaction<DB>) => Promise<boolean>,
): Promise<StepResult> {
  const done = await deps.db.transaction().execute(async (trx) => {
    if (!(await change(trx))) return false;
    await recordAudit(trx, {
      regionId: editor.regionId,
      actor: editor.actor,
      action: `toolbox.asset.${action}`,
      subjectType: 'toolbox_asset',
      subjectId: asset.id,
      data: { title: asset.title_sv },
    });
    return true;
  });
  return done ? { kind: 'done' } : { kind: 'refused', reason };
}

export async function publishAsset(deps: AssetDeps, editor: Editor, asset: AssetRow): Promise<StepResult> {
  if (asset.status === 'published') return { kind: 'refused', reason: 'admin.cannot.publish' };
  if (isExpired(asset.expiry, todayOf(deps.clock)))
    return { kind: 'refused', reason: 'admin.cannot.expired' };
  return step(deps, editor, asset, 'published', 'admin.cannot.publish', async (trx) => {
    const row = await trx
      .updateTable('toolbox_assets')
      .set({
        status: 'published',
        expiry_warned_at: null,
        expiry_notified_at: null,
        updated_by: editor.accountId,
        updated_at: new Date(),
      })
      .where('region_id', '=', editor.regionId)
      .where('id', '=', asset.id)
      .where('status', '<>', 'published')
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  });
}

export async function withdrawAsset(deps: AssetDeps, editor: Editor, asset: AssetRow): Promise<StepResult> {
  return step(deps, editor, asset, 'withdrawn', 'admin.cannot.withdraw', async (trx) => {
    const row = await trx
      .updateTable('toolbox_assets')
      .set({ status: 'withdrawn', updated_by: editor.accountId, updated_at: new Date() })
      .where('region_id', '=', editor.regionId)
      .where('id', '=', asset.id)
      .where('status', '=', 'published')
      .returning('id')
      .executeTakeFirst();
    if (!row) return false;
    // those who downloaded it are told now, not at the next daily run
    await deps.queue.enqueue(EXPIRY_TASK, {}, {}, trx);
    return true;
  });
}

export async function deleteAsset(deps: AssetDeps, editor: Editor, asset: AssetRow): Promise<StepResult> {
  if (asset.status !== 'draft') return { kind: 'refused', reason: 'admin.cannot.delete' };
  const result = await step(deps, editor, asset, 'deleted', 'admin.cannot.delete', async (trx) => {
    if ((await downloadCount(trx, editor.regionId, asset.id)) > 0) return false;
    const row = await trx
      .deleteFrom('toolbox_assets')
      .where('region_id', '=', editor.regionId)
      .where('id', '=', asset.id)
      .where('status', '=', 'draft')
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  });
  if (result.kind === 'done' && asset.file_key) await deps.storage.delete(asset.file_key);
  return result;
}

/** Why an asset cannot be downloaded, and since when (YYYY-MM-DD), or undefined when it can. */
export async function unusable(
  deps: Pick<AssetDeps, 'db' | 'clock'>,
  asset: AssetRow,
): Promise<{ reason: 'expired' | 'withdrawn'; since: string } | undefined> {
  if (asset.status === 'withdrawn') {
    const at = (await withdrawnAt(deps.db, asset.region_id, asset.id)) ?? asset.updated_at;
    return { reason: 'withdrawn', since: at.toISOString().slice(0, 10) };
  }
  if (asset.expiry && isExpired(asset.expiry, todayOf(deps.clock)))
    return { reason: 'expired', since: asset.expiry };
  return undefined;
}

export interface Download {
  object: StoredObject;
  fileName: string;
  contentType: string;
}

/** The file a download sends: a photo's largest JPEG rendition, else the stored file. */
async function fileOf(deps: AssetDeps, asset: AssetRow, lang: Lang): Promise<Download | undefined> {
  const title = titleOf(asset, lang);
  if (asset.kind === 'photo') {
    const image = await deps.db
      .selectFrom('media_images')
      .select(['storage_prefix', 'file_hash', 'widths'])
      .where('region_id', '=', asset.region_id)
      .where('id', '=', asset.media_image_id)
      .executeTakeFirst();
    const widest = image?.widths.length ? Math.max(...image.widths) : undefined;
    if (!image || widest === undefined) return undefined;
    const object = await deps.storage.get(
      `${image.storage_prefix}/${renditionFile(widest, image.file_hash, 'jpeg')}`,
    );
    return object ? { object, fileName: cleanFileName(title, 'jpg'), contentType: 'image/jpeg' } : undefined;
  }
  if (!asset.file_key || !asset.content_type) return undefined;
  const object = await deps.storage.get(asset.file_key);
  const format = formatOfType(asset.content_type);
  const extension = format ? EXTENSION[format] : 'bin';
  return object
    ? { object, fileName: cleanFileName(title, extension), contentType: asset.content_type }
    : undefined;
}

export type DownloadResult =
  | { kind: 'file'; download: Download }
  | { kind: 'gone'; reason: 'expired' | 'withdrawn'; since: string; asset: AssetRow }
  | { kind: 'missing' };

/**
 * A person's download of a published asset: refused (nothing logged) when withdrawn or past its last
 * day; else logged (account, organisation, asset, the clock's time) and the file returned. A draft
 * is missing (the route's 404), as is a file the storage no longer has (then nothing is logged).
 */
export async function downloadAsset(
  deps: AssetDeps,
  who: { regionId: string; accountId: string; organisationId: string | null },
  assetId: string,
  lang: Lang,
): Promise<DownloadResult> {
  const asset = await assetById(deps.db, who.regionId, assetId);
  if (!asset || asset.status === 'draft') return { kind: 'missing' };
  const gone = await unusable(deps, asset);
  if (gone) return { kind: 'gone', ...gone, asset };
  const download = await fileOf(deps, asset, lang);
  if (!download) return { kind: 'missing' };
  await insertDownload(deps.db, {
    regionId: who.regionId,
    assetId: asset.id,
    accountId: who.accountId,
    organisationId: who.organisationId,
    at: deps.clock(),
  });
  return { kind: 'file', download };
}

/** An editor's look at the file itself (not logged), drafts included. */
export async function editorFile(
  deps: AssetDeps,
  asset: AssetRow,
  lang: Lang,
): Promise<Download | undefined> {
  return fileOf(deps, asset, lang);
}

export interface ExpiryDeps {
  db: Kysely<DB>;
  queue: TaskQueue;
  /** The site's origin for the links (configuration). */
  origin: string;
}

type MailKind = 'warn' | 'expired' | 'withdrawn';

type Picked = {
  region_id: string;
  id: string;
  title_sv: string;
  title_en: string;
  status: string;
  expiry: string | null;
};

/** At most this many assets are listed in one person's mail; the rest are on their downloads page. */
const MAIL_LINES = 50;

/**
 * One mail to each person who downloaded any of the region's `assets` (claimed in this
 * transaction): one asset is told in its own words; several in one list, so that a licence ending
 * for a whole set of photos is one mail, not one per photo. Returns how many mails and, per asset,
 * how many people were told of it.
 */
async function mailDownloaders(
  trx: Kysely<DB>,
  deps: ExpiryDeps,
  regionId: string,
  assets: readonly Picked[],
  kindOf: (asset: Picked) => MailKind,
): Promise<{ mails: number; told: Map<string, number> }> {
  const byId = new Map(assets.map((asset) => [asset.id, asset]));
  const rows = await downloadersOf(trx, regionId, [...byId.keys()]);
  const people = new Map<string, { person: (typeof rows)[number]; assets: Picked[] }>();
  const told = new Map<string, number>();
  for (const row of rows) {
    const asset = byId.get(row.asset_id);
    if (!asset) continue;
    const entry = people.get(row.account_id) ?? { person: row, assets: [] };
    entry.assets.push(asset);
    people.set(row.account_id, entry);
    told.set(asset.id, (told.get(asset.id) ?? 0) + 1);
  }
  for (const { person, assets: theirs } of people.values()) {
    const lang: Lang = person.language === 'en' ? 'en' : 'sv';
    const t = (key: AssetMessageKey, params?: Record<string, string>) => assetMessages.t(lang, key, params);
    const urlOf = (path: string) => `${deps.origin}${localPath(lang, path)}`;
    const paramsOf = (asset: Picked) => ({
      title: titleOf(asset, lang),
      date: asset.expiry ? dayText(lang, asset.expiry) : '',
    });
    const name = person.display_name.trim();
    const hello = name ? t('mail.hello', { name }) : t('mail.helloNoName');
    let subject: string;
    let body: string[];
    if (theirs.length === 1) {
      const asset = theirs[0]!;
      const kind = kindOf(asset);
      subject = t(`mail.${kind}.subject`, paramsOf(asset));
      body = [
        t(`mail.${kind}.text`, paramsOf(asset)),
        t('mail.link', { url: urlOf(`${PATHS.assets}/${asset.id}`) }),
      ];
    } else {
      const warnings = theirs.filter((asset) => kindOf(asset) === 'warn').length;
      const digest = warnings === theirs.length ? 'digestWarn' : warnings === 0 ? 'digest' : 'digestMixed';
      const count = String(theirs.length);
      const lines = theirs
        .slice(0, MAIL_LINES)
        .map(
          (asset) =>
            `– ${t(`mail.line.${kindOf(asset)}`, paramsOf(asset))}\n  ${urlOf(`${PATHS.assets}/${asset.id}`)}`,
        );
      if (theirs.length > MAIL_LINES)
        lines.push(t('mail.more', { count: String(theirs.length - MAIL_LINES) }));
      subject = t(`mail.${digest}.subject`, { count });
      body = [
        t(`mail.${digest}.text`),
        lines.join('\n'),
        t('mail.downloads', { url: urlOf(`${PATHS.assets}/downloads`) }),
      ];
    }
    await queueMail(trx, deps.queue, {
      regionId,
      to: person.email,
      language: lang,
      subject,
      text: [hello, ...body, t('mail.signoff')].join('\n\n') + '\n',
    });
  }
  return { mails: people.size, told };
}

/**
 * One run of the expiry task at `now`, over every region: warnings 30 days before the last day,
 * then the notices of expired and withdrawn assets. Each asset is claimed (its column set where it
 * was null) in the transaction that queues its mails. Returns how many assets and mails.
 */
export async function runAssetExpiry(
  deps: ExpiryDeps,
  now: Date,
): Promise<{ warned: number; notified: number; mails: number }> {
  const today = todayOf(() => now);
  const warnUntil = addDays(today, WARN_DAYS);
  const done = { warned: 0, notified: 0, mails: 0 };
  // A renewed licence (the asset's own last day moved on, or the library image's) is told again
  // when it runs out again: a published asset whose last day is no longer past loses its notice
  // mark, and one no longer within the warning days its warning mark.
  await sql`
    UPDATE toolbox_assets a SET
      expiry_notified_at = CASE WHEN e.expiry IS NULL OR e.expiry >= ${today}::date THEN NULL ELSE a.expiry_notified_at END,
      expiry_warned_at = CASE WHEN e.expiry IS NULL OR e.expiry > ${warnUntil}::date THEN NULL ELSE a.expiry_warned_at END
    FROM (
      SELECT x.region_id, x.id, least(x.expires_on, m.expires_on) AS expiry
      FROM toolbox_assets x
      LEFT JOIN media_images m ON m.region_id = x.region_id AND m.id = x.media_image_id
      WHERE x.status = 'published' AND (x.expiry_notified_at IS NOT NULL OR x.expiry_warned_at IS NOT NULL)
    ) e
    WHERE a.region_id = e.region_id AND a.id = e.id
      AND ((a.expiry_notified_at IS NOT NULL AND (e.expiry IS NULL OR e.expiry >= ${today}::date))
        OR (a.expiry_warned_at IS NOT NULL AND (e.expiry IS NULL OR e.expiry > ${warnUntil}::date)))
  `.execute(deps.db);
  const pick = (which: 'warn' | 'notify') => {
    let query = deps.db
      .selectFrom('toolbox_assets as a')
      .leftJoin('media_images as m', (j) =>
        j.onRef('m.region_id', '=', 'a.region_id').onRef('m.id', '=', 'a.media_image_id'),
      )
      .select(['a.region_id', 'a.id', 'a.title_sv', 'a.title_en', 'a.status', EFFECTIVE_EXPIRY.as('expiry')]);
    query =
      which === 'warn'
        ? query
            .where('a.status', '=', 'published')
            .where('a.expiry_warned_at', 'is', null)
            .where(sql<boolean>`${EFFECTIVE_EXPIRY} >= ${today} and ${EFFECTIVE_EXPIRY} <= ${warnUntil}`)
        : query
            .where('a.expiry_notified_at', 'is', null)
            .where((eb) =>
              eb.or([
                eb('a.status', '=', 'withdrawn'),
                eb.and([eb('a.status', '=', 'published'), eb(sql<string>`${EFFECTIVE_EXPIRY}`, '<', today)]),
              ]),
            );
    return query.orderBy('a.region_id').orderBy('a.id').limit(5000).execute();
  };
  // Per region, the picked assets are claimed (their mark set where it was null) in the transaction
  // that queues their mails and audit events: a second run finds them claimed.
  // Per region, the picked assets — to warn of and to tell of — are claimed (their mark set where
  // it was null) in the one transaction that queues their mails and audit events: a person hears of
  // everything in one mail, and a second run finds them claimed.
  const warn = await pick('warn');
  const notify = await pick('notify');
  const regions = [...new Set([...warn, ...notify].map((asset) => asset.region_id))];
  for (const regionId of regions) {
    await deps.db.transaction().execute(async (trx) => {
      const claim = async (column: 'expiry_warned_at' | 'expiry_notified_at', list: readonly Picked[]) => {
        const ofRegion = list.filter((asset) => asset.region_id === regionId);
        if (ofRegion.length === 0) return [];
        const rows = await trx
          .updateTable('toolbox_assets')
          .set({ [column]: now })
          .where('region_id', '=', regionId)
          .where(
            'id',
            'in',
            ofRegion.map((asset) => asset.id),
          )
          .where(column, 'is', null)
          .returning('id')
          .execute();
        const ids = new Set(rows.map((row) => row.id));
        return ofRegion.filter((asset) => ids.has(asset.id));
      };
      const warned = await claim('expiry_warned_at', warn);
      const told = await claim('expiry_notified_at', notify);
      if (warned.length + told.length === 0) return;
      const toldIds = new Set(told.map((asset) => asset.id));
      const kindOf = (asset: Picked): MailKind =>
        !toldIds.has(asset.id) ? 'warn' : asset.status === 'withdrawn' ? 'withdrawn' : 'expired';
      const { mails, told: counts } = await mailDownloaders(
        trx,
        deps,
        regionId,
        [...told, ...warned],
        kindOf,
      );
      for (const asset of told)
        await recordAudit(trx, {
          regionId,
          actor: SYSTEM_ACTOR,
          action: 'toolbox.asset.users_told',
          subjectType: 'toolbox_asset',
          subjectId: asset.id,
          data: { title: asset.title_sv, reason: kindOf(asset), count: counts.get(asset.id) ?? 0 },
        });
      done.warned += warned.length;
      done.notified += told.length;
      done.mails += mails;
    });
  }
  return done;
}

/** Deletes downloads older than 24 months at `now` (every region). */
export async function runDownloadRetention(db: Kysely<DB>, now: Date): Promise<number> {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - KEEP_MONTHS);
  const result = await db
    .deleteFrom('toolbox_downloads')
    .where('downloaded_at', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
