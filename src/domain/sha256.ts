// The one SHA-256 of a whole text or byte string, as hex: file digests in the archive's manifest, content
// names of the HTML edition's images, a final's document ID, page digests, an unchanged build's files.
// (Keys of the stage cache are hashOf, src/cache/stageCache.ts; a file too large to hold is streamed by
// hashFile, src/cache/filesBelow.ts.)
import { createHash } from "node:crypto";

export function sha256(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}
