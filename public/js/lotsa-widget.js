// Lotsa's career-page widget. An employer pastes
//   <div data-lotsa-widget="KEY" lang="sv"><a href="…/sv/widget/KEY">…</a></div>
//   <script src="https://…/static/js/lotsa-widget.js" async></script>
// and this script replaces the link with the widget: life in the region, the relocation help link
// and the employer's open jobs, read as JSON from the script's own origin (the only request it
// makes). It draws into a shadow root, so the host page's CSS and ours do not meet; it inherits the
// host's font and text colour, and the host may set --lotsa-accent, --lotsa-background,
// --lotsa-border, --lotsa-radius and --lotsa-gap on the element. No cookies, no storage, no other
// scripts, no eval; every text is set as text. If anything fails, the link stays.
(function () {
  'use strict';
  var script = document.currentScript;
  var base;
  try {
    base = new URL(script && script.src ? script.src : '').origin;
  } catch {
    return;
  }
  var KEY = /^[a-z0-9]{12,32}$/;
  var CSS =
    ':host{display:block;font:inherit;color:inherit;line-height:1.5}' +
    '*{box-sizing:border-box}' +
    '.w{display:grid;gap:var(--lotsa-gap,1rem);padding:var(--lotsa-gap,1rem);border:1px solid var(--lotsa-border,currentColor);border-radius:var(--lotsa-radius,.5rem);background:var(--lotsa-background,transparent);container-type:inline-size}' +
    '.w>section{min-width:0}' +
    '@container (min-width:40rem){.cols{display:grid;grid-template-columns:3fr 2fr;gap:calc(var(--lotsa-gap,1rem)*2)}}' +
    'h2,h3,h4{margin:0 0 .5em;font-size:1.25em;line-height:1.25;color:inherit}' +
    '.jobs h2,.jobs h3,.jobs h4{font-size:1.1em}' +
    'p{margin:0 0 .75em}' +
    'a{color:var(--lotsa-accent,inherit);text-decoration:underline;text-underline-offset:.15em}' +
    'a:hover{text-decoration-thickness:2px}' +
    'a:focus-visible{outline:3px solid var(--lotsa-accent,currentColor);outline-offset:2px;border-radius:2px}' +
    '.cta{display:inline-block;padding:.25em 0;font-weight:700}' +
    'ul{margin:0 0 .75em;padding:0;list-style:none}' +
    'li{padding:.4em 0;border-top:1px solid var(--lotsa-border,currentColor)}' +
    'li:last-child{border-bottom:1px solid var(--lotsa-border,currentColor)}' +
    'li a{display:inline-block;min-height:24px;font-weight:600}' +
    '.meta{display:block;font-size:.9em}' +
    '.src{font-size:.9em}' +
    '.from{margin:0;font-size:.85em}';
  var sheet = null;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      for (var name in attrs) {
        if (
          Object.prototype.hasOwnProperty.call(attrs, name) &&
          attrs[name] !== null &&
          attrs[name] !== undefined
        ) {
          node.setAttribute(name, attrs[name]);
        }
      }
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }
  function text(value) {
    return typeof value === 'string' ? value : '';
  }
  function href(value) {
    try {
      var url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch {
      return null;
    }
  }
  function link(url, label, className) {
    var target = href(url);
    return target ? el('a', { href: target, class: className }, [text(label)]) : null;
  }

  function render(host, data, key) {
    var life = data.life || {};
    var texts = data.texts || {};
    var level = Number(host.getAttribute('data-heading-level')) || 2;
    if (level < 2 || level > 5) level = 2;
    var h = 'h' + level;
    var sub = 'h' + (level + 1);
    var paragraphs = Array.isArray(life.paragraphs) ? life.paragraphs : [];
    var lifeSection = el('section', { 'aria-labelledby': 'lw-life' }, [
      el(h, { id: 'lw-life' }, [text(life.title)]),
    ]);
    paragraphs.forEach(function (p) {
      lifeSection.appendChild(el('p', null, [text(p)]));
    });
    if (life.source && life.source.name) {
      var source = link(life.source.url, life.source.name) || text(life.source.name);
      lifeSection.appendChild(el('p', { class: 'src' }, [text(texts.source) + ': ', source]));
    }
    if (data.navigator) {
      var nav = link(data.navigator.url, data.navigator.text, 'cta');
      if (nav) lifeSection.appendChild(el('p', null, [nav]));
    }
    var columns = el('div', { class: 'cols' }, [lifeSection]);
    var jobs = Array.isArray(data.jobs) ? data.jobs : [];
    // Whether the employer shows its jobs (an older answer without the flag: when it has any).
    var shown = data.showJobs === undefined ? jobs.length > 0 || data.moreJobsUrl : data.showJobs === true;
    if (shown) {
      var jobSection = el('section', { class: 'jobs', 'aria-labelledby': 'lw-jobs' }, [
        el(sub, { id: 'lw-jobs' }, [text(texts.jobs)]),
      ]);
      if (jobs.length) {
        var list = el('ul');
        jobs.forEach(function (job) {
          var a = link(job.url, job.title);
          if (!a) return;
          var meta = [
            text(job.municipality),
            job.deadline ? text(texts.deadline) + ' ' + text(job.deadline) : '',
          ]
            .filter(Boolean)
            .join(' · ');
          list.appendChild(el('li', null, [a, meta ? el('span', { class: 'meta' }, [meta]) : null]));
        });
        jobSection.appendChild(list);
      } else {
        jobSection.appendChild(el('p', null, [text(texts.noJobs)]));
      }
      var more = data.moreJobsUrl ? link(data.moreJobsUrl, texts.moreJobs) : null;
      if (more) jobSection.appendChild(el('p', null, [more]));
      var company =
        jobs.length || !data.organisation ? null : link(data.organisation.companyUrl, texts.company);
      if (company) jobSection.appendChild(el('p', null, [company]));
      columns.appendChild(jobSection);
    }
    var site = link(data.links && data.links.site, texts.from);
    var box = el('div', { class: 'w', lang: data.lang === 'en' ? 'en' : 'sv' }, [
      columns,
      site ? el('p', { class: 'from' }, [site]) : null,
    ]);
    var root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    if (!sheet && 'adoptedStyleSheets' in root && typeof window.CSSStyleSheet === 'function') {
      try {
        sheet = new window.CSSStyleSheet();
        sheet.replaceSync(CSS);
      } catch {
        sheet = null;
      }
    }
    while (root.firstChild) root.removeChild(root.firstChild);
    if (sheet) root.adoptedStyleSheets = [sheet];
    else root.appendChild(el('style', null, [CSS]));
    root.appendChild(box);
    host.setAttribute('data-lotsa-widget-key', key);
  }

  function load(host) {
    var key = host.getAttribute('data-lotsa-widget') || '';
    if (!KEY.test(key) || host.getAttribute('data-lotsa-widget-key') === key) return;
    if (typeof window.fetch !== 'function' || typeof host.attachShadow !== 'function') return;
    window
      .fetch(base + '/api/v1/widget/' + key, {
        credentials: 'omit',
        mode: 'cors',
        referrerPolicy: 'strict-origin-when-cross-origin',
        headers: { Accept: 'application/json' },
      })
      .then(function (response) {
        if (!response.ok) throw new Error('status ' + response.status);
        return response.json();
      })
      .then(function (data) {
        if (data && data.life) render(host, data, key);
      })
      .catch(function () {
        // The fallback link stays: it leads to the widget's own page.
      });
  }

  function start() {
    var hosts = document.querySelectorAll('[data-lotsa-widget]');
    for (var i = 0; i < hosts.length; i += 1) load(hosts[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
