// On narrow screens the page list hides behind a Menu button.
export function menu() {
  const btn = document.querySelector('.nav-toggle');
  const nav = document.getElementById('sidebar');
  if (!btn || !nav) return;
  const root = document.documentElement;
  btn.hidden = false;
  const set = (open) => {
    root.classList.toggle('nav-open', open);
    btn.setAttribute('aria-expanded', String(open));
  };
  btn.addEventListener('click', () => {
    const open = btn.getAttribute('aria-expanded') !== 'true';
    set(open);
    if (open) nav.querySelector('a')?.focus();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && root.classList.contains('nav-open')) {
      set(false);
      btn.focus();
    }
  });
  nav.addEventListener('click', (e) => {
    if (e.target.closest('a')) set(false);
  });
}
