// A portal's TypeScript, compiled against the element's declarations (dist/) by
// types.spec.ts: it stops compiling if an event, its detail or a property goes missing.
import type { SnapshotConsoleElement } from '../../dist/embed.js';

const element = document.querySelector('snapshot-console');
if (element) {
  const typed: SnapshotConsoleElement = element;
  typed.getToken = async () => 'token from the portal session';
  typed.refresh();
  typed.addEventListener('sc-snapshot-created', (event) => {
    const id: number | undefined = event.detail.snapshot?.id;
    const server: string | undefined = event.detail.server?.name;
    console.log(id, server);
  });
  typed.addEventListener('sc-before-snapshot-restore', (event) => {
    event.preventDefault();
    event.detail.reason = 'Production restores need a change ticket.';
  });
  typed.addEventListener('sc-error', (event) => {
    const operation: 'create' | 'restore' | 'delete' = event.detail.operation;
    console.log(operation);
  });
  for (const name of ['sc-ready', 'sc-signed-out', 'sc-auth-required', 'sc-snapshot-restore-started',
    'sc-snapshot-deleted', 'sc-before-snapshot-create', 'sc-before-snapshot-delete'] as const) {
    typed.addEventListener(name, (event) => console.log(event.detail.snapshot?.name));
  }
}
// Through the document too: the events are composed and bubble.
document.addEventListener('sc-signed-out', (event) => console.log(event.detail));
