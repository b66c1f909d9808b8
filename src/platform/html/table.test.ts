import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { html } from './html.ts';
import { dataTable, type DataTable } from './table.ts';

/** The markup with white space between tags folded, for comparing. */
const fold = (markup: { toString(): string }) =>
  markup.toString().replace(/>\s+</g, '><').replace(/\s+/g, ' ').trim();

/** A one-column table of the numbers 1 and 2, with `extra` on top, folded. */
const small = (extra: Partial<DataTable<number>> = {}) =>
  fold(
    dataTable({
      id: 'n',
      caption: 'N',
      columns: ['A'],
      rows: [1, 2],
      cells: (n) => [n],
      empty: '',
      ...extra,
    } as DataTable<number>),
  );

const people = [
  { name: 'Ada <Lovelace>', role: 'owner' },
  { name: 'Grace', role: 'member' },
];

describe('dataTable', () => {
  it('renders the scrolling region labelled by its caption, column headers and row headers', () => {
    const table = dataTable({
      id: 'people-caption',
      caption: 'People',
      columns: [{ label: 'Person' }, { label: 'Role' }],
      rows: people,
      cells: (p) => [p.name, html`<em>${p.role}</em>`],
      empty: 'Nobody',
    });
    assert.equal(
      fold(table),
      '<div class="table-scroll" tabindex="0" role="region" aria-labelledby="people-caption">' +
        '<table class="admin-table"><caption id="people-caption">People</caption>' +
        '<thead><tr><th scope="col">Person</th><th scope="col">Role</th></tr></thead>' +
        '<tbody><tr><th scope="row">Ada &lt;Lovelace&gt;</th><td><em>owner</em></td></tr>' +
        '<tr><th scope="row">Grace</th><td><em>member</em></td></tr></tbody></table></div>',
    );
  });

  it('shows the empty text instead of a table when there are no rows', () => {
    assert.equal(small({ rows: [], empty: 'No <one> yet' }), '<p>No &lt;one&gt; yet</p>');
  });

  it('is labelled by a heading elsewhere, without a caption, and takes another class or none', () => {
    const labelled = small({ id: undefined, caption: undefined, labelledBy: 'tokens-title', className: '' });
    assert.match(labelled, /aria-labelledby="tokens-title"/);
    assert.match(labelled, /<table><thead>/);
    assert.doesNotMatch(labelled, /<caption/);
    const classed = small({ className: 'me-table' });
    assert.match(classed, /<table class="me-table"><caption id="n">N<\/caption>/);
  });

  it('leaves out a column and its cells when the column is false, and keeps plain cells when asked', () => {
    const table = fold(
      dataTable({
        id: 'm',
        caption: 'M',
        columns: ['Name', false, 'Role'],
        rows: people,
        cells: (p) => [p.name, 'secret', p.role],
        rowHeader: false,
        empty: '',
      }),
    );
    assert.doesNotMatch(table, /secret/);
    assert.doesNotMatch(table, /scope="row"/);
    assert.match(table, /<tr><td>Grace<\/td><td>member<\/td><\/tr>/);
    assert.equal(table.match(/<th scope="col">/g)?.length, 2);
  });

  it('puts classes on cells and rows', () => {
    const table = fold(
      dataTable({
        id: 'r',
        caption: 'R',
        columns: [{ label: 'Report' }, { label: 'Status' }],
        rows: people,
        cells: (p) => [{ content: p.name, className: 'report-summary' }, { content: p.role }],
        rowClass: (p) => (p.role === 'owner' ? 'current' : undefined),
        empty: '',
      }),
    );
    assert.match(
      table,
      /<tr class="current"><th scope="row" class="report-summary">Ada &lt;Lovelace&gt;<\/th><td>owner<\/td><\/tr>/,
    );
    assert.match(table, /<tr><th scope="row" class="report-summary">Grace<\/th>/);
  });

  it('makes a sortable column header a link, with aria-sort on the sorted column', () => {
    const table = fold(
      dataTable({
        id: 's',
        caption: 'S',
        columns: [
          { label: 'Name', sort: { href: '?sort=name&dir=desc', direction: 'ascending' } },
          { label: 'Role', sort: { href: '?sort=role' } },
          { label: 'Plain' },
        ],
        rows: people,
        cells: (p) => [p.name, p.role, ''],
        empty: '',
      }),
    );
    assert.match(
      table,
      /<tr><th scope="col" aria-sort="ascending"><a href="\?sort=name&amp;dir=desc">Name<\/a><\/th><th scope="col"><a href="\?sort=role">Role<\/a><\/th><th scope="col">Plain<\/th><\/tr>/,
    );
  });

  it('puts a named paging nav under the table when it has links, and none without', () => {
    const withLinks = small({
      paging: {
        label: 'Pages of P',
        links: [
          { href: '?page=1', text: 'Previous', rel: 'prev' },
          { href: '?page=3', text: 'Next', rel: 'next' },
        ],
      },
    });
    assert.match(
      withLinks,
      /<\/table><\/div><nav class="pagination" aria-label="Pages of P"><ul><li><a href="\?page=1" rel="prev">Previous<\/a><\/li><li><a href="\?page=3" rel="next">Next<\/a><\/li><\/ul><\/nav>$/,
    );
    const without = small({ paging: { label: 'P', links: [] } });
    assert.doesNotMatch(without, /<nav/);
  });
});
