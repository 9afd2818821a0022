import type { CompanyFields, Seniority } from '../../shared/domain/lead.ts';

/** Word lists for demo data: a mixed Russian and international sales team's real-looking leads. */
export const LATIN_PEOPLE = {
  first: ['Anna', 'James', 'Maria', 'Lukas', 'Sofia', 'Daniel', 'Emma', 'Oliver', 'Chloé', 'Mateo', 'Aisha', 'Noah', 'Julia', 'Tomás', 'Hannah', 'Ethan'],
  last: ['Schneider', 'Carter', "O'Brien", 'García', 'Novak', 'Rossi', 'Müller', 'Kowalski', 'Dubois', 'Andersson', 'Patel', 'Nguyen', 'Fischer', 'Silva'],
};
/** Russian surnames agree with the person's gender: the female form of these adds "а". */
export const CYRILLIC_PEOPLE = {
  female: ['Анна', 'Ольга', 'Екатерина', 'Мария', 'Наталья', 'Татьяна', 'Ирина', 'Светлана'],
  male: ['Дмитрий', 'Сергей', 'Алексей', 'Иван', 'Михаил', 'Павел', 'Андрей', 'Николай'],
  last: ['Петров', 'Иванов', 'Смирнов', 'Кузнецов', 'Соколов', 'Попов', 'Лебедев', 'Волков', 'Морозов', 'Новиков'],
};
/** Cyrillic names get Latin e-mail local parts, as they do in real life. */
export const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch', ъ: '', ы: 'y',
  ь: '', э: 'e', ю: 'yu', я: 'ya',
};
type Profile = Omit<CompanyFields, 'website'>;

const company = (
  companyName: string, companyDomain: string, industry: string, employeeCount: number, monthlyAdSpendUsd: number,
  adChannels: string[], technologies: string[], jobDepartments: string[], openJobPostings: number, country: string, city: string,
): Profile => ({ companyName, companyDomain, industry, employeeCount, monthlyAdSpendUsd, adChannels, technologies, openJobPostings, jobDepartments, country, city });

/**
 * Companies as a lead database would describe them. Four fit the example prospect list (financial
 * services or banking, more than 10 employees, Google Ads, HubSpot, hiring in marketing); several
 * miss it by exactly one signal, as real lists do: no Google Ads, 8 employees, an insurer, Salesforce
 * instead of HubSpot, hiring engineers and sales only.
 */
