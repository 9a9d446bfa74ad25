import Testing
import Numbers
@testable import Solvers

/// `StirlingRow`'s recurrence against S(n, k) = G(k, n)/k! from Proposition 4.5's closed form.
@Suite("Stirling numbers of the second kind")
struct StirlingRowTests {
    @Test("the Stirling rows against S(n, k) = G(k, n)/k!")
    func stirling() {
        var row = StirlingRow()
        for n in 0...40 {
            #expect(row.n == n)
            for k in 1...max(n, 1) where n >= 1 {
                #expect(row[k] == Proposition45.G(k, n).dividedExactly(by: BigInteger.factorial(k)), "S(\(n), \(k))")
            }
            #expect(row[0] == (n == 0 ? .one : .zero) && row[n + 1].isZero)
            row.advance()
        }
    }
}
