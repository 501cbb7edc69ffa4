// Loads the console into a host page, as its own element:
//   <link rel="stylesheet" href="PREFIX/console.css">
//   <snapshot-console api-base="https://admin.vps.org/api/v1"></snapshot-console>
//   <script type="module" src="PREFIX/embed.js"></script>
// or, as before, into <div data-snapshot-console data-api-base="…"></div>.
// Paths resolve against this file, so the console can live under any prefix.
import './stopped.js';
// `cargo xtask dist` puts the glue's and the wasm's hashed names in (xtask/src/hashed.rs).
import init, { connected } from './snapshot-console.js';

// The console's files are beside this file: its wasm, and its other languages' texts in
// locales/, which the console fetches itself.
const assetBase = new URL('./', import.meta.url).href;
let started;
const start = () => {
  started ??= init({ module_or_path: assetBase + 'snapshot-console_bg.wasm' });
};

/** `<snapshot-console>`: strings in as attributes, the host's token through `getToken`, what
 *  happened out as `sc-` events (README, "Embedding"; types in embed.d.ts). */
class SnapshotConsole extends HTMLElement {
  // `getToken`, a function the host sets returning (a promise of) its API token or null, is
  // a plain property the console reads when it needs a token: no accessor, so one the host
  // set before this class was defined is not hidden by it, and needs no upgrade step.

  connectedCallback() {
    if (!this.hasAttribute('asset-base')) this.setAttribute('asset-base', assetBase);
    // The first element starts the console; any later one asks it what to show.
    if (started) started.then(() => connected(this));
    else start();
  }

  /** Reads the list again, for a host that knows it changed. */
  refresh() { this.dispatchEvent(new Event('snapshot-console:refresh')); }
}

const mount = document.querySelector('[data-snapshot-console]');
if (mount) {
  mount.dataset.assetBase ||= assetBase;
  start();
}
customElements.define('snapshot-console', SnapshotConsole);
