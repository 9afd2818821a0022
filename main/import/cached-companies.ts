import { companyDiffers, type Company, type CompanyRepository } from '../store/repositories/company-repository.ts';

/**
 * The company repository with what it read kept for one batch: a file's leads share few companies
 * (often a few hundred among 100,000 leads), and each row otherwise reads its company, its
 * attributes and its lookups again just to find that nothing changed. Inside a batch the import's
 * transaction is the only writer, so what was read stays true until the import itself writes,
 * and every write here drops what it could have changed. `clear` between batches (the app may
 * change companies while no batch runs) and after a row that was rolled back.
 */
export interface CachedCompanies extends CompanyRepository {
  /** Companies whose name or domain this batch changed (their leads' search documents name them). */
  readonly renamed: ReadonlySet<number>;
  /** Forgets what was read (after a row that was rolled back). */
  forgetReads(): void;
  /** Between batches: forgets everything. */
  clear(): void;
}

export function cachedCompanies(companies: CompanyRepository): CachedCompanies {
  const byId = new Map<number, Company | undefined>();
  const byDomain = new Map<string, number | null>();
  const byName = new Map<string, number | null>();
  const byNameWithoutDomain = new Map<string, number | null>();
  const renamed = new Set<number>();

  function lookup<K>(cache: Map<K, number | null>, key: K, read: (key: K) => number | null): number | null {
    let id = cache.get(key);
    if (id === undefined) {
      id = read(key);
      cache.set(key, id);
    }
    return id;
  }

  function forgetReads(): void {
    byId.clear();
    byDomain.clear();
    byName.clear();
    byNameWithoutDomain.clear();
  }

  /** After a change of a company's own row: any lookup may now answer differently. */
  function forget(id: number): void {
    byId.delete(id);
    byDomain.clear();
    byName.clear();
    byNameWithoutDomain.clear();
  }

  function get(id: number): Company | undefined {
    if (!byId.has(id)) byId.set(id, companies.get(id));
    return byId.get(id);
  }

  return {
    ...companies,
    get,
    findByDomain: (domain) => lookup(byDomain, domain, companies.findByDomain),
    findByName: (name) => lookup(byName, name, companies.findByName),
    findByNameWithoutDomain: (name) => lookup(byNameWithoutDomain, name, companies.findByNameWithoutDomain),
    insert(fields, at) {
      const id = companies.insert(fields, at);
      // A new row: its domain finds it now; a name lookup (smallest id first) is read again.
      if (fields.companyDomain) byDomain.set(fields.companyDomain, id);
      if (fields.companyName) {
        byName.delete(fields.companyName);
        byNameWithoutDomain.delete(fields.companyName);
      }
      return id;
    },
    update(id, fields, at) {
      const current = get(id);
      if (!current || !companyDiffers(current, fields)) return false;
      if (current.companyName !== fields.companyName || current.companyDomain !== fields.companyDomain) renamed.add(id);
      forget(id);
      return companies.update(id, fields, at);
    },
    deleteIfOrphan(id) {
      const deleted = companies.deleteIfOrphan(id);
      if (deleted) forget(id);
      return deleted;
    },
    renamed,
    forgetReads,
    clear() {
      forgetReads();
      renamed.clear();
    },
  };
}
