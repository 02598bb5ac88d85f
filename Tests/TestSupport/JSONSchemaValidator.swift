import Foundation

import PaddockNet

/// Validates JSON against a JSON Schema (draft-04), for the keywords schemas like SARIF's use: `type`,
/// `properties`, `additionalProperties`, `required`, `items`, `minItems`, `maxItems`, `uniqueItems`, `enum`,
/// `const`, `$ref` (local), `anyOf`, `oneOf`, `allOf`, `not`, `minimum`, `maximum`, `minLength`, `pattern`.
/// `format` and `default` are annotations and are not checked. An unsupported keyword fails loudly.
package struct JSONSchemaValidator {
  package let schema: JSONValue

  static let annotations: Set<String> = [
    "$schema", "id", "$id", "title", "description", "default", "format", "definitions", "deprecated",
  ]

  package init(schema: JSONValue) { self.schema = schema }

  /// Every violation as `path: problem`; empty when the instance is valid.
  package func validate(_ instance: JSONValue) -> [String] {
    var errors: [String] = []
    check(instance, against: schema, at: "$", errors: &errors)
    return errors
  }

  private func resolve(_ reference: String) -> JSONValue? {
    guard reference.hasPrefix("#") else { return nil }
    var node = schema
    for part in reference.dropFirst().split(separator: "/") {
      let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
      guard let next = node[key] else { return nil }
      node = next
    }
    return node
  }

  private func check(_ value: JSONValue, against schema: JSONValue, at path: String, errors: inout [String]) {
    guard case .object(let keywords) = schema else { return }
    if case .string(let reference)? = keywords["$ref"] {
      guard let target = resolve(reference) else {
        errors.append("\(path): unresolvable $ref \(reference)")
        return
      }
      check(value, against: target, at: path, errors: &errors)
      return
    }
    for (keyword, argument) in keywords {
      switch keyword {
      case _ where Self.annotations.contains(keyword): continue
      case "type":
        let types: [String]
        switch argument {
        case .string(let type): types = [type]
        case .array(let list): types = list.compactMap { if case .string(let t) = $0 { t } else { nil } }
        default: types = []
        }
        if !types.contains(where: { Self.matches(value, type: $0) }) {
          errors.append("\(path): expected \(types.joined(separator: " or ")), found \(Self.typeName(value))")
        }
      case "properties":
        guard case .object(let object) = value, case .object(let properties) = argument else { continue }
        for (name, subschema) in properties {
          if let member = object[name] { check(member, against: subschema, at: "\(path).\(name)", errors: &errors) }
        }
      case "additionalProperties":
        guard case .object(let object) = value else { continue }
        let declared: Set<String> = {
          if case .object(let properties)? = keywords["properties"] { return Set(properties.keys) }
          return []
        }()
        for (name, member) in object where !declared.contains(name) {
          switch argument {
          case .bool(false): errors.append("\(path): property `\(name)` is not allowed")
          case .object: check(member, against: argument, at: "\(path).\(name)", errors: &errors)
          default: break
          }
        }
      case "required":
        guard case .object(let object) = value, case .array(let names) = argument else { continue }
        for case .string(let name) in names where object[name] == nil {
          errors.append("\(path): missing required property `\(name)`")
        }
      case "items":
        guard case .array(let items) = value else { continue }
        for (index, item) in items.enumerated() {
          check(item, against: argument, at: "\(path)[\(index)]", errors: &errors)
        }
      case "minItems", "maxItems":
        guard case .array(let items) = value, case .number(let bound) = argument else { continue }
        if keyword == "minItems" ? Double(items.count) < bound : Double(items.count) > bound {
          errors.append("\(path): \(items.count) items, \(keyword) is \(Int(bound))")
        }
      case "uniqueItems":
        guard case .array(let items) = value, argument == .bool(true) else { continue }
        for (index, item) in items.enumerated() where items[..<index].contains(item) {
          errors.append("\(path)[\(index)]: duplicate item")
        }
      case "enum":
        guard case .array(let allowed) = argument else { continue }
        if !allowed.contains(value) { errors.append("\(path): \(value) is not one of the allowed values") }
      case "const":
        if value != argument { errors.append("\(path): must be \(argument)") }
      case "minimum", "maximum":
        guard case .number(let number) = value, case .number(let bound) = argument else { continue }
        if keyword == "minimum" ? number < bound : number > bound {
          errors.append("\(path): \(number) is outside \(keyword) \(bound)")
        }
      case "minLength":
        guard case .string(let text) = value, case .number(let bound) = argument else { continue }
        if Double(text.count) < bound { errors.append("\(path): shorter than \(Int(bound))") }
      case "pattern":
        guard case .string(let text) = value, case .string(let pattern) = argument else { continue }
        let regex = try? NSRegularExpression(pattern: pattern)
        if regex?.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) == nil {
          errors.append("\(path): `\(text)` does not match \(pattern)")
        }
      case "anyOf", "oneOf", "allOf":
        guard case .array(let options) = argument else { continue }
        let passing = options.filter { option in
          var scratch: [String] = []
          check(value, against: option, at: path, errors: &scratch)
          return scratch.isEmpty
        }.count
        let ok = keyword == "anyOf" ? passing >= 1 : keyword == "oneOf" ? passing == 1 : passing == options.count
        if !ok { errors.append("\(path): \(keyword) matched \(passing) of \(options.count) schemas") }
      case "not":
        var scratch: [String] = []
        check(value, against: argument, at: path, errors: &scratch)
        if scratch.isEmpty { errors.append("\(path): matches a schema it must not") }
      default:
        errors.append("\(path): the schema uses `\(keyword)`, which this validator does not support")
      }
    }
  }

  static func matches(_ value: JSONValue, type: String) -> Bool {
    switch (type, value) {
    case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array),
      ("object", .object):
      return true
    case ("integer", .number(let number)): return number.rounded() == number
    default: return false
    }
  }

  static func typeName(_ value: JSONValue) -> String {
    switch value {
    case .null: "null"
    case .bool: "boolean"
    case .number: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }
}
