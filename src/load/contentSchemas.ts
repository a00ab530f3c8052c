// What each kind of content file must say. Messages are written for the people who edit the files.
import { z } from "zod";
import { limits } from "../domain/limits.ts";

const text = (what: string) =>
  z
    .string({ error: `expected ${what} (text)` })
    .trim()
    .min(1, `expected ${what}, not an empty value`)
    .refine((t) => !t.split(/\s+/).some((w) => [...w].length > limits.wordChars), `expected ${what} without any word over ${limits.wordChars} characters (it would run off the page)`);

export const personSchema = z.strictObject({
  title: text("a heading").optional(),
  author: text("the author's name"),
  role: text("the author's role"),
  organisation: text("the author's organisation"),
  order: z.number({ error: "expected a whole number giving the position" }).int().positive().optional(),
  portrait: text("the path of a local image").optional(),
  sample: z.boolean({ error: "expected true or false" }).optional(),
});
export type PersonFrontMatter = z.infer<typeof personSchema>;

/** A foreword may name a sentence of its own text to print large beside it (checked in the document stage). */
export const forewordSchema = personSchema.extend({
  pullQuote: text("a sentence copied from the foreword's text").optional(),
});
export type ForewordFrontMatter = z.infer<typeof forewordSchema>;

export const linkSchema = z.strictObject({
  text: text("the link's words"),
  url: z.string({ error: "expected the link's web address, starting https:// (or mailto:)" }).regex(/^(https?:\/\/|mailto:)\S+$/, "expected a full web address starting https:// (or mailto:)"),
});

export const entrySchema = z.strictObject({
  force: text("a force slug, name or alias from data/forces.csv"),
  title: text("the entry's headline").refine((t) => t.length <= 120, "expected a headline of at most 120 characters"),
  lede: text("the opening paragraph"),
  order: z.number({ error: "expected a whole number giving the position" }).int().positive().optional(),
  links: z.array(linkSchema, { error: "expected a list of {text, url}" }).optional(),
  sample: z.boolean({ error: "expected true or false" }).optional(),
});
export type EntryFrontMatter = z.infer<typeof entrySchema>;

export const analysisFigures = ["middleManagementBands", "seniorLeadershipBands", "changeTable", "staffChart", "trendChart"] as const;

export const analysisSchema = z.strictObject({
  title: text("the section's heading"),
  order: z.number({ error: "expected a whole number giving the position" }).int().positive(),
  figures: z.array(z.enum(analysisFigures, { error: `expected one of ${analysisFigures.join(", ")}` })).optional(),
  sample: z.boolean().optional(),
});
export type AnalysisFrontMatter = z.infer<typeof analysisSchema>;

export const backPageSchema = z.strictObject({
  title: text("the back page's heading"),
  sample: z.boolean().optional(),
});

export const reportSchema = z.strictObject({
  title: text("the report's title"),
  year: z.number({ error: "expected the edition year, e.g. 2024" }).int().min(2019).max(2100),
  firstEditionYear: z.number().int().min(2000).default(2019),
  edition: z.number({ error: "expected the edition number, e.g. 6" }).int().positive().optional(),
  publicationDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD"),
  author: text("the publisher named in the PDF's metadata"),
  subject: text("a one-line description for the PDF's metadata"),
  keywords: z.array(z.string()).default([]),
  runningHeader: text("the running header; {{ }} names (title, editionLabel, year, data.asAtMonth …) are filled in"),
  editionLabel: text("the edition's label").optional(),
  onlineEdition: z.string().regex(/^https?:\/\/\S+$/, "expected a full web address").optional(),
  sources: z.array(linkSchema).default([]),
  /** Partners' marks for the cover, in order: SVG files relative to the edition folder. */
  partners: z
    .array(z.strictObject({ name: text("the partner's name, read out in place of its mark"), mark: text("the path of the partner's mark, an SVG file in the edition folder") }), { error: "expected a list of {name, mark}" })
    .max(limits.partners, `expected at most ${limits.partners} partners' marks (the cover's foot holds one row)`)
    .default([]),
});
export type ReportConfig = z.infer<typeof reportSchema>;
