import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkEventForm,
  emptyEventForm,
  pendingJson,
  readPending,
  sameAsLive,
  slugFrom,
  splitValues,
  withPending,
  type EventFormContext,
  type EventFormValues,
} from './form.ts';

const context: EventFormContext = {
  municipalityCodes: new Set(['2080', '2062']),
  images: new Map([['dalalven', '11111111-1111-4111-8111-111111111111']]),
  groups: new Set(['22222222-2222-4222-8222-222222222222']),
};

function form(over: Partial<EventFormValues> = {}): EventFormValues {
  return {
    ...emptyEventForm(),
    kind: 'meetup',
    title_sv: 'Fika för nyinflyttade',
    start_date: '2027-10-30',
    start_time: '23:30',
    end_date: '2027-10-31',
    end_time: '04:30',
    municipality_code: '2080',
    ...over,
  };
}

describe('the event form’s checks', () => {
  it('turns Stockholm wall-clock times into instants across the autumn change', () => {
    const { values, errors } = checkEventForm(form(), context);
    assert.deepEqual(errors, {});
    // 23:30 CEST (UTC+2) and 04:30 CET (UTC+1, after the clocks went back from 03:00 to 02:00).
    assert.equal(values!.starts_at.toISOString(), '2027-10-30T21:30:00.000Z');
    assert.equal(values!.ends_at.toISOString(), '2027-10-31T03:30:00.000Z');
  });

  it('reads blanks as their defaults: no limit, no picture, no group, end on the start day', () => {
    const { values } = checkEventForm(
      form({ end_date: '', start_time: '17:00', end_time: '19:00' }),
      context,
    );
    assert.equal(values!.capacity, null);
    assert.equal(values!.image_id, null);
    assert.equal(values!.network_group_id, null);
    assert.equal(values!.ends_at.toISOString(), '2027-10-30T17:00:00.000Z');
    assert.equal(values!.max_group, 4);
    assert.equal(values!.offer_hours, 24);
  });

  it('takes a picture by slug and a group by id, and refuses others', () => {
    const ok = checkEventForm(
      form({ image: 'dalalven', network_group: '22222222-2222-4222-8222-222222222222' }),
      context,
    );
    assert.equal(ok.values!.image_id, '11111111-1111-4111-8111-111111111111');
    const bad = checkEventForm(form({ image: 'annan', network_group: 'x' }), context);
    assert.equal(bad.errors.image?.key, 'error.image');
    assert.equal(bad.errors.network_group?.key, 'error.group');
  });

  it('asks for what each kind of place needs and drops the address of an online event', () => {
    assert.equal(
      checkEventForm(form({ municipality_code: '' }), context).errors.municipality_code?.key,
      'error.municipality',
    );
    assert.equal(
      checkEventForm(form({ location_kind: 'away', municipality_code: '' }), context).errors.locality?.key,
      'error.locality',
    );
    const online = checkEventForm(
      form({ location_kind: 'online', online_url: 'https://meet.example.org/x', venue: 'Ignored' }),
      context,
    );
    assert.equal(online.values!.venue, '');
    assert.equal(online.values!.municipality_code, null);
    assert.equal(
      checkEventForm(form({ location_kind: 'online', online_url: 'ftp://x' }), context).errors.online_url
        ?.key,
      'error.onlineUrl',
    );
  });

  it('bounds every number and text', () => {
    const { errors } = checkEventForm(
      form({ capacity: '0', max_group: '21', offer_hours: '169', title_sv: 'x'.repeat(161) }),
      context,
    );
    assert.equal(errors.capacity?.key, 'error.capacity');
    assert.equal(errors.max_group?.key, 'error.maxGroup');
    assert.equal(errors.offer_hours?.key, 'error.offerHours');
    assert.deepEqual(errors.title_sv, { key: 'error.tooLong', params: { max: '160' } });
    assert.equal(checkEventForm(form({ capacity: '1e3' }), context).errors.capacity?.key, 'error.capacity');
  });

  it('keeps registration’s window inside the event: closing a last day means its end', () => {
    const { values } = checkEventForm(form({ closes_date: '2027-10-29' }), context);
    assert.equal(values!.registration_closes_at?.toISOString(), '2027-10-29T21:59:00.000Z');
    assert.equal(
      checkEventForm(form({ opens_date: '2027-10-20', closes_date: '2027-10-19' }), context).errors
        .closes_date?.key,
      'error.closesBeforeOpens',
    );
    assert.equal(
      checkEventForm(form({ closes_date: '2027-11-02' }), context).errors.closes_date?.key,
      'error.closesAfterEnd',
    );
  });

  it('makes slugs of titles', () => {
    assert.equal(slugFrom('Träff på Åsgården – höst 2027!'), 'traff-pa-asgarden-host-2027');
    assert.equal(slugFrom('!!!'), 'evenemang');
    assert.ok(slugFrom('a'.repeat(200)).length <= 70);
  });
});

describe('pending changes of a published event', () => {
  const values = checkEventForm(form({ capacity: '30' }), context).values!;

  it('splits the seats and registration window (at once) from what is reviewed', () => {
    const { immediate, reviewed } = splitValues(values);
    assert.deepEqual(Object.keys(immediate).sort(), [
      'capacity',
      'max_group',
      'offer_hours',
      'registration_closes_at',
      'registration_opens_at',
    ]);
    assert.equal(immediate.capacity, 30);
    assert.ok(!('capacity' in reviewed));
    assert.equal(reviewed.title_sv, 'Fika för nyinflyttade');
  });

  it('stores and reads them back, instants as instants', () => {
    const { reviewed } = splitValues(values);
    const at = new Date('2027-01-02T03:04:05Z');
    const back = readPending(JSON.parse(pendingJson({ values: reviewed, by: 'a', at, comment: '' })));
    assert.ok(back);
    assert.equal(back.values.starts_at.getTime(), values.starts_at.getTime());
    assert.equal(back.at.getTime(), at.getTime());
    assert.equal(readPending(null), undefined);
    assert.equal(readPending({ values: { starts_at: 5 }, at: 'x' }), undefined);
  });

  it('knows an edit that changes nothing reviewed, and shows the event as it will be', () => {
    const { reviewed } = splitValues(values);
    const event = { ...values, id: 'e', pending: null } as unknown as Parameters<typeof sameAsLive>[0];
    assert.equal(sameAsLive(event, reviewed), true);
    assert.equal(sameAsLive(event, { ...reviewed, title_sv: 'Annat' }), false);
    const pending = JSON.parse(
      pendingJson({ values: { ...reviewed, title_sv: 'Annat' }, by: 'a', at: new Date(), comment: '' }),
    );
    assert.equal(withPending({ ...event, pending }).title_sv, 'Annat');
    assert.equal(withPending(event).title_sv, 'Fika för nyinflyttade');
  });
});
