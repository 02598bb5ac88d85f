internal import CLibgit2

/// A git object id (SHA-1), stored inline so that hashing and comparing are cheap.
package struct ObjectID: Hashable, Comparable, Sendable, CustomStringConvertible {
  private var a: UInt64
  private var b: UInt64
  private var c: UInt32

  init(_ oid: git_oid) {
    var raw = oid
    var a: UInt64 = 0
    var b: UInt64 = 0
    var c: UInt32 = 0
    withUnsafeBytes(of: &raw.id) { bytes in
      a = bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
      b = bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
      c = bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
    }
    self.a = a
    self.b = b
    self.c = c
  }

  init(_ pointer: UnsafePointer<git_oid>) { self.init(pointer.pointee) }

  /// Parses a full 40-character hexadecimal id; returns nil for anything else.
  package init?(hex: String) {
    guard hex.utf8.count == 40, hex.utf8.allSatisfy({ $0.isHexDigit }) else { return nil }
    var oid = git_oid()
    guard git_oid_fromstr(&oid, hex) == 0 else { return nil }
    self.init(oid)
  }

  /// Builds an id from its 20 raw bytes; nil for any other length.
  package init?(bytes: ArraySlice<UInt8>) {
    guard bytes.count == 20 else { return nil }
    (a, b, c) = bytes.withUnsafeBytes { raw in
      (
        raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
        raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
      )
    }
  }

  package init?(bytes: [UInt8]) { self.init(bytes: bytes[...]) }

  /// The 20 raw bytes, as stored in git's objects.
  package var bytes: [UInt8] {
    var oid = raw
    return withUnsafeBytes(of: &oid.id) { Array($0.prefix(20)) }
  }

  var raw: git_oid {
    var oid = git_oid()
    withUnsafeMutableBytes(of: &oid.id) { bytes in
      bytes.storeBytes(of: a, toByteOffset: 0, as: UInt64.self)
      bytes.storeBytes(of: b, toByteOffset: 8, as: UInt64.self)
      bytes.storeBytes(of: c, toByteOffset: 16, as: UInt32.self)
    }
    return oid
  }

  /// The all-zero id git uses for "no object" (for example in pre-push input).
  package static let zero = ObjectID(git_oid())

  /// Whether this is the all-zero id.
  package var isZero: Bool { a == 0 && b == 0 && c == 0 }

  /// The 40-character lowercase hexadecimal form.
  package var hex: String {
    var oid = raw
    var buffer = [CChar](repeating: 0, count: 41)
    git_oid_fmt(&buffer, &oid)
    buffer[40] = 0
    return String(decodingCString: buffer)
  }

  /// The first `length` hexadecimal digits, as `git log --abbrev` prints them.
  package func abbreviated(_ length: Int = 12) -> String { String(hex.prefix(length)) }

  package var description: String { hex }

  package static func < (lhs: ObjectID, rhs: ObjectID) -> Bool { lhs.hex < rhs.hex }
}

extension UInt8 {
  fileprivate var isHexDigit: Bool {
    (0x30...0x39).contains(self) || (0x61...0x66).contains(self) || (0x41...0x46).contains(self)
  }
}

extension ObjectID: Codable {
  /// Decodes the 40-character hexadecimal form.
  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let id = ObjectID(hex: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "`\(text.prefix(80))` is not a 40-digit hexadecimal object id")
    }
    self = id
  }

  /// Encodes the 40-character lowercase hexadecimal form, as git prints it.
  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(hex)
  }
}
