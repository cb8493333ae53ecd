import { LEAD_STATUSES, type LeadStatus } from '@soraaya/contracts';

/**
 * Who may make a move: `auto` is the platform (dialer, transcript analysis),
 * `manual` a person overriding the flow, who must give a reason.
 */
type Mover = 'auto' | 'manual' | 'both';

/**
 * Every allowed status change, in one table. Anything not listed is refused.
 * `calling` and `in_call` are driven by the dialer only: a person cannot claim a
 * call is in progress, but can always pull a lead out to a human queue.
 */
export const LEAD_STATUS_TRANSITIONS: Readonly<Record<LeadStatus, Partial<Record<LeadStatus, Mover>>>> = {
  to_call: {
    calling: 'auto',
    callback_requested: 'both',
    not_interested: 'manual',
    unresponsive: 'manual',
    human_input_needed: 'both',
    human_follow_up: 'manual',
  },
  calling: {
    in_call: 'auto',
    to_call: 'auto', // no answer / busy with attempts left: back in the queue
    unresponsive: 'auto',
    call_failed: 'auto',
    callback_requested: 'auto', // voicemail with a callback slot
    human_input_needed: 'manual',
  },
  in_call: {
    qualified: 'auto',
    not_interested: 'auto',
    follow_up: 'auto',
    callback_requested: 'auto',
    human_input_needed: 'both', // a supervisor listening in can pull the lead out
    human_follow_up: 'both',
    call_failed: 'auto',
    to_call: 'auto', // dropped before anything was learned
  },
  qualified: {
    human_follow_up: 'both',
    human_input_needed: 'both',
    follow_up: 'manual',
    not_interested: 'manual',
  },
  not_interested: {
    follow_up: 'manual', // re-engagement campaign
    to_call: 'manual',
    human_follow_up: 'manual',
  },
  follow_up: {
    calling: 'auto',
    // After a call the dialer parks the lead in follow_up; transcript intelligence then decides.
    qualified: 'both',
    not_interested: 'both',
    callback_requested: 'both',
    unresponsive: 'auto',
    human_input_needed: 'both',
    human_follow_up: 'manual',
  },
  callback_requested: {
    calling: 'auto',
    to_call: 'manual',
    follow_up: 'manual',
    not_interested: 'manual',
    human_input_needed: 'both',
    human_follow_up: 'manual',
    unresponsive: 'auto', // callback slot missed on every attempt
  },
  unresponsive: {
    to_call: 'both', // recycled
    calling: 'auto',
    not_interested: 'manual',
    human_follow_up: 'manual',
  },
  human_input_needed: {
    human_follow_up: 'manual',
    qualified: 'manual',
    not_interested: 'manual',
    follow_up: 'manual',
    callback_requested: 'manual',
    to_call: 'manual',
  },
  human_follow_up: {
    qualified: 'manual',
    not_interested: 'manual',
    follow_up: 'manual',
    callback_requested: 'manual',
    to_call: 'manual',
  },
  call_failed: {
    to_call: 'both', // retry
    calling: 'auto',
    unresponsive: 'auto',
    human_input_needed: 'both',
    human_follow_up: 'manual',
  },
};

export type TransitionCheck = { allowed: true } | { allowed: false; reason: string; allowedTargets: LeadStatus[] };

/** Statuses reachable from `from` by this kind of mover. */
export function allowedTargets(from: LeadStatus, mover: 'auto' | 'manual'): LeadStatus[] {
  const row = LEAD_STATUS_TRANSITIONS[from];
  return LEAD_STATUSES.filter((to) => {
    const who = row[to];
    return who === mover || who === 'both';
  });
}

export function checkTransition(from: LeadStatus, to: LeadStatus, mover: 'auto' | 'manual'): TransitionCheck {
  if (from === to) {
    return { allowed: false, reason: `Lead is already ${to}`, allowedTargets: allowedTargets(from, mover) };
  }
  const targets = allowedTargets(from, mover);
  if (targets.includes(to)) return { allowed: true };
  const who = mover === 'manual' ? 'by hand' : 'automatically';
  const list = targets.length ? targets.join(', ') : 'none';
  return {
    allowed: false,
    reason: `Cannot move a lead from ${from} to ${to} ${who}; allowed from ${from}: ${list}`,
    allowedTargets: targets,
  };
}
