/**
 * Text people type into names and descriptions: normalized (NFC) so that the same name is stored the same way however
 * it was typed, trimmed, bounded, and free of characters that cannot be seen (controls, zero-width and bidirectional
 * formatting characters, private-use and unassigned code points, separators other than the plain space), which would
 * let two names that look identical differ, or text show other than it reads.
 */
import { badInput } from "../errors";

const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]|[^\S ]/u;
/** The same, allowing line breaks (descriptions). */
const INVISIBLE_BUT_LINES =
  /(?![\n])(?:[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]|[^\S \n])/u;

/** How much longer than its bound text may be as sent (in UTF-16 code units), for NFC and trimming to bring it within. */
const RAW_SLACK = 4;

/** The first character of `text` that `pattern` finds, described for an error message. */
function offending(text: string, pattern: RegExp): string | undefined {
  const match = pattern.exec(text);
  if (match === null) return undefined;
  const code = (match[0].codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0");
  return `U+${code} at position ${[...text.slice(0, match.index)].length + 1}`;
}

/**
 * `raw` as stored: NFC, trimmed, 1 to `maxLength` characters (code points), with no invisible character (line breaks
 * allowed where `lines`). Throws BAD_USER_INPUT naming `field` and the bound.
 */
export function cleanText(
  raw: string,
  field: string,
  what: string,
  maxLength: number,
  { lines = false, minLength = 1 }: { lines?: boolean; minLength?: number } = {},
): string {
  // Normalizing and trimming may shorten text, but not to a quarter: what is longer as sent is refused before any work.
  if (raw.length > RAW_SLACK * maxLength)
    throw badInput(field, `${what} has at most ${maxLength} characters; got ${raw.length}.`, { maxLength });
  const text = raw.normalize("NFC").trim();
  const length = [...text].length;
  if (length < minLength) throw badInput(field, `${what} must not be empty.`, { minLength });
  if (length > maxLength)
    throw badInput(field, `${what} has at most ${maxLength} characters; got ${length}.`, { maxLength });
  const invisible = offending(text, lines ? INVISIBLE_BUT_LINES : INVISIBLE);
  if (invisible !== undefined)
    throw badInput(
      field,
      `${what} must not contain control characters or other invisible ones, such as zero-width or text-direction marks (${invisible}); type it as it reads.`,
    );
  return text;
}

/** How two names compare: compatibility-folded (NFKC) and case-folded, so that names that look alike collide. */
export function foldName(text: string): string {
  return text.normalize("NFKC").toUpperCase().toLowerCase().normalize("NFKC");
}

/** Input quoted back in a message: at most 80 characters of it, so that a huge input never makes a huge answer. */
export function quoted(raw: string): string {
  const chars = [...raw];
  return JSON.stringify(chars.length <= 80 ? raw : `${chars.slice(0, 80).join("")}…`);
}
