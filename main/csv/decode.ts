import iconv from 'iconv-lite';
import { CsvFormatError } from './csv-error.ts';
import type { CsvEncoding } from './detect.ts';

/**
 * A streaming decoder: bytes in, text out, a character split across two chunks comes out whole.
 * Invalid bytes are refused, never turned into U+FFFD: an import must not store garbage.
 */
export interface TextChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

const LABELS: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1251': 'Windows-1251',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

/**
 * UTF-8 and UTF-16 use the platform's WHATWG TextDecoder (fatal mode rejects bad bytes; every
 * Node and Electron build has these three). Windows-1251 uses iconv-lite, which does not depend
 * on the ICU data a runtime was built with; the one unassigned byte (0x98) comes out as U+FFFD,
 * which is caught here. The byte order mark must already be skipped by the caller.
 */
export function createTextDecoder(encoding: CsvEncoding): TextChunkDecoder {
  let offset = 0;
  const fail = (where = `bad bytes in the block that starts at byte ${offset}`): never => {
    throw new CsvFormatError(
      'undecodable',
      `The file is not valid ${LABELS[encoding]} text: ${where}. Save it again as "CSV UTF-8" and import that file.`,
    );
  };

  if (encoding === 'windows-1251') {
    const decoder = iconv.getDecoder('win1251');
    return {
      write(bytes) {
        const text = decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        if (text.includes('\uFFFD')) fail();
        offset += bytes.byteLength;
        return text;
      },
      end: () => decoder.end() ?? '',
    };
  }

  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  return {
    write(bytes) {
      try {
        const text = decoder.decode(bytes, { stream: true });
        offset += bytes.byteLength;
        return text;
      } catch {
        return fail();
      }
    },
    end() {
      try {
        return decoder.decode();
      } catch {
        return fail('it ends in the middle of a character');
      }
    },
  };
}
