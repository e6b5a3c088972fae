// A minimal .docx written in the test (Word's XML in a zip, via JSZip): paragraphs and tables with
// spanned and vertically merged cells, as Word saves them. Shared by the unit tests and the
// integration suites (which bundle it for the browser too), so it returns plain bytes.
import JSZip from 'jszip';

export interface DocxCell {
  readonly text?: string;
  readonly paras?: readonly string[];
  readonly span?: number;
  readonly merge?: 'restart' | 'continue';
}
export type DocxBlock = { readonly p: string } | { readonly table: readonly (readonly DocxCell[])[] };

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const wp = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;

export async function buildDocx(blocks: readonly DocxBlock[]): Promise<Uint8Array> {
  const body = blocks.map((b) => {
    if ('p' in b) return wp(b.p);
    const rows = b.table.map((row) => `<w:tr>${row.map((cell) => {
      const props = `${cell.span ? `<w:gridSpan w:val="${cell.span}"/>` : ''}${cell.merge === 'restart' ? '<w:vMerge w:val="restart"/>' : cell.merge === 'continue' ? '<w:vMerge/>' : ''}`;
      const paras = cell.paras ?? [cell.text ?? ''];
      return `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${paras.map((p) => (p === '' ? '<w:p/>' : wp(p))).join('')}</w:tc>`;
    }).join('')}</w:tr>`).join('');
    return `<w:tbl>${rows}</w:tbl>${'<w:p/>'}`;
  }).join('');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array' });
}

/** Paragraphs, then one table of plain cells. */
export function simpleDocx(paragraphs: readonly string[], rows: readonly (readonly string[])[]): Promise<Uint8Array> {
  return buildDocx([...paragraphs.map((p) => ({ p })), { table: rows.map((row) => row.map((text) => ({ text }))) }]);
}
