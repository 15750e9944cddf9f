// The language switch keeps the section. Twins have the same h2 and h3
// headings in the same order; the build lists the twin's ids on the link
// (data-sections), and the link points at the twin of the section being
// read: the last heading scrolled past, or the one the address names when
// it is on screen (a section near the end cannot scroll to the top).
export function langSwitch() {
  const a = document.querySelector('.lang-switch a[data-sections]');
  if (!a) return;
  const twins = a.dataset.sections.split(' ');
  const heads = [...document.querySelectorAll('main h2[id], main h3[id]')];
  if (heads.length !== twins.length) return;
  const base = a.href.split('#')[0];
  let queued = false;
  const update = () => {
    queued = false;
    // Under the sticky header: where a followed #link puts its heading.
    const line = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) + 8 || 8;
    let i = -1;
    heads.forEach((h, k) => {
      if (h.getBoundingClientRect().top <= line) i = k;
    });
    // The browser's own reading of the address (a fragment that is not
    // UTF-8 once decoded, #%E0%A4%A, names none; decodeURIComponent threw).
    const k = heads.findIndex((h) => h.matches(':target'));
    if (k > i && heads[k].getBoundingClientRect().top < innerHeight) i = k;
    a.href = i < 0 ? base : `${base}#${twins[i]}`;
  };
  const later = () => {
    if (!queued) requestAnimationFrame(update);
    queued = true;
  };
  addEventListener('scroll', later, { passive: true });
  addEventListener('hashchange', later);
  a.addEventListener('click', update);
  update();
}
