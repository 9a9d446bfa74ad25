import Testing
import Numbers
@testable import LinearAlgebra

@Suite struct MatrixTests {
    @Test func productTransposeIdentitiesExactOverRationals() {
        var rng = SplitMix64(seed: 1)
        let a = Matrix<Rational>(rows: 3, columns: 4) { _, _ in rng.dyadic() }
        let b = Matrix<Rational>(rows: 4, columns: 2) { _, _ in rng.dyadic() }
        let c = Matrix<Rational>(rows: 2, columns: 5) { _, _ in rng.dyadic() }
        #expect((a * b).transposed == b.transposed * a.transposed)
        #expect((a * b) * c == a * (b * c))
        #expect(Matrix<Rational>.identity(3, like: .zero) * a == a)
        #expect(a.transposed.transposed == a)
        #expect((a + a) - a == a)
        #expect(Rational(2) * a == a + a)
        #expect(a.transposed.rows == 4 && a.transposed[2, 1] == a[1, 2])
    }

    @Test func handComputedProductAndTrace() {
        let a = Matrix<Rational>([[1, 2], [3, 4]])
        let b = Matrix<Rational>([[0, 1], [1, 0]])
        #expect(a * b == Matrix<Rational>([[2, 1], [4, 3]]))
        #expect(a * [Rational(1), Rational(-1)] == [Rational(-1), Rational(-1)])
        #expect(a.trace == Rational(5))
        #expect(a.row(1) == [3, 4] && a.column(0) == [1, 3])
    }

    @Test func valueSemantics() {
        let a = Matrix<Double>([[1, 2], [3, 4]])
        var b = a
        b[0, 0] = 10
        #expect(a[0, 0] == 1 && b[0, 0] == 10)
    }

    @Test func determinantOfKnownMatrices() throws {
        let a = Matrix<Double>([[2, 0, 1], [1, 3, 2], [1, 1, 1]])  // det = 2(3-2) - 0 + 1(1-3) = 0
        #expect(abs(try a.determinant()) < 1e-15)
        let b = Matrix<Double>([[0, 1], [1, 0]])  // needs a pivot swap
        #expect(try b.determinant() == -1)
        let p = 256
        let c = Matrix<BigFloat>([[4, 1, 2], [1, 5, 3], [2, 3, 6]].map { $0.map { BigFloat($0, precision: p) } })
        // 4(30-9) - 1(6-6) + 2(3-10) = 84 - 14 = 70
        #expect(try c.determinant() == BigFloat(70, precision: p))
    }
}
