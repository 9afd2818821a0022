import type { LeadFormField, LeadFormList } from './lead-form-model.ts';

/** What each input of the lead form receives from the form. */
export interface FieldProps {
  label: string;
  value: string;
  error: string | undefined;
  name: string;
  testId: string;
  onChange: (value: string) => void;
}

export type FieldOf = (name: LeadFormField) => FieldProps;

export interface ListProps {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  testId: string;
}

export type ListOf = (name: LeadFormList) => ListProps;
