import { CreateGatewaySchema1763769600000 } from './1763769600000-create-gateway-schema';

export const GATEWAY_MIGRATIONS = [CreateGatewaySchema1763769600000];
