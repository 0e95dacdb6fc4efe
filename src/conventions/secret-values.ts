/**
 * The opinion on which literal values are secrets whatever their variable is called. To keep
 * false positives low, only shapes that a generator gives and prose or configuration never does
 * count: a PEM private key block, credentials written into a URL, a JSON Web Token, and the
 * fixed-prefix token formats that providers publish (and scan for themselves). No entropy guess:
 * a random-looking build id, checksum or UUID is no finding.
 */

/** A shape of secret value and how messages call it. */
interface SecretShape {
  /** What the value is, for a message: `a private key`, `a GitHub token`. */
  readonly what: string;
  /** Matches anywhere in the value. */
  readonly pattern: RegExp;
}

const SHAPES: ReadonlyArray<SecretShape> = [
  // PEM writes five dashes; hand-pasted keys often lose some: three or more are read
  { what: 'a private key', pattern: /-{3,} ?BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)? ?-{3,}/ },
  // userinfo with a password that is not a $(VAR) or ${VAR} reference: scheme://user:password@host (user may be empty)
  { what: 'credentials in a URL', pattern: /[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^\s/:@]*:(?![$][({])[^\s/@]+@[^\s/@]/ },
  { what: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}/ },
  { what: 'a GitHub token', pattern: /\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b/ },
  { what: 'a GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { what: 'an AWS access key id', pattern: /\b(AKIA|ASIA)[A-Z0-9]{16}\b/ },
  { what: 'a Slack token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/ },
  { what: 'a Stripe secret key', pattern: /\b[rs]k_live_[A-Za-z0-9]{20,}\b/ },
  { what: 'a Google API key', pattern: /\bAIza[A-Za-z0-9_-]{35}\b/ },
  { what: 'an npm token', pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
];

/** What a literal value looks like if it holds a secret (`a private key`, `a GitHub token`), else undefined. */
export function secretShapeOf(value: string): string | undefined {
  return SHAPES.find((shape) => shape.pattern.test(value))?.what;
}
