import { CreateNotificationSchema1763791200000 } from './1763791200000-create-notification-schema';

export const NOTIFICATION_MIGRATIONS = [CreateNotificationSchema1763791200000];
