// Job search: when a filter, the sort order or the time range changes, fetch the page for the new
// search and swap in its results, filters and map; keep focus on the control; announce the count.
// Progressive enhancement only: without it (or on any error) the form submits as usual.
(() => {
  const w = window;
  const d = document;
  const form = d.getElementById('job-search-form');
  if (!form || !w.fetch || !w.DOMParser || !w.AbortController || !w.history.replaceState) return;
  let pending = null;

  // Announce only the count, not every new job card: the live region is the count heading.
  const heading = () => d.getElementById('results-title');
  const live = d.getElementById('job-results-live');
  if (live && live.hasAttribute('aria-live') && heading() && !heading().hasAttribute('aria-live')) {
    live.removeAttribute('aria-live');
    heading().setAttribute('aria-live', 'polite');
    heading().setAttribute('aria-atomic', 'true');
  }

  const swap = (doc, selector) => {
    const now = d.querySelector(selector);
    const next = doc.querySelector(selector);
    if (!now !== !next) throw new Error(selector);
    if (now) now.replaceWith(d.adoptNode(next));
  };

  const refresh = async (control) => {
    if (pending) pending.abort();
    const controller = new w.AbortController();
    pending = controller;
    const params = new w.URLSearchParams();
    for (const [name, value] of new w.FormData(form)) {
      if (typeof value === 'string' && value.trim()) params.append(name, value);
    }
    const url = new URL(form.getAttribute('action'), w.location.href);
    url.search = params.toString();
    const results = d.getElementById('job-results');
    try {
      results.classList.add('is-loading');
      const response = await w.fetch(url.href, {
        credentials: 'same-origin',
        headers: { accept: 'text/html' },
        signal: controller.signal,
      });
      if (!response.ok) throw new Error(String(response.status));
      const doc = new w.DOMParser().parseFromString(await response.text(), 'text/html');
      if (pending !== controller) return;
      const next = doc.getElementById('job-results');
      const nextHeading = next && next.querySelector('#results-title');
      const nowHeading = heading();
      if (!nextHeading || !nowHeading || !results.contains(nowHeading)) throw new Error('results');
      swap(doc, '.job-search__filters');
      swap(doc, '.job-map');
      // The count heading stays in place (it is the live region); everything around it is new.
      nextHeading.remove();
      for (const node of [...results.childNodes]) if (node !== nowHeading) node.remove();
      nowHeading.after(...[...next.childNodes].map((node) => d.adoptNode(node)));
      nowHeading.textContent = nextHeading.textContent;
      w.history.replaceState(null, '', url.href);
      d.title = doc.title;
      const again =
        [...form.querySelectorAll('input, select')].find(
          (el) => el.name === control.name && el.type === control.type && el.value === control.value,
        ) || d.getElementById(control.id);
      if (again && d.activeElement !== again) again.focus({ preventScroll: true });
    } catch (error) {
      if (error && error.name === 'AbortError') return;
      pending = null;
      form.submit();
    } finally {
      if (pending === controller) {
        pending = null;
        results.classList.remove('is-loading');
      }
    }
  };

  form.addEventListener('change', (event) => {
    const el = event.target;
    if (el.matches('input[type="checkbox"], input[type="radio"], select')) refresh(el);
  });
})();
