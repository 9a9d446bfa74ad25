import Testing
import Numbers
import LinearAlgebra
@testable import Landscape

/// The column-block student's loss, gradient and Hessian (real d) against the explicit model's
/// on the k x d matrix at integer d (an independent computation: every entry, no reduction).
@Suite("Column-block students (k < d)")
struct ColumnBlockStudentTests {
    @Test("loss, gradient and Hessian equal the explicit model's, summed over each block's entries",
          arguments: [(1, [Int](), 6), (2, [1], 7), (3, [2, 1], 8)])
    func againstTheExplicitModel(_ rows: Int, _ small: [Int], _ d: Int) throws {
        let student = ColumnBlockStudent(rows: rows, smallBlocks: small)
        var generator = SplitMix64(seed: UInt64(31 * rows + d))
        let x = (0..<student.dimension).map { _ in Double.random(in: -1...1, using: &generator) }
        let w = Matrix(student.matrix(x, dimension: d))
        let model = ExplicitModel<Double>(dimension: d)
        #expect(abs(try student.loss(x, d: Double(d)) - model.loss(w)) < 1e-12)
        let (g, h) = try student.gradientAndHessian(x, d: Double(d))
        let explicitGradient = try model.gradient(w), explicitHessian = try model.hessian(w)
        let sizes = [d - small.reduce(0, +)] + small
        let blockOf = sizes.enumerated().flatMap { b, n in Array(repeating: b, count: n) }
        let r = student.blockCount
        for i in 0..<rows {
            for b in 0..<r {
                let summed = (0..<d).filter { blockOf[$0] == b }.reduce(0.0) { $0 + explicitGradient[i, $1] }
                #expect(abs(g[i * r + b] - summed) < 1e-12, "gradient (\(i), \(b))")
                for j in 0..<rows {
                    for c in 0..<r {
                        var summedH = 0.0
                        for p in 0..<d where blockOf[p] == b { for q in 0..<d where blockOf[q] == c { summedH += explicitHessian[i * d + p, j * d + q] } }
                        #expect(abs(h[i * r + b, j * r + c] - summedH) < 1e-10, "Hessian (\(i), \(b)), (\(j), \(c))")
                    }
                }
            }
        }
    }
}
