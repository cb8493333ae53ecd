import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-campaigns-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<header class="page-header"><h1>Campaigns</h1></header>',
})
export default class CampaignsPage {}
