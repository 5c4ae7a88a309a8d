//! A table's code cell as a code: a decimal integer as the catalog writes one, in
//! a code span or not; what it is not is said with the character at fault.

/// A cell's text without the code span around it: `` `-2381` `` is -2381, as
/// **-2381** is.
fn unquoted(cell: &str) -> &str {
    cell.strip_prefix('`')
        .and_then(|t| t.strip_suffix('`'))
        .map_or(cell, str::trim)
}

/// Whether a cell holds a number, well written or not: which column holds the codes.
pub fn looks_like(cell: &str) -> bool {
    let digits = unquoted(cell).trim_start_matches(['-', '+', '\u{2212}']);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The cell's code, or (what is wrong, how to fix it).
pub fn parse(cell: &str) -> Result<i64, (String, String)> {
    let text = unquoted(cell);
    if text.is_empty() {
        return Err(("this row has no code".into(), HELP.into()));
    }
    // The catalog's own spelling of a code: `^[-+]?(0|[1-9][0-9]*)$`.
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if let Some(rest) = text.strip_prefix('\u{2212}') {
        return Err((
            format!("`{cell}` starts with U+2212 MINUS SIGN, not the ASCII `-`"),
            format!("pasted pages often set a minus so: write `-{rest}` in the source"),
        ));
    }
    if digits.len() > 1 && digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit()) {
        let trimmed = digits.trim_start_matches('0');
        let bare = if trimmed.is_empty() { "0" } else { trimmed };
        let sign = if text.starts_with('-') { "-" } else { "" };
        return Err((
            format!("`{cell}` has a leading zero, which no catalog code has"),
            format!(
                "a code is a number, not its digits: write `{sign}{bare}`, or keep the padded text in the message"
            ),
        ));
    }
    if !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && let Ok(code) = text.parse::<i64>()
    {
        return Ok(code);
    }
    let odd = text
        .chars()
        .find(|c| !(c.is_ascii_digit() || *c == '-' || *c == '+'))
        .filter(|c| !c.is_ascii_graphic())
        .map(|c| format!(" (it holds U+{:04X})", u32::from(c)))
        .unwrap_or_default();
    Err((format!("`{cell}` is not an integer code{odd}"), HELP.into()))
}

const HELP: &str = "codes are decimal integers such as 1004 or -2381";

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn codes_are_decimal_integers_in_a_code_span_or_not() {
        assert_eq!(parse("1004"), Ok(1004));
        assert_eq!(parse("-2381"), Ok(-2381));
        assert_eq!(parse("`-2381`"), Ok(-2381));
        assert_eq!(parse("0"), Ok(0));
        let err = |s: &str| parse(s).unwrap_err();
        assert!(err("\u{2212}2382").0.contains("U+2212 MINUS SIGN"));
        assert!(err("\u{2212}2382").1.contains("`-2382`"));
        assert!(err("007").0.contains("leading zero"));
        assert!(err("007").1.contains("`7`"));
        assert!(err("-0012").1.contains("`-12`"));
        assert!(err("10O5").0.ends_with("is not an integer code"));
        assert!(err("1\u{a0}005").0.contains("U+00A0"));
        assert_eq!(parse("+5"), Ok(5));
        assert!(err("--5").0.contains("not an integer code"));
        assert_eq!(err("").0, "this row has no code");
        assert!(
            ["`12`", "007", "\u{2212}3", "-4"]
                .iter()
                .all(|c| super::looks_like(c))
        );
        assert!(!["", "-", "1a", "`x`"].iter().any(|c| super::looks_like(c)));
    }
}
