/** The installed extension's manifest, the parts the tests read, checked by shape rather than trusted as `any`. */
import * as v from 'valibot';
import * as vscode from 'vscode';

/** The extension's id in the host. */
export const EXTENSION_ID = 'skillsmith.skillsmith';

const menuItem = v.looseObject({ command: v.string(), when: v.optional(v.string()) });

const manifestSchema = v.looseObject({
  contributes: v.looseObject({
    commands: v.array(v.looseObject({ command: v.string(), category: v.optional(v.string()) })),
    menus: v.record(v.string(), v.array(menuItem)),
  }),
});

/** The contributed commands and menus of the installed extension's package.json. */
export type Manifest = v.InferOutput<typeof manifestSchema>;

/** Reads the installed extension's manifest; fails naming the field when it is not of the shape the tests read. */
export function installedManifest(): Manifest {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in the host.`);
  return v.parse(manifestSchema, extension.packageJSON);
}
