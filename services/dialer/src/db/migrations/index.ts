import { CreateDialerSchema1763769600000 } from './1763769600000-create-dialer-schema';
import { QueueCallbackAt1763780400000 } from './1763780400000-queue-callback-at';
import { CallTurns1763802000000 } from './1763802000000-call-turns';
import { CallCallbackRequest1763870400000 } from './1763870400000-call-callback-request';
import { InboundCalls1763874000000 } from './1763874000000-inbound-calls';

export const DIALER_MIGRATIONS = [CreateDialerSchema1763769600000, QueueCallbackAt1763780400000, CallTurns1763802000000, CallCallbackRequest1763870400000, InboundCalls1763874000000];
