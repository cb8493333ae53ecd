import { InjectionToken } from '@angular/core';

/** Where the REST API lives. The gateway serves the console and the API from one origin. */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', { providedIn: 'root', factory: () => '/api/v1' });
