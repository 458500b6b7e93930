// ClassAd values in JavaScript, and their conversion from the core's typed JSON.
//
// | ClassAd      | JavaScript                                                    |
// | undefined    | Value.Undefined                                               |
// | error        | Value.Error                                                   |
// | boolean      | boolean                                                       |
// | integer      | number when within ±(2^53 - 1), otherwise bigint              |
// | real         | number (including NaN and ±Infinity)                          |
// | string       | string                                                        |
// | absolute time| Date                                                          |
// | relative time| number of seconds                                             |
// | list         | array of the evaluated elements                               |
// | ClassAd      | ClassAd                                                       |

/** The two ClassAd values that have no JavaScript counterpart, as in Python's `classad.Value`. */
export class Value {
  static readonly Undefined = new Value('Undefined');
  static readonly Error = new Value('Error');
  private constructor(readonly name: 'Undefined' | 'Error') {
    Object.freeze(this);
  }
  toString(): string {
    return this.name;
  }
}

export type ClassAdValue = Value | boolean | number | bigint | string | Date | ClassAdValue[] | object;

/** The core's typed JSON (shared/conformance/classad/FORMAT.md). */
export interface Typed {
  t: string;
  v?: unknown;
  hex?: string;
  secs?: number;
  items?: Typed[];
  invalid_utf8?: boolean;
}

export function fromTyped(typed: Typed, classAdOf: (typed: Typed) => object): ClassAdValue {
  switch (typed.t) {
    case 'undefined': return Value.Undefined;
    case 'error': return Value.Error;
    case 'boolean': return typed.v as boolean;
    case 'integer': {
      const big = BigInt(typed.v as string);
      return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
    }
    case 'real': return realOf(typed);
    case 'string': return typed.v as string;
    case 'abstime': return new Date((typed.secs as number) * 1000);
    case 'reltime': return realOf(typed);
    case 'list': return (typed.items ?? []).map((item) => fromTyped(item, classAdOf));
    case 'classad': return classAdOf(typed);
    default: return Value.Error;
  }
}

function realOf(typed: Typed): number {
  if (typed.v === 'inf') return Infinity;
  if (typed.v === '-inf') return -Infinity;
  if (typed.v === 'nan') return NaN;
  return typed.v as number;
}
