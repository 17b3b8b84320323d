/// Line breaks as YAML counts them (and editors show them): CR LF, LF, a lone CR, NEL, LS and PS.
enum YAMLLineBreak {
    /// The length in bytes of the line break at `index`, or 0 when none starts there.
    @inline(__always)
    static func length<Bytes: RandomAccessCollection<UInt8>>(at index: Int, in bytes: Bytes) -> Int where Bytes.Index == Int {
        let byte = bytes[index]
        if byte == 0x0A { return 1 }
        if byte == 0x0D { return index + 1 < bytes.endIndex && bytes[index + 1] == 0x0A ? 2 : 1 }
        if byte == 0xC2, index + 1 < bytes.endIndex, bytes[index + 1] == 0x85 { return 2 }
        if byte == 0xE2, index + 2 < bytes.endIndex, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return 3 }
        return 0
    }
}
