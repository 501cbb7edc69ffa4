// Loads the console into a host page: the page adds
//   <link rel="stylesheet" href="PREFIX/console.css">
//   <div data-snapshot-console data-api-base="https://admin.vps.org/api/v1"></div>
//   <script type="module" src="PREFIX/embed.js"></script>
// Paths resolve against this file, so the console can live under any prefix.
import './stopped.js';
import init from './snapshot-console.js';

// The console fetches its other languages' texts from locales/ beside this file.
const host = document.querySelector('[data-snapshot-console]');
if (host && !host.dataset.assetBase) host.dataset.assetBase = new URL('./', import.meta.url).href;

init({ module_or_path: new URL('./snapshot-console_bg.wasm', import.meta.url) });
