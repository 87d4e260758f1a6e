import type { FieldSpec, ProtocolSpec, ScalarKind, ValueSpec } from "./proto-spec";

/**
 * Protobuf wire format for the plain objects the provider works with: field
 * names as in the .proto (snake_case), int64 as numbers, enums as numbers,
 * bytes as Buffers, maps as objects, absent fields left out on decode.
 * Encoding writes every field that is set (not null/undefined), in
 * field-number order, as protobufjs does.
 */

const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;

type Message = Record<string, unknown>;

// --- encoding ---------------------------------------------------------------

function varint(value: number | bigint): Buffer {
  if (typeof value === "number" && value >= 0 && value <= 0xffffffff) {
    // The common case (tags, lengths, small numbers) without BigInt.
    const bytes: number[] = [];
    let rest = value;
    while (rest > 0x7f) {
      bytes.push((rest & 0x7f) | 0x80);
      rest = Math.floor(rest / 128);
    }
    bytes.push(rest);
    return Buffer.from(bytes);
  }
  // Negative int32/int64 values take ten bytes, as two's complement in 64 bits.
  let rest = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  while (rest > 0x7fn) {
    bytes.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  bytes.push(Number(rest));
  return Buffer.from(bytes);
}

const tag = (number: number, wireType: number) => varint(number * 8 + wireType);

function lengthDelimited(number: number, content: Buffer): Buffer[] {
  return [tag(number, LENGTH_DELIMITED), varint(content.length), content];
}

function encodeValue(spec: ValueSpec, number: number, value: unknown, protocol: ProtocolSpec): Buffer[] {
  switch (spec.kind) {
    case "message":
      return lengthDelimited(number, encodeMessage(protocol, spec.type!, value as Message));
    case "string":
      return lengthDelimited(number, Buffer.from(String(value), "utf8"));
    case "bytes":
      return lengthDelimited(number, typeof value === "string" ? Buffer.from(value, "base64") : Buffer.from(value as Uint8Array));
    case "bool":
      return [tag(number, VARINT), varint(value ? 1 : 0)];
    default:
      return [tag(number, VARINT), varint(value as number | bigint)];
  }
}

function encodeField(field: FieldSpec, value: unknown, protocol: ProtocolSpec): Buffer[] {
  if (field.mapValue) {
    const mapValue = field.mapValue;
    return Object.entries(value as Message).flatMap(([key, entryValue]) => {
      const entry = [...encodeValue({ kind: "string" }, 1, key, protocol), ...encodeValue(mapValue, 2, entryValue, protocol)];
      return lengthDelimited(field.number, Buffer.concat(entry));
    });
  }
  if (field.repeated) return (value as unknown[]).flatMap((item) => encodeValue(field, field.number, item, protocol));
  return encodeValue(field, field.number, value, protocol);
}

export function encodeMessage(protocol: ProtocolSpec, type: string, message: Message): Buffer {
  const fields = protocol.messages[type];
  if (!fields) throw new Error(`unknown message type ${type}`);
  const parts: Buffer[] = [];
  for (const field of fields) {
    const value = message[field.name];
    if (value !== undefined && value !== null) parts.push(...encodeField(field, value, protocol));
  }
  return Buffer.concat(parts);
}

// --- decoding ---------------------------------------------------------------

class Reader {
  offset = 0;
  constructor(readonly buffer: Buffer) {}

  get done(): boolean {
    return this.offset >= this.buffer.length;
  }

  /** A varint known to be small (a tag or a length). */
  length(): number {
    let result = 0;
    for (let factor = 1; ; factor *= 128) {
      if (this.offset >= this.buffer.length) throw new Error("truncated varint");
      const byte = this.buffer[this.offset++];
      result += (byte & 0x7f) * factor;
      if (byte < 0x80) return result;
    }
  }

  varint(): bigint {
    let result = 0n;
    for (let shift = 0n; ; shift += 7n) {
      if (this.offset >= this.buffer.length) throw new Error("truncated varint");
      const byte = this.buffer[this.offset++];
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return result;
    }
  }

  bytes(): Buffer {
    const length = this.length();
    const start = this.offset;
    this.offset += length;
    if (this.offset > this.buffer.length) throw new Error("truncated length-delimited field");
    return this.buffer.subarray(start, this.offset);
  }

  skip(wireType: number): void {
    if (wireType === VARINT) this.varint();
    else if (wireType === LENGTH_DELIMITED) this.bytes();
    else if (wireType === FIXED64) this.offset += 8;
    else if (wireType === FIXED32) this.offset += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }
}

function scalarFromVarint(kind: ScalarKind, raw: bigint): unknown {
  switch (kind) {
    case "bool":
      return raw !== 0n;
    case "int64":
      return Number(BigInt.asIntN(64, raw));
    case "int32":
    case "enum":
      return Number(BigInt.asIntN(32, raw));
    default:
      return Number(raw);
  }
}

function decodeValue(spec: ValueSpec, wireType: number, reader: Reader, protocol: ProtocolSpec): unknown {
  switch (spec.kind) {
    case "message":
      return decodeMessage(protocol, spec.type!, reader.bytes());
    case "string":
      return reader.bytes().toString("utf8");
    case "bytes":
      return Buffer.from(reader.bytes());
    default:
      if (wireType !== VARINT) throw new Error(`expected a varint for a ${spec.kind} field`);
      return scalarFromVarint(spec.kind, reader.varint());
  }
}

function decodeMapEntry(field: FieldSpec, content: Buffer, protocol: ProtocolSpec): [string, unknown] {
  const reader = new Reader(content);
  let key = "";
  let value: unknown;
  while (!reader.done) {
    const header = reader.length();
    const number = header >>> 3;
    if (number === 1) key = reader.bytes().toString("utf8");
    else if (number === 2) value = decodeValue(field.mapValue!, header & 7, reader, protocol);
    else reader.skip(header & 7);
  }
  // An entry whose value is the default may leave it out.
  return [key, value ?? (field.mapValue!.kind === "message" ? {} : undefined)];
}

export function decodeMessage(protocol: ProtocolSpec, type: string, buffer: Buffer): Message {
  const fields = protocol.messages[type];
  if (!fields) throw new Error(`unknown message type ${type}`);
  const byNumber = new Map(fields.map((field) => [field.number, field]));
  const message: Message = {};
  const reader = new Reader(buffer);
  while (!reader.done) {
    const header = reader.length();
    const wireType = header & 7;
    const field = byNumber.get(header >>> 3);
    if (!field) {
      reader.skip(wireType);
    } else if (field.mapValue) {
      const [key, value] = decodeMapEntry(field, reader.bytes(), protocol);
      const map = (message[field.name] as Message | undefined) ?? {};
      map[key] = value;
      message[field.name] = map;
    } else if (field.repeated) {
      const items = (message[field.name] as unknown[] | undefined) ?? [];
      if (wireType === LENGTH_DELIMITED && field.kind !== "message" && field.kind !== "string" && field.kind !== "bytes") {
        // Packed repeated scalars: one length-delimited run of varints.
        const packed = new Reader(reader.bytes());
        while (!packed.done) items.push(scalarFromVarint(field.kind, packed.varint()));
      } else {
        items.push(decodeValue(field, wireType, reader, protocol));
      }
      message[field.name] = items;
    } else {
      message[field.name] = decodeValue(field, wireType, reader, protocol);
    }
  }
  return message;
}
