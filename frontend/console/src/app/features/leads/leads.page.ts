import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-leads-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<header class="page-header"><h1>Leads</h1></header>',
})
export default class LeadsPage {}
