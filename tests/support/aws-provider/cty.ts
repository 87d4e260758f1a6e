import { decode, encode, ExtensionCodec } from "@msgpack/msgpack";

/** A cty type in its JSON form, as found in `terraform providers schema -json`. */
export type CtyType =
  | "string"
  | "number"
  | "bool"
  | "dynamic"
  | ["list" | "set" | "map", CtyType]
  | ["object", Record<string, CtyType>, string[]?]
  | ["tuple", CtyType[]];

/**
 * An unknown value as terraform encodes it: msgpack extension 0, or
 * extension 12 for an unknown with refinements (e.g. "not null", a string
 * prefix). The payload is kept as is so the value goes back unchanged.
 */
export class UnknownValue {
  constructor(
    readonly extensionType: number,
    readonly payload: Uint8Array,
  ) {}
}

export const unknown = (): UnknownValue => new UnknownValue(0, Uint8Array.of(0));

/** A decoded cty value: plain JSON-like data, bigint for 64-bit msgpack integers, or an unknown. */
export type CtyValue =
  | null
  | string
  | number
  | bigint
  | boolean
  | UnknownValue
  | Uint8Array
  | CtyValue[]
  | { [key: string]: CtyValue };

export type CtyObject = { [key: string]: CtyValue };

const UNKNOWN_EXTENSIONS = [0, 12];

const extensionCodec = new ExtensionCodec();
for (const extensionType of UNKNOWN_EXTENSIONS) {
  extensionCodec.register({
    type: extensionType,
    encode: (value) => (value instanceof UnknownValue && value.extensionType === extensionType ? value.payload : null),
    decode: (payload) => new UnknownValue(extensionType, payload.slice()),
  });
}

// Integers beyond 2^53 arrive as 64-bit msgpack ints; bigint keeps them exact.
const codecOptions = { extensionCodec, useBigInt64: true } as const;

export interface DynamicValueMessage {
  msgpack?: Buffer;
  json?: Buffer;
}

export function decodeDynamicValue(value: DynamicValueMessage | null | undefined): CtyValue {
  if (value?.msgpack && value.msgpack.length > 0) return decode(value.msgpack, codecOptions) as CtyValue;
  if (value?.json && value.json.length > 0) return JSON.parse(value.json.toString("utf8")) as CtyValue;
  return null;
}

export function encodeDynamicValue(value: CtyValue): { msgpack: Buffer } {
  const bytes = encode(value, codecOptions);
  return { msgpack: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

export const isUnknown = (value: CtyValue | undefined): value is UnknownValue => value instanceof UnknownValue;

export function isObject(value: CtyValue | undefined): value is CtyObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof UnknownValue) && !(value instanceof Uint8Array);
}

/** True when the value and everything inside it is known. */
export function isWhollyKnown(value: CtyValue): boolean {
  if (isUnknown(value)) return false;
  if (Array.isArray(value)) return value.every(isWhollyKnown);
  if (isObject(value)) return Object.values(value).every(isWhollyKnown);
  return true;
}
