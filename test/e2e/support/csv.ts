import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';

/**
 * The prospect list of the CSV end-to-end test, as a seller's Excel in Russian saves it: semicolons,
 * Russian headers and values, a `+7` phone, a company that is a formula, a quoted line break, one
 * ragged line (6) and one bad e-mail (7); line 8 repeats the e-mail of a lead already stored.
 */
export const PROSPECTS_CSV = [
  'Имя;Фамилия;Компания;Телефон;Должность;Эл. почта',
  'Анна;Петрова;ООО «Ромашка»;+7 915 123-45-67;Директор по маркетингу;anna.petrova@romashka.ru',
  'Иван;Смирнов;=HYPERLINK("http://evil.example");+7 916 000-11-22;Менеджер;ivan@example.ru',
  'Ольга;Кузнецова;"Северный',
  'ветер";+7 903 555-44-33;HR;olga@veter.ru',
  'Пётр;Иванов;Альфа;+7 999 1;Инженер',
  'Мария;Соколова;Бета;+7 926 777-88-99;Аналитик;maria@',
  'Дмитрий;Волков;Гамма;+7 925 111-22-33;CEO;dmitry@existing.ru',
].join('\r\n');

/** Picks a file in the import wizard's first step (the browser uploads it to the harness). */
export async function chooseImportFile(page: Page, name: string, content: string): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  await page.getByTestId('scan-facts').waitFor();
}

/** Waits until the preview on screen belongs to the settings as they are (not dimmed, nothing checking). */
export async function previewSettled(page: Page): Promise<void> {
  await page.getByTestId('preview-counts').waitFor();
  await page.waitForFunction(() => {
    const preview = document.querySelector('.import-preview');
    return preview && preview.getAttribute('aria-busy') !== 'true' && !document.querySelector('[data-testid="preview-progress"]');
  });
}

/** Clicks what starts a download and returns the file's name and text. */
export async function download(page: Page, start: () => Promise<void>): Promise<{ name: string; text: string; download: Download }> {
  const [file] = await Promise.all([page.waitForEvent('download'), start()]);
  const filePath = await file.path();
  if (!filePath) throw new Error(`The download ${file.suggestedFilename()} failed: ${await file.failure()}`);
  return { name: file.suggestedFilename(), text: readFileSync(filePath, 'utf8'), download: file };
}

/** A richer list for the README screenshot: ФИО, stage and owner values, some of which Voronka does not know. */
export const CRM_EXPORT_CSV = [
  'ФИО;Компания;Должность;Телефон;Эл. почта;Этап;Ответственный;Источник;Город;Сумма сделки',
  'Петрова Анна Сергеевна;ООО «Ромашка»;Директор по маркетингу;+7 915 123-45-67;anna.petrova@romashka.ru;Лид;Olga Smirnova;Выставка;Москва;',
  'Смирнов Иван;АО «Северсталь-Инфо»;Руководитель отдела продаж;+7 916 000-11-22;i.smirnov@severinfo.ru;Переговоры;Иван Петров;Сайт;Череповец;450000',
  'Кузнецова Ольга;Облако Плюс;HR-директор;+7 903 555-44-33;olga@oblako.plus;Лид;Olga Smirnova;Рекомендация;Казань;',
  'Волков Дмитрий;Гамма Логистик;CEO;+7 925 111-22-33;dmitry@gamma-log.ru;MQL;Иван Петров;Сайт;Санкт-Петербург;',
  'Соколова Мария;Бета Банк;Аналитик;+7 926 777-88-99;maria@;Лид;;Выставка;Москва;',
  'Лебедев Сергей;Техно Парк;Директор по ИТ;+7 921 444-55-66;s.lebedev@technopark.ru;Переговоры;Olga Smirnova;Сайт;Новосибирск;1200000',
].join('\r\n');
