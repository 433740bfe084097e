/**
 * The 落款 (agency name and date at the end of the report) as ONE inline object: a VML group as wide as the
 * text block and as tall as the 落款's lines, holding one text box a line. Put on a line of its own at the end of
 * the report's last paragraph (`appendSignature` in ./build-report.ts), it is that paragraph's last line, and
 * widow control keeps at least the paragraph's last line of text with it: the 落款 stands on the page where the
 * text ends (GB/T 9704 7.3.5), for every length of that paragraph, in Word by construction and in LibreOffice as
 * rendered (test/docx/libreoffice.test.ts).
 *
 * Why this construction; what LibreOffice 7.4 did with the others, page images looked at:
 * - separate 落款 paragraphs kept with the last one (keep with next): when the paragraph fits a page and the two
 *   together do not, the paragraph moves whole to the next page, the keep is given up and the 落款 is left alone
 *   on the page after it;
 * - one DrawingML text box (`wps:wsp`, also inside a `wpg` group) or one VML text box inline: the box takes its
 *   place on the line, but its text is drawn at the top of the paragraph's part on that page, over the text,
 *   unless the box happens to be on that part's second line;
 * - a VML group of text boxes: the text is drawn in its boxes where the group stands. It is drawn without the
 *   paragraphs' exact line spacing, so the layout is all geometry: one box a line, one line pitch high, the text
 *   at its foot (where a line of exactly one pitch has it in Word and LibreOffice), right-aligned against the
 *   box's right edge. The blank line above the 落款 is the top half of the first box: a group is only as tall as
 *   its boxes there.
 *
 * The text stays text: `w:txbxContent` paragraphs, which pdftotext, the app's Word import
 * (src/domain/import/docx-blocks.ts) and the visible-content comparison (./visible-content.ts) read like any
 * other paragraph; the group's `alt` names it for screen readers.
 */
import { AlignmentType, BuilderElement, LineRuleType, Paragraph, Run, type XmlComponent } from 'docx';
import { displayWidth, greedyLines } from './text.ts';
import { BODY_CHAR, CHARS_PER_LINE, LINE_PITCH, SIGNATURE_DATE_RIGHT_CHARS, TEXT_WIDTH } from './typography.ts';

export interface Signature {
  readonly name: string;
  readonly date: string | null;
}

/** Characters the agency name keeps from the right margin at least (GB/T 9704 7.3.5.2: 右空二字). */
const NAME_MIN_RIGHT_CHARS = 2;

/**
 * Where the 落款's lines go (spec §8.5, GB/T 9704 7.3.5.2), in twips within the text block's width: one blank
 * line above, the agency name centred over the date (never closer than 右空二字 to the margin when it is longer,
 * wrapping there as a paragraph with that right indent would), the date 右空四字. One box a line, each starting
 * at the left margin, its text right-aligned against its right edge `right` twips in from the margin and standing
 * at its foot, where a line of exactly one line pitch puts the text in Word and LibreOffice. The first box holds
 * the blank line above its text: LibreOffice makes a group only as tall as its boxes.
 */
export function signatureLayout({ name, date }: Signature): {
  readonly height: number;
  readonly boxes: readonly { readonly text: string; readonly top: number; readonly height: number; readonly right: number }[];
} {
  const dateWidth = date === null ? 0 : displayWidth(date);
  const nameRight = Math.max(NAME_MIN_RIGHT_CHARS, SIGNATURE_DATE_RIGHT_CHARS + (dateWidth - displayWidth(name)) / 2);
  const lines = [
    ...greedyLines([...name], CHARS_PER_LINE - NAME_MIN_RIGHT_CHARS).map((text) => ({ text, right: Math.round(nameRight * BODY_CHAR) })),
    ...(date === null ? [] : [{ text: date, right: SIGNATURE_DATE_RIGHT_CHARS * BODY_CHAR }]),
  ];
  const boxes = lines.map((line, i) => ({
    text: line.text,
    top: i === 0 ? 0 : (i + 1) * LINE_PITCH,
    height: i === 0 ? 2 * LINE_PITCH : LINE_PITCH,
    right: line.right,
  }));
  return { height: boxes.length === 0 ? 0 : (lines.length + 1) * LINE_PITCH, boxes };
}

/** `name="value"` attributes of a VML element. */
function attributes(values: Record<string, string>): Record<string, { key: string; value: string }> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { key, value }]));
}

const NO_WRAP_DISTANCE = 'mso-wrap-distance-left:0;mso-wrap-distance-right:0;mso-wrap-distance-top:0;mso-wrap-distance-bottom:0';

/** Twips as VML points. */
const points = (twips: number) => `${twips / 20}pt`;

/** A run holding a picture element (`w:pict`), which docx has no run for. */
class PictureRun extends Run {
  constructor(picture: XmlComponent) {
    super({});
    this.root.push(picture);
  }
}

/** The 落款 as a run (the inline VML group); null when there is neither name nor date. */
export function signatureRun(signature: Signature): Run | null {
  const layout = signatureLayout(signature);
  if (layout.boxes.length === 0) return null;
  const boxes = layout.boxes.map(
    ({ text, top, height, right }) =>
      new BuilderElement({
        name: 'v:rect',
        attributes: attributes({
          // No wrapping distance (VML's default is 9pt left and right, which LibreOffice adds beside the group), no
          // wrapping of the line, the text at the box's foot.
          style: `position:absolute;left:0;top:${top};width:${TEXT_WIDTH - right};height:${height};${NO_WRAP_DISTANCE};mso-wrap-style:none;v-text-anchor:bottom`,
          filled: 'f',
          stroked: 'f',
        }),
        children: [
          new BuilderElement({
            name: 'v:textbox',
            attributes: attributes({ inset: '0,0,0,0' }),
            children: [
              new BuilderElement({
                name: 'w:txbxContent',
                children: [
                  new Paragraph({
                    alignment: AlignmentType.RIGHT,
                    spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
                    text,
                  }),
                ],
              }),
            ],
          }),
        ],
      }),
  );
  const group = new BuilderElement({
    name: 'v:group',
    attributes: attributes({
      alt: `落款：${layout.boxes.map((box) => box.text).join(' ')}`,
      style: `width:${points(TEXT_WIDTH)};height:${points(layout.height)};${NO_WRAP_DISTANCE}`,
      coordsize: `${TEXT_WIDTH},${layout.height}`,
      coordorigin: '0,0',
    }),
    children: boxes,
  });
  return new PictureRun(new BuilderElement({ name: 'w:pict', children: [group] }));
}
