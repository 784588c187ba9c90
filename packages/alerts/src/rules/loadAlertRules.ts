import { readFile } from 'node:fs/promises';
import type { AlertRule } from './alertRule.js';
import { AlertRulesError } from './alertRulesError.js';
import { parseAlertRules } from './parseAlertRules.js';

/**
 * Reads and validates the rules file named by `ALERT_RULES` (see {@link parseAlertRules}).
 * A file that cannot be read is an {@link AlertRulesError} naming the file and the setting.
 */
export async function loadAlertRules(file: string): Promise<AlertRule[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new AlertRulesError(file, [
      `${file}: cannot read the alert rules file named by ALERT_RULES (${reason})`,
    ]);
  }
  return parseAlertRules(text, file);
}
