/**
 * The limits of what `cdk8s-golden check` and the validation plugin read. Each one is refused
 * with an error (exit 2), never by running out of time or memory; docs/guardrails.md lists them.
 */

/** All input together, files and standard input: 100 MiB. Refused before it is read. */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

/**
 * One YAML document (the text between two `---` lines) or one JSON file: 16 MiB. The API server
 * refuses a request body over 3 MiB; this leaves room for a `List` of many objects.
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/**
 * The documents that need the full YAML 1.1 reader (anchors, aliases, tags, merge keys,
 * directives, or text the fast reader refuses): 8 MiB in all. That reader reads about 1-3 MiB a
 * second; the other documents are read about ten times faster (see kubernetes-yaml.ts).
 */
export const MAX_FULL_READER_BYTES = 8 * 1024 * 1024;

/**
 * Nesting of maps and lists in one document: 100 levels. Real objects stay under 30 (a CRD's
 * OpenAPI schema included); the rules walk objects recursively, so depth is bounded first.
 */
export const MAX_DEPTH = 100;

/*
 * Alias expansion, as Kubernetes's YAML reader (go-yaml v2) bounds it: a document that decodes
 * more than 1,000 nodes, more than 100 of them through aliases, is refused ("excessive aliasing")
 * when the share of nodes decoded through aliases is above 99 % (up to 400,000 nodes), falling
 * linearly to 10 % at 4,000,000 nodes and beyond.
 */

/** Aliased nodes allowed in any case. */
export const ALIAS_FREE_COUNT = 100;
/** Decoded nodes allowed in any case. */
export const ALIAS_FREE_DECODES = 1_000;
/** Up to this many decoded nodes, 99 % of them may come through aliases. */
export const ALIAS_RATIO_RANGE_LOW = 400_000;
/** From this many decoded nodes on, 10 % of them may come through aliases. */
export const ALIAS_RATIO_RANGE_HIGH = 4_000_000;

/** The share of decoded nodes that may come through aliases, after `decodes` nodes. */
export function allowedAliasRatio(decodes: number): number {
  if (decodes <= ALIAS_RATIO_RANGE_LOW) {
    return 0.99;
  }
  if (decodes >= ALIAS_RATIO_RANGE_HIGH) {
    return 0.10;
  }
  return 0.99 - 0.89 * ((decodes - ALIAS_RATIO_RANGE_LOW) / (ALIAS_RATIO_RANGE_HIGH - ALIAS_RATIO_RANGE_LOW));
}

/** A size in bytes for a message: `100 MiB`, `16 MiB`, or bytes below 1 MiB. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}
