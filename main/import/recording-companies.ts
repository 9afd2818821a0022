import { companyDiffers, type CompanyRepository } from '../store/repositories/company-repository.ts';
import type { ImportRepository } from '../store/repositories/import-repository.ts';

/**
 * The company repository as an import uses it: every company it creates, changes or removes is
 * recorded (with its state before the import's first change of it) so that undo can put it back.
 * Lead linking goes through the app's own linkCompany, unchanged.
 */
export function recordingCompanies(companies: CompanyRepository, imports: ImportRepository, importId: number): CompanyRepository {
  return {
    ...companies,
    insert(fields, at) {
      const id = companies.insert(fields, at);
      imports.recordCompany(importId, id, 'created', null);
      return id;
    },
    update(id, fields, at) {
      // Most rows name a company as it already is: nothing to record, nothing to write.
      const current = companies.get(id);
      if (!current || !companyDiffers(current, fields)) return false;
      const before = imports.companyRecorded(importId, id) ? null : imports.companyBeforeImage(id);
      const changed = companies.update(id, fields, at);
      if (changed && before) imports.recordCompany(importId, id, 'updated', before);
      return changed;
    },
    deleteIfOrphan(id) {
      const recorded = imports.companyRecorded(importId, id);
      const before = recorded ? null : imports.companyBeforeImage(id);
      const deleted = companies.deleteIfOrphan(id);
      if (!deleted) return false;
      if (recorded === 'updated') imports.promoteToDeleted(importId, id);
      else if (recorded === null && before) imports.recordCompany(importId, id, 'deleted', before);
      return true;
    },
  };
}
