import * as vscode from 'vscode';
import { measureBudgets } from '../../core/skill/budgets';
import { formatCount } from '../../core/text/count';

/** A budget as the core measures it: what is used, the limit, and where to show it. */
interface Budget {
  readonly used: number;
  readonly limit: number;
}

/** Code lenses with the description's and the body's budgets: "description 812 / 1024 chars". */
export class BudgetLenses implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const budgets = measureBudgets(document.getText());
    const lenses: vscode.CodeLens[] = [];
    const { description, bodyLines, bodyTokens } = budgets;
    if (description.line !== undefined) {
      const title = vscode.l10n.t('description {0} / {1} chars', formatCount(description.used), formatCount(description.limit));
      lenses.push(lens(description.line, withOverBudget(title, description)));
    }
    const lines = vscode.l10n.t('body {0} / {1} lines', formatCount(bodyLines.used), formatCount(bodyLines.limit));
    const tokens = vscode.l10n.t('~{0} / {1} tokens', formatCount(bodyTokens.used), formatCount(bodyTokens.limit));
    lenses.push(lens(bodyLines.line, `${withOverBudget(lines, bodyLines)} · ${withOverBudget(tokens, bodyTokens)}`));
    return lenses;
  }
}

function withOverBudget(title: string, budget: Budget): string {
  return budget.used > budget.limit ? vscode.l10n.t('{0} (over budget)', title) : title;
}

/** A lens that only informs: it has a title and no command to run. */
function lens(line: number, title: string): vscode.CodeLens {
  return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), { title, command: '' });
}
