// `gknb import <file> [-o out.gknb.md]`: turns a report taken from Word into a gknb draft with the
// service's importReport. This file does the command-line side only: reading the file, writing the
// result atomically and telling on stderr what could not be placed. Choosing the format by extension,
// decoding the text and converting a .docx (mammoth) are shared with the `gknb/import` request.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { docxToHtml } from '../docx';
import { decodeText, sourceKindOf } from '../importFile';
import { importReport, type ImportResult } from '../service/importer';
import type { CliLocale, CliTemplate } from './args';
import { displayPath, writeTextFileAtomic } from './files';

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

function bilingual(zh: string, en: string): string {
  return `${zh}\n  ${en}`;
}

type Read<T> = ({ ok: true } & T) | { ok: false; zh: string; en: string };

/** The file's bytes, or why they cannot be read. */
function readBytes(file: string): Read<{ bytes: Buffer }> {
  try {
    return { ok: true, bytes: fs.readFileSync(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, zh: `无法读取文件（${code}）`, en: `cannot read file (${code})` };
  }
}

async function readDocx(bytes: Uint8Array): Promise<Read<{ html: string; warnings: string[] }>> {
  try {
    return { ok: true, ...(await docxToHtml(bytes)) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, zh: `无法读取 .docx 文件（${detail}）`, en: `cannot read the .docx file (${detail})` };
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

  const file = readBytes(absolute);
  if (!file.ok) {
    io.stderr(`gknb: ${display}: ${bilingual(file.zh, file.en)}\n`);
    return 2;
  }
  let result: ImportResult;
  if (kind === 'docx') {
    const read = await readDocx(file.bytes);
    if (!read.ok) {
      io.stderr(`gknb: ${display}: ${bilingual(read.zh, read.en)}\n`);
      return 2;
    }
    for (const warning of read.warnings) io.stderr(`gknb: ${display}: mammoth: ${warning}\n`);
    result = importReport(read.html, { format: 'html', template: command.template });
  } else {
    const { text, note } = decodeText(file.bytes);
    if (note) io.stderr(`gknb: ${display}: ${bilingual(note.zh, note.en)}\n`);
    result = importReport(text, { format: kind, template: command.template });
  }

  const where = outputAbsolute === undefined ? '<stdout>' : displayPath(io.cwd, outputAbsolute);
  if (outputAbsolute === undefined) {
    io.stdout(result.text);
  } else {
    try {
      fs.mkdirSync(path.dirname(outputAbsolute), { recursive: true });
      writeTextFileAtomic(outputAbsolute, result.text, 'utf-8');
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
