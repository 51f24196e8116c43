/**
 * yaml.v2's emitter scalar analysis (yaml_emitter_analyze_scalar): which styles a string
 * may be written in. Characters are code points; yaml.v2 counts them the same way.
 */

export interface ScalarAnalysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** yaml.v2 is_printable: tab, CR, C0/C1 controls, DEL, BOM, U+FFFE/F, surrogates and every code point above U+FFFF are not. */
export function isPrintable(cp: number): boolean {
  if (cp === 0x0a || (cp >= 0x20 && cp <= 0x7e)) return true;
  if (cp >= 0xa0 && cp <= 0xd7ff) return true;
  if (cp >= 0xe000 && cp <= 0xfffd) return cp !== 0xfeff;
  return false;
}

export function isBreak(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

function isBlank(cp: number): boolean {
  return cp === 0x20 || cp === 0x09;
}

const FIRST_CHAR_INDICATORS = new Set('#,[]{}&*!|>\'"%@`');
const FLOW_INDICATORS = new Set(',?[]{}');

// Cheap pre-check: printable ASCII that starts with no indicator, quote or space. For such text
// the character loop below only ever finds the indicators these patterns look for.
const SIMPLE_TEXT = /^[A-Za-z0-9_./=+$()^;<~\\-][\x20-\x7e]*$/;
const BLOCK_INDICATOR = /: |:$| #/;
const FLOW_INDICATOR = /[:,?[\]{}]/;
// Printable ASCII lines: only a space beside a line break matters (break-space, space-break).
const SIMPLE_LINES = /^[\x20-\x7e\n]*$/;

export function analyzeScalar(value: string): ScalarAnalysis {
  if (value.length === 0) {
    return {
      multiline: false,
      flowPlainAllowed: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
    };
  }
  if (SIMPLE_TEXT.test(value) && !value.startsWith('- ') && value !== '-') {
    const trailingSpace = value.endsWith(' ');
    const block = value.startsWith('---') || value.startsWith('...') || BLOCK_INDICATOR.test(value);
    const flow = block || FLOW_INDICATOR.test(value);
    return {
      multiline: false,
      flowPlainAllowed: !flow && !trailingSpace,
      blockPlainAllowed: !block && !trailingSpace,
      singleQuotedAllowed: true,
      blockAllowed: !trailingSpace,
    };
  }
  if (value.includes('\n') && SIMPLE_LINES.test(value)) {
    return {
      multiline: true,
      flowPlainAllowed: false,
      blockPlainAllowed: false,
      singleQuotedAllowed: !/\n | \n/.test(value),
      blockAllowed: !/ \n| $/.test(value),
    };
  }
  return analyzeSlow(value);
}

function analyzeSlow(value: string): ScalarAnalysis {
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  if (value.startsWith('---') || value.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }

  let precededByWhitespace = true;
  for (let i = 0; i < value.length;) {
    const cp = value.codePointAt(i)!;
    const next = i + (cp > 0xffff ? 2 : 1);
    const last = next >= value.length;
    const followedByWhitespace = last || isBlank(value.charCodeAt(next));
    const ch = value[i]!;

    if (i === 0) {
      if (FIRST_CHAR_INDICATORS.has(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else if (FLOW_INDICATORS.has(ch)) {
      flowIndicators = true;
    } else if (ch === ':') {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (ch === '#' && precededByWhitespace) {
      flowIndicators = true;
      blockIndicators = true;
    }

    if (!isPrintable(cp)) specialCharacters = true;

    if (cp === 0x20) {
      if (i === 0) leadingSpace = true;
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(cp)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }

    precededByWhitespace = isBlank(cp) || isBreak(cp) || cp === 0;
    i = next;
  }

  const result: ScalarAnalysis = {
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
  }
  if (trailingSpace) result.blockAllowed = false;
  if (breakSpace) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
    result.singleQuotedAllowed = false;
    result.blockAllowed = false;
  }
  if (lineBreaks) {
    result.flowPlainAllowed = false;
    result.blockPlainAllowed = false;
  }
  if (flowIndicators) result.flowPlainAllowed = false;
  if (blockIndicators) result.blockPlainAllowed = false;
  return result;
}
