const formatters = new Map<string, Intl.DateTimeFormat>();

/** Hour (0–23) and weekday (0 = Sunday) of an instant in a zone: insights group calls by the lead's own clock. */
export function localHourAndWeekday(at: Date, timeZone: string): { hour: number; dow: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', hourCycle: 'h23', weekday: 'short' });
    formatters.set(timeZone, f);
  }
  const parts = f.formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const dow = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.find((p) => p.type === 'weekday')?.value ?? 'Sun');
  return { hour, dow };
}