export const LATIN_COMPANIES: readonly Profile[] = [
  company('Bluefin Bank', 'bluefinbank.eu', 'Banking', 850, 45_000, ['Google Ads', 'LinkedIn'], ['HubSpot', 'Zendesk'], ['Marketing', 'Sales'], 12, 'Ireland', 'Dublin'),
  company('Atlas Payments', 'atlaspay.co', 'Financial services', 140, 18_000, ['Google Ads', 'Meta'], ['HubSpot', 'Stripe'], ['Marketing', 'Engineering'], 6, 'United States', 'Austin'),
  company('Harbor Credit Union', 'harborcu.org', 'Banking', 320, 9_000, ['Google Ads'], ['HubSpot', 'Salesforce'], ['Marketing'], 4, 'United States', 'Portland'),
  company('Crestline Wealth', 'crestlinewealth.com', 'Financial services', 60, 7_500, ['Google Ads', 'LinkedIn'], ['HubSpot', 'Intercom'], ['Marketing', 'Sales'], 3, 'United Kingdom', 'London'),
  company('Quanta Capital "Partners"', 'quantacap.com', 'Financial services', 210, 12_000, ['LinkedIn'], ['HubSpot', 'Salesforce'], ['Marketing'], 5, 'United States', 'New York'),
  company('Pennywise Fintech', 'pennywise.app', 'Financial services', 8, 2_500, ['Google Ads', 'Meta'], ['HubSpot'], ['Marketing'], 2, 'Germany', 'Berlin'),
  company('Fjord Insurance', 'fjordinsurance.no', 'Insurance', 1_200, 30_000, ['Google Ads', 'Meta'], ['HubSpot', 'Salesforce'], ['Marketing'], 9, 'Norway', 'Oslo'),
  company('Meridian Savings Bank', 'meridiansavings.com', 'Banking', 540, 15_000, ['Google Ads', 'Meta'], ['Salesforce', 'Marketo'], ['Marketing', 'Operations'], 8, 'United States', 'Chicago'),
  company('Granite Trust', 'granitetrust.com', 'Banking', 260, 14_000, ['Google Ads', 'LinkedIn'], ['Salesforce', 'Pardot'], ['Marketing'], 5, 'Canada', 'Calgary'),
  company('Ledgerline Payments', 'ledgerline.io', 'Financial services', 75, 11_000, ['Google Ads'], ['HubSpot', 'Stripe'], ['Engineering', 'Sales'], 3, 'Netherlands', 'Amsterdam'),
  company('Northwind Analytics', 'northwind-analytics.com', 'Software', 95, 22_000, ['Google Ads', 'LinkedIn'], ['HubSpot', 'Segment'], ['Marketing', 'Engineering'], 7, 'United States', 'Seattle'),
  company('Orbit SaaS', 'orbitsaas.com', 'Software', 45, 9_500, ['Google Ads', 'LinkedIn', 'Reddit'], ['HubSpot', 'Intercom'], ['Engineering', 'Sales'], 6, 'United States', 'San Francisco'),
  company('Acme Logistics', 'acmelogistics.io', 'Logistics', 400, 4_000, ['Google Ads'], ['Salesforce', 'SAP'], ['Operations'], 10, 'United States', 'Memphis'),
  company('Helios Retail Group', 'heliosretail.com', 'Retail', 5_000, 120_000, ['Google Ads', 'Meta', 'TikTok'], ['Shopify', 'Klaviyo'], ['Marketing', 'Sales', 'Operations'], 40, 'United States', 'Los Angeles'),
  company('Verde Foods, Inc.', 'verdefoods.com', 'Retail', 650, 40_000, ['Meta', 'TikTok', 'Google Ads'], ['Shopify', 'Klaviyo'], ['Marketing'], 5, 'United States', 'Denver'),
  company('Lumen Health', 'lumenhealth.org', 'Healthcare', 1_300, 25_000, ['Google Ads', 'LinkedIn'], ['Salesforce', 'Epic'], ['Operations'], 22, 'United States', 'Boston'),
  company('Brightpath Learning', 'brightpath.edu', 'Education', 180, 6_000, ['Google Ads', 'Meta'], ['HubSpot', 'Canvas'], [], 0, 'Canada', 'Toronto'),
  company('Kestrel Manufacturing', 'kestrel-mfg.de', 'Manufacturing', 2_200, 3_000, ['LinkedIn'], ['SAP', 'Microsoft Dynamics'], ['Engineering', 'Operations'], 15, 'Germany', 'Stuttgart'),
];
export const CYRILLIC_COMPANIES: readonly Profile[] = [
  company('ООО «СеверЛогистик»', 'severlogistic.ru', 'Logistics', 260, 3_000, ['Yandex Direct'], ['1C', 'Bitrix24'], ['Sales'], 6, 'Russia', 'Санкт-Петербург'),
  company('Банк «Восток»', 'vostokbank.ru', 'Banking', 3_400, 60_000, ['Yandex Direct', 'VK Ads'], ['Bitrix24', '1C'], ['Marketing', 'IT'], 25, 'Russia', 'Владивосток'),
  company('АО «ТехноСтрой»', 'technostroy.ru', 'Manufacturing', 900, 2_000, ['Yandex Direct'], ['1C'], ['Engineering'], 9, 'Russia', 'Екатеринбург'),
  company('ООО «Ромашка Ритейл»', 'romashka-retail.ru', 'Retail', 1_100, 28_000, ['Yandex Direct', 'VK Ads'], ['1C', 'Bitrix24'], ['Sales', 'Marketing'], 14, 'Russia', 'Москва'),
  company('Финансовая группа «Рубеж»', 'rubezh-finance.ru', 'Financial services', 420, 35_000, ['Yandex Direct', 'Google Ads'], ['HubSpot', 'amoCRM'], ['Marketing'], 7, 'Russia', 'Москва'),
  company('ООО «Медика+»', 'medicaplus.ru', 'Healthcare', 150, 5_000, ['Yandex Direct'], ['amoCRM'], [], 0, 'Russia', 'Казань'),
  company('ГК «Уральские Заводы»', 'uralzavody.ru', 'Manufacturing', 7_800, 1_500, [], ['1C', 'SAP'], ['Engineering', 'Operations'], 31, 'Russia', 'Челябинск'),
  company('ООО «Облако Софт»', 'oblakosoft.ru', 'Software', 70, 8_000, ['Yandex Direct', 'VK Ads'], ['amoCRM', 'Jira'], ['Engineering', 'Marketing'], 4, 'Russia', 'Новосибирск'),
];
export const SOURCES = ['Website', 'Google Ads', 'LinkedIn', 'Referral', 'Webinar', 'Cold outreach', 'Conference', 'Content download'];

