import { TagInput } from '../ui/TagInput.tsx';
import { TextField } from '../ui/Field.tsx';
import type { FieldOf, ListOf } from './form-field-props.ts';

/** The company: shared by every lead of that company (matched by domain). */
export function CompanySection({ field, list, shared }: { field: FieldOf; list: ListOf; shared: boolean }) {
  return (
    <fieldset className="form-section">
      <legend>Company</legend>
      <p className="form-section-hint" data-testid="company-hint">
        {shared
          ? 'Company fields are shared by every lead of this company: a change here shows on all of them.'
          : 'Company fields are shared by every lead with the same domain.'}
      </p>
      <div className="form-grid">
        <TextField {...field('companyName')} />
        <TextField {...field('companyDomain')} placeholder="example.com" />
        <TextField {...field('industry')} placeholder="Financial services" />
        <TextField {...field('employeeCount')} inputMode="numeric" />
        <TextField {...field('monthlyAdSpendUsd')} inputMode="numeric" placeholder="5000" />
        <TextField {...field('openJobPostings')} inputMode="numeric" />
        <div className="span-2">
          <TagInput {...list('adChannels')} suggestFrom="adChannels" placeholder="Google Ads, Meta…" />
        </div>
        <div className="span-2">
          <TagInput {...list('technologies')} suggestFrom="technologies" placeholder="HubSpot, Salesforce…" />
        </div>
        <div className="span-2">
          <TagInput {...list('jobDepartments')} suggestFrom="jobDepartments" placeholder="Marketing, Sales…" />
        </div>
        <TextField {...field('country')} />
        <TextField {...field('city')} />
        <TextField {...field('website')} placeholder="https://example.com" className="span-2" />
      </div>
    </fieldset>
  );
}
