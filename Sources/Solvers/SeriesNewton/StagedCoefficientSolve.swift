#if canImport(Glibc)
import Glibc
#endif
import Numbers
import Series
import LinearAlgebra

/// The staged (Newton-polygon) coefficient solve of a square system F(η) = 0 over Puiseux
/// series whose leading-order Jacobian may be singular (Docs/family-series.md, "Degenerate
/// families"). Unknowns are the real coefficients a_(k,l) of η_k = Σ_l a_(k,l) t^l,
/// t = d^(-1/b); equations are [t^m], m < E, of each row of F divided by the dominant monomial
/// of its Jacobian row (only coefficients F knows: above its O-term). Their Jacobian is block
/// Toeplitz, read off J(t) of one evaluation: ((j, m), (k, l)) -> [t^(m-l)] Ĵ_jk. Only the
/// unknowns the truncated equations determine move (`Matrix.solveInColumnOrder`); stages
/// E = 1, 2, 4, ... fix first what the lowest orders determine, then the kernel directions.
/// Used for the degenerate families (`SeriesFamilySolver`) and for eigenvalue branches in a
/// cluster (`SeriesSpectrum`).
struct StagedCoefficientSolve {
    typealias S = PuiseuxSeries<BigFloat>
    var precision: Int
    var maximumIterations = 30
    var trace = false
    /// Names of the unknowns, for diagnostics.
    var names: [String]
    /// The first stage's number of equation orders. 1 (staged) when only the leading
    /// coefficients are known; `Int.max` (all at once) when the start already separates a
    /// cluster — a root shared at low order converges only linearly there, so staging would
    /// crawl — as for eigenvalue branches started from the Newton polygon's leading terms, and
    /// for a whole solution lifted to another precision.
    var firstStage = 1
    /// The series context of a stage with E equation orders (the iterate's η is built in it, so
    /// F_d is evaluated to that length): nil for `solve`'s context at every stage. A stage needs
    /// F_d only to its E orders plus the lag, so early stages run on shorter series.
    var stageContext: ((Int) -> SeriesContext)? = nil

