import Numbers

/// One row n of the Stirling numbers of the second kind, S(n, k) for k = 0 ... n: the number of
/// ways to split n labelled things into k nonempty unlabelled blocks. Every count of paper 004
/// is a multiple of one of them (`SubspaceCount`), so a row is all a width m needs.
public struct StirlingRow: Sendable {
    public private(set) var n: Int
    /// S(n, k) at index k.
    public private(set) var values: [BigInteger]

    /// Row 0: S(0, 0) = 1.
    public init() {
        n = 0
        values = [.one]
    }

    /// Row n, by the recurrence from row 0 (O(n^2) additions and small multiplications).
    public init(_ n: Int) {
        precondition(n >= 0, "a Stirling row needs n >= 0")
        self.init()
        while self.n < n { advance() }
    }

    /// S(n, k); 0 outside 0 ... n.
    public subscript(k: Int) -> BigInteger { (0...n).contains(k) ? values[k] : .zero }

    /// Row n + 1: S(n + 1, k) = k S(n, k) + S(n, k - 1), thing n + 1 either joining one of the k
    /// blocks or forming its own. In place, from the right, so that S(n, k - 1) is still the old one.
    public mutating func advance() {
        values.append(.zero)
        n += 1
        for k in stride(from: n, through: 1, by: -1) {
            values[k].multiply(by: k)
            values[k] += values[k - 1]
        }
        values[0] = .zero
    }
}
