// Every step inside the site replaces the current history entry, so the whole visit holds a single
// entry and Quick exit leaves nothing of this site behind Back. Links open in place of the current page;
// forms are sent in the background and their answer shown in place of this page.
(() => {
  // A plain left click on a link that this tab follows: not Quick exit, a download, or another tab or window.
  function plainClick(event, link) {
    if (!link || event.defaultPrevented || event.button !== 0) return false;
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return false;
    return !(link.id === 'quick-exit' || link.hasAttribute('download') || (link.target && link.target !== '_self'));
  }

  // Before a link takes this page away, a page that holds something kept nowhere else (the receipt's case key) may
  // stop it by cancelling the "leaving" event: Safari on iOS has no beforeunload, so this is where such a page asks.
  function mayLeave() {
    return window.dispatchEvent(new Event('leaving', { cancelable: true }));
  }

  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!plainClick(event, link)) return;
    const url = new URL(link.href, document.baseURI);
    if (url.origin !== location.origin) {
      if (!mayLeave()) event.preventDefault();
      return;
    }
    event.preventDefault();
    if (url.pathname === location.pathname && url.search === location.search && url.hash) {
      // A link within the page (the skip link) also moves focus to its target.
      window.location.replace(link.href);
      const target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
      if (target) target.focus();
      return;
    }
    if (navigator.onLine === false) { offlineLink(); return; }
    if (mayLeave()) window.location.replace(link.href);
  });

  // A form's answer, shown in place of this page: title, language and direction, body, the address it came from, and
  // its page script when this page did not load it yet.
  async function show(response) {
    const html = await response.text();
    const next = new DOMParser().parseFromString(html, 'text/html');
    document.title = next.title;
    document.documentElement.lang = next.documentElement.lang;
    document.documentElement.dir = next.documentElement.dir;
    // The focus is set below; an autofocus in the answer would take it later, in some engines (WebKitGTK).
    for (const el of next.body.querySelectorAll('[autofocus]')) el.removeAttribute('autofocus');
    document.body.replaceWith(document.adoptNode(next.body));
    history.replaceState(null, '', response.url);
    for (const script of next.querySelectorAll('head script[type="module"][src]')) {
      await import(new URL(script.getAttribute('src'), location.href).href);
    }
    const focus = document.querySelector('[role="alert"]') || document.querySelector('h1');
    if (focus) { if (!focus.hasAttribute('tabindex')) focus.setAttribute('tabindex', '-1'); focus.focus(); }
  }

  document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post' || form.id === 'start-form') return;
    if (new URL(form.action).origin !== location.origin) return;
    event.preventDefault();
    try {
      const response = await fetch(form.action, {
        method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin',
        referrerPolicy: 'no-referrer', cache: 'no-store',
      });
      await show(response);
    } catch (e) {
      offline(form);
    }
  });

  // No answer came (no connection): the page stays, with what was typed, and says so (in the form's own words
  // when it has them, data-offline: what no answer means for that form); sending the form the browser's way
  // would show its own error page, without Quick exit, and lose the answers.
  function offline(form) {
    sayOffline(form, form.dataset.offline || document.body.dataset.tOffline);
  }

  // The note, first in the container (made once, then reused), read out and focused.
  function sayOffline(container, text) {
    let note = container.querySelector(':scope > .offline');
    if (!note) {
      note = document.createElement('p');
      note.className = 'error offline';
      note.setAttribute('role', 'alert');
      note.tabIndex = -1;
      container.prepend(note);
    }
    note.textContent = text;
    note.focus();
  }

  // A link followed while the device knows it has no connection: the page stays, with Quick exit, and says so at the
  // top of its content (the browser's own error page has no Quick exit).
  function offlineLink() {
    sayOffline(document.getElementById('main'), document.body.dataset.tOfflineLink);
  }

  // Leaving a page wipes case keys from its forms, so the back/forward cache can't show them again.
  window.addEventListener('pagehide', () => {
    for (const field of document.querySelectorAll('input[name="caseKey"]')) field.value = '';
  });

  function setUpStart() {
    const start = document.getElementById('start-form');
    if (!start) return;
    // The age question speaks to whoever is filling it in: the young person, or an adult helping them.
    const legend = document.getElementById('age-legend');
    const unsure = document.getElementById('unsure-help');
    const words = () => {
      const helper = start.querySelector('input[name="who"]:checked')?.value === 'helper';
      legend.textContent = helper ? legend.dataset.helper : legend.dataset.self;
      unsure.textContent = helper ? unsure.dataset.helper : unsure.dataset.self;
    };
    for (const who of start.querySelectorAll('input[name="who"]')) who.addEventListener('change', words);
    words();
    start.addEventListener('submit', (event) => {
      const age = start.querySelector('input[name="age"]:checked');
      if (!age) return;
      event.preventDefault();
      if (age.value !== 'unsure' && navigator.onLine === false) {
        offline(start);
      } else if (age.value === 'under') {
        window.location.replace(start.dataset.hash);
      } else if (age.value === 'over') {
        window.location.replace(start.dataset.adult);
      } else {
        unsure.hidden = false;
        unsure.focus();
      }
    });
  }
  document.addEventListener('DOMContentLoaded', setUpStart);
})();
