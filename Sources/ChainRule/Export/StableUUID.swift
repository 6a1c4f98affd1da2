/// A UUID made from a text, the same on every run, so that exporting a problem again keeps its
/// question's identity (PrairieLearn ties assessments and student records to a question's UUID).
enum StableUUID {
    /// The UUID of `text`: 128 bits of two FNV-1a hashes, marked as version 8 (custom), variant 10.
    static func of(_ text: String) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x84222325cbf29ce4
        for byte in text.utf8 {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ 0x9e37_79b9_7f4a_7c15
        }
        var bytes = (0..<8).map { UInt8(truncatingIfNeeded: a >> (8 * $0)) } + (0..<8).map { UInt8(truncatingIfNeeded: b >> (8 * $0)) }
        bytes[6] = (bytes[6] & 0x0f) | 0x80
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        let hex = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        let cuts = [0, 8, 12, 16, 20, 32]
        return (0..<5).map { k in
            String(hex[hex.index(hex.startIndex, offsetBy: cuts[k])..<hex.index(hex.startIndex, offsetBy: cuts[k + 1])])
        }.joined(separator: "-")
    }
}
