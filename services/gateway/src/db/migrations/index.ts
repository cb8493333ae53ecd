import { CreateGatewaySchema1763769600000 } from './1763769600000-create-gateway-schema';
import { PhoneLines1763870400000 } from './1763870400000-phone-lines';

export const GATEWAY_MIGRATIONS = [CreateGatewaySchema1763769600000, PhoneLines1763870400000];
