// HarfBuzz (compiled to WebAssembly, from the harfbuzzjs package) shaping a word for src/design/shapeOnce.ts:
// fontkit's shaper, in JavaScript, took about 0.1 ms a word, a sixth of a cold build's layout.
//
// Only the .wasm file is used. harfbuzzjs's own JavaScript loads it with a top-level await, which the
// command line's CommonJS bundle cannot hold, and shaping has to be synchronous (fontkit's layout() is);
// the few functions needed are called here directly, on a module instantiated synchronously once per
// process. The module needs five imports from its Emscripten runtime, none of which a shaping call uses
// except growing the memory.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

interface Exports {
  memory: WebAssembly.Memory;
  __wasm_call_ctors(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_font_create(face: number): number;
  hb_buffer_create(): number;
  hb_buffer_clear_contents(buffer: number): void;
  hb_buffer_add_utf16(buffer: number, text: number, length: number, offset: number, itemLength: number): void;
  hb_buffer_set_direction(buffer: number, direction: number): void;
  hb_buffer_set_script(buffer: number, script: number): void;
  hb_buffer_set_cluster_level(buffer: number, level: number): void;
  hb_buffer_get_length(buffer: number): number;
  hb_buffer_get_glyph_infos(buffer: number, length: number): number;
  hb_buffer_get_glyph_positions(buffer: number, length: number): number;
  hb_shape(font: number, buffer: number, features: number, featureCount: number): void;
}

/** A word shaped: per glyph its id, the UTF-16 index its characters start at, and its position in font units. */
export interface Shaped {
  ids: Int32Array;
  clusters: Int32Array;
  /** xAdvance, yAdvance, xOffset, yOffset per glyph. */
  positions: Int32Array;
}

export interface HarfBuzzFont {
  /** `latin`: the text's script is Latin; otherwise it has letters of no script (figures, signs), as fontkit's "zzzz". */
  shape(text: string, features: readonly string[], latin: boolean): Shaped;
}

const HB_MEMORY_MODE_READONLY = 1;
const HB_DIRECTION_LTR = 4;
// Each character its own cluster, marks included, as fontkit gives each glyph its own characters.
const HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS = 1;
const tag = (s: string) => ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;
const LATN = tag("Latn");
const ZZZZ = tag("Zzzz");

let loaded: Exports | undefined;

function harfbuzz(): Exports {
  if (loaded) return loaded;
  const file = createRequire(import.meta.url).resolve("harfbuzzjs/dist/harfbuzz.wasm");
  let memory: WebAssembly.Memory | undefined;
  const fail = (what: string) => () => {
    throw new Error(`HarfBuzz called ${what}`);
  };
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(file)), {
    wasi_snapshot_preview1: { proc_exit: fail("exit") },
    env: {
      _emscripten_runtime_keepalive_clear: () => {},
      _abort_js: fail("abort"),
      _setitimer_js: fail("setitimer"),
      // Emscripten's contract: grow to at least `size` bytes, 1 if it could.
      emscripten_resize_heap: (size: number) => {
        const have = memory!.buffer.byteLength;
        const want = Math.max(size >>> 0, have + (have >>> 2));
        try {
          memory!.grow(Math.ceil((want - have) / 65536));
          return 1;
        } catch {
          return 0;
        }
      },
    },
  });
  const exports = instance.exports as unknown as Exports;
  memory = exports.memory;
  exports.__wasm_call_ctors();
  return (loaded = exports);
}

/** A HarfBuzz font over a font file's bytes (kept for the life of the process, as the font is). */
export function harfBuzzFont(bytes: Uint8Array): HarfBuzzFont {
  const hb = harfbuzz();
  const data = hb.malloc(bytes.length);
  new Uint8Array(hb.memory.buffer, data, bytes.length).set(bytes);
  const blob = hb.hb_blob_create(data, bytes.length, HB_MEMORY_MODE_READONLY, 0, 0);
  // A new font's scale is the face's units per em, so positions come in font units, as fontkit's do.
  const font = hb.hb_font_create(hb.hb_face_create(blob, 0));
  const buffer = hb.hb_buffer_create();
  let text = 0;
  let textRoom = 0;
  const featureSets = new Map<string, { pointer: number; count: number }>();

  const featuresFor = (features: readonly string[]) => {
    const key = features.join(",");
    let set = featureSets.get(key);
    if (!set) {
      // hb_feature_t: tag, value, start, end (the whole buffer).
      const pointer = features.length ? hb.malloc(16 * features.length) : 0;
      features.forEach((name, i) => new Uint32Array(hb.memory.buffer, pointer + 16 * i, 4).set([tag(name), 1, 0, 0xffffffff]));
      featureSets.set(key, (set = { pointer, count: features.length }));
    }
    return set;
  };

  return {
    shape(word, features, latin) {
      if (word.length > textRoom) {
        if (text) hb.free(text);
        textRoom = Math.max(64, word.length * 2);
        text = hb.malloc(textRoom * 2);
      }
      const units = new Uint16Array(hb.memory.buffer, text, word.length);
      for (let i = 0; i < word.length; i++) units[i] = word.charCodeAt(i);
      const { pointer, count } = featuresFor(features);
      hb.hb_buffer_clear_contents(buffer);
      hb.hb_buffer_add_utf16(buffer, text, word.length, 0, word.length);
      hb.hb_buffer_set_direction(buffer, HB_DIRECTION_LTR);
      hb.hb_buffer_set_script(buffer, latin ? LATN : ZZZZ);
      hb.hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
      hb.hb_shape(font, buffer, pointer, count);
      const length = hb.hb_buffer_get_length(buffer);
      // hb_glyph_info_t and hb_glyph_position_t are five 32-bit fields each.
      const infos = new Int32Array(hb.memory.buffer, hb.hb_buffer_get_glyph_infos(buffer, 0), length * 5);
      const places = new Int32Array(hb.memory.buffer, hb.hb_buffer_get_glyph_positions(buffer, 0), length * 5);
      const ids = new Int32Array(length);
      const clusters = new Int32Array(length);
      const positions = new Int32Array(length * 4);
      for (let i = 0; i < length; i++) {
        ids[i] = infos[i * 5];
        clusters[i] = infos[i * 5 + 2];
        for (let k = 0; k < 4; k++) positions[i * 4 + k] = places[i * 5 + k];
      }
      return { ids, clusters, positions };
    },
  };
}
