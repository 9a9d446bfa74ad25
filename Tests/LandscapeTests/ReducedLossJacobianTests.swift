import Testing
import Numbers
@testable import Landscape

/// `fieldAndJacobian`'s closed forms (kernel second partials composed with the Gram maps)
/// against second derivatives of the loss VALUE by nested dual numbers, which differentiate
/// the kernel's formula f = (sqrt(G) + (pi - theta) c)/(2 pi) itself and never use the
/// closed-form partials: an independent computation. Real (non-integer) d, every pattern.
@Suite struct ReducedLossJacobianTests {
    typealias B = BigFloat
    typealias DD = Dual<Dual<B>>
    static let bits = 192

    /// ∂²L/∂ξ_i∂ξ_j and ∂L/∂ξ_i by forward mode over forward mode.
    static func secondDerivatives(_ pattern: IsotropyPattern, d: B, xi: [B]) throws -> (gradient: [B], hessian: [[B]]) {
        let n = xi.count
        let variables = (0..<n).map { i -> DD in
            let inner = Dual.variable(xi[i], index: i, count: n)
            let zero = Dual<B>(B(0, precision: bits)), one = Dual<B>(B(1, precision: bits))
            return DD(inner, partials: (0..<n).map { $0 == i ? one : zero })
        }
        let loss = try ReducedLoss<DD>(pattern: pattern, d: DD(Dual(d))).loss(variables)
        let gradient = (0..<n).map { loss.partial($0).value }
        let hessian = (0..<n).map { i in (0..<n).map { j in loss.partial(i).partial(j) } }
        return (gradient, hessian)
    }

    @Test(arguments: 0..<ReducedLossTests.patterns.count) func jacobianMatchesNestedDuals(_ which: Int) throws {
        let spec = ReducedLossTests.patterns[which]
        let pattern = try IsotropyPattern(smallBlocks: spec.small, extraRows: spec.m)
        let d = B(Rational(75, 8), precision: Self.bits)
        let xi = ReducedLossTests.randomPoint(pattern, seed: which + 2).map { B($0, precision: Self.bits) }
        let (field, jacobian) = try ReducedLoss(pattern: pattern, d: d).fieldAndJacobian(xi)
        let (gradient, hessian) = try Self.secondDerivatives(pattern, d: d, xi: xi)
        let counts = pattern.entryCounts(d: d)
        let tolerance = 1e-45
        for i in 0..<pattern.dimension {
            let expectedField = try gradient[i] / counts[i]
            #expect(abs((field[i] - expectedField).doubleValue) < tolerance * max(1, abs(expectedField.doubleValue)),
                    "\(pattern) F_\(i): \(field[i]) vs \(expectedField)")
            for j in 0..<pattern.dimension {
                let expected = try hessian[i][j] / counts[i]
                let scale = max(1, abs(expected.doubleValue))
                #expect(abs((jacobian[i, j] - expected).doubleValue) < tolerance * scale,
                        "\(pattern) J_\(i)\(j): \(jacobian[i, j]) vs \(expected)")
            }
        }
    }

    /// `jacobianDiagonal` (the traces of the spectrum's x and y) against the nested duals'
    /// second derivatives, and equal to the diagonal of `fieldAndJacobian` whether its terms are
    /// evaluated on one thread or two.
    @Test(arguments: 0..<ReducedLossTests.patterns.count) func diagonalMatchesNestedDuals(_ which: Int) throws {
        let spec = ReducedLossTests.patterns[which]
        let pattern = try IsotropyPattern(smallBlocks: spec.small, extraRows: spec.m)
        let d = B(Rational(75, 8), precision: Self.bits)
        let xi = ReducedLossTests.randomPoint(pattern, seed: which + 5).map { B($0, precision: Self.bits) }
        let model = ReducedLoss(pattern: pattern, d: d)
        let diagonal = try model.jacobianDiagonal(xi)
        let (_, hessian) = try Self.secondDerivatives(pattern, d: d, xi: xi)
        let counts = pattern.entryCounts(d: d)
        #expect(try model.jacobianDiagonal(xi, parallel: true).map(\.doubleValue) == diagonal.map(\.doubleValue))
        for i in 0..<pattern.dimension {
            let expected = try hessian[i][i] / counts[i]
            #expect(abs((diagonal[i] - expected).doubleValue) < 1e-45 * max(1, abs(expected.doubleValue)),
                    "\(pattern) J_\(i)\(i): \(diagonal[i]) vs \(expected)")
        }
    }
}
