// An inner page: running header, folio, and the record of where its sections start. A draft's marks are
// drawn over the joined book (templates/folios.tsx).
import { Page, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { PageLog } from "../pageLog.ts";
import { styles } from "../styles.ts";
import type { PageGeometry } from "../geometry.tsx";
import { Folio } from "../folios.tsx";

export interface FrameProps {
  runningHeader: string;
  geometry: PageGeometry;
  children: ReactNode;
  bookmark?: string;
  id?: string;
  log: PageLog;
}

/** Records the page a section starts on; it prints nothing. */
export function PageMarker({ id, log }: { id: string; log: PageLog }) {
  return (
    <Text
      artifact
      style={{ fontSize: 1, height: 0, lineHeight: 0 }}
      render={({ pageNumber }) => {
        log.record(id, pageNumber);
        return " ";
      }}
    />
  );
}

export function PageFrame({ runningHeader, geometry, children, bookmark, id, log }: FrameProps) {
  return (
    <Page role="Sect" title={bookmark} size={geometry.size} style={[styles.page, geometry.pagePadding]} bookmark={bookmark ? { title: bookmark, fit: true } : undefined}>
      <View fixed artifact="Pagination" style={[styles.runningHeader, geometry.headerPosition]}>
        <Text>{runningHeader}</Text>
      </View>
      {id ? <PageMarker id={id} log={log} /> : null}
      {children}
      <Folio geometry={geometry} log={log} />
      {geometry.cropMarks}
    </Page>
  );
}
