// The `gknb/import` request's work, apart from the LSP wiring: a file's bytes (base64) → its text,
// decoded like `gknb import` decodes it → importReport. A .docx goes through the host's converter
// (mammoth, in the Node server only; the web worker has none and says so).
import { importReport, parseReport, type ImportFormat, type ImportResult, type Locale, type TemplateYear } from './service';
import type { ImportParams, ImportReply } from './protocol';
import { localize, type MessageArgument } from './service/l10n';

/** Converts a .docx file to HTML (mammoth in the Node server); warnings are mammoth's messages. */
export type DocxToHtml = (bytes: Uint8Array) => Promise<{ html: string; warnings: string[] }>;

export interface ImportFileOptions {
  readonly template: 'auto' | TemplateYear;
  readonly locale: Locale;
  /** Absent where .docx cannot be read (the web worker). */
  readonly docxToHtml?: DocxToHtml;
}

type SourceKind = ImportFormat | 'docx';

/** The format of a file by its extension, as `gknb import` decides it. */
export function sourceKindOf(name: string): SourceKind | undefined {
  const match = /\.([^./\\]+)$/.exec(name.toLowerCase());
  switch (match?.[1]) {
    case 'txt': case 'text': case 'md': case 'markdown': return 'text';
    case 'html': case 'htm': case 'xhtml': return 'html';
    case 'docx': return 'docx';
    default: return undefined;
  }
}

function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Text of a file taken from Word: UTF-16 with a BOM, else UTF-8 (BOM dropped); a file that is not
 * valid UTF-8 is read as GB18030 (what Windows saves Chinese text and Word's web pages in), with a
 * note in both languages. Shared by `gknb import` and the `gknb/import` request.
 */
export function decodeText(bytes: Uint8Array): { text: string; note?: { zh: string; en: string } } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(body), note: { zh: '文件不是 UTF-8 编码，已按 GB18030（GBK）读取', en: 'file is not UTF-8; read as GB18030 (GBK)' } };
    } catch {
      return {
        text: new TextDecoder('utf-8').decode(body),
        note: { zh: '文件不是有效的 UTF-8 编码，已按 UTF-8 读取，部分文字可能显示为乱码', en: 'file is not valid UTF-8; read as UTF-8 with replacement characters' },
      };
    }
  }
}

export async function importFile(params: ImportParams, options: ImportFileOptions): Promise<ImportReply> {
  const say = (message: string, ...args: MessageArgument[]): string => localize(options.locale, message, ...args);
  const kind = sourceKindOf(params.name);
  if (!kind) {
    return {
      ok: false,
      message: say('Unsupported file type; gknb imports .txt, .md, .html, .htm and .docx (save a .doc as .docx in Word first).'),
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(params.base64);
  } catch {
    return { ok: false, message: say('The file content could not be decoded (not base64).') };
  }
  if (kind === 'docx') {
    if (!options.docxToHtml) {
      return {
        ok: false,
        message: say('A .docx file cannot be read in VS Code for the Web: save it from Word as a web page (.htm) or plain text (.txt) and import that, or use VS Code desktop.'),
      };
    }
    let converted: { html: string; warnings: string[] };
    try {
      converted = await options.docxToHtml(bytes);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, message: say('Cannot read the .docx file ({0}).', detail) };
    }
    return reply(importReport(converted.html, { format: 'html', template: options.template }), converted.warnings.map((w) => `mammoth: ${w}`), options);
  }
  const { text, note } = decodeText(bytes);
  return reply(importReport(text, { format: kind, template: options.template }), note ? [`${note.zh} / ${note.en}`] : [], options);
}

function reply(result: ImportResult, readNotes: readonly string[], options: ImportFileOptions): ImportReply {
  const tables = parseReport(result.text, { template: options.template }).tables.length;
  return { ok: true, text: result.text, tables, unmapped: result.unmapped, notes: [...readNotes, ...result.notes] };
}
