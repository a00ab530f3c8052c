// The back cover: the cover's colour field again, with where the report comes from, its data sources
// and the online edition's address; no running header or folio, as on the front cover.
import { Link, Page, Text, View } from "@react-pdf/renderer";
import type { Section } from "../../src/document/model.ts";
import { PageMarker } from "../components/PageFrame.tsx";
import { RichTextView } from "../components/RichText.tsx";
import type { PageGeometry } from "../geometry.tsx";
import type { PageLog } from "../pageLog.ts";
import { readingMeasure, styles } from "../styles.ts";
import { colours, fonts, page, space, type } from "../../src/design/theme.ts";
import { printedAddress, shortAddress, usePrintEdition } from "../text/edition.tsx";

interface Props {
  section: Extract<Section, { kind: "back" }>;
  onlineEdition: string | null;
  runningHeader: string;
  geometry: PageGeometry;
  log: PageLog;
}

export function BackPage({ section, onlineEdition, runningHeader, geometry, log }: Props) {
  const print = usePrintEdition();
  const inset = page.marginInner + geometry.bleed;
  const label = [styles.bigFigureLabel, { color: colours.coverAccent, marginTop: space(0.75), marginBottom: 3 }];
  return (
    <Page
      role="Sect"
      size={geometry.size}
      style={{ backgroundColor: print ? colours.paper : colours.coverField, fontFamily: fonts.family, fontSize: type.body, color: colours.coverInk, padding: inset }}
      bookmark={{ title: section.title, fit: true }}
    >
      {/* In print the field fills the bleed box and leaves the slug white for the crop marks. */}
      {print ? <View fixed style={{ position: "absolute", ...geometry.bleedBox, backgroundColor: colours.coverField }} /> : null}
      <PageMarker id={section.id} log={log} />
      <View id={section.id} style={{ flexGrow: 1, justifyContent: "space-between", paddingTop: page.marginTop, paddingBottom: page.marginBottom }}>
        <View>
          <View style={{ width: 64, height: 6, backgroundColor: colours.coverAccent, marginBottom: space(1) }} />
          <Text style={[styles.kicker, { color: colours.coverInk }]}>{runningHeader}</Text>
        </View>
        <View style={{ width: readingMeasure }}>
          <Text role="H1" style={[styles.h2, { color: colours.coverInk, marginTop: 0 }]}>{section.title}</Text>
          <RichTextView text={section.body} />
          {section.sources.length > 0 ? <Text style={label}>{section.sourcesLabel}</Text> : null}
          {section.sources.map((source) => (
            <Link key={source.url} src={source.url} style={[styles.caption, { color: colours.coverInk, textDecoration: "none", marginBottom: 3 }]}>
              {source.text}
              {printedAddress(source.url, source.text, print)}
            </Link>
          ))}
          {onlineEdition ? (
            <>
              <Text style={label}>{section.onlineEditionLabel}</Text>
              <Link src={onlineEdition} style={{ fontSize: type.h3 + 2, fontWeight: 700, color: colours.coverInk, textDecoration: "none" }}>
                {shortAddress(onlineEdition)}
              </Link>
            </>
          ) : null}
        </View>
      </View>
      {geometry.cropMarks}
    </Page>
  );
}
