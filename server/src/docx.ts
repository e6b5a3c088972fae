// .docx → HTML with mammoth, for the Node server's `gknb/import` (node.ts passes it to startServer;
// the web worker has no .docx support). The HTML then goes through the service's importReport.
import * as mammoth from 'mammoth';
import type { DocxToHtml } from './importFile';

export const docxToHtml: DocxToHtml = async (bytes) => {
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    // Pictures carry no report text: they are not inlined (a data URI per image would only cost memory).
    { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
  );
  return { html: result.value, warnings: result.messages.map((m) => m.message) };
};
