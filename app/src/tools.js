// The console's code that only "Copy as…" and "Export" need, loaded on their first click
// so the first load carries none of it: a second wasm (crates/snapshot-tools) with the core's
// snippet and file writers, in tools/ among the console's files. wasm-bindgen serves this
// script from snippets/snapshot-console-<hash>/src/, three folders below them.
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

// Puts `request` (a fetch Request) on the clipboard as its snippet in `form`. The write starts
// within the click, with the text still to come, so browsers that ask for a gesture (Safari)
// take it.
export function copy_snippet(request, form) {
  const text = Promise.all([tools(), request.arrayBuffer()]).then(([t, body]) => {
    const headers = [...request.headers].flat();
    const snippet = t.snippet(request.method, request.url, headers, new Uint8Array(body), form);
    if (!snippet) throw new Error(`no snippet in ${form}`);
    return new Blob([snippet], { type: "text/plain" });
  });
  return navigator.clipboard.write([new ClipboardItem({ "text/plain": text })]);
}

// Saves `rows` (the list as shown, one array of fields per snapshot) as a CSV or JSON file,
// named for `server` and today.
export async function save(rows, server, csv) {
  const [name, text] = (await tools()).export(JSON.stringify(rows), server, Date.now(), csv);
  if (!text) throw new Error("the list could not be written");
  const type = csv ? "text/csv;charset=utf-8" : "application/json";
  const href = URL.createObjectURL(new Blob([text], { type }));
  Object.assign(document.createElement("a"), { href, download: name }).click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000); // once the download has read it
}
