// Quick exit: the button, or Shift pressed three times in a row within a few seconds (the GOV.UK
// "Exit this page" pattern; not Esc, which closes dialogs). The page is hidden at once and replaced by a
// neutral one; as every in-site step replaces the same history entry (flow.js), Back leaves no page of
// this site. Pages that warn before leaving stop warning on the "quickexit" event.
(() => {
  const PRESSES = 3;
  const WITHIN_MS = 5000;
  let presses = [];

  function leave() {
    const exit = document.getElementById('quick-exit');
    if (!exit) return;
    window.dispatchEvent(new Event('quickexit'));
    document.documentElement.style.visibility = 'hidden';
    window.location.replace(exit.dataset.url);
  }

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Shift') { presses = []; return; }
    if (event.repeat) return;
    const now = Date.now();
    presses = presses.filter((at) => now - at < WITHIN_MS);
    presses.push(now);
    if (presses.length >= PRESSES) { presses = []; leave(); }
  });

  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest('#quick-exit')) {
      event.preventDefault();
      leave();
    }
  });
})();
