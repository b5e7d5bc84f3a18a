// Quick exit: leave for a neutral page, replacing this one in the history.
document.addEventListener('DOMContentLoaded', () => {
  const exit = document.getElementById('quick-exit');
  if (!exit) return;
  exit.addEventListener('click', (event) => {
    event.preventDefault();
    window.location.replace(exit.dataset.url);
  });
});
