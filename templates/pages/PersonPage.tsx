// Forewords and the executive summary: one column at a reading measure, the author first; beside it the
// summary's key figures, or the foreword's pull quote and signature.
import { Image, Text, View } from "@react-pdf/renderer";
import { forewordWords } from "../../src/document/checks.ts";
import type { KeyFigures, Person, RichText } from "../../src/document/model.ts";
import { useAsset } from "../assets.tsx";
import { PageFrame } from "../components/PageFrame.tsx";
import { Inlines, RichTextView } from "../components/RichText.tsx";
import type { PageGeometry } from "../geometry.tsx";
import type { PageLog } from "../pageLog.ts";
import { readingMeasure, styles, textBlock, wholeWords } from "../styles.ts";
import { colours, page, space, type } from "../../src/design/theme.ts";
import { balanceHeadline } from "../text/ties.ts";

interface Props {
  kind: "foreword" | "summary";
  id: string;
  outline: string;
  title: string;
  person: Person;
  body: RichText;
  /** The summary's key figures, set beside the text. */
  keyFigures?: KeyFigures | null;
  /** A foreword's pull quote (checked to be its own words), set beside the text. */
  pullQuote?: string | null;
  runningHeader: string;
  geometry: PageGeometry;
  log: PageLog;
}

/** The key figures beside the summary: each share large with last year's under it, then the average changes. */
function KeyFiguresPanel({ figures, width }: { figures: KeyFigures; width: number }) {
  const label = [styles.bigFigureLabel, { marginBottom: 3 }];
  return (
    <View style={{ width, alignSelf: "flex-start", paddingLeft: 10, borderLeftWidth: 1.5, borderLeftColor: colours.accent }} wrap={false}>
      <Text style={[label, { color: colours.accent }]}>{figures.label}</Text>
      {figures.shares.map((share) => (
        <View key={share.label} style={{ marginTop: space(0.5) }}>
          <Text style={label}>{share.label}</Text>
          <Text style={[styles.bigFigure, { fontSize: type.h2 + 5, marginTop: 0, marginBottom: 1 }]}>
            <Inlines nodes={[share.now]} />
          </Text>
          {share.before ? (
            <Text style={styles.bigFigureNote}>
              <Inlines nodes={[share.before]} /> {share.beforeLabel}
            </Text>
          ) : null}
        </View>
      ))}
      <Text style={[label, { marginTop: space(1) }]} hyphenationCallback={wholeWords}>{figures.changesLabel}</Text>
      {figures.changes.map((change) => (
        <View key={change.label} style={{ flexDirection: "row", justifyContent: "space-between", marginTop: 2 }}>
          <Text style={styles.caption}>{change.label}</Text>
          <Text style={[styles.caption, { color: colours.ink, fontWeight: 600 }]}>
            <Inlines nodes={[change.value]} />
          </Text>
        </View>
      ))}
    </View>
  );
}

/**
 * A foreword is a letter, read through rather than scanned: set a step larger than the summary with its
 * opening paragraph as a lede, so a one-page foreword (about 350 words) fills its page instead of ending
 * a third short. A longer one steps down to the summary's size so it still keeps to one page (the
 * document stage warns when it cannot: forewordWords).
 */
export const forewordType = { size: 10.5, leading: 15, ledeSize: type.lede, ledeLeading: type.ledeLeading, stepDownWords: forewordWords.stepDown } as const;

/**
 * The column beside a foreword: the pull quote large (it repeats the text, so it is an artifact, not read
 * twice), then who wrote it. Without a pull quote the name and role stand alone at its head.
 */
const pullQuoteSize = 14;

function ForewordSide({ person, pullQuote, width }: { person: Person; pullQuote: string | null; width: number }) {
  return (
    <View style={{ width, alignSelf: "flex-start" }} wrap={false}>
      {pullQuote ? (
        <View artifact="Layout" style={{ borderTopWidth: 1.5, borderTopColor: colours.accent, paddingTop: space(0.75), marginBottom: space(1) }}>
          <Text style={{ fontSize: pullQuoteSize, lineHeight: 1.3, fontWeight: 600, color: colours.women }} hyphenationCallback={wholeWords}>
            {balanceHeadline(`\u201c${pullQuote}\u201d`, { fontSize: pullQuoteSize, fontWeight: 600, width })}
          </Text>
        </View>
      ) : null}
      <View style={pullQuote ? {} : { borderTopWidth: 1.5, borderTopColor: colours.accent, paddingTop: space(0.75) }}>
        <Text style={[styles.bigFigureLabel, { color: colours.ink }]} hyphenationCallback={wholeWords}>{person.author}</Text>
        <Text style={[styles.caption, { marginTop: 2 }]} hyphenationCallback={wholeWords}>{person.role}</Text>
        <Text style={styles.caption} hyphenationCallback={wholeWords}>{person.organisation}</Text>
      </View>
    </View>
  );
}

/** A foreword's text: its first paragraph as the lede, the rest at the foreword's size (one step down when long). */
function ForewordBody({ body }: { body: RichText }) {
  const long = body.words > forewordType.stepDownWords;
  const size = long ? type.body + 0.5 : forewordType.size;
  const leading = long ? type.leading + 0.5 : forewordType.leading;
  const paragraph = { fontSize: size, lineHeight: leading / size, marginBottom: leading * 0.5 };
  const [first, ...rest] = body.blocks;
  if (first?.type !== "paragraph") return <RichTextView text={body} paragraphStyle={paragraph} />;
  const lede = { fontSize: forewordType.ledeSize, lineHeight: forewordType.ledeLeading / forewordType.ledeSize, color: colours.ink, marginBottom: space(0.75) };
  return (
    <>
      <RichTextView text={{ ...body, blocks: [first], footnotes: [] }} paragraphStyle={lede} />
      <RichTextView text={{ ...body, blocks: rest }} paragraphStyle={paragraph} />
    </>
  );
}

export function PersonPage({ kind, id, outline, title, person, body, keyFigures, pullQuote, runningHeader, geometry, log }: Props) {
  const resolve = useAsset();
  return (
    <PageFrame runningHeader={runningHeader} geometry={geometry} bookmark={outline} id={id} log={log}>
      <View id={id} />
      <Text style={styles.kicker}>{title}</Text>
      <View style={{ flexDirection: "row", alignItems: "center", marginBottom: space(1) }}>
        {person.portrait ? <Image src={resolve(person.portrait)} style={{ width: 64, height: 64, borderRadius: 32, marginRight: 14, objectFit: "cover" }} /> : null}
        <View>
          <Text role="H1" style={[styles.h1, { marginBottom: 2 }]} hyphenationCallback={wholeWords}>{person.author}</Text>
          <Text style={{ fontSize: type.h3, color: colours.inkMuted }}>
            {person.role}, {person.organisation}
          </Text>
        </View>
      </View>
      <View style={styles.rule} />
      <View style={{ flexDirection: "row", justifyContent: "space-between", width: textBlock }}>
        <View style={{ width: readingMeasure }}>
          {kind === "foreword" ? <ForewordBody body={body} /> : <RichTextView text={body} paragraphStyle={{ fontSize: type.body + 0.5, lineHeight: (type.leading + 0.5) / (type.body + 0.5) }} />}
        </View>
        {keyFigures ? <KeyFiguresPanel figures={keyFigures} width={textBlock - readingMeasure - page.columnGap} /> : null}
        {kind === "foreword" ? <ForewordSide person={person} pullQuote={pullQuote ?? null} width={textBlock - readingMeasure - page.columnGap} /> : null}
      </View>
    </PageFrame>
  );
}
