import type { TraceNode, TraceReport } from './trace-report.js';

const MARKS: Record<TraceNode['kind'], string> = { task: 'task', hook: 'HOOK', operation: 'operation', function: '' };

function describe(node: TraceNode): string {
  const parts = [node.name];
  const mark = MARKS[node.kind];
  if (mark) parts.push(`[${mark}${node.kind === 'hook' && node.operation ? ` → call ${node.operation}` : ''}]`);
  if (node.cacheWrites.length > 0) parts.push(`(writes cache ${node.cacheWrites.join(', ')})`);
  parts.push(`${node.file}:${node.line}`);
  if (node.stopped === 'recursion') parts.push('(recursive, not expanded)');
  if (node.stopped === 'depth') parts.push('(depth limit)');
  return parts.join('  ');
}

function lines(node: TraceNode, prefix: string, isLast: boolean, isRoot: boolean): string[] {
  const own = isRoot ? describe(node) : `${prefix}${isLast ? '└─ ' : '├─ '}${describe(node)}`;
  const childPrefix = isRoot ? '' : `${prefix}${isLast ? '   ' : '│  '}`;
  return [own, ...node.calls.flatMap((call, index) => lines(call, childPrefix, index === node.calls.length - 1, false))];
}

/** A tree per task, for reading in a terminal; hooks reached are summarised under each tree. */
export function formatTraceText(report: TraceReport): string {
  const out: string[] = [`${report.tasks.length} background task(s) in ${report.project}, traced ${report.maxDepth} call(s) deep`];
  for (const task of report.tasks) {
    out.push('', `${describe(task.root)}  (${task.registeredBy})`, ...lines(task.root, '', true, true).slice(1).map((line) => `  ${line}`));
    if (task.root.calls.length === 0) out.push('  (no calls into the project)');
    for (const path of task.hookPaths) out.push(`  ! reaches a hook: ${path.join(' → ')}`);
  }
  return `${out.join('\n')}\n`;
}
