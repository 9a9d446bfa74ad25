import Testing
import Numbers
import LinearAlgebra
import Landscape
@testable import Solvers

/// The many-start search of `FewNeurons` against what is known independently: k = 1 has exactly
/// the two points c+ 1 and c- 1 (`OneNeuron`, Docs/one-neuron.md) whatever the column blocks; and
/// every point found is a critical point of the explicit model on the whole k x d matrix.
@Suite("Few neurons: students with rows constant on column blocks")
struct FewNeuronsTests {
    @Test("k = 1: c+ 1 and c- 1 and nothing else, with one column block or two", arguments: [[Int](), [1], [3]])
    func oneNeuron(_ small: [Int]) throws {
        let student = ColumnBlockStudent(rows: 1, smallBlocks: small)
        let points = try FewNeurons.criticalPoints(student, d: 10, starts: 24, precision: 128)
        let line = try OneNeuron.criticalPoints(d: BigFloat(10, precision: 128))
        #expect(points.count == 2)
        // Sorted by loss: c+ (the minimum) first.
        for (p, c) in zip(points, line) {
            #expect(p.coordinates.allSatisfy { ($0 - c.c).magnitude.doubleValue < 1e-30 })
            #expect(p.index == (c.sign > 0 ? 0 : 9) && p.zeros == 0)
        }
    }

    @Test("k = 2, blocks d-1,1 at d = 10: every point found is critical for the explicit model, and its index is the full Hessian's")
    func twoNeurons() throws {
        let student = ColumnBlockStudent(rows: 2, smallBlocks: [1])
        let points = try FewNeurons.criticalPoints(student, d: 10, starts: 50, precision: 128)
        for p in points {
            let w = student.matrix(p.coordinates, dimension: 10)
            let g = try ExplicitModel<BigFloat>(dimension: 10).gradient(Matrix(w))
            #expect(g.entries.map(\.magnitude).max()!.doubleValue < 1e-30, "\(p.coordinates.map(\.doubleValue))")
            #expect(p.restrictedIndex <= p.index!)
        }
        #expect(!points.isEmpty)
    }

    /// Two rows on blocks d-2,1,1: the two single columns are interchangeable, so a point and its
    /// image with those blocks swapped are one (the search lists neither twice).
    @Test("points are distinct up to permuting the rows and equal column blocks")
    func symmetriesRemoved() throws {
        let student = ColumnBlockStudent(rows: 2, smallBlocks: [1, 1])
        let points = try FewNeurons.criticalPoints(student, d: 10, starts: 40, precision: 128)
        #expect(points.count >= 2)
        for (i, p) in points.enumerated() {
            for q in points[(i + 1)...] {
                #expect(!FewNeurons.same(student, p.coordinates.map(\.doubleValue), q.coordinates.map(\.doubleValue)))
            }
        }
        // The lowest is a minimum of the whole 2 x 10 problem (index 0).
        #expect(points.first?.index == 0)
    }
}
