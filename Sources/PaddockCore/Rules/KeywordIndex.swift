/// Finds, in one pass over a line, which rules' keywords it contains (Aho-Corasick over ASCII-lowercased bytes).
struct KeywordIndex: Sendable {
  private struct Node: Sendable {
    var next: [UInt8: Int32] = [:]
    var fail: Int32 = 0
    /// Rules whose keyword ends here, including those reached through fail links.
    var rules: [Int32] = []
  }

  private var nodes = [Node()]

  /// `keywords[i]` are the keywords of rule `i`; rules without keywords are not indexed.
  init(keywords: [[String]]) {
    for (rule, words) in keywords.enumerated() {
      for word in words where !word.isEmpty {
        var state: Int32 = 0
        for byte in word.lowercased().utf8 {
          if let next = nodes[Int(state)].next[byte] {
            state = next
          } else {
            nodes.append(Node())
            let created = Int32(nodes.count - 1)
            nodes[Int(state)].next[byte] = created
            state = created
          }
        }
        if !nodes[Int(state)].rules.contains(Int32(rule)) { nodes[Int(state)].rules.append(Int32(rule)) }
      }
    }
    // Breadth-first fail links.
    var queue: [Int32] = Array(nodes[0].next.values)
    var head = 0
    while head < queue.count {
      let state = queue[head]
      head += 1
      for (byte, child) in nodes[Int(state)].next {
        queue.append(child)
        var fail = nodes[Int(state)].fail
        while fail != 0, nodes[Int(fail)].next[byte] == nil { fail = nodes[Int(fail)].fail }
        let target = nodes[Int(fail)].next[byte] ?? 0
        nodes[Int(child)].fail = target == child ? 0 : target
        for rule in nodes[Int(nodes[Int(child)].fail)].rules where !nodes[Int(child)].rules.contains(rule) {
          nodes[Int(child)].rules.append(rule)
        }
      }
    }
  }

  /// Marks in `hits` every rule with a keyword in `line`.
  func scan(_ line: Substring.UTF8View, into hits: inout [Bool]) {
    var state: Int32 = 0
    for var byte in line {
      if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
      while true {
        if let next = nodes[Int(state)].next[byte] {
          state = next
          break
        }
        if state == 0 { break }
        state = nodes[Int(state)].fail
      }
      for rule in nodes[Int(state)].rules { hits[Int(rule)] = true }
    }
  }
}
