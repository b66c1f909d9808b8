/* global crypto, localStorage, fetch, navigator, TextEncoder, btoa, clearTimeout, setInterval, BarcodeDetector */
/*
 * Check-in at the door (events/checkin): progressive enhancement of /admin/events/:id/checkin.
 * Without this script the page works with plain forms. With it:
 * - the event's registrations are loaded once (…/checkin/list.json, kept in memory only) and
 *   searched as you type, offline too;
 * - a typed or scanned ticket code is checked on the device (SHA-256 → base64url, matched against
 *   the list's ticketHash), so a forged or used ticket is answered at once;
 * - every check-in goes into a queue in localStorage (with a client id) and is sent to
 *   …/checkins when the network is there (the online event, and a retry timer with backoff); the
 *   server counts a resent check-in once;
 * - "Skanna QR-kod" where the browser has BarcodeDetector and a camera;
 * - the counts are refreshed every ~10 s while online.
 */
(() => {
  'use strict';
  const root = document.querySelector('.checkin[data-event]');
  const textsScript = document.querySelector('#checkin-texts script');
  if (!root || !textsScript) return;

  const TEXTS = JSON.parse(textsScript.textContent || '{}');
  const data = root.dataset;
  const eventId = data.event;
  const lang = data.lang === 'en' ? 'en' : 'sv';
  const QUEUE_KEY = `lotsa.checkin.queue.${eventId}`;
  const TICKET = /^LT1-[A-Za-z0-9_-]{20}$/;
  const MAX_BATCH = 200;
  const MAX_RESULTS = 25;
  const numbers = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sv-SE');
  const clock = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    hour: '2-digit',
    minute: '2-digit',
  });

  const $ = (selector) => root.querySelector(selector);
  const queueEl = $('#checkin-queue');
  const answerEl = $('#checkin-answer');
  const resultsEl = $('#checkin-results');
  const searchForm = $('#checkin-search-form');
  const searchInput = $('#q');
  const codeForm = $('#checkin-code-form');
  const codeInput = $('#code');
  const scanButton = $('#checkin-scan');
  const scanner = $('#checkin-scanner');
  const video = $('#checkin-video');

  /** A text of the page's catalogue with {name} filled in. */
  const t = (key, params = {}) =>
    String(TEXTS[key] ?? key).replace(/\{(\w+)\}/g, (whole, name) =>
      Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
    );
  const timeOf = (iso) => clock.format(new Date(iso));
  const clientId = () =>
    typeof crypto !== 'undefined' && crypto.randomUUID
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

  // ------------------------------------------------------------------ the queue on the device

  function validItem(item) {
    return (
      item &&
      typeof item === 'object' &&
      typeof item.clientId === 'string' &&
      item.clientId.length <= 64 &&
      (typeof item.registrationId === 'string' || typeof item.ticketCode === 'string') &&
      ['search', 'qr', 'manual'].includes(item.method)
    );
  }

  function loadQueue() {
    try {
      const stored = JSON.parse(localStorage.getItem(QUEUE_KEY) || '[]');
      return Array.isArray(stored) ? stored.filter(validItem) : [];
    } catch {
      return [];
    }
  }

  let queue = loadQueue();
  function saveQueue() {
    try {
      if (queue.length) localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
      else localStorage.removeItem(QUEUE_KEY);
    } catch {
      /* private mode or full: the queue still lives in this page */
    }
  }

  // ------------------------------------------------------------------ the list and the counts

  let list = null; // { registrations, byId, byHash }
  let serverCounts = null;
  let sentSomething = false;
  let problem = ''; // a sentence about sending, when there is one

  function readCounts() {
    const counts = {};
    for (const dd of root.querySelectorAll('[data-count]')) {
      counts[dd.dataset.count] = Number(dd.textContent.replace(/[^\d]/g, '')) || 0;
    }
    const label = root.querySelector('[data-count-label="confirmedRegistrations"]');
    const waiting = root.querySelector('[data-count-label="waiting"]');
    counts.confirmedRegistrations = label ? Number(label.textContent.replace(/[^\d]/g, '')) || 0 : 0;
    counts.waiting = waiting ? Number(waiting.textContent.replace(/[^\d]/g, '')) || 0 : 0;
    return counts;
  }

  /** The counts shown: the server's, plus the check-ins still waiting in the queue. */
  function showCounts() {
    if (!serverCounts) return;
    let people = 0;
    let registrations = 0;
    for (const item of queue) {
      const reg = item.registrationId && list ? list.byId.get(item.registrationId) : undefined;
      people += item.people || (reg ? reg.seats : 1);
      registrations += 1;
    }
    const shown = {
      ...serverCounts,
      checkedInPeople: serverCounts.checkedInPeople + people,
      checkedIn: serverCounts.checkedIn + registrations,
    };
    for (const dd of root.querySelectorAll('[data-count]')) {
      const value = shown[dd.dataset.count];
      if (typeof value === 'number') dd.textContent = numbers.format(value);
    }
    for (const el of root.querySelectorAll('[data-count-label]')) {
      const value = shown[el.dataset.countLabel];
      if (typeof value !== 'number') continue;
      el.textContent = String(el.dataset.template || '')
        .replace('{total}', numbers.format(value))
        .replace('{count}', numbers.format(value));
    }
  }

  async function loadList() {
    try {
      const response = await fetch(data.list, {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
        cache: 'no-store',
      });
      if (!response.ok) throw new Error(String(response.status));
      const body = await response.json();
      const registrations = Array.isArray(body.registrations) ? body.registrations : [];
      list = {
        registrations,
        byId: new Map(registrations.map((r) => [r.id, r])),
        byHash: new Map(registrations.map((r) => [r.ticketHash, r])),
      };
      // What waits in the queue is checked in here already.
      for (const item of queue) {
        const reg = item.registrationId ? list.byId.get(item.registrationId) : undefined;
        if (reg && !reg.checkedInAt) {
          reg.checkedInAt = item.recordedAt;
          reg.people = item.people;
          reg.pending = true;
        }
      }
      setAnswer(t('list.loaded', { count: numbers.format(registrations.length) }));
      showCounts();
      if (searchInput && searchInput.value.trim()) renderSearch();
    } catch {
      list = null;
      setAnswer(t('list.failed'));
    }
  }

  async function refreshCounts() {
    if (navigator.onLine === false || document.hidden) return;
    try {
      const response = await fetch(data.counts, {
        credentials: 'same-origin',
        headers: { accept: 'application/json' },
        cache: 'no-store',
      });
      if (!response.ok) return;
      serverCounts = await response.json();
      showCounts();
    } catch {
      /* offline: the next tick tries again */
    }
  }

  // ------------------------------------------------------------------ what the page says

  function setAnswer(text) {
    if (answerEl) answerEl.textContent = text;
  }

  function renderQueue() {
    if (!queueEl) return;
    let text = '';
    if (queue.length) {
      text = queue.length === 1 ? t('queue.waitingOne') : t('queue.waiting', { count: queue.length });
      if (navigator.onLine === false) text += `. ${t('queue.offline')}`;
      else if (problem) text += `. ${problem}`;
    } else if (sentSomething) {
      text = t('queue.sent');
    } else if (navigator.onLine === false) {
      text = t('queue.offline');
    }
    queueEl.textContent = text;
    queueEl.hidden = text === '';
  }

  // ------------------------------------------------------------------ checking in

  function outcomeSentence(result, reg) {
    const name = result.name || (reg ? reg.name : '');
    switch (result.outcome) {
      case 'checked_in':
        return result.people > 1
          ? t('outcome.checked_inPeople', { name, people: result.people })
          : t('outcome.checked_in', { name });
      case 'already':
        return t('outcome.already', { name, time: result.time || timeOf(result.checkedInAt) });
      case 'not_confirmed':
        return t('outcome.not_confirmed', {
          name,
          status: String(t(`status.${result.status}`)).toLowerCase(),
        });
      default:
        return t(`outcome.${result.outcome}`);
    }
  }

  /** Checks in a registration of the list on the device and queues it for the server. */
  function checkInLocal(reg, people, method) {
    if (reg.status !== 'confirmed') {
      setAnswer(outcomeSentence({ outcome: 'not_confirmed', status: reg.status }, reg));
      return;
    }
    if (reg.checkedInAt) {
      setAnswer(outcomeSentence({ outcome: 'already', checkedInAt: reg.checkedInAt }, reg));
      return;
    }
    const count = Math.max(1, Math.min(Number(people) || reg.seats, reg.seats));
    const recordedAt = new Date().toISOString();
    reg.checkedInAt = recordedAt;
    reg.people = count;
    reg.pending = true;
    queue.push({
      clientId: clientId(),
      registrationId: reg.id,
      people: count,
      recordedAt,
      method,
      offline: navigator.onLine === false,
    });
    saveQueue();
    setAnswer(
      navigator.onLine === false
        ? t('queue.queued', { name: reg.name })
        : outcomeSentence({ outcome: 'checked_in', people: count }, reg),
    );
    showCounts();
    renderQueue();
    if (searchInput && searchInput.value.trim()) renderSearch();
    void flush();
  }

  /** A ticket code typed or scanned: checked against the list on the device when it can be. */
  async function checkInCode(raw, method) {
    const code = raw.trim();
    if (!TICKET.test(code)) {
      setAnswer(t('outcome.invalid'));
      codeInput?.setAttribute('aria-invalid', 'true');
      return;
    }
    codeInput?.removeAttribute('aria-invalid');
    if (list && typeof crypto !== 'undefined' && crypto.subtle) {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(code));
      const hash = btoa(String.fromCharCode(...new Uint8Array(digest)))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
      const reg = list.byHash.get(hash);
      if (!reg) {
        setAnswer(t('outcome.unknown'));
        return;
      }
      if (codeInput) codeInput.value = '';
      checkInLocal(reg, reg.seats, method);
      return;
    }
    // No list on the device: the server judges the code when the queue is sent.
    queue.push({
      clientId: clientId(),
      ticketCode: code,
      recordedAt: new Date().toISOString(),
      method,
      offline: navigator.onLine === false,
    });
    saveQueue();
    if (codeInput) codeInput.value = '';
    setAnswer(t('queue.queued', { name: code }));
    renderQueue();
    void flush();
  }

  // ------------------------------------------------------------------ sending the queue

  let sending = false;
  let retryTimer = null;
  let retryDelay = 2000;

  function scheduleRetry(delay) {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void flush(), delay);
  }

  async function flush() {
    if (sending || queue.length === 0) {
      renderQueue();
      return;
    }
    if (navigator.onLine === false) {
      renderQueue();
      return;
    }
    clearTimeout(retryTimer);
    retryTimer = null;
    sending = true;
    const batch = queue.slice(0, MAX_BATCH);
    let again = false;
    try {
      const response = await fetch(data.batch, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-csrf-token': data.csrf,
        },
        body: JSON.stringify({ items: batch }),
      });
      if (response.ok) {
        const body = await response.json();
        const answered = new Set();
        const refusals = [];
        for (const result of body.results || []) {
          answered.add(result.clientId);
          const item = batch.find((i) => i.clientId === result.clientId);
          const reg = list && result.registrationId ? list.byId.get(result.registrationId) : undefined;
          const local = list && item && item.registrationId ? list.byId.get(item.registrationId) : undefined;
          if (result.outcome === 'checked_in' || result.outcome === 'already') {
            if (reg) {
              reg.checkedInAt = result.checkedInAt;
              reg.pending = false;
              if (result.people) reg.people = result.people;
            }
            if (result.outcome === 'already' && item && item.ticketCode)
              refusals.push(outcomeSentence(result, reg));
          } else {
            if (local) {
              local.checkedInAt = null;
              local.pending = false;
            }
            refusals.push(outcomeSentence(result, reg || local));
          }
        }
        queue = queue.filter((i) => !answered.has(i.clientId));
        saveQueue();
        sentSomething = true;
        problem = '';
        retryDelay = 2000;
        if (body.counts) serverCounts = body.counts;
        if (refusals.length) setAnswer(refusals.join(' '));
        again = queue.length > 0;
      } else if (response.status === 401 || response.status === 403) {
        problem = t('queue.signIn');
        scheduleRetry(30000);
      } else {
        throw new Error(String(response.status));
      }
    } catch {
      for (const item of batch) item.offline = true;
      saveQueue();
      problem = t('queue.retry', { seconds: Math.round(retryDelay / 1000) });
      scheduleRetry(retryDelay);
      retryDelay = Math.min(retryDelay * 2, 60000);
    } finally {
      sending = false;
    }
    showCounts();
    renderQueue();
    if (searchInput && searchInput.value.trim()) renderSearch();
    if (again) void flush();
  }

  // ------------------------------------------------------------------ the search on the device

  function element(tag, attributes = {}, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'className') el.className = value;
      else el.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children) if (child !== null && child !== undefined) el.append(child);
    return el;
  }

  function resultItem(reg, q) {
    const seats = reg.seats === 1 ? t('result.seat') : t('result.seats', { seats: reg.seats });
    const status = element(
      'span',
      { className: reg.status === 'confirmed' ? 'tag' : 'tag tag--muted' },
      t(`status.${reg.status}`),
    );
    const who = element(
      'div',
      { className: 'checkin-result__who' },
      element('strong', { className: 'checkin-result__name' }, reg.name),
      ' ',
      element('span', { className: 'admin-muted checkin-result__email' }, reg.email),
      ' ',
      element('span', { className: 'checkin-result__facts' }, `${seats} `, status),
    );
    const action = element('div', { className: 'checkin-result__action' });
    if (reg.checkedInAt) {
      const time = timeOf(reg.checkedInAt);
      action.append(
        element(
          'p',
          { className: 'checkin-result__done' },
          reg.people > 1
            ? t('result.checkedInPeople', { time, people: reg.people })
            : t('result.checkedIn', { time }),
        ),
      );
      if (!reg.pending) {
        const form = element(
          'form',
          { className: 'checkin-result__form', method: 'post', action: data.undo },
          element('input', { type: 'hidden', name: '_csrf', value: data.csrf }),
          element('input', { type: 'hidden', name: 'registration', value: reg.id }),
          element('input', { type: 'hidden', name: 'q', value: q }),
          element(
            'button',
            {
              className: 'button button--secondary',
              type: 'submit',
              'aria-label': t('result.undoNamed', { name: reg.name }),
            },
            t('result.undo'),
          ),
        );
        action.append(form);
      }
    } else if (reg.status === 'confirmed') {
      const wrap = element('div', { className: 'checkin-result__form' });
      let select = null;
      if (reg.seats > 1) {
        const id = `people-${reg.id}`;
        select = element('select', { className: 'input', id, name: 'people' });
        for (let n = 1; n <= reg.seats; n += 1)
          select.append(element('option', { value: n, selected: n === reg.seats }, String(n)));
        wrap.append(
          element(
            'div',
            { className: 'field checkin-result__people' },
            element(
              'label',
              { className: 'field__label', for: id },
              t('result.peopleNamed', { name: reg.name }),
            ),
            select,
          ),
        );
      }
      const button = element(
        'button',
        { className: 'button', type: 'button', 'aria-label': t('result.checkinNamed', { name: reg.name }) },
        t('result.checkin'),
      );
      button.addEventListener('click', () => checkInLocal(reg, select ? select.value : reg.seats, 'search'));
      wrap.append(button);
      action.append(wrap);
    }
    return element(
      'li',
      { className: reg.checkedInAt ? 'checkin-result checkin-result--in' : 'checkin-result' },
      who,
      action,
    );
  }

  function renderSearch() {
    if (!list || !resultsEl || !searchInput) return;
    const q = searchInput.value.trim().slice(0, 100);
    const box = document.createDocumentFragment();
    if (q.length === 0) {
      resultsEl.replaceChildren();
      return;
    }
    if (q.length < 2) {
      box.append(element('p', {}, t('search.tooShort')));
      resultsEl.replaceChildren(box);
      return;
    }
    const needle = q.toLowerCase();
    const found = [];
    for (const reg of list.registrations) {
      if (reg.name.toLowerCase().includes(needle) || reg.email.toLowerCase().includes(needle)) {
        found.push(reg);
        if (found.length > MAX_RESULTS) break;
      }
    }
    if (found.length === 0) {
      box.append(element('p', {}, t('search.none', { q })));
    } else {
      box.append(element('h3', { id: 'checkin-results-title' }, t('search.results', { q })));
      const ul = element('ul', { className: 'checkin-results', 'aria-labelledby': 'checkin-results-title' });
      for (const reg of found.slice(0, MAX_RESULTS)) ul.append(resultItem(reg, q));
      box.append(ul);
      if (found.length > MAX_RESULTS)
        box.append(element('p', { className: 'admin-muted' }, t('search.more', { count: MAX_RESULTS })));
    }
    resultsEl.replaceChildren(box);
  }

  // ------------------------------------------------------------------ the camera

  let stream = null;
  let scanning = false;

  async function startScan() {
    try {
      const detector = new BarcodeDetector({ formats: ['qr_code'] });
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
        audio: false,
      });
      video.srcObject = stream;
      scanner.hidden = false;
      await video.play();
      scanning = true;
      scanButton.textContent = t('code.stopScan');
      let lastOther = 0;
      const tick = async () => {
        if (!scanning) return;
        try {
          const codes = await detector.detect(video);
          for (const found of codes) {
            const value = String(found.rawValue || '').trim();
            if (TICKET.test(value)) {
              stopScan();
              if (codeInput) codeInput.value = value;
              await checkInCode(value, 'qr');
              return;
            }
            if (Date.now() - lastOther > 3000) {
              lastOther = Date.now();
              setAnswer(t('scan.notTicket'));
            }
          }
        } catch {
          /* a frame that could not be read */
        }
        setTimeout(() => void tick(), 200);
      };
      void tick();
    } catch {
      stopScan();
      setAnswer(t('scan.noCamera'));
    }
  }

  function stopScan() {
    scanning = false;
    if (stream) for (const track of stream.getTracks()) track.stop();
    stream = null;
    if (video) video.srcObject = null;
    if (scanner) scanner.hidden = true;
    if (scanButton) scanButton.textContent = t('code.scan');
  }

  async function offerScanner() {
    if (!scanButton || !video || !scanner) return;
    if (!('BarcodeDetector' in window) || !navigator.mediaDevices?.getUserMedia) return;
    try {
      const formats = await BarcodeDetector.getSupportedFormats();
      if (!formats.includes('qr_code')) return;
      const devices = await navigator.mediaDevices.enumerateDevices();
      if (!devices.some((d) => d.kind === 'videoinput')) return;
    } catch {
      return;
    }
    scanButton.hidden = false;
    scanButton.addEventListener('click', () => (scanning ? stopScan() : void startScan()));
  }

  // ------------------------------------------------------------------ wiring

  codeForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    void checkInCode(codeInput ? codeInput.value : '', 'manual');
  });
  searchForm?.addEventListener('submit', (event) => {
    if (!list) return; // the server searches
    event.preventDefault();
    renderSearch();
  });
  searchInput?.addEventListener('input', () => renderSearch());
  window.addEventListener('online', () => {
    retryDelay = 2000;
    problem = '';
    if (!list) void loadList();
    void refreshCounts();
    void flush();
  });
  window.addEventListener('offline', () => renderQueue());

  serverCounts = readCounts();
  // Counts shown by the server already include nothing of the queue; show both.
  showCounts();
  renderQueue();
  void loadList().then(() => flush());
  setInterval(() => void refreshCounts(), 10000);
  void offerScanner();
})();
