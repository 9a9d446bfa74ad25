#if canImport(Glibc)
import Glibc
#endif
import Numbers
import Series
import LinearAlgebra
import Landscape

extension SeriesFamilySolver {
    /// Families whose leading-order Jacobian in η is singular (the b = 4 ones): the staged
    /// coefficient solve (`StagedCoefficientSolve`) on F_d in the variables η of the leading
    /// exponents. At E = 1 it fixes the leading coefficients of D_1, O_1, B_12 (p = 1, m = 1,
    /// type I), then those of the kernel directions from the next orders, and so on.
    func solveByCoefficients(pattern: IsotropyPattern, limit: [Rational], leading: LeadingBehaviour,
                             start: [[BigFloat]]? = nil, startRamification: Int? = nil) throws -> FamilySeries {
        let n = pattern.dimension
        // Context terms as for the direct solve (`contextMargin`). A stage whose F_d is too short
        // loses equations, leaves unknowns undetermined and is extended, so a short margin costs
        // time, never a wrong coefficient.
        let margin = Self.contextMargin(ramification: startRamification ?? leading.ramification)
        let context = SeriesContext(precision: precision, relativeTerms: terms + margin)
        let variables = EtaVariables(pattern: pattern, limit: limit, leading: leading, context: context)
        let model = variables.model
        let b0 = startRamification ?? variables.initialRamification
        var core = StagedCoefficientSolve(precision: precision, names: pattern.coordinates.map(\.description))
        core.maximumIterations = maximumIterations
        core.trace = trace
        // From a whole solution (a lift to another precision) every order is solved at once.
        if start != nil { core.firstStage = Int.max }
        // A stage of E orders evaluates F_d on series of E + margin terms, not the full length.
        let (bits, length) = (precision, terms)
        core.stageContext = { equations in SeriesContext(precision: bits, relativeTerms: min(length, equations) + margin) }
        var variablesByLength = [context.relativeTerms: variables]
        // η_k needs l < terms - b e_k coefficients for ξ_k to be known to O(t^terms).
        let (a, b, iterations) = try core.solve(
            start: (start ?? leading.coefficients.map { [$0] }).map { $0.map { BigFloat($0, precision: precision) } }, ramification: b0, context: context,
            needed: { b, k in max(0, terms - (leading.exponents[k] * Rational(b)).intComponents!.0) },
            system: { eta in
                let stageContext = eta[0].context
                let v = variablesByLength[stageContext.relativeTerms]
                    ?? EtaVariables(pattern: pattern, limit: limit, leading: leading, context: stageContext)
                variablesByLength[stageContext.relativeTerms] = v
                let (field, jacobian) = try v.model.fieldAndJacobian(v.xi(eta), parallel: true)
                return (field, (0..<n).map { j in (0..<n).map { jacobian[j, $0] * v.scales[$0] } })
            })
        let order = Rational(terms, b)
        let eta = a.map { S(ramification: b, valuation: 0, coefficients: $0, order: nil, context: context) }
        let xi = variables.xi(eta).map { $0.polynomialPart(aboveDExponent: -order) }
        var solution = FamilySeries(ramification: b, coordinates: xi, loss: try model.loss(xi), residual: try model.field(xi),
                                    leadingExponents: leading.exponents, iterations: iterations, terms: terms, staged: true)
        solution.solvedCoefficients = a
        return solution
    }
}