    /// `start[k]`: the first coefficients of η_k (a start; refined). `needed(b, k)`: how many
    /// coefficients of η_k the result must determine at ramification b. `system(η)`: F and
    /// J_jk = ∂F_j/∂η_k as series. Returns the coefficients (numerical zeros made exact) and b.
    func solve(start: [[BigFloat]], ramification b0: Int, context: SeriesContext,
               needed: (Int, Int) -> Int, system: ([S]) throws -> (field: [S], jacobian: [[S]])) throws
        -> (coefficients: [[BigFloat]], ramification: Int, iterations: Int) {
        let n = start.count
        let one = BigFloat(1, precision: precision)
        let zero = BigFloat(0, precision: precision)
        // A column is free when all but half the working bits of it cancel against earlier columns.
        let tolerance = try NumericZeroRule.residueFloor(precision: precision)
        // An unknown is undetermined (a kernel direction at this truncation) when a null vector
        // of the coefficient system moves it by more than 2^(-P/3).
        let nullTolerance = try BigFloat.pow(BigFloat(2, precision: precision), Rational(-precision / 3))
        var b = b0
        var a = start
        var current = context
        func eta(_ k: Int) -> S { S(ramification: b, valuation: 0, coefficients: a[k], order: nil, context: current) }
        /// [t^m] of s in t = d^(-1/b); nil beyond its O-term.
        func coefficient(_ s: S, _ m: Int) -> BigFloat? {
            if let o = s.order, m * s.ramification >= o * b { return nil }
            guard (m * s.ramification) % b == 0 else { return zero }
            return s.coefficient(ofTExponent: m * s.ramification / b)
        }
        var iterations = 0
        let started = ContinuousClock.now
        // A start with more orders than needed (a solution lifted to another precision) keeps
        // them: they include the lag its own solve found.
        var final = max((0..<n).map { needed(b, $0) }.max()!, start.map(\.count).max() ?? 0)
        var extensions = 0
        var stage = firstStage
        while true {
            let equations = min(stage, final)
            current = stageContext?(equations) ?? context
            for k in 0..<n where a[k].count < equations { a[k] += Array(repeating: zero, count: equations - a[k].count) }
            var stageIterations = 0
            var previous = Double.infinity
            var converged = false
            var linear = 0
            while !converged {
                iterations += 1
                stageIterations += 1
                guard stageIterations <= maximumIterations else {
                    throw SolverError.notConverged("the staged series solve did not converge at t-order \(equations) (ramification \(b)) in \(maximumIterations) steps")
                }
                let (field, jacobian) = try system((0..<n).map(eta))
                var rowsJ: [[S]] = [], rowsF: [S] = []
                for j in 0..<n {
                    guard let lead = jacobian[j].compactMap(\.leadingDExponent).max() else {
                        throw ComputationError.undecidable("row \(j + 1) of the Jacobian has no known nonzero entry")
                    }
                    let normal = S.monomial(one, dExponent: -lead, context: current)
                    rowsJ.append(jacobian[j].map { $0 * normal })
                    rowsF.append(field[j] * normal)
                }
                // F may need a finer ramification than the iterate (a square root of a series of
                // odd valuation): refine b, spreading the coefficients found so far.
                let needs = (rowsF + rowsJ.flatMap { $0 }).reduce(b) { lcm($0, $1.ramification) }
                if needs != b {
                    let factor = needs / b
                    a = a.map { c in c.enumerated().flatMap { i, v in i == 0 ? [v] : Array(repeating: zero, count: factor - 1) + [v] } }
                    b = needs
                    final = (0..<n).map { needed(b, $0) }.max()!
                    stage *= factor
                    if trace { print("ramification refined to \(b)") }
                    break
                }
                var equationIndex: [(Int, Int)] = []
                for j in 0..<n { for m in 0..<equations where coefficient(rowsF[j], m) != nil { equationIndex.append((j, m)) } }
                let unknownIndex = (0..<equations).flatMap { l in (0..<n).map { k in (k, l) } }
                let matrix = Matrix<BigFloat>(rows: equationIndex.count, columns: unknownIndex.count) { r, c in
                    let (j, m) = equationIndex[r], (k, l) = unknownIndex[c]
                    return m < l ? zero : (coefficient(rowsJ[j][k], m - l) ?? zero)
                }
                let rhs = equationIndex.map { coefficient(rowsF[$0.0], $0.1)! }
                let (step, determined) = try matrix.solveInColumnOrder(rhs, relativeTolerance: tolerance, nullTolerance: nullTolerance)
                var largest = 0.0
                for (c, (k, l)) in unknownIndex.enumerated() where determined[c] {
                    a[k][l] = a[k][l] - step[c]
                    largest = max(largest, step[c].magnitude.doubleValue / (1 + a[k][l].magnitude.doubleValue))
                }
                if trace {
                    print("staged iteration \(iterations): b = \(b), t-orders < \(equations), \(equationIndex.count) equations, \(determined.filter { $0 }.count) of \(unknownIndex.count) unknowns determined, largest relative step \(largest), at \(ContinuousClock.now - started)")
                }
                guard largest.isFinite && largest < 1e30 else {
                    throw SolverError.notConverged("the staged series solve diverged (ramification \(b), t-order \(equations))")
                }
                // Converged: the step is at rounding level, or it has stopped shrinking (the floor set
                // by the conditioning of the coefficient system) below half the working bits.
                let bits = largest == 0 ? -Double.infinity : log2(largest)
                converged = bits < -Double(precision) * 0.75 || (bits < -Double(precision) * 0.5 && largest > previous * 0.01)
                // Linear convergence (steps shrinking by a constant factor ~1/2) is Newton at a
                // multiple root: two branches that the equations below t^E do not yet separate.
                // More orders separate them.
                if !converged, stageIterations >= 4, largest > previous * 0.2, largest < previous * 0.8 {
                    linear += 1
                } else { linear = 0 }
                previous = largest
                if linear >= 3, extensions < 4 {
                    extensions += 1
                    final += b
                    stage = final
                    if trace { print("linear convergence: branches not separated below t^\(equations); equations to t^\(final)") }
                    break
                }
                guard converged, equations == final else { continue }
                // Every coefficient the result needs must be fixed by the equations; a free one
                // means the truncation is too short for the lag of a kernel direction.
                let free = unknownIndex.enumerated().filter { c, u in !determined[c] && u.1 < needed(b, u.0) }
                guard free.isEmpty else {
                    extensions += 1
                    guard extensions <= 4 else {
                        throw SolverError.notConverged("the equations up to t^\(equations) do not determine \(names[free[0].1.0])'s coefficient of t^\(free[0].1.1) (degenerate beyond what the staged solve resolves)")
                    }
                    final += b
                    stage = final
                    converged = false
                    break
                }
                // Numeric zeros: a coefficient below 2^(-P/2) times the largest coefficient of its
                // order (at least 1) is the solve's rounding floor, not a term (the rule of
                // Docs/numeric-zero-rule.md, at the accuracy this iteration reaches).
                for l in 0..<equations {
                    let scale = (0..<n).map { a[$0][l].magnitude }.reduce(one) { max($0, $1) }
                    for k in 0..<n where a[k][l].magnitude <= tolerance * scale { a[k][l] = zero }
                }
                return (a, b, iterations)
            }
            if converged { stage = min(stage * 2, final) }
        }
    }
}
