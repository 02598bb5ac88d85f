/// Appends little-endian integers and length-prefixed byte strings to a buffer, for compact cache files.
package struct ByteWriter: Sendable {
  package private(set) var bytes: [UInt8] = []

  package init() {}

  package mutating func u8(_ value: UInt8) { bytes.append(value) }

  package mutating func u32(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  package mutating func i64(_ value: Int64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// Writes a non-negative count (clamped into 32 bits).
  package mutating func count(_ value: Int) { u32(UInt32(clamping: value)) }

  package mutating func raw(_ data: some Sequence<UInt8>) { bytes.append(contentsOf: data) }

  /// A 32-bit length, then the bytes.
  package mutating func data(_ data: [UInt8]) {
    count(data.count)
    bytes.append(contentsOf: data)
  }

  package mutating func string(_ text: String) { data(Array(text.utf8)) }

  /// A presence byte, then the string when present.
  package mutating func optionalString(_ text: String?) {
    if let text {
      u8(1)
      string(text)
    } else {
      u8(0)
    }
  }
}

/// Reads what `ByteWriter` wrote. Every read returns nil past the end, so truncated or damaged input is detected,
/// never trapped on.
package struct ByteReader {
  private let bytes: [UInt8]
  package private(set) var offset: Int
  private let end: Int

  package init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
    self.bytes = bytes
    offset = start
    self.end = min(end ?? bytes.count, bytes.count)
  }

  package var isAtEnd: Bool { offset >= end }

  package mutating func u8() -> UInt8? {
    guard offset < end else { return nil }
    defer { offset += 1 }
    return bytes[offset]
  }

  package mutating func u32() -> UInt32? {
    guard offset + 4 <= end else { return nil }
    var value: UInt32 = 0
    for index in 0..<4 { value |= UInt32(bytes[offset + index]) << (8 * index) }
    offset += 4
    return value
  }

  package mutating func i64() -> Int64? {
    guard offset + 8 <= end else { return nil }
    var value: UInt64 = 0
    for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * index) }
    offset += 8
    return Int64(bitPattern: value)
  }

  package mutating func count() -> Int? { u32().map(Int.init) }

  package mutating func raw(_ length: Int) -> ArraySlice<UInt8>? {
    guard length >= 0, offset + length <= end else { return nil }
    defer { offset += length }
    return bytes[offset..<offset + length]
  }

  package mutating func data() -> [UInt8]? {
    guard let length = count(), let slice = raw(length) else { return nil }
    return Array(slice)
  }

  package mutating func string() -> String? {
    guard let length = count(), let slice = raw(length) else { return nil }
    return String(decoding: slice, as: UTF8.self)
  }

  /// Reads what `optionalString` wrote: `.some(nil)` for an absent string, nil for damaged input.
  package mutating func optionalString() -> String?? {
    switch u8() {
    case 0: return .some(nil)
    case 1: return string().map { .some($0) }
    default: return nil
    }
  }
}

/// FNV-1a, 32 bits: a cheap checksum that tells a torn or damaged cache record from a whole one.
package func fnv1a32(_ bytes: some Sequence<UInt8>) -> UInt32 {
  var hash: UInt32 = 0x811c_9dc5
  for byte in bytes {
    hash ^= UInt32(byte)
    hash = hash &* 0x0100_0193
  }
  return hash
}
