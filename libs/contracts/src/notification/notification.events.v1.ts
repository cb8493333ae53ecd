import { z } from 'zod';
import { defineEvent } from '../envelope';
import { notificationSchema } from './notification.model';

/** For the live feed (in-app delivery) and anyone counting: the notification as it now stands. */
const data = z.object({ notification: notificationSchema });

export const notificationCreatedV1 = defineEvent({ type: 'notification.created', version: 1, stream: 'NOTIFICATIONS', subject: 'notifications.created.v1', data });
export const notificationUpdatedV1 = defineEvent({ type: 'notification.updated', version: 1, stream: 'NOTIFICATIONS', subject: 'notifications.updated.v1', data });
export const notificationEscalatedV1 = defineEvent({ type: 'notification.escalated', version: 1, stream: 'NOTIFICATIONS', subject: 'notifications.escalated.v1', data });
