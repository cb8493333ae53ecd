import { DestroyRef, Injectable, computed, effect, inject, signal, type Signal } from '@angular/core';
import { AuthStore } from '../auth/auth.store';

export const LIVE_TOPICS = ['leads', 'imports', 'calls', 'campaigns', 'notifications', 'insights'] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number];

export type LiveState = 'offline' | 'connecting' | 'live';

/** An event as the gateway forwards it (services/gateway/src/live/live-feed.ts). */
export interface LiveEvent {
  topic: string;
  event: { id: string; type: string; occurredAt?: string; data: unknown };
}

/** While the socket is down, pages still refresh this often. */
export const FALLBACK_REFRESH_MS = 30_000;
/** Bursts of events (a campaign dialing 50 leads) coalesce into one refresh per topic. */
const COALESCE_MS = 400;
const MAX_BACKOFF_MS = 30_000;

/**
 * The one WebSocket to /api/v1/live. Pages read `revision(topic)`: a counter
 * that goes up when events of that topic arrive (coalesced), and every 30 s
 * while the socket is down, so a page reloads its data in place either way.
 * Reconnects with backoff; a 4401 close means the token expired: refresh, retry.
 */
@Injectable({ providedIn: 'root' })
export class LiveFeedStore {
  private readonly auth = inject(AuthStore);

  private readonly _state = signal<LiveState>('offline');
  private readonly revisions = new Map<LiveTopic, ReturnType<typeof signal<number>>>(LIVE_TOPICS.map((t) => [t, signal(0)]));
  private readonly _lastEvent = signal<LiveEvent | null>(null);
  private socket: WebSocket | null = null;
  private attempt = 0;
  /** Set once a socket has been live: only a *re*connection has missed events to catch up on. */
  private wasLive = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private fallbackTimer: ReturnType<typeof setInterval> | null = null;
  private readonly pending = new Set<LiveTopic>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  readonly state = this._state.asReadonly();
  readonly isLive = computed(() => this._state() === 'live');
  readonly lastEvent = this._lastEvent.asReadonly();

  constructor() {
    effect(() => {
      if (this.auth.isAuthenticated()) this.connect();
      else this.disconnect();
    });
    inject(DestroyRef).onDestroy(() => this.disconnect());
  }

  revision(topic: LiveTopic): Signal<number> {
    return this.revisions.get(topic)!.asReadonly();
  }

  private connect(): void {
    if (this.socket) return;
    const token = this.auth.accessToken();
    if (!token) return;
    this._state.set('connecting');
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/api/v1/live?token=${encodeURIComponent(token)}`);
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'subscribe', topics: LIVE_TOPICS }));
    socket.onmessage = (m) => this.onMessage(String(m.data));
    socket.onclose = (e) => this.onClose(socket, e.code);
  }

  private onMessage(text: string): void {
    let msg: { type?: string; topic?: string; event?: LiveEvent['event'] };
    try {
      msg = JSON.parse(text) as typeof msg;
    } catch {
      return;
    }
    if (msg.type === 'subscribed') {
      const reconnected = this.wasLive && this._state() !== 'live';
      this.wasLive = true;
      this.attempt = 0;
      this._state.set('live');
      this.stopFallback();
      // Whatever happened while we were away: every page catches up once.
      if (reconnected) {
        for (const t of LIVE_TOPICS) this.pending.add(t);
        this.scheduleFlush();
      }
    } else if (msg.type === 'event' && msg.topic && msg.event) {
      this._lastEvent.set({ topic: msg.topic, event: msg.event });
      const family = msg.topic.startsWith('campaign:') ? 'campaigns' : (msg.topic as LiveTopic);
      if (this.revisions.has(family)) this.pending.add(family);
      this.scheduleFlush();
    }
  }

  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = null;
      for (const t of this.pending) this.revisions.get(t)!.update((n) => n + 1);
      this.pending.clear();
    }, COALESCE_MS);
  }

  private async onClose(socket: WebSocket, code: number): Promise<void> {
    if (this.socket !== socket) return;
    this.socket = null;
    if (!this.auth.isAuthenticated()) {
      this._state.set('offline');
      return;
    }
    this._state.set('connecting');
    this.startFallback();
    if (code === 4401 && !(await this.auth.refresh())) return; // logged out: the effect stops us
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.attempt++) * (0.75 + Math.random() * 0.5);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }

  private startFallback(): void {
    this.fallbackTimer ??= setInterval(() => {
      for (const r of this.revisions.values()) r.update((n) => n + 1);
    }, FALLBACK_REFRESH_MS);
  }

  private stopFallback(): void {
    if (this.fallbackTimer) clearInterval(this.fallbackTimer);
    this.fallbackTimer = null;
  }

  private disconnect(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.stopFallback();
    const s = this.socket;
    this.socket = null;
    s?.close(1000, 'Logged out');
    this._state.set('offline');
    this.attempt = 0;
    this.wasLive = false;
  }
}
