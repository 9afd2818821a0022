import { SENIORITIES, URGENCIES } from '../../shared/domain/lead.ts';
import { attribute, type AttributeKey } from '../../shared/domain/lead-attributes.ts';
import type { LeadFilter } from '../../shared/domain/filter.ts';
import type { SortKey } from '../../shared/domain/views.ts';
import type { LeadQueryPage } from '../../shared/ipc/contract.ts';
import { DomainError } from '../../shared/ipc/result.ts';
import type { ServiceContext } from './context.ts';

/** Pick-lists hold at most this many values; the prefix narrows them as the seller types. */
export const VALUES_LIMIT = 200;

/** The leads table (filter, sort, page in SQL) and the pick-lists of the filter builder. */
export function createQueryService({ query, values, catalog, team, filterContext }: ServiceContext) {
  function fixedValues(key: AttributeKey): readonly string[] {
    switch (key) {
      case 'stageKey':
        return catalog.stages().map((stage) => stage.key);
      case 'ownerId':
        return team.members().map((member) => String(member.id));
      case 'seniority':
        return SENIORITIES;
      case 'urgency':
        return URGENCIES;
      default:
        return [];
    }
  }

  return {
    /** A page of the table and the number of leads matching, both read with the same filter. */
    query(filter: LeadFilter, sort: SortKey[], offset: number, limit: number): LeadQueryPage {
      const context = filterContext();
      return { rows: query.page(filter, sort, offset, limit, context), total: query.count(filter, context) };
    },

    /**
     * Values for a pick-list: those in use for choice and set fields (and free-text fields, whose
     * "is any of" picks exact values too), the fixed list for enums (stage keys in board order,
     * owner ids as text). Numbers, amounts and dates have none.
     */
    values(key: AttributeKey, prefix?: string): string[] {
      const kind = attribute(key).kind;
      if (kind === 'enum') {
        const folded = prefix?.toLowerCase() ?? '';
        return fixedValues(key).filter((value) => value.toLowerCase().startsWith(folded)).slice(0, VALUES_LIMIT);
      }
      if (kind !== 'choice' && kind !== 'set' && kind !== 'text') {
        throw new DomainError('invalid_input', `${attribute(key).label} has no list of values: numbers, amounts and dates are typed in.`);
      }
      return values.inUse(key, prefix, VALUES_LIMIT);
    },
  };
}

export type QueryService = ReturnType<typeof createQueryService>;
