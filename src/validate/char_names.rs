//! Names for the invisible characters a text may hold, so that a finding says "soft
//! hyphen" where a code point alone tells a translator nothing; and where each usually
//! comes from, for those pasted in from elsewhere.

/// `U+00AD (soft hyphen, often pasted from Word)`, or `U+0001` for a character without
/// a name here.
pub fn describe(c: char) -> String {
    let code = format!("U+{:04X}", c as u32);
    match name(c) {
        Some((name, "")) => format!("{code} ({name})"),
        Some((name, from)) => format!("{code} ({name}, {from})"),
        None => code,
    }
}

/// The name of `c` and where it usually comes from (empty when nowhere in particular).
fn name(c: char) -> Option<(&'static str, &'static str)> {
    Some(match c {
        '\0' => ("NUL", ""),
        '\u{7}' => ("bell", ""),
        '\u{8}' => ("backspace", ""),
        '\u{B}' => ("vertical tab", ""),
        '\u{C}' => ("form feed", ""),
        '\u{1B}' => ("escape", ""),
        '\u{7F}' => ("delete", ""),
        '\u{85}' => (
            "next line, NEL",
            "often from text converted out of another encoding",
        ),
        '\u{AD}' => ("soft hyphen", "often pasted from Word"),
        '\u{200B}' => ("zero-width space", "often pasted from web pages"),
        '\u{2028}' => ("line separator", ""),
        '\u{2029}' => ("paragraph separator", ""),
        '\u{2060}' => ("word joiner", ""),
        '\u{FEFF}' => (
            "byte order mark",
            "often left by an editor at the start of a pasted file",
        ),
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => ("bidirectional control", ""),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::describe;

    #[test]
    fn named_and_unnamed() {
        assert_eq!(
            describe('\u{AD}'),
            "U+00AD (soft hyphen, often pasted from Word)"
        );
        assert_eq!(describe('\u{8}'), "U+0008 (backspace)");
        assert_eq!(describe('\u{1}'), "U+0001");
    }
}
