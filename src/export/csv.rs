//! CSV as RFC 4180 writes it, for spreadsheets: records end with CRLF, a field is
//! quoted when it holds a comma, a quote, a line break or blanks at either end
//! (which readers trim), and a quote inside is doubled. A text's own line breaks stay
//! LF inside its quotes, as a spreadsheet writes a cell's.
//!
//! The text starts with a byte order mark. Excel reads a CSV file without one in the
//! system's legacy code page, which garbles every text outside it (Chinese, Arabic,
//! accented Latin on some systems), and its own "CSV UTF-8" format writes one;
//! LibreOffice, Google Sheets, Numbers and `errcat import` read the file with or
//! without it.

const BOM: char = '\u{feff}';

/// The CSV text of `records`, each a row of fields.
pub(super) fn text(records: &[Vec<String>]) -> String {
    let mut out = String::from(BOM);
    for record in records {
        for (i, field) in record.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_field(&mut out, field);
        }
        out.push_str("\r\n");
    }
    out
}

fn push_field(out: &mut String, field: &str) {
    let blank_end = |c: Option<char>| c.is_some_and(char::is_whitespace);
    let quoted = field.contains([',', '"', '\n', '\r'])
        || blank_end(field.chars().next())
        || blank_end(field.chars().next_back());
    if quoted {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_are_quoted_when_a_reader_would_split_or_trim_them() {
        let records = vec![
            vec!["a".to_owned(), "b, c".to_owned(), "say \"hi\"".to_owned()],
            vec!["two\nlines".to_owned(), " lead".to_owned(), String::new()],
        ];
        assert_eq!(
            super::text(&records),
            "\u{feff}a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",\" lead\",\r\n"
        );
    }
}
