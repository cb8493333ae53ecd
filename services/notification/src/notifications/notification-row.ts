import type { Notification } from '@soraaya/contracts';

export interface NotificationRow {
  id: string;
  tenant_id: string;
  type: Notification['type'];
  priority: Notification['priority'];
  title: string;
  message: string;
  lead_id: string | null;
  campaign_id: string | null;
  required_action: string | null;
  assigned_user_id: string | null;
  status: Notification['status'];
  escalated: boolean;
  escalated_at: Date | null;
  resolved_at: Date | null;
  resolution_note: string | null;
  resolved_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export function rowToNotification(r: NotificationRow): Notification {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    type: r.type,
    priority: r.priority,
    title: r.title,
    message: r.message,
    leadId: r.lead_id,
    campaignId: r.campaign_id,
    requiredAction: r.required_action,
    assignedUserId: r.assigned_user_id,
    status: r.status,
    escalated: r.escalated,
    escalatedAt: r.escalated_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    resolutionNote: r.resolution_note,
    resolvedBy: r.resolved_by,
  };
}
