#if canImport(Glibc)
import Glibc
#endif
import Numbers
import Series
import LinearAlgebra
import Landscape

extension SeriesFamilySolver {
    /// The staged (Newton-polygon) solve for families whose leading-order Jacobian in η is
    /// singular (Docs/family-series.md, "Degenerate families"). Unknowns are the real
    /// coefficients a_(k,l) of η_k = sum_l a_(k,l) t^l; equations are the coefficients of t^m,
    /// m < E, of each row of F_d scaled by the dominant monomial of its Jacobian row. Their
    /// Jacobian is block Toeplitz, read off the series Jacobian J_η(t) of one evaluation: entry
    /// ((j, m), (k, l)) = [t^(m-l)] Ĵ_jk. The unknowns are taken in order of l; those the
    /// equations below t^E do not reach (the kernel directions of the singular leading block,
    /// fixed only by later orders) stay free and keep their value, which is what makes the
    /// solve staged: E = 1, 2, 4, ... fixes first what the lowest orders determine (D_1, O_1,
    /// B_12 of p = 1, m = 1, type I), then the leading coefficients of the kernel directions
    /// from the next orders, and so on. At each stage Gauss–Newton on the consistent system
    /// converges quadratically; the leading coefficients are never assumed exact.
    func solveByCoefficients(pattern: IsotropyPattern, limit: [Rational], leading: LeadingBehaviour) throws -> FamilySeries {
        let n = pattern.dimension
        let context = SeriesContext(precision: precision, relativeTerms: 2 * terms + 32)
        let one = BigFloat(1, precision: precision)
        let zero = BigFloat(0, precision: precision)
        let d = S.d(context: context)
        let model = ReducedLoss(pattern: pattern, d: d)
        let scales = leading.exponents.map { S.monomial(one, dExponent: -$0, context: context) }
        let limits = limit.map { S(constant: BigFloat($0, precision: precision), context: context) }
        // A column is free when all but half the working bits of it cancel against earlier columns.
        let tolerance = try BigFloat.pow(BigFloat(2, precision: precision), Rational(-precision / 2))
        // An unknown is undetermined (a kernel direction at this truncation) when a null vector
        // of the coefficient system moves it by more than 2^(-P/3); only determined unknowns move.
        let nullTolerance = try BigFloat.pow(BigFloat(2, precision: precision), Rational(-precision / 3))

        var b = leading.exponents.reduce(1) { lcm($0, $1.intComponents!.1) }
        var a = leading.coefficients.map { [BigFloat($0, precision: precision)] }
        /// Unknowns η_k needs for ξ_k to be known to O(t^terms): l < terms - b e_k.
        func needed(_ k: Int) -> Int { max(0, terms - (leading.exponents[k] * Rational(b)).intComponents!.0) }
        func eta(_ k: Int) -> S { S(ramification: b, valuation: 0, coefficients: a[k], order: nil, context: context) }
        func coordinates() -> [S] {
            let order = Rational(terms, b)
            return (0..<n).map { i in (limits[i] + scales[i] * eta(i)).polynomialPart(aboveDExponent: -order) }
        }
        /// [t^m] of s in t = d^(-1/b); nil beyond its O-term.
        func coefficient(_ s: S, _ m: Int) -> BigFloat? {
            if let o = s.order, m * s.ramification >= o * b { return nil }
            guard (m * s.ramification) % b == 0 else { return zero }
            return s.coefficient(ofTExponent: m * s.ramification / b)
        }

        var iterations = 0
        var final = (0..<n).map(needed).max()!
        var extensions = 0
        var stage = 1
        while true {
            let equations = min(stage, final)
            for k in 0..<n where a[k].count < equations { a[k] += Array(repeating: zero, count: equations - a[k].count) }
            var stageIterations = 0, determined: [Bool] = []
            var previous = Double.infinity
            var converged = false
            while !converged {
                iterations += 1
                stageIterations += 1
                guard stageIterations <= maximumIterations else {
                    throw SolverError.notConverged("the staged series solve did not converge at t-order \(equations) (ramification \(b)) in \(maximumIterations) steps")
                }
                let (field, jacobian) = try model.fieldAndJacobian((0..<n).map { limits[$0] + scales[$0] * eta($0) })
                var rowsJ: [[S]] = [], rowsF: [S] = []
                for j in 0..<n {
                    let row = (0..<n).map { jacobian[j, $0] * scales[$0] }
                    guard let lead = row.compactMap(\.leadingDExponent).max() else {
                        throw ComputationError.undecidable("row \(j + 1) of the Jacobian has no known nonzero entry")
                    }
                    let normal = S.monomial(one, dExponent: -lead, context: context)
                    rowsJ.append(row.map { $0 * normal })
                    rowsF.append(field[j] * normal)
                }
                // F_d may need a finer ramification than the iterate (a square root of a series of
                // odd valuation): refine b, spreading the coefficients found so far.
                let needs = (rowsF + rowsJ.flatMap { $0 }).reduce(b) { lcm($0, $1.ramification) }
                if needs != b {
                    let factor = needs / b
                    a = a.map { c in c.enumerated().flatMap { i, v in i == 0 ? [v] : Array(repeating: zero, count: factor - 1) + [v] } }
                    b = needs
                    final = (0..<n).map(needed).max()!
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
                let (step, isDetermined) = try matrix.solveInColumnOrder(rhs, relativeTolerance: tolerance, nullTolerance: nullTolerance)
                determined = isDetermined
                var largest = 0.0
                for (c, (k, l)) in unknownIndex.enumerated() where isDetermined[c] {
                    a[k][l] = a[k][l] - step[c]
                    let relative = step[c].magnitude.doubleValue / (1 + a[k][l].magnitude.doubleValue)
                    largest = max(largest, relative)
                }
                if trace {
                    print("staged iteration \(iterations): b = \(b), t-orders < \(equations), \(equationIndex.count) equations, \(isDetermined.filter { $0 }.count) of \(unknownIndex.count) unknowns determined, largest relative step \(largest)")
                }
                guard largest.isFinite && largest < 1e30 else {
                    throw SolverError.notConverged("the staged series solve diverged (ramification \(b), t-order \(equations))")
                }
                // Converged: the step is at rounding level, or it has stopped shrinking (the floor set
                // by the conditioning of the coefficient system) below half the working bits.
                let bits = largest == 0 ? -Double.infinity : log2(largest)
                converged = bits < -Double(precision) * 0.75 || (bits < -Double(precision) * 0.5 && largest > previous * 0.01)
                previous = largest
                if converged, equations == final {
                    // Every coefficient the output needs must be fixed by the equations; a free one
                    // means the truncation is too short for the lag of a kernel direction.
                    let free = unknownIndex.enumerated().filter { c, u in !determined[c] && u.1 < needed(u.0) }
                    guard free.isEmpty else {
                        extensions += 1
                        guard extensions <= 4 else {
                            let names = pattern.coordinates.map(\.description)
                            throw SolverError.notConverged("the equations up to t^\(equations) do not determine \(names[free[0].1.0])'s coefficient of t^\(free[0].1.1) (a degenerate family beyond what the staged solve resolves)")
                        }
                        final += b
                        stage = final
                        converged = false
                        break
                    }
                    // Numeric zeros: a coefficient below 2^(-P/2) times the largest coefficient of its
                    // order (at least 1) is the solve's rounding floor, not a term (the rule of
                    // Docs/numeric-zero-rule.md, at the accuracy this iteration reaches).
                    let noise = BigFloat(tolerance, precision: precision)
                    for l in 0..<equations {
                        let scale = (0..<n).map { a[$0][l].magnitude }.reduce(one) { max($0, $1) }
                        for k in 0..<n where a[k][l].magnitude <= noise * scale { a[k][l] = zero }
                    }
                    let xi = coordinates()
                    return FamilySeries(ramification: b, coordinates: xi, loss: try model.loss(xi),
                                        residual: try model.field(xi), leadingExponents: leading.exponents,
                                        iterations: iterations)
                }
            }
            if converged { stage = min(stage * 2, final) }
        }
    }
}
