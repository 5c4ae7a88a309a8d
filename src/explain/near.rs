//! Lists of what a miss may have meant.

/// `a`, `a and b`, `a, b and c`; past `most`, `a, b and 3 more`.
pub(super) fn listed(items: &[String], most: usize) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        _ if items.len() > most => format!(
            "{} and {} more",
            items[..most].join(", "),
            items.len() - most
        ),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
