/**
 * The compact return_series layout (packages/store/docs/SCHEMA.md): little-endian typed arrays as bytes.
 * Copies into a fresh buffer, so the bytes never alias a larger array.
 */
export function typedArrayBytes(array: Int32Array | Float64Array): Uint8Array {
  return new Uint8Array(array.slice().buffer);
}

/** Bytes of a Float64 column back into a Float64Array (copied when unaligned). */
export function float64FromBytes(bytes: Uint8Array): Float64Array {
  const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  return new Float64Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 8);
}

/** Bytes of an Int32 column back into an Int32Array (copied when unaligned). */
export function int32FromBytes(bytes: Uint8Array): Int32Array {
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
}
