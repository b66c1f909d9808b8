// Type-ahead for the talent pool's concept pickers. Without this script the "Sök" button re-renders
// the step with matches as checkboxes; with it, matches show as you type and a click ticks one.
(function () {
  'use strict';
  var lang = document.documentElement.lang === 'en' ? 'en' : 'sv';
  var inputs = document.querySelectorAll('input[data-picker]');
  Array.prototype.forEach.call(inputs, function (input) {
    var type = input.getAttribute('data-picker');
    var name = input.getAttribute('data-picker-name');
    var chosen = document.querySelector('[data-picker-chosen="' + name + '"]');
    if (!type || !name || !chosen) return;
    var list = document.createElement('ul');
    list.className = 'picker__suggestions';
    list.id = input.id + '-suggestions';
    list.hidden = true;
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-autocomplete', 'list');
    input.parentNode.parentNode.appendChild(list);
    var timer = 0;
    var seq = 0;
    function has(id) {
      return Array.prototype.some.call(chosen.querySelectorAll('input'), function (i) {
        return i.value === id;
      });
    }
    function pick(concept) {
      if (!has(concept.id)) {
        var div = document.createElement('div');
        div.className = 'choice';
        var box = document.createElement('input');
        box.type = 'checkbox';
        box.name = name;
        box.value = concept.id;
        box.id = name + '-' + concept.id;
        box.checked = true;
        var label = document.createElement('label');
        label.htmlFor = box.id;
        label.textContent = concept.label;
        div.appendChild(box);
        div.appendChild(label);
        chosen.appendChild(div);
      }
      input.value = '';
      list.hidden = true;
      list.textContent = '';
      input.focus();
    }
    function show(concepts) {
      list.textContent = '';
      concepts.forEach(function (c) {
        if (has(c.id)) return;
        var li = document.createElement('li');
        var b = document.createElement('button');
        b.type = 'button';
        b.textContent = c.label;
        b.addEventListener('click', function () {
          pick(c);
        });
        li.appendChild(b);
        list.appendChild(li);
      });
      list.hidden = list.children.length === 0;
    }
    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2 || q.length > 100) {
        list.hidden = true;
        return;
      }
      timer = window.setTimeout(function () {
        var mine = ++seq;
        var url =
          '/api/v1/taxonomy/concepts?type=' +
          encodeURIComponent(type) +
          '&q=' +
          encodeURIComponent(q) +
          '&lang=' +
          lang;
        window
          .fetch(url, { headers: { accept: 'application/json' } })
          .then(function (r) {
            return r.ok ? r.json() : { concepts: [] };
          })
          .then(function (body) {
            if (mine === seq) show(body.concepts || []);
          })
          .catch(function () {});
      }, 200);
    });
    // The suggestions are walked with the arrow keys (focus moves between them); Escape or
    // ArrowUp from the first goes back to the search field.
    list.addEventListener('keydown', function (e) {
      var buttons = Array.prototype.slice.call(list.querySelectorAll('button'));
      var at = buttons.indexOf(document.activeElement);
      if (at < 0) return;
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        buttons[Math.min(at + 1, buttons.length - 1)].focus();
      } else if (e.key === 'ArrowUp') {
        e.preventDefault();
        if (at === 0) input.focus();
        else buttons[at - 1].focus();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        list.hidden = true;
        input.focus();
      }
    });
    // Enter in a search field presses its own "Search" button, not the form's first one.
    var own = input.parentNode.querySelector('button[type="submit"]');
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && own) {
        e.preventDefault();
        own.click();
        return;
      }
      if (e.key === 'Escape') list.hidden = true;
      if (e.key === 'ArrowDown' && !list.hidden) {
        var first = list.querySelector('button');
        if (first) {
          e.preventDefault();
          first.focus();
        }
      }
    });
  });
})();
