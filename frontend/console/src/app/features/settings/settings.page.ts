import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, untracked } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router } from '@angular/router';
import { PermissionsStore } from '../../core/auth/permissions.store';
import { urlParams } from '../../core/ui/url-state';
import { NotificationSettings } from './notification-settings';
import { PhoneLineSettings } from './phone-line-settings';
import { ProfileSettings } from './profile-settings';
import { UserSettings } from './user-settings';

type Tab = 'profile' | 'notifications' | 'users' | 'phone-lines';

/** The user's own settings, and for admins the organisation's users and phone lines; the open tab in the URL. */
@Component({
  selector: 'app-settings-page',
  imports: [MatTabsModule, MatProgressBarModule, ProfileSettings, NotificationSettings, UserSettings, PhoneLineSettings],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <div>
        <h1>Settings</h1>
        <p class="subtitle">Your profile and preferences{{ tabs().length > 2 ? '; users and phone lines of the organisation' : '' }}.</p>
      </div>
    </header>
    @if (permissions.ready()) {
      <mat-tab-group [selectedIndex]="index()" (selectedIndexChange)="select($event)" animationDuration="0ms" mat-stretch-tabs="false" aria-label="Settings sections">
        @for (t of tabs(); track t.key) {
          <mat-tab [label]="t.label">
            <ng-template matTabContent>
              <div class="tab-body">
                @switch (t.key) {
                  @case ('profile') {
                    <app-profile-settings />
                  }
                  @case ('notifications') {
                    <app-notification-settings />
                  }
                  @case ('users') {
                    <app-user-settings />
                  }
                  @case ('phone-lines') {
                    <app-phone-line-settings />
                  }
                }
              </div>
            </ng-template>
          </mat-tab>
        }
      </mat-tab-group>
    } @else {
      <mat-progress-bar mode="indeterminate" aria-label="Loading settings" />
    }
  `,
  styles: `
    .tab-body {
      padding: 20px 0;
      max-width: 1000px;
    }
  `,
})
export default class SettingsPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly permissions = inject(PermissionsStore);

  readonly tab = input<string>();
  private readonly selected = linkedSignal<string>(() => this.tab() ?? 'profile');
  protected readonly tabs = computed(() => {
    const tabs: { key: Tab; label: string }[] = [
      { key: 'profile', label: 'Profile' },
      { key: 'notifications', label: 'Notifications' },
    ];
    if (this.permissions.can('users:manage')) tabs.push({ key: 'users', label: 'Users' });
    if (this.permissions.can('phone_lines:manage')) tabs.push({ key: 'phone-lines', label: 'Phone lines' });
    return tabs;
  });
  protected readonly index = computed(() => Math.max(0, this.tabs().findIndex((t) => t.key === this.selected())));

  constructor() {
    effect(() => {
      // Until the permissions are known the admin tabs are missing: the URL's tab must wait for them.
      if (!this.permissions.ready()) return;
      const key = this.tabs()[this.index()]?.key ?? 'profile';
      untracked(() => this.router.navigate([], { relativeTo: this.route, replaceUrl: true, queryParams: urlParams({ tab: key === 'profile' ? null : key }) }));
    });
  }

  protected select(i: number): void {
    this.selected.set(this.tabs()[i]?.key ?? 'profile');
  }
}
