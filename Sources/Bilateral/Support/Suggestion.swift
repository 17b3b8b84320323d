/// "Did you mean" suggestions: the closest candidate by edit distance, if it is close enough.
public enum Suggestion {
    /// The candidate nearest to `word`, within an edit distance of a third of its length (at least 2).
    public static func closest<S: Sequence<String>>(to word: String, in candidates: S) -> String? {
        let limit = max(2, word.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < (best?.1 ?? .max) || (distance == best?.1 && candidate < best!.0) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// A hint sentence for `closest`, or nil.
    public static func hint<S: Sequence<String>>(for word: String, in candidates: S) -> String? {
        closest(to: word, in: candidates).map(sentence)
    }

    /// The hint sentence for a suggestion: "did you mean 'x'?".
    public static func sentence(_ suggestion: String) -> String { "did you mean '\(suggestion)'?" }

    /// Edit distance over Unicode scalars, counting a swap of neighbours as one edit (optimal string alignment).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
