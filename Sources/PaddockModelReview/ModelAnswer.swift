import Foundation
import PaddockChange
import PaddockCore
import PaddockNet
import PaddockSupport

/// A model's answer, parsed and checked item by item.
package struct ModelAnswer: Sendable, Hashable {
  /// One finding as the model gave it, after its fields were checked.
  package struct Item: Sendable, Hashable, Codable {
    package var path: String
    package var line: Int
    package var severity: Severity
    package var title: String
    package var message: String
    package var confidence: Double

    package init(path: String, line: Int, severity: Severity, title: String, message: String, confidence: Double) {
      self.path = path
      self.line = line
      self.severity = severity
      self.title = title
      self.message = message
      self.confidence = confidence
    }
  }

  package var items: [Item]
  /// Items whose fields were unusable, with why.
  package var invalid: [String]

  /// Why an answer is not usable at all (the caller asks once for a repaired answer).
  package struct Malformed: Error, Sendable, Hashable, CustomStringConvertible {
    package var description: String
  }

  /// Titles and messages are cut to these many characters: a model cannot flood a report.
  static let titleLimit = 200
  static let messageLimit = 2000

  /// Parses an answer: one JSON object with a `findings` list, possibly inside a Markdown code fence or after
  /// some prose. Unknown fields are ignored; items with missing or wrong fields are listed in `invalid`.
  package static func parse(_ text: String) throws(Malformed) -> ModelAnswer {
    guard let object = jsonObject(in: text) else {
      throw Malformed(description: "the answer is not a JSON object")
    }
    guard case .array(let findings) = object["findings"] else {
      throw Malformed(description: "the answer has no `findings` list")
    }
    var answer = ModelAnswer(items: [], invalid: [])
    for (index, value) in findings.enumerated() {
      guard case .object(let item) = value else {
        answer.invalid.append("finding \(index + 1) is not an object")
        continue
      }
      switch Self.item(item) {
      case .success(let parsed): answer.items.append(parsed)
      case .failure(let problem): answer.invalid.append("finding \(index + 1) \(problem.description)")
      }
    }
    return answer
  }

  private static func item(_ item: [String: JSONValue]) -> Result<Item, Malformed> {
    guard let path = item["path"]?.stringValue?.trimmingBlanks(), !path.isEmpty else {
      return .failure(Malformed(description: "has no path"))
    }
    let line: Int
    if case .number(let value) = item["line"], let number = Int(exactly: value) {
      line = number
    } else if let text = item["line"]?.stringValue, let number = Int(text.trimmingBlanks()) {
      line = number
    } else {
      return .failure(Malformed(description: "has no line number"))
    }
    guard let severityText = item["severity"]?.stringValue?.lowercased() else {
      return .failure(Malformed(description: "has no severity"))
    }
    let severity: Severity
    switch severityText {
    case "error", "critical", "high", "blocker": severity = .error
    case "warning", "medium", "major", "warn": severity = .warning
    case "note", "low", "minor", "info", "suggestion": severity = .note
    default: return .failure(Malformed(description: "has severity `\(severityText.prefix(40))`"))
    }
    guard let title = item["title"]?.stringValue?.trimmingBlanks(), !title.isEmpty else {
      return .failure(Malformed(description: "has no title"))
    }
    let message = (item["message"]?.stringValue ?? "").trimmingBlanks()
    var confidence = 0.5
    if case .number(let value) = item["confidence"] { confidence = value }
    // Some models answer in percent.
    if confidence > 1, confidence <= 100 { confidence /= 100 }
    guard confidence.isFinite, (0...1).contains(confidence) else {
      return .failure(Malformed(description: "has confidence \(confidence), not between 0 and 1"))
    }
    return .success(
      Item(
        path: path, line: line, severity: severity, title: String(title.prefix(titleLimit)),
        message: String(message.prefix(messageLimit)), confidence: confidence))
  }

  /// The first JSON object in the text: the whole text, a fenced block, or from the first `{` to the last `}`.
  private static func jsonObject(in text: String) -> JSONValue? {
    var candidates = [text]
    if let fence = text.range(of: "```") {
      var rest = text[fence.upperBound...]
      if let newline = rest.firstIndex(of: "\n") { rest = rest[rest.index(after: newline)...] }
      if let close = rest.range(of: "```") { candidates.append(String(rest[..<close.lowerBound])) }
    }
    if let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}"), open < close {
      candidates.append(String(text[open...close]))
    }
    for candidate in candidates {
      guard let object = JSONValue(parsing: candidate), case .object = object else { continue }
      return object
    }
    return nil
  }
}

extension JSONValue {
  /// The string, or nil for any other kind of value.
  fileprivate var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }
}
