import type { HistoryEvent } from '../history/history-event.js';

/** Renders witness events as an indented excerpt, times relative to the first one. */
export function formatWitness(witness: readonly HistoryEvent[], limit = 12): string {
  if (witness.length === 0) return '      (no events: see the message)';
  const origin = witness[0]?.t ?? 0;
  const lines = witness.slice(0, limit).map((e) => {
    const parts = [`+${(e.t - origin).toFixed(1)}ms`.padStart(11), `pid ${e.pid}`, e.type];
    if (e.key !== null) parts.push(`key=${e.key}`);
    if (e.jobId !== null) parts.push(`job=${e.jobId}`);
    if (e.attempt !== null) parts.push(`attempt=${e.attempt}`);
    if (e.execId !== null) parts.push(`exec=${e.execId}`);
    const data = Object.keys(e.data).length > 0 ? JSON.stringify(e.data) : '';
    if (data !== '') parts.push(data.length > 120 ? `${data.slice(0, 117)}...` : data);
    return `      ${parts.join('  ')}`;
  });
  if (witness.length > limit) lines.push(`      … ${witness.length - limit} more event(s)`);
  return lines.join('\n');
}
