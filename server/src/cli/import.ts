// `gknb import <file> [-o out.gknb.md]`: turns a report taken from Word into a gknb draft with the
// service's importReport. This file does the node side only: reading the file (a .docx through
// mammoth's HTML conversion), choosing the format by extension, writing the result atomically and
// telling on stderr what could not be placed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as mammoth from 'mammoth';
import { importReport, type ImportFormat, type ImportResult } from '../service/importer';
import type { CliLocale, CliTemplate } from './args';
import { displayPath, readTextFile } from './files';

export interface ImportIO {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export interface ImportCommand {
  readonly input: string;
  readonly output?: string;
  readonly template: CliTemplate;
  readonly locale: CliLocale;
}

type SourceKind = ImportFormat | 'docx';

/** The format of an input file, by its extension. */
export function sourceKindOf(file: string): SourceKind | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.txt' || ext === '.md' || ext === '.text' || ext === '.markdown') return 'text';
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.docx') return 'docx';
  return undefined;
}

function bilingual(zh: string, en: string): string {
  return `${zh}\n  ${en}`;
}

type Read = { ok: true; text: string; note?: string } | { ok: false; zh: string; en: string };

/**
 * A text or HTML file as text: UTF-8 (or UTF-16 with a BOM) as `gknb check` reads it; a file that
 * is not valid UTF-8 is decoded as GB18030 (what Windows saves Chinese text and Word's web pages in).
 */
function readSourceText(file: string): Read {
  const read = readTextFile(file);
  if (!read.ok) return read;
  if (!read.encodingNote) return { ok: true, text: read.text };
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(fs.readFileSync(file));
    return { ok: true, text, note: bilingual('文件不是 UTF-8 编码，已按 GB18030（GBK）读取', 'file is not UTF-8; read as GB18030 (GBK)') };
  } catch {
    return { ok: true, text: read.text, note: bilingual(read.encodingNote.zh, read.encodingNote.en) };
  }
}

async function readDocx(file: string): Promise<{ ok: true; html: string; warnings: string[] } | { ok: false; zh: string; en: string }> {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, zh: `无法读取文件（${code}）`, en: `cannot read file (${code})` };
  }
  try {
    const result = await mammoth.convertToHtml(
      { buffer },
      // Pictures carry no report text: they are not inlined (a data URI per image would only cost memory).
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    return { ok: true, html: result.value, warnings: result.messages.map((m) => m.message) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, zh: `无法读取 .docx 文件（${detail}）`, en: `cannot read the .docx file (${detail})` };
  }
}

/**
 * Replaces or creates a file atomically: the text goes to a temporary file beside it, which is then
 * renamed over the target, so an interrupted run leaves the old file or the new one, never half.
 */
export function writeFileAtomic(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.gknb-${process.pid}.tmp`);
  let mode: number | undefined;
  try {
    mode = fs.statSync(file).mode;
  } catch {
    mode = undefined; // a new file: the default mode
  }
  try {
    fs.writeFileSync(temp, text, mode === undefined ? { encoding: 'utf8' } : { encoding: 'utf8', mode });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

function tableCount(result: ImportResult): number {
  return result.notes.filter((n) => n.startsWith('识别出')).length;
}

export async function runImport(command: ImportCommand, io: ImportIO): Promise<number> {
  const absolute = path.resolve(io.cwd, command.input);
  const display = displayPath(io.cwd, absolute);
  const kind = sourceKindOf(absolute);
  if (!kind) {
    io.stderr(`gknb: ${display}: ${bilingual(
      '不支持的文件类型；可导入 .txt、.md、.html、.htm、.docx（.doc 请先在 Word 中另存为 .docx）',
      'unsupported file type; import reads .txt, .md, .html, .htm and .docx (save a .doc as .docx in Word first)',
    )}\n`);
    return 2;
  }
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(absolute);
  } catch {
    stat = undefined;
  }
  if (!stat || !stat.isFile()) {
    io.stderr(`gknb: ${bilingual(`找不到文件：${command.input}`, `No such file: ${command.input}`)}\n`);
    return 2;
  }
  const outputAbsolute = command.output === undefined ? undefined : path.resolve(io.cwd, command.output);
  if (outputAbsolute !== undefined && outputAbsolute === absolute) {
    io.stderr(`gknb: ${bilingual('输出文件不能与输入文件相同', 'the output file must not be the input file')}\n`);
    return 2;
  }

  let result: ImportResult;
  if (kind === 'docx') {
    const read = await readDocx(absolute);
    if (!read.ok) {
      io.stderr(`gknb: ${display}: ${bilingual(read.zh, read.en)}\n`);
      return 2;
    }
    for (const warning of read.warnings) io.stderr(`gknb: ${display}: mammoth: ${warning}\n`);
    result = importReport(read.html, { format: 'html', template: command.template });
  } else {
    const read = readSourceText(absolute);
    if (!read.ok) {
      io.stderr(`gknb: ${display}: ${bilingual(read.zh, read.en)}\n`);
      return 2;
    }
    if (read.note) io.stderr(`gknb: ${display}: ${read.note}\n`);
    result = importReport(read.text, { format: kind, template: command.template });
  }

  const where = outputAbsolute === undefined ? '<stdout>' : displayPath(io.cwd, outputAbsolute);
  if (outputAbsolute === undefined) {
    io.stdout(result.text);
  } else {
    try {
      fs.mkdirSync(path.dirname(outputAbsolute), { recursive: true });
      writeFileAtomic(outputAbsolute, result.text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      io.stderr(`gknb: ${where}: ${bilingual(`无法写入文件（${code}）`, `cannot write the file (${code})`)}\n`);
      return 2;
    }
  }
  for (const note of result.notes) io.stderr(`gknb: ${display}: ${note}\n`);
  for (const item of result.unmapped) io.stderr(`${where}:${item.line + 1}: ${item.text}\n  ${item.reason}\n`);
  const tables = tableCount(result);
  io.stderr(command.locale === 'en'
    ? `gknb: imported ${display} → ${where}: ${tables} table(s) recognised, ${result.unmapped.length} piece(s) not placed\n`
    : `gknb: 已导入 ${display} → ${where}：识别出 ${tables} 张表格，${result.unmapped.length} 处未能归入\n`);
  return 0;
}
