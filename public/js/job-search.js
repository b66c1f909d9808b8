// Job search: a changed filter or sort swaps in the new results, filters and map; the sort button
// hides, wide screens open the filters. Without it, or on any error, the form submits as usual.
(() => {
  const w = window;
  const d = document;
  const form = d.getElementById('job-search-form');
  const results = d.getElementById('job-results');
  const heading = d.getElementById('results-title');
  if (!form || !results || !heading || !w.fetch || !w.AbortController) return;
  let pending = null;
  form.classList.add('is-live');
  const panel = d.getElementById('job-filters');
  const wide = w.matchMedia('(min-width: 50rem)');
  const fit = () => panel && wide.matches && (panel.open = true);
  fit();
  wide.addEventListener('change', fit);

  const swap = (doc, selector) => {
    const now = d.querySelector(selector);
    const next = doc.querySelector(selector);
    if (!now !== !next) throw Error(selector);
    if (now) now.replaceWith(next);
  };

  const refresh = async (control) => {
    if (pending) pending.abort();
    const controller = (pending = new w.AbortController());
    const params = new w.URLSearchParams();
    for (const [name, value] of new w.FormData(form)) if (value.trim()) params.append(name, value);
    const url = new URL(form.getAttribute('action'), w.location.href);
    url.search = params;
    results.classList.add('is-loading');
    try {
      const response = await w.fetch(url, {
        credentials: 'same-origin',
        headers: { accept: 'text/html' },
        signal: controller.signal,
      });
      if (!response.ok) throw Error(response.status);
      const doc = new w.DOMParser().parseFromString(await response.text(), 'text/html');
      const next = doc.getElementById('job-results');
      const count = doc.getElementById('results-title');
      if (!next || !count || heading.parentNode !== results) throw Error('results');
      swap(doc, '.job-search__filters');
      swap(doc, '.job-filters__toggle');
      swap(doc, '.job-map');
      // The live heading stays; what is around it is new.
      count.remove();
      for (const node of [...results.childNodes]) if (node !== heading) node.remove();
      heading.after(...next.childNodes);
      heading.textContent = count.textContent;
      w.history.replaceState(null, '', url);
      d.title = doc.title;
      const again =
        [...form.elements].find(
          (el) => el.name === control.name && el.type === control.type && el.value === control.value,
        ) || d.getElementById(control.id);
      if (again && again !== d.activeElement) again.focus({ preventScroll: true });
    } catch (error) {
      if (error.name !== 'AbortError') {
        pending = null;
        form.submit();
      }
    } finally {
      if (pending === controller) {
        pending = null;
        results.classList.remove('is-loading');
      }
    }
  };

  form.addEventListener('change', (event) => {
    if (event.target.matches('[type=checkbox], [type=radio], select')) refresh(event.target);
  });
})();
