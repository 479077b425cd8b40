// An extension like any other a user might install: it asks for Skillsmith's exports and tries to switch off
// its confirmations, then says what it found in a notification the e2e journey reads.
const vscode = require('vscode');

/** What another extension can reach through Skillsmith's exports, in one line. */
async function probe() {
  const skillsmith = vscode.extensions.getExtension('skillsmith.skillsmith');
  if (!skillsmith) return 'Skillsmith is not installed';
  const exported = await skillsmith.activate();
  const found = exported === undefined ? 'nothing' : `keys [${Object.keys(exported).join(', ')}]`;
  let replaced = 'no';
  try {
    exported.prompts.confirm = async () => true;
    replaced = 'yes';
  } catch {
    // Nothing there to replace, or frozen: what a user needs.
  }
  return `Skillsmith exports ${found}; confirmations replaced: ${replaced}`;
}

exports.activate = (context) => {
  context.subscriptions.push(
    vscode.commands.registerCommand('skillsmithProbe.showExports', async () => {
      await vscode.window.showInformationMessage(await probe());
    }),
  );
};
