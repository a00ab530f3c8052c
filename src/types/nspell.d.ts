declare module "nspell" {
  interface NSpell {
    correct(word: string): boolean;
    suggest(word: string): string[];
    /** Adds a word, with the affixes of `model` (a dictionary word) when given. */
    add(word: string, model?: string): NSpell;
    /** A personal dictionary: one word a line, `word/model` to inflect it like `model`. */
    personal(dic: string): NSpell;
  }
  export default function nspell(dictionary: { aff: Uint8Array | string; dic: Uint8Array | string }): NSpell;
}
