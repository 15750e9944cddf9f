// The dev server's client, added to every page it serves: reload when a
// build succeeds, show the error over the page when one fails. The error
// is set as text, never parsed as HTML.
(() => {
  const es = new EventSource('/_dev/events');
  let box = null;
  es.addEventListener('reload', () => location.reload());
  es.addEventListener('failed', (e) => {
    if (!box) {
      box = document.createElement('div');
      box.id = 'dev-build-error';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;' +
        'background:rgba(20,20,20,.94);color:#ffd7d5;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap';
      document.body.append(box);
    }
    box.textContent = 'Build failed; still serving the last good site.\n\n' + JSON.parse(e.data);
  });
})();
