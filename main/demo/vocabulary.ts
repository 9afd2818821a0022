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
export const LATIN_COMPANIES: readonly [string, string][] = [
  ['Northwind Analytics', 'northwind-analytics.com'], ['Bluefin Bank', 'bluefinbank.eu'], ['Acme Logistics', 'acmelogistics.io'],
  ['Helios Retail Group', 'heliosretail.com'], ['Lumen Health', 'lumenhealth.org'], ['Brightpath Learning', 'brightpath.edu'],
  ['Quanta Capital "Partners"', 'quantacap.com'], ['Kestrel Manufacturing', 'kestrel-mfg.de'], ['Orbit SaaS', 'orbitsaas.com'],
  ['Fjord Insurance', 'fjordinsurance.no'], ['Verde Foods, Inc.', 'verdefoods.com'], ['Atlas Payments', 'atlaspay.co'],
];
export const CYRILLIC_COMPANIES: readonly [string, string][] = [
  ['ООО «СеверЛогистик»', 'severlogistic.ru'], ['Банк «Восток»', 'vostokbank.ru'], ['АО «ТехноСтрой»', 'technostroy.ru'],
  ['ООО «Ромашка Ритейл»', 'romashka-retail.ru'], ['Финансовая группа «Рубеж»', 'rubezh-finance.ru'], ['ООО «Медика+»', 'medicaplus.ru'],
  ['ГК «Уральские Заводы»', 'uralzavody.ru'], ['ООО «Облако Софт»', 'oblakosoft.ru'],
];
export const INDUSTRIES = ['Financial services', 'Banking', 'Software', 'Retail', 'Manufacturing', 'Healthcare', 'Education', 'Logistics', 'Insurance'];
export const SOURCES = ['Website', 'Google Ads', 'LinkedIn', 'Referral', 'Webinar', 'Cold outreach', 'Conference', 'Content download'];
export const ROLES = [
  'HR Manager', 'Head of Marketing', 'CTO', 'CFO', 'Sales Director', 'Marketing Manager', 'Operations Lead',
  'Маркетолог', 'Директор по продажам', 'Руководитель отдела персонала', 'Финансовый директор',
];
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
