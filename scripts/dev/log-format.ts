/** Turns a service's JSON log line into one readable console line; other text passes through. */
const LEVEL_COLOURS: Record<string, string> = { error: '31', fatal: '31', warn: '33', info: '36', debug: '90', trace: '90' };
const HIDDEN = new Set(['level', 'time', 'service', 'name', 'msg', 'pid', 'hostname']);

export function formatLogLine(service: string, line: string): string {
  const tag = `\x1b[1m${service.padEnd(8)}\x1b[0m`;
  if (!line.startsWith('{')) return `${tag} ${line}`;
  try {
    const record = JSON.parse(line) as Record<string, unknown>;
    const level = String(record.level ?? 'info');
    const time = String(record.time ?? '').slice(11, 19);
    const extras = Object.entries(record)
      .filter(([k]) => !HIDDEN.has(k))
      .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(' ');
    return `${tag} ${time} \x1b[${LEVEL_COLOURS[level] ?? '0'}m${level.toUpperCase().padEnd(5)}\x1b[0m ${String(record.msg ?? '')} ${extras}`.trimEnd();
  } catch {
    return `${tag} ${line}`;
  }
}
