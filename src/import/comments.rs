//! The comment lines of a namespace file a merge rewrites: the canonical form has none,
//! so the user is told how many go, and can restore them from version control.

/// How many lines of `yaml` hold a comment, on a line of its own or after a value.
/// Lines inside a block scalar (`message: |`) are text, whatever they start with.
pub fn count(yaml: &str) -> usize {
    let mut n = 0;
    // The indentation a block scalar's lines exceed, while inside one.
    let mut block: Option<usize> = None;
    for line in yaml.lines() {
        let body = line.trim_start();
        let indent = line.len() - body.len();
        if let Some(b) = block {
            if body.is_empty() || indent > b {
                continue;
            }
            block = None;
        }
        let (value, comment) = split_comment(body);
        n += usize::from(comment);
        let value = value.trim_end();
        // `key: |`, `- >-`, `key: |2`: a block scalar starts below.
        let indicator = value
            .rsplit([' ', '\t'])
            .next()
            .unwrap_or("")
            .trim_end_matches(|c: char| c.is_ascii_digit() || c == '+' || c == '-');
        if (indicator == "|" || indicator == ">") && value.len() > 1 {
            block = Some(indent);
        }
    }
    n
}

/// A line's content before its comment, and whether it has one: a `#` that starts the
/// line or follows a space, outside quotes.
fn split_comment(line: &str) -> (&str, bool) {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && prev.is_whitespace() => return (&line[..i], true),
            None => {}
        }
        prev = c;
    }
    (line, false)
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn comments_are_counted_outside_block_scalars_and_quotes() {
        let yaml = "# top\nnamespace: app # why\nentries:\n  # a note\n  - code: 1\n    message: |\n      # not a comment\n      Text\n    name: \"A # B\"\n  - { code: 2, name: 'X #1' }\n";
        assert_eq!(count(yaml), 3);
        assert_eq!(count("namespace: app\nentries: []\n"), 0);
        // `|` as a value's last character is no indicator unless it stands alone.
        assert_eq!(count("a: x|\n# b\n"), 1);
    }
}
