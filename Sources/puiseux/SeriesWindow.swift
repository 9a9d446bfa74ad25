import ArgumentParser
import Numbers
import Series
import Export

/// How many powers of t = d^(-1/b) a command computes for what `--terms` / `--order` asked
/// (`SeriesLength`), and when it computes more: the rule `family`, `spectrum` and `split` share.
///
/// N nonzero terms need more than N powers where coefficients vanish, so the first run takes
/// 3N/2 (+ `spare`): the catalogue's coordinates and losses have 12 nonzero terms within 12-18
/// powers (measured on all eight families), its eigenvalues vanish at one power in two or three
/// (Table 1), and an eigenvalue that starts at d^1 in a b = 4 family at the next three
/// (0.25 d + 0.75 - 0.0668 d^(-1/2) + ..., p1-m2-I), hence b/2 spare there. A series still
/// short asks for more powers in proportion to the density of its nonzero terms so far; at
/// `most` it stays short and the report says so. An order needs every power from `top` (the
/// highest leading exponent: 0 for coordinates, 1 for eigenvalues) down to it.
struct SeriesWindow {
    var length: SeriesLength
    var top: Rational
    /// Extra first powers per unit of b (spectra: 1/2).
    var spare: Rational = .zero
    /// The fewest powers computed (the family route reads b off the first four).
    var least = 1
    /// And at least this many orders of d, b powers each: F_d's d^2-sized pieces lose two
    /// orders, so a family's series of fewer than 2b powers cannot be checked.
    var leastOrders = 0
    var most: Int
    /// The command's name, for the error of an order deeper than `most`.
    var command: String

    /// The first window for a series in d^(-1/b); an order that needs more than `most` powers
    /// is a usage error naming how many.
    func first(ramification b: Int) throws -> Int {
        switch length {
        case .terms(let n):
            let spared = (spare * Rational(b)).intComponents.map { $0.numerator / $0.denominator } ?? 0
            return min(most, max(least, leastOrders * b, (3 * n + 1) / 2 + spared))
        case .order(let q):
            let needed = max(least, leastOrders * b, length.powers(ramification: b, leading: top))
            guard needed <= most else {
                throw CLIFailure(usage: "--order \(q) needs \(needed) powers of t = d^(-1/\(b)); \(command) computes at most \(most)")
            }
            return needed
        }
    }

    /// The window that gives what was asked after a run at `window` (whose b was `b`) left
    /// series with `shortCounts` nonzero terms each (only those short of N that end where the
    /// computation ends, and have a term); nil when the run gives it.
    func longer(after window: Int, ramification b: Int, shortCounts: [Int]) throws -> Int? {
        switch length {
        case .order:
            let needed = try first(ramification: b)
            return needed > window ? needed : nil
        case .terms(let n):
            guard window < most else { return nil }
            let growth = shortCounts.filter { $0 > 0 && $0 < n }.map { count in ((n - count) * window + count - 1) / count }.max()
            return growth.map { min(most, window + max(1, $0)) }
        }
    }

    /// `compute` at the first window (for a guessed b), then at longer ones while `longer` asks
    /// for one: the loop of every command that cuts its series to `length`. Returns the last
    /// result and its window.
    func lengthened<R>(guessedRamification b: Int, _ compute: (Int) throws -> R,
                       ramification: (R) -> Int, shortCounts: (R) -> [Int]) throws -> (result: R, window: Int) {
        var window = try first(ramification: b)
        var result = try compute(window)
        while let next = try longer(after: window, ramification: ramification(result), shortCounts: shortCounts(result)) {
            window = next
            result = try compute(window)
        }
        return (result, window)
    }
}

extension SeriesWindow {
    /// A family's coordinates and loss (`family`, `check`): they start at t^0; the series
    /// route reads b off at least four powers, and evaluates F_d on at least 2b.
    static func coordinates(_ length: SeriesLength, mostTerms: Int, least: Int = 4, command: String) -> SeriesWindow {
        SeriesWindow(length: length, top: .zero, least: least, leastOrders: 2, most: 2 * mostTerms, command: command)
    }

    /// The b to plan the first window with: the family's when it is known (the catalogue's),
    /// else 4, the largest any family found so far has (a b = 2 family then computes a few
    /// powers more than it needs; planning with 2 left a b = 4 family given by a point unable
    /// to evaluate F_d at `--terms 1` or `--order -2`).
    static func plannedRamification(_ expected: Int) -> Int { expected > 0 ? expected : 4 }

    /// The nonzero term counts of the eigenvalues more powers would lengthen: those that end
    /// where their computation ends (one that ends where its two computations disagree needs
    /// precision, not powers). `spectrum` and `split`'s Y.
    static func shortCounts(_ eigenvalues: [SpectrumEigenvalue]) -> [Int] {
        eigenvalues.filter { !$0.endsAtDisagreement }.map(\.terms.count)
    }

    /// Hessian eigenvalues (`spectrum`, `split`'s Y): none grows faster than d^1; b/2 spare.
    static func eigenvalues(_ length: SeriesLength, mostTerms: Int, command: String) -> SeriesWindow {
        SeriesWindow(length: length, top: 1, spare: Rational(1, 2), most: 2 * mostTerms, command: command)
    }
}
