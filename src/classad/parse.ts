// Reading ads from text, as Python's parseAds / parseOne / parseNext (version-2 semantics:
// HTCondor's ad-file reader over the text, which is what the conformance corpus records).
import { ClassAd } from './classad.js';
import { engine, type AdSyntax } from './engine.js';
import { ClassAdParseError, ClassAdValueError } from './errors.js';

/** Which syntax the text is in, as Python's classad.ParserType. */
export const ParserType = {
  /** Old syntax if the first non-space character is neither '[' nor '/'. */
  Auto: 'auto',
  New: 'new',
  Old: 'old',
  Json: 'json',
} as const;
export type ParserType = (typeof ParserType)[keyof typeof ParserType];

function syntaxOf(text: string, parser: ParserType): AdSyntax {
  if (parser !== 'auto') return parser;
  const first = /\S/.exec(text)?.[0];
  return first === undefined || first === '[' || first === '/' ? 'new' : 'old';
}

/** Every ad in `text`; throws ClassAdParseError at a malformed ad (the ads before it are lost). */
export function parseAds(text: string, parser: ParserType = ParserType.Auto): ClassAd[] {
  const { status, ads, rest } = engine().readAds(text, syntaxOf(text, parser));
  const wrapped = ads.map((handle) => ClassAd.fromHandle(handle));
  if (status === 'bad syntax') throw new ClassAdValueError(`unknown parser type '${parser}'`);
  if (status === 'error') {
    for (const ad of wrapped) ad.dispose();
    throw new ClassAdParseError(`unable to parse the input into a ClassAd near ${JSON.stringify(rest.slice(0, 40))}`);
  }
  return wrapped;
}

/** The first ad in `text`; throws ClassAdParseError if there is none. */
export function parseNext(text: string, parser: ParserType = ParserType.Auto): ClassAd {
  const [first, ...others] = parseAds(text, parser);
  for (const ad of others) ad.dispose();
  if (!first) throw new ClassAdParseError('no ClassAd in the input');
  return first;
}

/** All ads in `text` merged into one, later attributes winning, as Python's parseOne. */
export function parseOne(text: string, parser: ParserType = ParserType.Auto): ClassAd {
  const merged = new ClassAd();
  for (const ad of parseAds(text, parser)) {
    for (const name of ad.keys()) {
      using expr = ad.lookup(name)!;
      merged.set(name, expr);
    }
    ad.dispose();
  }
  return merged;
}
