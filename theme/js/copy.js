// A Copy button on every code block that is not a playground (a
// playground's toolbar has its own): the hchan struct, text diagrams. It
// says what happened in its own words and in a status for screen readers;
// where the clipboard is refused, it selects the code for the reader's
// own copy.
const words = {
  pt: ['Copiar', 'Copiado', 'Código copiado.', 'Código selecionado: tecle Ctrl+C para copiar.'],
  en: ['Copy', 'Copied', 'Code copied.', 'Code selected: press Ctrl+C to copy.'],
};

export function copyButtons() {
  const [copy, done, copied, selected] = words[document.documentElement.lang.slice(0, 2)] || words.en;
  for (const pre of document.querySelectorAll('pre.code')) {
    if (pre.closest('[data-playground]')) continue;
    let box = pre.parentElement;
    if (!box.matches('.snippet')) {
      box = document.createElement('div');
      pre.before(box);
      box.append(pre);
    }
    box.classList.add('copyable');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'copy';
    b.textContent = copy;
    const status = document.createElement('span');
    status.className = 'copy-status';
    status.setAttribute('role', 'status');
    let timer;
    b.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(pre.textContent);
        b.textContent = done;
        status.textContent = copied;
      } catch {
        getSelection().selectAllChildren(pre);
        status.textContent = selected;
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        b.textContent = copy;
        status.textContent = '';
      }, 2500);
    });
    box.append(b, status);
  }
}
