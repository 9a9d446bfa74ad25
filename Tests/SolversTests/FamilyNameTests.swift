import Testing
import Numbers
import Landscape
@testable import Solvers

/// `FamilyName`: what `description` writes, `init(parsing:)` reads back; names of another shape
/// are not names (nil); a name of this shape that does not parse says why.
@Suite struct FamilyNameTests {
    @Test(arguments: [("d-2,2", 0, FamilyType.typeII, "1,0,0,0,-1,0"), ("d-2,1,1", 0, .typeI, "-1,0,0,0,1/2,0,0,0,0,-1/2"),
                      ("d-1,1", 3, .typeI, "-1,0,0,0,1/2,0,-1/2,0,0,0,0"), ("d", 1, .typeII, "1,0,0")])
    func roundTrip(blocks: String, m: Int, type: FamilyType, limit: String) throws {
        let pattern = try IsotropyPattern(notation: blocks, extraRows: m)
        let name = FamilyName(pattern: pattern, type: type, limit: limit.split(separator: ",").map { Rational(String($0))! })
        #expect(name.description == "\(blocks)-m\(m)-\(type):\(limit)")
        #expect(try FamilyName(parsing: name.description) == name)
    }

    /// Images of one limit under the symmetries that keep the pattern get one name: on d-2,1,1,
    /// D_2 = -1 and B_23 = -1 (rows 2 and 3 exchanged, then the two singleton blocks); on d-2,2
    /// the pair's rows exchanged (D_2 <-> O_2).
    @Test func imagesUnderTheSymmetriesGetOneName() throws {
        let triple = try IsotropyPattern(notation: "d-2,1,1", extraRows: 0)
        let r = { (t: String) in t.split(separator: ",").map { Rational(String($0))! } }
        let a = FamilyName(pattern: triple, type: .typeII, limit: r("1,0,0,0,-1,0,0,0,0,0"))
        let b = FamilyName(pattern: triple, type: .typeII, limit: r("1,0,0,0,0,0,0,0,-1,0"))
        #expect(a == b && a.description == "d-2,1,1-m0-II:1,0,0,0,-1,0,0,0,0,0")
        let pair = try IsotropyPattern(notation: "d-2,2", extraRows: 0)
        #expect(FamilyName(pattern: pair, type: .typeII, limit: r("1,0,0,0,0,-1")).description == "d-2,2-m0-II:1,0,0,0,-1,0")
        #expect(FamilyName(pattern: triple, type: .typeII, limit: r("1,0,0,0,0,0,0,1/2,1/2,0")) != b)
    }

    @Test func otherShapesAreNotNames() throws {
        #expect(try FamilyName(parsing: "p1-m0-II") == nil)
    }

    @Test(arguments: ["d-2,2-m0-IV:1,0,0,0,-1,0", "d-2,2-mx-II:1,0,0,0,-1,0", "d-2,2-m0-II:1,0,0", "d-2,2-m0-II:1,0,0,0,-1,y", "d-3,2-m0-II:1,0,0,0,-1,0"])
    func malformedNamesSayWhy(_ text: String) {
        #expect(throws: IsotropyPattern.PatternError.self) { try FamilyName(parsing: text) }
    }
}
