// The toolbox's copy buttons (progressive enhancement: without JavaScript the text is there to
// select, and the buttons stay hidden). Markup:
//   <button type="button" class="button copy-button" data-copy="ELEMENT_ID" data-copied="Kopierat!" hidden>Kopiera</button>
//   <span class="copy-status" role="status" data-copy-status="ELEMENT_ID"></span>   (optional)
// A click copies the element's value (a textarea or input) or its text, and says so in the status.
(function () {
  'use strict';
  function textOf(el) {
    return 'value' in el && typeof el.value === 'string' ? el.value : el.textContent || '';
  }
  function say(id, message) {
    var status = document.querySelector('[data-copy-status="' + id + '"]');
    if (status) {
      status.textContent = '';
      window.setTimeout(function () {
        status.textContent = message;
      }, 50);
    }
  }
  function fallbackCopy(el) {
    if (typeof el.select === 'function') {
      el.select();
      try {
        return document.execCommand('copy');
      } catch {
        return false;
      }
    }
    return false;
  }
  var buttons = document.querySelectorAll('button[data-copy]');
  for (var i = 0; i < buttons.length; i += 1) {
    (function (button) {
      var id = button.getAttribute('data-copy');
      var target = id ? document.getElementById(id) : null;
      if (!target) return;
      button.hidden = false;
      button.addEventListener('click', function () {
        var copied = button.getAttribute('data-copied') || '';
        var failed = button.getAttribute('data-copy-failed') || '';
        var text = textOf(target);
        if (window.navigator.clipboard && window.isSecureContext) {
          window.navigator.clipboard.writeText(text).then(
            function () {
              say(id, copied);
            },
            function () {
              say(id, fallbackCopy(target) ? copied : failed);
            },
          );
        } else {
          say(id, fallbackCopy(target) ? copied : failed);
        }
      });
    })(buttons[i]);
  }
})();
