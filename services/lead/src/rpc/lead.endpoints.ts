import {
  addDncV1,
  addLeadNoteV1,
  bulkUpdateLeadsV1,
  changeLeadStatusV1,
  checkDncV1,
  createLeadV1,
  deleteLeadV1,
  exportLeadsPageV1,
  getLeadImportV1,
  findLeadByPhoneV1,
  getLeadV1,
  leadCountsV1,
  leadIdsPageV1,
  leadDailyStatsV1,
  leadRecentStatsV1,
  leadStatsV1,
  listDncV1,
  listLeadsV1,
  removeDncV1,
  silentLeadsV1,
  startLeadImportV1,
  updateLeadV1,
} from '@soraaya/contracts';
import { endpoint, type EndpointRegistration } from '@soraaya/service-kit';
import { addLeadNote } from '../commands/add-note.command';
import { bulkUpdateLeads } from '../commands/bulk-update.command';
import { changeLeadStatus } from '../commands/change-status.command';
import type { LeadDeps } from '../commands/command-context';
import { createLead } from '../commands/create-lead.command';
import { deleteLead } from '../commands/delete-lead.command';
import { addDnc, checkDnc, listDnc, removeDnc } from '../commands/dnc.commands';
import { updateLead } from '../commands/update-lead.command';
import { getImport } from '../import/get-import.query';
import type { ImportFileStore } from '../import/import-file-store';
import { startImport } from '../import/start-import.command';
import { exportLeadsPage } from '../queries/export-leads.query';
import { findLeadByPhone, getLead } from '../queries/get-lead.query';
import { leadCounts } from '../queries/lead-counts.query';
import { leadIdsPage } from '../queries/lead-ids.query';
import { leadDailyStats, leadRecentStats, leadStats } from '../queries/lead-stats.query';
import { listLeads } from '../queries/list-leads.query';
import { silentLeads } from '../queries/silent-leads.query';

/** Every request/reply endpoint of the lead service, in one list. Handlers are thin: contract in, command or query out. */
export function leadEndpoints(deps: LeadDeps & { files: ImportFileStore }): EndpointRegistration[] {
  return [
    endpoint(listLeadsV1, (data, { meta }) => listLeads(deps, meta, data)),
    endpoint(getLeadV1, (data, { meta }) => getLead(deps, meta, data)),
    endpoint(findLeadByPhoneV1, (data, { meta }) => findLeadByPhone(deps, meta, data)),
    endpoint(silentLeadsV1, (data, { meta }) => silentLeads(deps, meta, data)),
    endpoint(leadCountsV1, (data, { meta }) => leadCounts(deps, meta, data)),
    endpoint(leadIdsPageV1, (data, { meta }) => leadIdsPage(deps, meta, data)),
    endpoint(leadStatsV1, (data, { meta }) => leadStats(deps, meta, data)),
    endpoint(leadDailyStatsV1, (data, { meta }) => leadDailyStats(deps, meta, data)),
    endpoint(leadRecentStatsV1, (data, { meta }) => leadRecentStats(deps, meta, data)),
    endpoint(createLeadV1, (data, { meta }) => createLead(deps, meta, data)),
    endpoint(updateLeadV1, (data, { meta }) => updateLead(deps, meta, data)),
    endpoint(deleteLeadV1, (data, { meta }) => deleteLead(deps, meta, data)),
    endpoint(changeLeadStatusV1, (data, { meta }) => changeLeadStatus(deps, meta, data)),
    endpoint(bulkUpdateLeadsV1, (data, { meta }) => bulkUpdateLeads(deps, meta, data)),
    endpoint(addLeadNoteV1, (data, { meta }) => addLeadNote(deps, meta, data)),
    endpoint(addDncV1, (data, { meta }) => addDnc(deps, meta, data)),
    endpoint(removeDncV1, (data, { meta }) => removeDnc(deps, meta, data)),
    endpoint(checkDncV1, (data, { meta }) => checkDnc(deps, meta, data)),
    endpoint(listDncV1, (data, { meta }) => listDnc(deps, meta, data)),
    endpoint(exportLeadsPageV1, (data, { meta }) => exportLeadsPage(deps, meta, data)),
    endpoint(startLeadImportV1, (data, { meta }) => startImport(deps, meta, data)),
    endpoint(getLeadImportV1, (data, { meta }) => getImport(deps, meta, data)),
  ];
}
