// Rich-text toolbar: shows the toolbar each rich-text field renders hidden (data-richtext-for names
// its textarea) and inserts markup at the selection: a heading or list marks the selected lines, bold,
// italic and link wrap the selection (or a placeholder, left selected), an image goes on a line of
// its own with the cursor where the image's name goes. One tab stop; arrow keys, Home and End move
// between the buttons (a toolbar). Without the script the textarea takes the same markup by hand.
(() => {
  const d = document;

  /** Replaces start..end with text, keeping the browser's undo where it can, then selects a part. */
  const insert = (area, start, end, text, selectFrom, selectTo) => {
    area.focus();
    area.setSelectionRange(start, end);
    let done = false;
    try {
      done = typeof d.execCommand === 'function' && d.execCommand('insertText', false, text);
    } catch {
      done = false;
    }
    if (!done || area.value.slice(start, start + text.length) !== text) {
      area.setRangeText(text, start, end, 'end');
      area.dispatchEvent(new window.Event('input', { bubbles: true }));
    }
    area.setSelectionRange(start + selectFrom, start + selectTo);
  };

  /** Wraps the selection in before/after; with nothing selected the placeholder is inserted, selected. */
  const wrap = (area, before, after, placeholder) => {
    const { selectionStart: start, selectionEnd: end, value } = area;
    const inner = value.slice(start, end) || placeholder;
    insert(area, start, end, before + inner + after, before.length, before.length + inner.length);
  };

  /** Puts a marker before every selected line (or a placeholder line when the line is empty). */
  const markLines = (area, marker, placeholder) => {
    const { value } = area;
    const start = value.lastIndexOf('\n', area.selectionStart - 1) + 1;
    let end = value.indexOf('\n', Math.max(area.selectionEnd - (area.selectionEnd > start ? 1 : 0), start));
    if (end < 0) end = value.length;
    const lines = value.slice(start, end).split('\n');
    if (lines.length === 1 && lines[0].trim() === '') {
      const first = marker(0);
      insert(area, start, end, first + placeholder, first.length, first.length + placeholder.length);
      return;
    }
    const text = lines
      .map((line, i) => (line.trim() === '' ? line : marker(i) + line.replace(/^(#+|-|\d+\.)\s+/, '')))
      .join('\n');
    insert(area, start, end, text, text.length, text.length);
  };

  /** An image line of its own, blank lines around it, the cursor after "image:". */
  const image = (area, caption) => {
    const { selectionStart: start, selectionEnd: end, value } = area;
    const chosen = value.slice(start, end).trim() || caption;
    const before =
      start === 0
        ? ''
        : value.slice(Math.max(0, start - 2), start) === '\n\n'
          ? ''
          : value[start - 1] === '\n'
            ? '\n'
            : '\n\n';
    const after =
      end >= value.length
        ? ''
        : value.slice(end, end + 2) === '\n\n'
          ? ''
          : value[end] === '\n'
            ? '\n'
            : '\n\n';
    const line = `![${chosen.replace(/[\\[\]]/g, '\\$&')}](image:`;
    const text = `${before}${line})${after}`;
    insert(area, start, end, text, before.length + line.length, before.length + line.length);
  };

  const actions = {
    heading: (area, p) => markLines(area, () => '## ', p),
    bold: (area, p) => wrap(area, '**', '**', p),
    italic: (area, p) => wrap(area, '*', '*', p),
    bulleted: (area, p) => markLines(area, () => '- ', p),
    numbered: (area, p) => markLines(area, (i) => `${i + 1}. `, p),
    link: (area, p) => {
      const { selectionStart: start, selectionEnd: end, value } = area;
      const inner = value.slice(start, end) || p;
      const text = `[${inner}](https://)`;
      // The address is what is still to write: the cursor goes after https://.
      const at = text.length - 1;
      insert(area, start, end, text, at, at);
    },
    image: (area, p) => image(area, p),
  };

  for (const bar of d.querySelectorAll('[data-richtext-for]')) {
    const area = d.getElementById(bar.getAttribute('data-richtext-for'));
    if (!area || typeof area.setRangeText !== 'function') continue;
    const buttons = Array.from(bar.querySelectorAll('button[data-action]'));
    buttons.forEach((button, i) => (button.tabIndex = i === 0 ? 0 : -1));
    const current = (to) => buttons.forEach((button, i) => (button.tabIndex = i === to ? 0 : -1));
    const move = (to) => {
      current(to);
      buttons[to].focus();
    };
    bar.addEventListener('keydown', (event) => {
      const at = buttons.indexOf(d.activeElement);
      if (at < 0) return;
      const to = {
        ArrowRight: at + 1,
        ArrowDown: at + 1,
        ArrowLeft: at - 1,
        ArrowUp: at - 1,
        Home: 0,
        End: -1,
      }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      move((to + buttons.length) % buttons.length);
    });
    bar.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-action]');
      const action = button && actions[button.getAttribute('data-action')];
      if (!action) return;
      current(buttons.indexOf(button));
      action(area, button.getAttribute('data-placeholder') || '');
    });
    bar.hidden = false;
  }
})();
