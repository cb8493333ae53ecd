import WebSocket from 'ws';

/** A live-feed client over real loopback HTTP that collects what it receives. */
export async function connectLive(base: string, token: string | null): Promise<{ ws: WebSocket; messages: Record<string, unknown>[]; closed: Promise<{ code: number; reason: string }> }> {
  const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v1/live${token ? `?token=${token}` : ''}`);
  const messages: Record<string, unknown>[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
    ws.once('close', resolve);
  });
  return { ws, messages, closed };
}

