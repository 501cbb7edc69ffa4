// The release console aborts on a panic (immediate-abort, see xtask/src/dist.rs): the wasm
// traps with a WebAssembly.RuntimeError and can no longer act. Without this, the page would
// just stop answering; this tells the user, in the console's own box, what to do.
const MESSAGE =
  'The console stopped after an internal error and can no longer act. Reload the page to ' +
  'carry on. Nothing is sent after it stopped, and your token stays in this tab.';

function stopped(error) {
  if (!(error instanceof WebAssembly.RuntimeError)) return;
  const mount = document.querySelector('snapshot-console, [data-snapshot-console]');
  const box = mount?.querySelector('.snapshot-console') ?? mount;
  if (!box || box.querySelector('[data-console-stopped]')) return;
  const banner = document.createElement('p');
  banner.role = 'alert';
  banner.dataset.consoleStopped = '';
  banner.className = 'sc-banner sc-banner-error';
  banner.textContent = MESSAGE;
  box.prepend(banner);
}

addEventListener('error', (event) => stopped(event.error));
addEventListener('unhandledrejection', (event) => stopped(event.reason));
