import { type SlotPath, slotKey, type ValidationIssue } from '../../../forms/index.ts';
import { slotDomId } from '../../workspace/form-view.ts';

/** forms/ issues grouped by the slot they concern; issues about no single field are "general". */
export function errorsBySlot(issues: readonly ValidationIssue[]): {
  bySlot: Record<string, string[]>;
  general: string[];
} {
  const bySlot: Record<string, string[]> = {};
  const general: string[] = [];
  for (const issue of issues) {
    const path = issue.path;
    let key: string | undefined;
    if (path.length === 1 && typeof path[0] === 'string') key = path[0];
    else if (
      path.length === 3 &&
      typeof path[0] === 'string' &&
      typeof path[1] === 'number' &&
      typeof path[2] === 'string'
    ) {
      key = slotKey(path as unknown as SlotPath);
    } else if (path.length >= 1 && typeof path[0] === 'string') {
      key = path[0];
    }
    if (key === undefined) general.push(issue.message);
    else bySlot[key] = [...(bySlot[key] ?? []), issue.message];
  }
  return { bySlot, general };
}

/** Each issue with the anchor of the field (or the group of rows) it concerns, for the summary's links. */
export function issueLinks(issues: readonly ValidationIssue[]): { href: string; message: string }[] {
  return issues.map((issue) => {
    const [first, index, name] = issue.path;
    const key =
      typeof first === 'string' && typeof index === 'number' && typeof name === 'string'
        ? slotKey([first, index, name] as unknown as SlotPath)
        : typeof first === 'string'
          ? first
          : undefined;
    return { href: key ? `#${slotDomId(key)}` : '#main', message: issue.message };
  });
}
