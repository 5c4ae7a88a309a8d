//! Free text a user wrote (a deprecation or reservation reason) inside a change's message:
//! one line wherever it is shown, and inert in the Markdown changelog, where a newline
//! could start a heading or a list and a bracket a link.

/// `text` on one line: every run of whitespace, newlines included, becomes one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` on one line with the characters Markdown reads inline escaped, so it shows as
/// written. Once on one line and after the list item's own text, `-`, `+`, `.` and digits
/// cannot start a block, so they stay as they are (the raw file stays readable).
pub fn markdown(text: &str) -> String {
    let mut out = String::new();
    for c in one_line(text).chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '('
                | ')'
                | '<'
                | '>'
                | '#'
                | '|'
                | '~'
                | '&'
                | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_multi_line_reason_becomes_one_inert_line() {
        let reason = "Rooms no longer close.\n\n## 9.9.9\r\n- [see](http://x) <b>*it*</b> `x` a_b)\u{2028}& ~~y~~ |";
        assert_eq!(
            one_line(reason),
            "Rooms no longer close. ## 9.9.9 - [see](http://x) <b>*it*</b> `x` a_b) & ~~y~~ |"
        );
        assert_eq!(
            markdown(reason),
            r"Rooms no longer close. \#\# 9.9.9 - \[see\]\(http://x\) \<b\>\*it\*\</b\> \`x\` a\_b\) \& \~\~y\~\~ \|"
        );
    }
}
