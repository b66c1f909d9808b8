/**
 * The data table of the shared kit: a keyboard-reachable scrolling region labelled by the table's
 * caption (or by a heading the caller names), the header row with scope="col", one row an item with
 * the first cell as a row header, and a paragraph in its place when there are no items. A column
 * may be a link that sorts (aria-sort on the sorted one), and a paging nav may follow the table.
 */
import { html, type HtmlValue, type SafeHtml } from './html.ts';

export type SortDirection = 'ascending' | 'descending';

export interface TableColumn {
  label: HtmlValue;
  /** A header that sorts: the link that sorts by this column, and its direction when it is sorted. */
  sort?: { href: string; direction?: SortDirection };
}

/** A cell: its content, or its content with a class on the cell. */
export type TableCell = HtmlValue | { content: HtmlValue; className?: string };

export interface PagingLink {
  href: string;
  text: string;
  rel?: 'prev' | 'next';
}

interface TableBase<T> {
  /**
   * The columns: a header's label, or a column with more (sorting); null, undefined or false leaves
   * one out, and the cell at its place in every row.
   */
  columns: readonly (TableColumn | HtmlValue)[];
  rows: readonly T[];
  /** The cells of an item's row, one a column (the left-out columns' places included). */
  cells: (item: T) => readonly TableCell[];
  /** A class on an item's row. */
  rowClass?: (item: T) => string | undefined;
  /** The first cell is a row header (`<th scope="row">`); true unless set to false. */
  rowHeader?: boolean;
  /** The table's class: 'admin-table' unless given; '' for none. */
  className?: string;
  /** The text shown instead of the table when there are no rows. */
  empty: HtmlValue;
  /** A paging nav under the table, named by `label`; shown when it has links. */
  paging?: { label: string; links: readonly PagingLink[] };
}

/**
 * Labelled by its own caption, `id` being the caption's id (with `labelledBy`, by those ids instead:
 * the caption and a heading that tells two such tables on one page apart)…
 */
interface CaptionedTable<T> extends TableBase<T> {
  id: string;
  caption: HtmlValue;
  labelledBy?: string;
}

/** …or by an element elsewhere on the page (a heading), by its id. */
interface LabelledTable<T> extends TableBase<T> {
  labelledBy: string;
  id?: undefined;
  caption?: undefined;
}

export type DataTable<T> = CaptionedTable<T> | LabelledTable<T>;

const isColumn = (c: TableColumn | HtmlValue): c is TableColumn =>
  c !== null && typeof c === 'object' && !Array.isArray(c) && 'label' in c;

function headerCell(column: TableColumn): SafeHtml {
  const sort = column.sort;
  if (!sort) return html`<th scope="col">${column.label}</th>`;
  const ariaSort = sort.direction ? html` aria-sort="${sort.direction}"` : '';
  return html`<th scope="col"${ariaSort}><a href="${sort.href}">${column.label}</a></th>`;
}

function bodyCell(cell: TableCell, header: boolean): SafeHtml {
  const { content, className } =
    cell !== null && typeof cell === 'object' && !Array.isArray(cell) && 'content' in cell
      ? cell
      : { content: cell, className: undefined };
  const cls = className ? html` class="${className}"` : '';
  return header ? html`<th scope="row"${cls}>${content}</th>` : html`<td${cls}>${content}</td>`;
}

function pagingNav(paging: DataTable<unknown>['paging']): SafeHtml | '' {
  if (!paging || paging.links.length === 0) return '';
  return html`<nav class="pagination" aria-label="${paging.label}">
    <ul>
      ${paging.links.map(
        (l) => html`<li><a href="${l.href}"${l.rel ? html` rel="${l.rel}"` : ''}>${l.text}</a></li>`,
      )}
    </ul>
  </nav>`;
}

/** The table of `rows` in its scrolling region, or the `empty` paragraph when there are none. */
export function dataTable<T>(table: DataTable<T>): SafeHtml {
  if (table.rows.length === 0) return html`<p>${table.empty}</p>`;
  const shown = table.columns.flatMap((c, index) =>
    c === null || c === undefined || c === false ? [] : [{ column: isColumn(c) ? c : { label: c }, index }],
  );
  const rowHeader = table.rowHeader ?? true;
  const className = table.className ?? 'admin-table';
  const labelledBy = table.labelledBy ?? table.id;
  const row = (item: T) => {
    const cells = table.cells(item);
    const rowClass = table.rowClass?.(item);
    return html`<tr${rowClass ? html` class="${rowClass}"` : ''}>
      ${shown.map(({ index }, n) => bodyCell(cells[index], rowHeader && n === 0))}
    </tr>`;
  };
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${labelledBy}">
      <table${className ? html` class="${className}"` : ''}>
        ${table.caption !== undefined ? html`<caption id="${table.id}">${table.caption}</caption>` : ''}
        <thead>
          <tr>
            ${shown.map(({ column }) => headerCell(column))}
          </tr>
        </thead>
        <tbody>
          ${table.rows.map(row)}
        </tbody>
      </table>
    </div>
    ${pagingNav(table.paging)}`;
}
