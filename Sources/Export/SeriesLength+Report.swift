import Series

extension SeriesLength {
    /// What was asked for, as the JSON outputs record it: {"terms": N} or {"order": "EXP"}.
    public var json: String {
        switch self {
        case .terms(let n): return JSON.object([("terms", String(n))], indent: nil)
        case .order(let q): return JSON.object([("order", JSON.string(q.description))], indent: nil)
        }
    }

    /// What was asked for, in words ("6 nonzero terms", "every term above d^(-5/2)").
    public var words: String {
        switch self {
        case .terms(let n): return "\(n) nonzero term\(n == 1 ? "" : "s")"
        case .order(let q): return "every term above d^(\(q))"
        }
    }
}
