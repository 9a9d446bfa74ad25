import Numbers
import Landscape
import Solvers

// Prints Docs/families-finite-d.md's table: the eight families of paper 000 (FamilyCatalogue)
// found by Newton at d = 20 and continued in d, with loss, gradient norm and the isotypic
// Hessian index.
let bits = 256
let dimensions = [10, 20, 50, 100, 1000]
print("| family | d | loss | gradient norm | index (total; t, s, x, y) |")
print("|---|---|---|---|---|")
for family in FamilyCatalogue.families {
    do {
        let points = try FamilyCatalogue.criticalPoints(
            of: family, at: dimensions.map { BigFloat($0, precision: bits) }, precision: bits)
        for (d, point) in zip(dimensions, points) {
            let index = try RestrictedSpectrum(point).index(q: d - family.p)
            print("| \(family.name) | \(d) | \(point.loss.formatted(significantDigits: 12)) | \(point.gradientNorm.formatted(significantDigits: 2)) | \(index.total); \(index.trivial), \(index.standard), \(index.exterior), \(index.y) |")
        }
    } catch {
        print("| \(family.name) | failed: \(error) | | | |")
    }
}
