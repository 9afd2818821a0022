import type { ChannelInput } from '../../shared/ipc/contract.ts';

/** One action of `leads.bulk`: move, assign, tag, delete or restore. */
export type LeadsBulkAction = ChannelInput<'leads.bulk'>['action'];
