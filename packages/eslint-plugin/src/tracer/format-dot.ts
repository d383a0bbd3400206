import type { TraceNode, TraceReport } from './trace-report.js';

const SHAPES: Record<TraceNode['kind'], string> = {
  task: 'shape=box, style=bold',
  hook: 'shape=octagon, color=red, fontcolor=red',
  operation: 'shape=box, style=rounded, color=darkgreen',
  function: 'shape=ellipse',
};

function quote(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/** A Graphviz digraph of every traced task; functions shared by several tasks appear once. */
export function formatTraceDot(report: TraceReport): string {
  const nodes = new Map<string, TraceNode>();
  const edges = new Set<string>();
  const idOf = (node: TraceNode): string => `${node.file}:${node.line}:${node.name}`;
  const visit = (node: TraceNode): void => {
    if (!nodes.has(idOf(node)) || node.kind === 'task') nodes.set(idOf(node), node);
    for (const call of node.calls) {
      edges.add(`  ${quote(idOf(node))} -> ${quote(idOf(call))};`);
      visit(call);
    }
  };
  for (const task of report.tasks) visit(task.root);
  const out = ['digraph steadfast_trace {', '  rankdir=LR;'];
  for (const [id, node] of nodes) {
    const label = [node.name, ...node.cacheWrites.map((cache) => `writes ${cache}`)].join('\\n');
    out.push(`  ${quote(id)} [label=${quote(label).replace(/\\\\n/g, '\\n')}, ${SHAPES[node.kind]}];`);
  }
  out.push(...edges, '}');
  return `${out.join('\n')}\n`;
}
