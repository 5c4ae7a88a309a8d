//! Files saved in another encoding than UTF-8: which one it likely is, and how to
//! save the file as UTF-8, in an editor first (most authors of texts never open a
//! shell) and with `iconv` second.

use std::path::Path;

/// UTF-16, which Windows editors save as "Unicode": its byte order mark, or text
/// whose every other byte is NUL.
pub fn is_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(512)];
    let nul = head.iter().filter(|&&b| b == 0).count();
    bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || (head.len() >= 4 && nul * 3 >= head.len())
}

/// Whether `bytes` (from the first byte that is not UTF-8) read as GBK or GB18030,
/// the encoding of Chinese Windows ("ANSI" in its Notepad): every byte beyond
/// ASCII starts a two-byte pair (lead 0x81–0xFE, trail 0x40–0xFE but 0x7F) or a
/// GB18030 four-byte sequence, and most pairs are of two high bytes, as Chinese
/// characters are. A Latin-1 `é` before a space or a letter is neither.
pub fn looks_gbk(bytes: &[u8]) -> bool {
    let (mut pairs, mut high) = (0usize, 0usize);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            i += 1;
            continue;
        }
        if !(0x81..=0xFE).contains(&b) {
            return false;
        }
        match (bytes.get(i + 1), bytes.get(i + 2), bytes.get(i + 3)) {
            (Some(0x30..=0x39), Some(0x81..=0xFE), Some(0x30..=0x39)) => i += 4,
            (Some(&t), ..) if (0x40..=0xFE).contains(&t) && t != 0x7F => {
                pairs += 1;
                high += usize::from(t >= 0x81);
                i += 2;
            }
            _ => return false,
        }
    }
    pairs > 0 && high * 2 >= pairs
}

/// How to save a file as UTF-8; `from` is its encoding as editors and as `iconv`
/// name it, when it is known.
pub fn help(path: &Path, from: Option<(&str, &str)>) -> String {
    let reopen = from.map_or(
        "Reopen with Encoding until the text shows correctly".into(),
        |(e, _)| format!("Reopen with Encoding, {e}"),
    );
    let save = format!(
        "save it as UTF-8 in an editor that shows its text correctly (Notepad: File > Save as, Encoding: UTF-8; VS Code: {reopen}, then Save with Encoding, UTF-8)"
    );
    match from {
        Some((_, iconv)) => {
            let shown = path.display();
            format!(
                "{save}; or in a shell: `iconv -f {iconv} -t UTF-8 {shown} > {shown}.utf8`, then replace the file with the `.utf8` one"
            )
        }
        None => save,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_or_not() {
        // 该项目不存在 in GBK.
        assert!(looks_gbk(
            b"zh-CN: \xB8\xC3\xCF\xEE\xC4\xBF\xB2\xBB\xB4\xE6\xD4\xDA\n"
        ));
        // A GB18030 four-byte sequence beside a pair.
        assert!(looks_gbk(b"\x81\x30\x81\x30\xB8\xC3"));
        // Latin-1: `café `, `Ärger`, a lone high byte at the end.
        assert!(!looks_gbk(b"caf\xE9 }"));
        assert!(!looks_gbk(b"\xC4rger"));
        assert!(!looks_gbk(b"\xB8"));
        assert!(!looks_gbk(b"\xFF\xA1"));
        assert!(!looks_gbk(b""));
    }

    #[test]
    fn utf16() {
        assert!(is_utf16(b"\xFF\xFEa\0"));
        assert!(is_utf16(b"a\0b\0c\0"));
        assert!(!is_utf16(b"abc"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64)) {
            let _ = looks_gbk(&bytes);
            let _ = is_utf16(&bytes);
        }
    }
}
