// Job search: a changed filter or sort order fetches the search and swaps in its results, filters
// and map. Without this script, or on any error, the form submits as usual.
(() => {
  const w = window;
  const d = document;
  const form = d.getElementById('job-search-form');
  const results = d.getElementById('job-results');
  const heading = d.getElementById('results-title');
  if (!form || !results || !heading || !w.fetch || !w.AbortController) return;
  let pending = null;

  // Only the count heading is live: announce the count, not every new job.
  const live = d.getElementById('job-results-live');
  if (live && !heading.hasAttribute('aria-live')) {
    live.removeAttribute('aria-live');
    heading.setAttribute('aria-live', 'polite');
    heading.setAttribute('aria-atomic', 'true');
  }

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
      swap(doc, '.job-map');
      // The heading (the live region) stays; what is around it is new.
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