export interface RoleProfile {
  title: string;
  seniority: Seniority;
  department: string;
  persona: string;
}
const role = (title: string, seniority: Seniority, department: string, persona: string): RoleProfile => ({ title, seniority, department, persona });

/** The contact the example prospect list looks for: HR managers (they buy when the company hires). */
export const HR_MANAGER = role('HR Manager', 'manager', 'Human resources', 'People leader');
export const LATIN_ROLES: readonly RoleProfile[] = [
  role('Head of Marketing', 'director', 'Marketing', 'Economic buyer'),
  role('Marketing Manager', 'manager', 'Marketing', 'Champion'),
  role('Growth Marketer', 'entry', 'Marketing', 'End user'),
  role('CTO', 'c_level', 'Engineering', 'Technical evaluator'),
  role('CFO', 'c_level', 'Finance', 'Economic buyer'),
  role('Sales Director', 'director', 'Sales', 'Champion'),
  role('VP of Sales', 'vp', 'Sales', 'Economic buyer'),
  role('Operations Lead', 'manager', 'Operations', 'End user'),
  role('Founder & CEO', 'owner', 'Executive', 'Economic buyer'),
];
export const CYRILLIC_ROLES: readonly RoleProfile[] = [
  role('Маркетолог', 'entry', 'Маркетинг', 'End user'),
  role('Директор по маркетингу', 'director', 'Маркетинг', 'Economic buyer'),
  role('Директор по продажам', 'director', 'Продажи', 'Champion'),
  role('Руководитель отдела персонала', 'manager', 'Персонал', 'People leader'),
  role('Финансовый директор', 'c_level', 'Финансы', 'Economic buyer'),
  role('ИТ-директор', 'c_level', 'ИТ', 'Technical evaluator'),
];
export const TAGS = ['newsletter', 'webinar-2026', 'enterprise', 'partner referral', 'event: SaaStr', 'priority', 'горячий лид', 'тендер'];
export const NOTES = [
  'Asked for a demo next week.',
  'Call went well — they use "HubSpot" today and hate the price.\nFollow up with the ROI sheet.',
  'Interested, but budget is frozen until Q3.',
  'Просили прислать коммерческое предложение до пятницы.',
  'Left a voicemail; second attempt on Thursday.',
  'Downloaded the "Funnel benchmarks, 2026" report, then visited pricing twice.',
  'Встреча перенесена.\nНужно согласовать с ИТ-отделом, см. письмо от «Рубежа».',
];
export const TEAM = [
  { name: 'Olga Smirnova', email: 'olga@voronka.example', role: 'account_executive' },
  { name: 'James Carter', email: 'james@voronka.example', role: 'sdr' },
  { name: 'Дмитрий Волков', email: 'dmitry@voronka.example', role: 'account_executive' },
  { name: 'Priya Nair', email: 'priya@voronka.example', role: 'marketing' },
  { name: 'Анна Кузнецова', email: 'anna@voronka.example', role: 'sdr' },
] as const;
