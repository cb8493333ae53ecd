import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe, DecimalPipe, PercentPipe } from '@angular/common';
import { httpResource } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatListModule } from '@angular/material/list';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { API_BASE_URL } from '../core/api/api-base-url.token';
import { expectObject, type LeadCounts, type UnreadCount } from '../core/api/api.types';
import { AuthStore } from '../core/auth/auth.store';
import { PermissionsStore } from '../core/auth/permissions.store';
import { LiveFeedStore } from '../core/live/live-feed.store';
import { humanize } from '../core/ui/labels';
import { ThemeStore } from '../core/ui/theme.store';

interface NavItem {
  path: string;
  label: string;
  icon: string;
  /** Shown only to those the gateway grants this (GET /api/v1/user/permissions). */
  permission?: string;
}

/** The frame every page sits in: sidebar navigation, quick stats, the user and logout. */
@Component({
  selector: 'app-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, DatePipe, DecimalPipe, PercentPipe, MatSidenavModule, MatListModule, MatIconModule, MatBadgeModule, MatButtonModule, MatToolbarModule, MatTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
})
export default class Shell {
  private readonly base = inject(API_BASE_URL);
  protected readonly auth = inject(AuthStore);
  protected readonly live = inject(LiveFeedStore);
  protected readonly theme = inject(ThemeStore);
  protected readonly humanize = humanize;

  protected readonly compact = toSignal(inject(BreakpointObserver).observe('(max-width: 959px)').pipe(map((r) => r.matches)), { initialValue: false });

  private readonly permissions = inject(PermissionsStore);
  protected readonly visibleNav = computed(() => this.nav.filter((item) => !item.permission || this.permissions.can(item.permission)));
  private readonly nav: NavItem[] = [
    { path: '/dashboard', label: 'Dashboard', icon: 'dashboard' },
    { path: '/leads', label: 'Leads', icon: 'groups' },
    { path: '/campaigns', label: 'Campaigns', icon: 'campaign' },
    { path: '/calling', label: 'Calling monitor', icon: 'phone_in_talk' },
    { path: '/personas', label: 'Agent personas', icon: 'record_voice_over' },
    { path: '/properties', label: 'Properties', icon: 'apartment' },
    { path: '/notifications', label: 'Notifications', icon: 'notifications' },
    { path: '/insights', label: 'Insights', icon: 'insights' },
    { path: '/reports', label: 'Reports', icon: 'summarize', permission: 'reports:read' },
    { path: '/settings', label: 'Settings', icon: 'settings' },
  ];

  protected readonly unread = httpResource<UnreadCount>(() => `${this.base}/notifications/unread-count`, { parse: (v) => expectObject<UnreadCount>(v, 'pending') });
  protected readonly counts = httpResource<LeadCounts>(() => `${this.base}/leads/counts`, { parse: (v) => expectObject<LeadCounts>(v, 'total', 'byStatus') });
  protected readonly pending = computed(() => (this.unread.hasValue() ? this.unread.value().pending : 0));
  protected readonly quickStats = computed(() => {
    if (!this.counts.hasValue()) return null;
    const c = this.counts.value();
    const qualified = c.byStatus['qualified'] ?? 0;
    const active = (c.byStatus['calling'] ?? 0) + (c.byStatus['in_call'] ?? 0);
    const needsHuman = (c.byStatus['human_input_needed'] ?? 0) + (c.byStatus['human_follow_up'] ?? 0);
    return { total: c.total, qualified, qualifiedShare: c.total ? qualified / c.total : 0, active, needsHuman };
  });
  protected readonly liveLabel = computed(() => ({ live: 'Live', connecting: 'Reconnecting…', offline: 'Offline' })[this.live.state()]);

  constructor() {
    effect(() => {
      if (this.live.revision('notifications')()) untracked(() => this.unread.reload());
    });
    effect(() => {
      if (this.live.revision('leads')()) untracked(() => this.counts.reload());
    });
  }
}
