// Inside the flow, steps replace the current history entry, so the history holds little.
document.addEventListener('DOMContentLoaded', () => {
  for (const link of document.querySelectorAll('a[data-replace]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      window.location.replace(link.href);
    });
  }
  const start = document.getElementById('start-form');
  if (!start) return;
  start.addEventListener('submit', (event) => {
    const age = start.querySelector('input[name="age"]:checked');
    if (!age) return;
    event.preventDefault();
    if (age.value === 'under') {
      window.location.replace(start.dataset.hash);
    } else if (age.value === 'over') {
      window.location.replace(start.dataset.adult);
    } else {
      const help = document.getElementById('unsure-help');
      help.hidden = false;
      help.focus();
    }
  });
});
