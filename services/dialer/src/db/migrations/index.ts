import { CreateDialerSchema1763769600000 } from './1763769600000-create-dialer-schema';

export const DIALER_MIGRATIONS = [CreateDialerSchema1763769600000];
