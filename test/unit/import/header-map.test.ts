import { describe, expect, it } from 'vitest';
import { headerSignature, normalizeHeader, suggestMapping } from '../../../main/import/header-map.ts';
import { ALL_FIELDS_HEADERS } from '../../../shared/domain/csv-transfer.ts';

const mapped = (header: string[]) => Object.fromEntries(header.map((name, i) => [name, suggestMapping(header)[i]]));

describe('header suggestions', () => {
  it('HubSpot contacts export', () => {
    expect(mapped(['Record ID', 'First Name', 'Last Name', 'Email', 'Phone Number', 'Company Name', 'Job Title', 'Lifecycle Stage', 'Contact owner', 'Create Date', 'Lead Status'])).toEqual({
      'Record ID': null,
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Email: 'email',
      'Phone Number': 'phone',
      'Company Name': 'companyName',
      'Job Title': 'roleTitle',
      'Lifecycle Stage': 'stage',
      'Contact owner': 'owner',
      'Create Date': 'createdAt',
      // One column per field: the first stage-like column wins.
      'Lead Status': null,
    });
  });

  it('Salesforce leads report', () => {
    expect(mapped(['First Name', 'Last Name', 'Title', 'Account Name', 'Email', 'Lead Source', 'Lead Status', 'Owner Name', 'Industry', 'Annual Revenue'])).toEqual({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Title: 'roleTitle',
      'Account Name': 'companyName',
      Email: 'email',
      'Lead Source': 'source',
      'Lead Status': 'stage',
      'Owner Name': 'owner',
      Industry: 'industry',
      'Annual Revenue': null,
    });
  });

  it('Pipedrive deals export', () => {
    expect(mapped(['Deal - Title', 'Deal - Value', 'Deal - Currency', 'Deal - Stage', 'Person - Name', 'Person - Email', 'Person - Phone', 'Organization - Name', 'Deal - Expected close date', 'Deal - Owner'])).toEqual({
      'Deal - Title': null,
      'Deal - Value': 'dealValue',
      'Deal - Currency': 'currency',
      'Deal - Stage': 'stage',
      'Person - Name': 'fullName',
      'Person - Email': 'email',
      'Person - Phone': 'phone',
      'Organization - Name': 'companyName',
      'Deal - Expected close date': 'expectedCloseOn',
      'Deal - Owner': 'owner',
    });
  });

  it('Twenty people export', () => {
    expect(mapped(['Id', 'Name / First Name', 'Name / Last Name', 'Emails / Primary Email', 'Phones / Primary Phone Number', 'Company / Name', 'Job Title', 'City', 'Created At'])).toEqual({
      Id: null,
      'Name / First Name': 'firstName',
      'Name / Last Name': 'lastName',
      'Emails / Primary Email': 'email',
      'Phones / Primary Phone Number': 'phone',
      'Company / Name': 'companyName',
      'Job Title': 'roleTitle',
      City: 'city',
      'Created At': 'createdAt',
    });
  });

  it('Russian headers, ё and е alike, any case and punctuation', () => {
    expect(mapped(['ФИО', 'Компания', 'Телефон', 'Должность', 'Эл. почта', 'Источник', 'Отрасль', 'Город', 'Страна', 'Сумма сделки', 'Стадия', 'Ответственный'])).toEqual({
      ФИО: 'fullNameLastFirst',
      Компания: 'companyName',
      Телефон: 'phone',
      Должность: 'roleTitle',
      'Эл. почта': 'email',
      Источник: 'source',
      Отрасль: 'industry',
      Город: 'city',
      Страна: 'country',
      'Сумма сделки': 'dealValue',
      Стадия: 'stage',
      Ответственный: 'owner',
    });
    expect(mapped(['Имя', 'Фамилия', 'E-mail', 'Почта'])).toEqual({ Имя: 'firstName', Фамилия: 'lastName', 'E-mail': 'email', Почта: null });
    expect(mapped(['  ИМЯ ', 'фамилия', 'Эл.Почта'])).toEqual({ '  ИМЯ ': 'firstName', фамилия: 'lastName', 'Эл.Почта': 'email' });
    expect(normalizeHeader('Ёмкость рынка')).toBe(normalizeHeader('емкость  РЫНКА'));
  });

  it('separate first and last name columns win over a full name column', () => {
    expect(mapped(['Name', 'First name', 'Last name'])).toEqual({ Name: null, 'First name': 'firstName', 'Last name': 'lastName' });
    expect(mapped(['Name', 'Email'])).toEqual({ Name: 'fullName', Email: 'email' });
  });

  it('our own export headers map exactly, the stronger of two candidates winning', () => {
    const suggestion = mapped([...ALL_FIELDS_HEADERS]);
    expect(suggestion).toMatchObject({ 'Owner e-mail': 'owner', Owner: null, 'Stage key': 'stage', Stage: null, 'Deal value': 'dealValue', Created: 'createdAt' });
    // Reordered, the stronger header still wins.
    expect(mapped(['Stage', 'Owner', 'Stage key', 'Owner e-mail'])).toEqual({ Stage: null, Owner: null, 'Stage key': 'stage', 'Owner e-mail': 'owner' });
    // The table's column labels (a board or view export) read back too.
    expect(mapped(['Name', 'E-mail', 'Company', 'Stage', 'Owner', 'Deal value', 'Last activity'])).toEqual({
      Name: 'fullName', 'E-mail': 'email', Company: 'companyName', Stage: 'stage', Owner: 'owner', 'Deal value': 'dealValue', 'Last activity': 'lastActivityAt',
    });
  });

  it('the signature of a header ignores case, spacing and punctuation, not order', () => {
    expect(headerSignature(['First Name', 'E-mail'])).toBe(headerSignature(['first name ', 'E mail']));
    expect(headerSignature(['First Name', 'E-mail'])).not.toBe(headerSignature(['E-mail', 'First Name']));
    expect(headerSignature(['a'])).toMatch(/^[0-9a-f]{64}$/);
  });
});
