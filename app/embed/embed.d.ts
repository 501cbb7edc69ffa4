// Types for <snapshot-console>, the Snapshot Console as a portal embeds it (README,
// "Embedding"). Checked against the console's code by app/tests/embed_types.rs, and
// compiled against a host in tests/types by the browser suite.

/** What an event is about: each part and field where the event knows it. */
export interface SnapshotConsoleDetail {
  snapshot?: { id?: number; name?: string };
  server?: { id?: number; name?: string };
}

/** Before a confirmed write: cancel it with `preventDefault()`; put the user's explanation in
 *  `detail.reason`, or the console says it in its own words. */
export interface SnapshotConsoleBeforeDetail extends SnapshotConsoleDetail {
  reason?: string;
}

/** A write the API refused or that failed on the way. */
export interface SnapshotConsoleErrorDetail extends SnapshotConsoleDetail {
  operation: 'create' | 'restore' | 'delete';
}

export interface SnapshotConsoleEventMap {
  'sc-ready': CustomEvent<SnapshotConsoleDetail>;
  'sc-signed-out': CustomEvent<SnapshotConsoleDetail>;
  'sc-auth-required': CustomEvent<SnapshotConsoleDetail>;
  'sc-snapshot-created': CustomEvent<SnapshotConsoleDetail>;
  'sc-snapshot-restore-started': CustomEvent<SnapshotConsoleDetail>;
  'sc-snapshot-deleted': CustomEvent<SnapshotConsoleDetail>;
  'sc-before-snapshot-create': CustomEvent<SnapshotConsoleBeforeDetail>;
  'sc-before-snapshot-restore': CustomEvent<SnapshotConsoleBeforeDetail>;
  'sc-before-snapshot-delete': CustomEvent<SnapshotConsoleBeforeDetail>;
  'sc-error': CustomEvent<SnapshotConsoleErrorDetail>;
}

/** The console's element. Strings go in as attributes: `api-base`, `server-id`, `lang`,
 *  `lang-menu`, `idempotency-keys`, `theme` (`auto`, `light` or `dark`). */
export interface SnapshotConsoleElement extends HTMLElement {
  /** Returns (a promise of) the host's API token, or null. Called at start, and once more
   *  when the API refuses a token. Never put the token in an attribute. */
  getToken?: (() => string | null | Promise<string | null>) | null;
  /** Reads the list again, for a host that knows it changed. */
  refresh(): void;
  addEventListener<K extends keyof SnapshotConsoleEventMap>(
    type: K,
    listener: (this: SnapshotConsoleElement, event: SnapshotConsoleEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'snapshot-console': SnapshotConsoleElement;
  }
  // The events bubble and are composed, so a listener on an ancestor or the document hears
  // them too.
  interface HTMLElementEventMap extends SnapshotConsoleEventMap {}
  interface DocumentEventMap extends SnapshotConsoleEventMap {}
}
