import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-insights-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<header class="page-header"><h1>Insights</h1></header>',
})
export default class InsightsPage {}
