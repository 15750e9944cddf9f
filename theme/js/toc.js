// Marks the table-of-contents entry of the section being read.
export function tocSpy() {
  const links = [...document.querySelectorAll('.toc a[href^="#"]')];
  if (!links.length || !('IntersectionObserver' in window)) return;
  const byId = new Map(links.map((a) => [decodeURIComponent(a.hash.slice(1)), a]));
  const visible = new Set();
  const update = () => {
    const first = [...byId.keys()].find((id) => visible.has(id));
    if (!first) return;
    for (const [id, a] of byId) {
      if (id === first) a.setAttribute('aria-current', 'location');
      else a.removeAttribute('aria-current');
    }
  };
  const io = new IntersectionObserver((entries) => {
    for (const e of entries) {
      if (e.isIntersecting) visible.add(e.target.id);
      else visible.delete(e.target.id);
    }
    update();
  }, { rootMargin: '-64px 0px -60% 0px' });
  for (const id of byId.keys()) {
    const h = document.getElementById(id);
    if (h) io.observe(h);
  }
}
