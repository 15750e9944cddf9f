// Stepped diagrams. A drawing made of several <g class="step"> groups (the
// tri-color marking, for one) shows one step at a time, with Previous and
// Next buttons and the arrow keys, and a button back to all steps. Without
// JavaScript every step is drawn, one under the other, which reads fine:
// this only saves the reader from scrolling between states.

const words = {
  pt: { prev: 'Anterior', next: 'Próximo', all: 'Todos os passos', one: 'Passo a passo', step: (i, n) => `Passo ${i} de ${n}` },
  en: { prev: 'Previous', next: 'Next', all: 'All steps', one: 'Step by step', step: (i, n) => `Step ${i} of ${n}` },
};

export function steppers() {
  const w = words[document.documentElement.lang.slice(0, 2)] || words.en;
  for (const fig of document.querySelectorAll('figure.diagram')) {
    const svg = fig.querySelector('svg');
    const steps = svg ? [...svg.querySelectorAll(':scope > g.step')] : [];
    if (steps.length > 1) stepper(fig, svg, steps, w);
  }
}

function stepper(fig, svg, steps, w) {
  const full = svg.getAttribute('viewBox');
  const [, , width] = full.split(' ').map(Number);
  // A legend (<g class="legend">, under the last step) follows the step
  // shown, at the distance it has from the last one.
  const legend = svg.querySelector(':scope > g.legend');
  const legendBox = legend?.getBBox();
  const last = steps[steps.length - 1].getBBox();
  const gap = legend ? legendBox.y - (last.y + last.height) : 0;
  const nav = document.createElement('div');
  nav.className = 'steps';
  nav.setAttribute('role', 'group');
  nav.setAttribute('aria-label', svg.querySelector('title')?.textContent || '');
  const button = (label, action) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.stepAction = action;
    nav.append(b);
    return b;
  };
  const prev = button(w.prev, 'prev');
  const status = document.createElement('span');
  status.className = 'status';
  status.setAttribute('aria-live', 'polite');
  nav.append(status);
  const next = button(w.next, 'next');
  const mode = button(w.all, 'all');
  fig.insertBefore(nav, svg.nextSibling);

  let current = 0; // index of the step shown; -1 shows them all
  const show = (i) => {
    current = i;
    const all = i < 0;
    steps.forEach((g, k) => { g.style.display = all || k === i ? '' : 'none'; });
    if (all) {
      svg.setAttribute('viewBox', full);
      legend?.removeAttribute('transform');
    } else {
      // Crop the drawing to the step, and the legend moved under it,
      // across the full width so the scale does not jump from one step to
      // the next.
      const b = steps[i].getBBox();
      let h = b.height;
      if (legend) {
        const dy = b.y + b.height + gap - legendBox.y;
        legend.setAttribute('transform', `translate(0 ${dy})`);
        h += gap + legendBox.height;
      }
      svg.setAttribute('viewBox', `0 ${Math.floor(b.y - 8)} ${width} ${Math.ceil(h + 16)}`);
    }
    prev.hidden = next.hidden = all;
    prev.disabled = i <= 0;
    next.disabled = all || i >= steps.length - 1;
    status.textContent = all ? '' : w.step(i + 1, steps.length);
    mode.textContent = all ? w.one : w.all;
    mode.dataset.stepAction = all ? 'one' : 'all';
  };
  prev.addEventListener('click', () => show(Math.max(0, current - 1)));
  next.addEventListener('click', () => show(Math.min(steps.length - 1, current + 1)));
  mode.addEventListener('click', () => show(current < 0 ? 0 : -1));
  nav.addEventListener('keydown', (e) => {
    if (current < 0) return;
    if (e.key === 'ArrowRight' && current < steps.length - 1) show(current + 1);
    else if (e.key === 'ArrowLeft' && current > 0) show(current - 1);
    else return;
    e.preventDefault();
  });
  // Paper gets every step, whatever the screen showed.
  let before = 0;
  addEventListener('beforeprint', () => { before = current; show(-1); });
  addEventListener('afterprint', () => show(before));
  show(0);
}
