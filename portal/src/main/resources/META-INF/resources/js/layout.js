// Keeps the page's scroll padding equal to the sticky header's height (which grows when its contents wrap),
// so a heading, message or control scrolled to or focused never hides under the header, and focusing a
// control already in sight never scrolls the page.
(() => {
  const header = document.querySelector('.top');
  if (!header) return;
  const set = () => document.documentElement.style.setProperty('--header-height', `${header.offsetHeight}px`);
  set();
  new ResizeObserver(set).observe(header);
})();
