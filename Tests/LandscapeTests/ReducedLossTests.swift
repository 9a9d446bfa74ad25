import Testing
import Numbers
@testable import Landscape

/// The reduced loss and read-off field against the explicit (d + m) x d matrix at integer d:
/// the loss summed over all row pairs and row/target pairs, and ∂L/∂W_rc by a dual number
/// seeded at one matrix entry — an independent computation of both.
@Suite struct ReducedLossTests {
    static let bits = 256
    typealias B = BigFloat

    /// f(w, v) from the vectors, with rows that are parallel to working precision
    /// (|G| < 2^-200 ab) given the limit of the formula: |w||v|/2 (same direction) or 0.
    static func kernel(_ w: [B], _ v: [B]) throws -> B {
        let zero = w[0].constant(0)
        func dot(_ x: [B], _ y: [B]) -> B { zip(x, y).reduce(zero) { $0 + $1.0 * $1.1 } }
        let a = dot(w, w), b = dot(v, v), c = dot(w, v)
        let g = a * b - c * c
        if abs(g.doubleValue) < 1e-60 * (a * b).doubleValue {
            return c.sign > 0 ? try B.sqrt(a * b) / w[0].constant(2) : zero
        }
        return try ReluKernel(a: a, b: b, c: c).value
    }

    /// L(W) for target V = I_d, summed over all pairs of rows and all row/target pairs.
    static func explicitLoss(_ w: [[B]], d: Int) throws -> B {
        let one = w[0][0].constant(1)
        let targets = (0..<d).map { j in (0..<d).map { one.constant($0 == j ? 1 : 0) } }
        var loss = one.constant(0)
        for i in w.indices {
            for j in w.indices {
                loss = loss + (try (i == j ? kernel(w[i], w[i]) : kernel(w[i], w[j])) / one.constant(2))
            }
            for t in targets { loss = loss - (try kernel(w[i], t)) }
        }
        let pi = try one.pi()
        return loss + (try one.constant(d) / one.constant(4)) + (try one.constant(d * (d - 1)) / (pi * one.constant(4)))
    }

    /// MATH.md section 1: g(w, v) = (|v| sin(theta) w_bar + (pi - theta) v) / (2 pi), g(w, w) = w/2.
    static func rowGradient(_ w: [B], _ v: [B]) throws -> [B] {
        let zero = w[0].constant(0)
        func dot(_ x: [B], _ y: [B]) -> B { zip(x, y).reduce(zero) { $0 + $1.0 * $1.1 } }
        let a = dot(w, w), b = dot(v, v), c = dot(w, v)
        let pi = try zero.pi()
        var g = a * b - c * c
        if abs(g.doubleValue) < 1e-60 * (a * b).doubleValue { g = zero }
        let sinTheta = try B.sqrt(g) / B.sqrt(a * b)
        let theta = g.isZero ? (c.sign > 0 ? zero : pi) : try B.acos(c / B.sqrt(a * b))
        let normV = try B.sqrt(b), normW = try B.sqrt(a)
        return try zip(w, v).map { wi, vi in try (normV * sinTheta * (try wi / normW) + (pi - theta) * vi) / (pi + pi) }
    }

    /// ∂L/∂W: Σ_j g(w_i, w_j) - Σ_j g(w_i, e_j), g(w, w) = w/2.
    static func explicitGradient(_ w: [[B]], d: Int) throws -> [[B]] {
        let one = w[0][0].constant(1)
        let targets = (0..<d).map { j in (0..<d).map { one.constant($0 == j ? 1 : 0) } }
        return try w.indices.map { i in
            var total = try w[i].map { try $0 / one.constant(2) }
            for j in w.indices where j != i { total = zip(total, try rowGradient(w[i], w[j])).map { $0 + $1 } }
            for t in targets { total = zip(total, try rowGradient(w[i], t)).map { $0 - $1 } }
            return total
        }
    }

    static func randomPoint(_ pattern: IsotropyPattern, seed: Int) -> [B] {
        // Deterministic, non-degenerate values in (-1, 1); rows stay pairwise non-parallel.
        (0..<pattern.dimension).map { i in
            B(Rational(((i + 3) * 37 + seed * 11) % 97 - 48, 61), precision: bits)
        }
    }

    static let patterns: [(small: [Int], m: Int)] = [
        ([], 0), ([], 1), ([], 2), ([1], 0), ([1], 1), ([1], 2),
        ([1, 1], 0), ([1, 1], 1), ([1, 1], 2), ([2], 0), ([2], 1), ([2], 2),
    ]

    @Test(arguments: 0..<patterns.count) func lossMatchesTheExplicitMatrix(_ which: Int) throws {
        let p = try IsotropyPattern(smallBlocks: Self.patterns[which].small, extraRows: Self.patterns[which].m)
        let d = 6
        let xi = Self.randomPoint(p, seed: which)
        let reduced = try ReducedLoss(pattern: p, d: B(d, precision: Self.bits)).loss(xi)
        let explicit = try Self.explicitLoss(try p.matrix(xi, dimension: d), d: d)
        #expect(abs((reduced - explicit).doubleValue) < 1e-60, "\(p): \(reduced) vs \(explicit)")
    }

    @Test(arguments: 0..<patterns.count) func fieldMatchesTheExplicitGradient(_ which: Int) throws {
        let p = try IsotropyPattern(smallBlocks: Self.patterns[which].small, extraRows: Self.patterns[which].m)
        let d = 5
        let xi = Self.randomPoint(p, seed: which + 5)
        let field = try ReducedLoss(pattern: p, d: B(d, precision: Self.bits)).field(xi)
        let gradient = try Self.explicitGradient(try p.matrix(xi, dimension: d), d: d)
        for (i, entry) in p.representativeEntries(dimension: d).enumerated() {
            let explicit = gradient[entry.row][entry.column]
            #expect(abs((field[i] - explicit).doubleValue) < 1e-60,
                    "\(p) \(p.coordinates[i]): \(field[i]) vs \(explicit)")
        }
    }

    @Test func coordinateOrderFollowsThePaper() throws {
        #expect(try IsotropyPattern.standard(p: 0, extraRows: 2).coordinates.map(\.description) == ["D_1", "O_1", "E_11", "E_21"])
        #expect(try IsotropyPattern.standard(p: 1, extraRows: 1).coordinates.map(\.description)
                == ["D_1", "O_1", "B_12", "B_21", "D_2", "E_11", "E_12"])
        #expect(try IsotropyPattern.standard(p: 2, extraRows: 0).dimension == 6)
    }

    @Test func badPatternsAreRejected() {
        #expect(throws: IsotropyPattern.PatternError.self) { try IsotropyPattern(smallBlocks: [1], extraRows: -1) }
        #expect(throws: IsotropyPattern.PatternError.self) { try IsotropyPattern(smallBlocks: [0], extraRows: 0) }
        #expect(throws: IsotropyPattern.PatternError.self) { try IsotropyPattern(smallBlocks: [3], extraRows: 0).validate(dimension: 4) }
    }
}
