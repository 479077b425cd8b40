// The seeded emulator's admin routes, for journeys that need the service to fail or change under the workbench.
import * as assert from 'node:assert/strict';

/**
 * Calls `METHOD /_emulator/<route>` with `body` as JSON (e.g. `POST faults` with a fault rule, `DELETE faults`,
 * `POST fill`, `POST reset`) and checks that the emulator accepted it.
 */
export async function emulatorAdmin(emulatorUrl, method, route, body) {
  const response = await fetch(`${emulatorUrl}/_emulator/${route}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.ok, `the emulator's ${method} ${route} answered HTTP ${response.status}`);
}
