//! Whether a log line holds a message, its placeholders filled in.

/// Whether `wanted` (folded) holds the message `text` as a log shows it, each of its
/// placeholders filled in (`Insufficient funds: 500 EUR requested` for
/// `Insufficient funds: {amount} {currency} requested`), with anything before and
/// after. A message of placeholders and barely a word matches no line.
pub(super) fn logged(
    text: &str,
    params: &[String],
    wanted: &str,
    fold: impl Fn(&str) -> String,
) -> bool {
    use crate::placeholder::Segment;
    let segments = crate::placeholder::segments(text, params);
    if !segments.iter().any(|s| matches!(s, Segment::Param(_))) {
        return false;
    }
    let literals: Vec<Option<String>> = segments
        .iter()
        .map(|s| match s {
            Segment::Text(t) => Some(fold(t)),
            Segment::Param(_) => None,
        })
        .collect();
    let letters: usize = literals
        .iter()
        .flatten()
        .map(|t| t.chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    if letters < 3 {
        return false;
    }
    // Each literal in order, the earliest place first; a filled placeholder between
    // two takes at least one character.
    let mut at = 0;
    let mut gap = false;
    // Past one character at `at`, for a placeholder filled in there; `None` at the end.
    let after_one = |at: usize| {
        let c = wanted[at..].chars().next()?;
        Some(at + c.len_utf8())
    };
    for literal in literals {
        match literal {
            None => gap = true,
            Some(t) if t.is_empty() => {}
            Some(t) => {
                let from = if gap { after_one(at) } else { Some(at) };
                let Some(found) = from.and_then(|f| Some(f + wanted[f..].find(&t)?)) else {
                    return false;
                };
                at = found + t.len();
                gap = false;
            }
        }
    }
    !gap || after_one(at).is_some()
}
