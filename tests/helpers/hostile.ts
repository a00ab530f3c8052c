// Helpers for the hostile-input tests: run the load and document stages on a changed fixture copy and
// collect what they report, and make small PNG files (real ones, and headers that lie about their size).
import { PNG } from "pngjs";
import { crc32, deflateSync } from "node:zlib";
import { prepare } from "../../src/build/prepare.ts";
import { BuildError, type Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { copyFixtures } from "./fixtureCopy.ts";

export type Fixture = ReturnType<typeof copyFixtures>;

/** Errors (and the summary) the stages up to the document report; fails the test if the input is accepted. */
export function prepareErrors(fixture: Fixture): Diagnostic[] {
  try {
    prepare({ year: 2024, dataDir: fixture.dataDir, contentDir: fixture.contentDir });
  } catch (error) {
    if (error instanceof BuildError) return error.diagnostics;
    throw error;
  }
  throw new Error("the build accepted hostile input");
}

/** The errors a fixture copy with one file changed stops the build with. */
export function errorsAfter(file: string, change: (text: string) => string): Diagnostic[] {
  const fixture = copyFixtures();
  fixture.edit(file, change);
  return prepareErrors(fixture);
}

/** A real PNG of one colour, as an image editor would save it. */
export function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(0x80);
  return PNG.sync.write(image);
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A well-formed PNG whose header claims `width` × `height` RGBA pixels but whose data holds one row. */
export function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.alloc(1 + width * 4))), chunk("IEND", Buffer.alloc(0))]);
}
