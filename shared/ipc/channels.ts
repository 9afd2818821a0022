/**
 * Every IPC channel, by name. Kept apart from the schemas so that the sandboxed preload can
 * expose one function per channel without bundling zod.
 */
export const CHANNELS = [
  'app.open',
  'app.info',
  'stages.list',
  'team.list',
  'reasons.list',
  'reasons.add',
  'reasons.remove',
  'board.columns',
  'board.cards',
  'board.firstPages',
  'leads.get',
  'leads.create',
  'leads.update',
  'leads.move',
  'leads.delete',
  'leads.restore',
  'leads.query',
  'leads.bulk',
  'leads.scoreBreakdown',
  'filters.values',
  'views.list',
  'views.save',
  'views.delete',
  'team.add',
  'team.update',
  'settings.setCurrentMember',
  'scoring.list',
  'scoring.save',
  'activities.addNote',
  'demo.load',
  'reports.run',
  'reports.csv',
  'reports.status',
  'reports.limits',
  'reports.setLimits',
  'files.openImport',
  'export.start',
  'import.scan',
  'import.preview',
  'import.start',
  'imports.list',
  'imports.undo',
  'imports.rejectedCsv',
  'jobs.status',
  'jobs.cancel',
] as const;

export type Channel = (typeof CHANNELS)[number];

const CHANNEL_NAMES: ReadonlySet<string> = new Set(CHANNELS);

/** Whether a name from outside (a URL, a socket message) is one of our channels. */
export function isChannel(name: string): name is Channel {
  return CHANNEL_NAMES.has(name);
}

/** Prefix of the Electron IPC channel names, so that ours never clash with Electron's own. */
export const IPC_PREFIX = 'voronka:';
