// Runs before the first paint (blocking, in <head>): applies the theme the
// reader chose earlier, so a dark page never flashes light. Absent choice:
// follow the system. Also marks that scripts run, for CSS that adapts.
(() => {
  const root = document.documentElement;
  root.classList.add('js');
  try {
    const t = localStorage.getItem('theme');
    if (t === 'light' || t === 'dark') root.dataset.theme = t;
  } catch {
    // storage can be disabled; the system preference then applies
  }
})();
