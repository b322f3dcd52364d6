/**
 * The minutes as an editable Word document (.docx), from the same model as the PDF and the
 * print page, because a committee amends wording before it signs. A4, Times New Roman 13 pt,
 * page numbers at the top from page 2, "DỰ THẢO" at the head of every page until results are
 * published, the closing sentence kept with the signature blocks.
 */
import { AlignmentType, Document, Header, Packer, PageBreak, PageNumber, Paragraph, TextRun, type FileChild } from 'docx';
import type { MinutesModel } from '../domain/minutes-model';
import { appendixTable, BODY, DOCX_FONT, headerTable, para, resultsTable, signatureTables } from './minutes-docx-parts';

const INDENT = 360;

function draftParagraph(model: MinutesModel): Paragraph[] {
  if (!model.draft) return [];
  return [para(model.draft.mark, { bold: true, size: 22, color: 'B00000', after: 0 })];
}

/** Page 2 on: the title and "Trang i/n", small, in the top margin; a draft's mark on every page. */
function headers(model: MinutesModel): { first: Header; default: Header } {
  const small = (children: (TextRun | string)[]) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, children: children.map((c) => (typeof c === 'string' ? new TextRun({ text: c, italics: true, size: 18, font: DOCX_FONT }) : c)) });
  const number = (kind: (typeof PageNumber)[keyof typeof PageNumber]) => new TextRun({ children: [kind], italics: true, size: 18, font: DOCX_FONT });
  return {
    first: new Header({ children: draftParagraph(model).length > 0 ? draftParagraph(model) : [new Paragraph({})] }),
    default: new Header({
      children: [
        ...draftParagraph(model),
        para(`${model.title} (tiếp theo)`, { italics: true, size: 18, align: AlignmentType.CENTER, after: 0, color: '444444' }),
        small(['Trang ', number(PageNumber.CURRENT), '/', number(PageNumber.TOTAL_PAGES)]),
      ],
    }),
  };
}

function body(model: MinutesModel): FileChild[] {
  const item = (text: string) => para(`– ${text}`, { indent: INDENT, after: 20, align: AlignmentType.JUSTIFIED });
  const out: FileChild[] = [
    headerTable(model),
    para(model.title, { bold: true, size: 28, align: AlignmentType.CENTER, before: 240, after: 0 }),
    ...model.subtitle.map((s) => para(s, { bold: true, align: AlignmentType.CENTER, after: 0 })),
    ...(model.draft ? [para(model.draft.note, { italics: true, size: 22, color: 'B00000', align: AlignmentType.CENTER, after: 0 })] : []),
    para(model.intro, { align: AlignmentType.JUSTIFIED, before: 240 }),
    ...model.times.map((t) => item(`${t.label}: ${t.value}.`)),
    para(model.committeeHeading, { after: 20 }),
    ...(model.committee.length === 0
      ? [para('(Chưa ghi thành phần Ban kiểm phiếu.)', { indent: INDENT })]
      : model.committee.map((m, i) => para(`${i + 1}. ${m.fullName} — ${m.role}`, { indent: INDENT, after: 20 }))),
    para(model.box.statement, { align: AlignmentType.JUSTIFIED, before: 80 }),
    ...model.box.facts.map(
      (f) =>
        new Paragraph({
          indent: { left: INDENT },
          spacing: { after: 20 },
          children: [
            new TextRun({ text: `– ${f.label}: `, size: BODY, font: DOCX_FONT }),
            new TextRun({ text: f.value, size: f.code ? 23 : BODY, bold: f.code, font: f.code ? 'Courier New' : DOCX_FONT }),
          ],
        }),
    ),
    para(model.resultsHeading, { bold: true, before: 80, keepNext: true }),
    ...model.counts.map((c) => item(`${c.label}: ${c.value}`)),
    resultsTable(model),
    ...model.baseNote.split('\n').map((line) => para(line, { italics: true, size: 22, before: 60 })),
    para(model.thresholdsHeading, { bold: true, before: 80, keepNext: true }),
    ...(model.thresholds.length === 0 ? ['Không có.'] : model.thresholds).map((t) => para(t, { indent: INDENT, align: AlignmentType.JUSTIFIED, after: 20 })),
    para(model.closing, { align: AlignmentType.JUSTIFIED, before: 120, after: 200, keepNext: true }),
    ...signatureTables(model),
  ];
  if (model.appendix.rows.length > 0) {
    out.push(
      new Paragraph({ children: [new PageBreak()] }),
      para(model.appendix.heading, { bold: true, align: AlignmentType.CENTER }),
      para(model.appendix.note, { italics: true, size: 20 }),
      appendixTable(model),
    );
  }
  return out;
}

/** Render the minutes to .docx bytes. */
export async function renderMinutesDocx(model: MinutesModel): Promise<Buffer> {
  const doc = new Document({
    creator: 'tinnhiem',
    title: `${model.draft ? `${model.draft.mark} — ` : ''}${model.title} — ${model.subtitle.join(' — ')}`,
    styles: { default: { document: { run: { font: DOCX_FONT, size: BODY }, paragraph: { spacing: { line: 288 } } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1418, right: 850, header: 567 } },
        },
        headers: headers(model),
        children: body(model),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
