/// Finds, in one pass over a line, which rules' keywords it contains: an Aho-Corasick automaton over
/// ASCII-lowercased bytes, compiled to a dense transition table so the scan is one load per byte.
struct KeywordIndex: Sendable {
  /// `transitions[state * 256 + byte]` is the next state.
  private let transitions: [Int32]
  /// The rules whose keyword ends at each state, including those reached through fail links, flattened: state `s`'s
  /// are `rules[firstRule[s]..<firstRule[s + 1]]`. Flat arrays, so a scan touches no reference count per byte.
  private let firstRule: [Int32]
  private let rules: [Int32]

  /// `keywords[i]` are the keywords of rule `i`; rules without keywords are not indexed.
  init(keywords: [[String]]) {
    var next: [[UInt8: Int32]] = [[:]]
    var output: [[Int32]] = [[]]
    for (rule, words) in keywords.enumerated() {
      for word in words where !word.isEmpty {
        var state = 0
        for byte in word.lowercased().utf8 {
          if let target = next[state][byte] {
            state = Int(target)
          } else {
            next.append([:])
            output.append([])
            next[state][byte] = Int32(next.count - 1)
            state = next.count - 1
          }
        }
        if !output[state].contains(Int32(rule)) { output[state].append(Int32(rule)) }
      }
    }
    // Breadth-first: fail links, inherited outputs, and the full transition table.
    var fail = [Int32](repeating: 0, count: next.count)
    var table = [Int32](repeating: 0, count: next.count * 256)
    for (byte, child) in next[0] { table[Int(byte)] = child }
    var queue: [Int] = next[0].values.map { Int($0) }
    var head = 0
    while head < queue.count {
      let state = queue[head]
      head += 1
      let failState = Int(fail[state])
      for rule in output[failState] where !output[state].contains(rule) { output[state].append(rule) }
      // A state moves like its fail state, except along its own children.
      let row = state * 256
      let failRow = failState * 256
      for byte in 0..<256 { table[row + byte] = table[failRow + byte] }
      for (byte, child) in next[state] {
        fail[Int(child)] = table[failRow + Int(byte)]
        table[row + Int(byte)] = child
        queue.append(Int(child))
      }
    }
    transitions = table
    var starts: [Int32] = [0]
    for found in output { starts.append(starts[starts.count - 1] + Int32(found.count)) }
    firstRule = starts
    rules = output.flatMap { $0 }
  }

  /// Marks in `hits` every rule with a keyword in `line`.
  func scan(_ line: String, into hits: inout [Bool]) {
    let scanned: Void? = line.utf8.withContiguousStorageIfAvailable { scan(bytes: $0, into: &hits) }
    if scanned == nil { Array(line.utf8).withUnsafeBufferPointer { scan(bytes: $0, into: &hits) } }
  }

  private func scan(bytes line: UnsafeBufferPointer<UInt8>, into hits: inout [Bool]) {
    transitions.withUnsafeBufferPointer { table in
      firstRule.withUnsafeBufferPointer { firstRule in
        rules.withUnsafeBufferPointer { rules in
          var state = 0
          for var byte in line {
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            state = Int(table[state &* 256 &+ Int(byte)])
            let first = Int(firstRule[state])
            let end = Int(firstRule[state &+ 1])
            if first < end {
              for position in first..<end { hits[Int(rules[position])] = true }
            }
          }
        }
      }
    }
  }
}
