// The theme button cycles system → light → dark and remembers the choice.
const ORDER = ['system', 'light', 'dark'];

function current() {
  return document.documentElement.dataset.theme || 'system';
}

export function themeToggle() {
  const btn = document.querySelector('.theme-toggle');
  if (!btn) return;
  const ICONS = { system: '◐', light: '☀', dark: '☾' };
  const icon = document.createElement('span');
  icon.className = 'icon';
  icon.setAttribute('aria-hidden', 'true');
  const words = document.createElement('span');
  words.className = 'label';
  btn.replaceChildren(icon, words);
  const label = () => {
    const state = current();
    icon.textContent = ICONS[state];
    words.textContent = `${btn.dataset.label}: ${btn.dataset[state]}`;
    btn.title = words.textContent;
  };
  btn.hidden = false;
  label();
  btn.addEventListener('click', () => {
    const next = ORDER[(ORDER.indexOf(current()) + 1) % ORDER.length];
    const root = document.documentElement;
    try {
      if (next === 'system') localStorage.removeItem('theme');
      else localStorage.setItem('theme', next);
    } catch {
      // not remembered, still applied
    }
    if (next === 'system') delete root.dataset.theme;
    else root.dataset.theme = next;
    label();
  });
}
