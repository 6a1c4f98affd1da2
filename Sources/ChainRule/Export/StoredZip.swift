import Foundation

/// A zip archive written without compression ("stored"), the format Gradescope's autograder upload
/// takes: each file's bytes as they are, with its CRC-32, its Unix permissions (so scripts and the
/// `chainrule` binary stay executable when unzipped) and a fixed date, so the same files give the same
/// archive. Files up to 4 GiB, at most 65,535 of them (no Zip64).
public enum StoredZip {
    /// Why an archive cannot be written.
    public enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// A file, or the whole archive, is 4 GiB or more, or there are too many files.
        case tooLarge(String)

        /// One line for the user.
        public var description: String {
            switch self {
            case .tooLarge(let what): "\(what) is too large for a zip archive without Zip64"
            }
        }
    }

    /// The archive of `bundle`'s files, in order.
    public static func archive(_ bundle: ExportBundle) throws(Failure) -> Data {
        guard bundle.files.count < 0xFFFF else { throw .tooLarge("the number of files") }
        var out = Data(), central = Data()
        for file in bundle.files {
            guard file.data.count < 0xFFFF_FFFF else { throw .tooLarge(file.path) }
            let name = Data(file.path.utf8), crc = CRC32.checksum(file.data), offset = out.count
            guard offset < 0xFFFF_FFFF else { throw .tooLarge("the archive") }
            // Local file header.
            out.append(le32(0x0403_4b50)); out.append(le16(20)); out.append(le16(0x0800)); out.append(le16(0))
            out.append(le16(0)); out.append(le16(0x21))  // 00:00, 1 January 1980
            out.append(le32(crc)); out.append(le32(UInt32(file.data.count))); out.append(le32(UInt32(file.data.count)))
            out.append(le16(UInt16(name.count))); out.append(le16(0))
            out.append(name); out.append(file.data)
            // Central directory entry: made by Unix (3), version 2.0, permissions in the high 16 bits.
            let mode: UInt32 = file.executable ? 0o100755 : 0o100644
            central.append(le32(0x0201_4b50)); central.append(le16(0x0314)); central.append(le16(20)); central.append(le16(0x0800)); central.append(le16(0))
            central.append(le16(0)); central.append(le16(0x21))
            central.append(le32(crc)); central.append(le32(UInt32(file.data.count))); central.append(le32(UInt32(file.data.count)))
            central.append(le16(UInt16(name.count))); central.append(le16(0)); central.append(le16(0))
            central.append(le16(0)); central.append(le16(0)); central.append(le32(mode << 16)); central.append(le32(UInt32(offset)))
            central.append(name)
        }
        guard out.count + central.count < 0xFFFF_FFFF else { throw .tooLarge("the archive") }
        let start = out.count
        out.append(central)
        // End of central directory.
        out.append(le32(0x0605_4b50)); out.append(le16(0)); out.append(le16(0))
        out.append(le16(UInt16(bundle.files.count))); out.append(le16(UInt16(bundle.files.count)))
        out.append(le32(UInt32(central.count))); out.append(le32(UInt32(start))); out.append(le16(0))
        return out
    }

    private static func le16(_ value: UInt16) -> Data { Data([UInt8(value & 0xff), UInt8(value >> 8)]) }
    private static func le32(_ value: UInt32) -> Data { Data((0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }) }
}
