import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-notifications-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<header class="page-header"><h1>Notifications</h1></header>',
})
export default class NotificationsPage {}
