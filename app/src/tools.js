// Loads the console's code that only "Copy as…" and "Export" need on their first click, so the
// first load carries none of it: a second wasm (crates/snapshot-tools) in tools/ among the
// console's files. wasm-bindgen serves this script from snippets/snapshot-console-<hash>/src/,
// three folders below them.
const TOOLS = new URL("../../../tools/snapshot_tools.js", import.meta.url);

let loading;
function tools() {
  loading ??= import(TOOLS)
    .then(async (tools) => (await tools.default(), tools))
    .catch((error) => {
      loading = undefined; // the next click tries again
      throw error;
    });
  return loading;
}

// The clipboard write starts within the click, with the text still to come, so browsers that
// ask for a gesture (Safari) take it.
export const copy_snippet = (...request) =>
  navigator.clipboard.write([
    new ClipboardItem({ "text/plain": tools().then((tools) => tools.snippet(...request)) }),
  ]);

export const save = (...rows) => tools().then((tools) => tools.save(...rows));
