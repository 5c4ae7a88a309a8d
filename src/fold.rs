//! Names as the file systems of a clone compare them: Windows and macOS ignore case
//! (`README.md` is `readme.md`), and macOS ignores Unicode normalisation (`é` written
//! as U+00E9 is `e` + U+0301), so two names Linux keeps apart are one file there.

use std::fmt::Write as _;

use unicode_normalization::UnicodeNormalization as _;

/// The form under which two names are one file on some file system: lower case, NFC.
pub fn fold(name: &str) -> String {
    name.to_lowercase().nfc().collect()
}

/// How two names with one [`fold`] differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Alike {
    /// `"case"`, `"Unicode normalisation"`, or both.
    pub how: &'static str,
    /// The file systems that hold only one of them.
    pub systems: &'static str,
}

impl Alike {
    pub fn of(a: &str, b: &str) -> Alike {
        let (how, systems) = if a.to_lowercase() == b.to_lowercase() {
            ("case", "Windows and macOS file systems")
        } else if a.nfc().eq(b.nfc()) {
            ("Unicode normalisation", "macOS file systems")
        } else {
            ("case and Unicode normalisation", "macOS file systems")
        };
        Alike { how, systems }
    }

    /// Two names as a message shows them: "`a` and `b`", escaped as [`Alike::show`] does.
    pub fn pair(self, a: &str, b: &str) -> String {
        format!("`{}` and `{}`", self.show(a), self.show(b))
    }

    /// `name` as a message shows it: names that differ in more than case look alike,
    /// so every character beyond ASCII is written as `\u{…}` (`cafe\u{301}`).
    pub fn show(self, name: &str) -> String {
        if self.how == "case" {
            return name.to_string();
        }
        let mut out = String::with_capacity(name.len());
        for c in name.chars() {
            if c.is_ascii() {
                out.push(c);
            } else {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_normalisation_fold_alike() {
        assert_eq!(fold("Caf\u{e9}.md"), fold("cafe\u{301}.md"));
        assert_ne!(fold("cafe.md"), fold("caf\u{e9}.md"));
        let nfd = "cafe\u{301}.md";
        assert_eq!(Alike::of("A.md", "a.md").how, "case");
        assert_eq!(Alike::of("A\u{e9}", "a\u{e9}").show("\u{e9}"), "\u{e9}");
        let alike = Alike::of("caf\u{e9}.md", nfd);
        assert_eq!(alike.how, "Unicode normalisation");
        assert_eq!(alike.show(nfd), "cafe\\u{301}.md");
        assert_eq!(
            Alike::of("Caf\u{e9}", nfd).how,
            "case and Unicode normalisation"
        );
    }
}
