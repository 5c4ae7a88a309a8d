//! Java integer literals as javac reads them (JLS §3.10.1): decimal, hex, octal and
//! binary, `_` between digits, `L` for a long. A hex, octal or binary int is 32 bits
//! of two's complement (`0xFFFFFFFF` is -1), so the value is not the digits' value.

/// The value of `literal` (one number token), negated when a unary minus precedes
/// it. `Err` says why javac would refuse it, for a diagnostic at the literal.
pub fn value(literal: &str, negated: bool) -> Result<i64, String> {
    let (body, long) = match literal.strip_suffix(['L', 'l']) {
        Some(b) => (b, true),
        None => (literal, false),
    };
    let prefixed =
        |p: [&'static str; 2]| body.strip_prefix(p[0]).or_else(|| body.strip_prefix(p[1]));
    let (radix, digits) = if let Some(d) = prefixed(["0x", "0X"]) {
        (16, d)
    } else if let Some(d) = prefixed(["0b", "0B"]) {
        (2, d)
    } else if body.len() > 1 && body.starts_with('0') {
        // The leading 0 is a digit: `0_7` is a valid octal literal.
        (8, body)
    } else {
        (10, body)
    };
    let not_integer = || format!("`{literal}` is not a Java integer literal");
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') {
        return Err(not_integer());
    }
    let plain: String = digits.chars().filter(|&c| c != '_').collect();
    if let Some(bad) = plain.chars().find(|c| !c.is_digit(radix)) {
        return Err(if radix == 8 && bad.is_ascii_digit() {
            format!("`{literal}` starts with 0, so it is octal, and {bad} is not an octal digit")
        } else {
            not_integer()
        });
    }
    let kind = if long { "long" } else { "int" };
    let too_big = || {
        let hint = if long {
            ""
        } else {
            "; a long needs the L suffix"
        };
        format!("`{literal}` does not fit in a Java {kind}{hint}")
    };
    let magnitude = u128::from_str_radix(&plain, radix).map_err(|_| too_big())?;
    let bits = if long { 64 } else { 32 };
    // Decimal digits name a magnitude (2^31 only after a minus); the other radixes
    // name the bits of the two's complement value.
    let limit: u128 = if radix == 10 {
        (1 << (bits - 1)) - u128::from(!negated)
    } else {
        (1 << bits) - 1
    };
    if magnitude > limit {
        return Err(too_big());
    }
    // Within the limit the casts keep every bit; the minus wraps as Java's does
    // (`-0x80000000` is still -2147483648).
    let v = if long {
        magnitude as u64 as i64
    } else {
        i64::from(magnitude as u32 as i32)
    };
    Ok(match (negated, long) {
        (false, _) => v,
        (true, true) => v.wrapping_neg(),
        (true, false) => i64::from((v as i32).wrapping_neg()),
    })
}

#[cfg(test)]
mod tests {
    use super::value;

    #[test]
    fn each_form_reads_as_javac_reads_it() {
        for (lit, neg, want) in [
            ("0", false, 0),
            ("1004", false, 1004),
            ("1_000", false, 1000),
            ("2147483647", false, 2_147_483_647),
            ("2147483648", true, -2_147_483_648),
            ("010", false, 8),
            ("0777", false, 511),
            ("0_7", false, 7),
            ("0x10", false, 16),
            ("0XfF", false, 255),
            ("0xFFFFFFFF", false, -1),
            ("0x80000000", false, -2_147_483_648),
            ("0x80000000", true, -2_147_483_648),
            ("0xFFFFFFFF", true, 1),
            ("037777777777", false, -1),
            ("0b101", false, 5),
            ("0B1111_0000", false, 240),
            ("0xFFFFFFFFL", false, 4_294_967_295),
            ("0xFFFF_FFFF_FFFF_FFFFl", false, -1),
            ("2147483648L", false, 2_147_483_648),
            ("9223372036854775807L", false, i64::MAX),
            ("9223372036854775808L", true, i64::MIN),
            ("7", true, -7),
        ] {
            assert_eq!(
                value(lit, neg),
                Ok(want),
                "{}{lit}",
                if neg { "-" } else { "" }
            );
        }
    }

    #[test]
    fn what_javac_refuses_says_why() {
        for (lit, neg, why) in [
            (
                "2147483648",
                false,
                "does not fit in a Java int; a long needs the L suffix",
            ),
            ("0x1_0000_0000", false, "does not fit in a Java int"),
            ("9223372036854775808L", false, "does not fit in a Java long"),
            (
                "99999999999999999999999999999999999999999L",
                false,
                "does not fit in a Java long",
            ),
            ("0x1FFFFFFFFFFFFFFFFL", false, "does not fit in a Java long"),
            ("09", false, "9 is not an octal digit"),
            ("1_", false, "not a Java integer literal"),
            ("0x_1", false, "not a Java integer literal"),
            ("0x", false, "not a Java integer literal"),
            ("1.5", false, "not a Java integer literal"),
            ("1e3", false, "not a Java integer literal"),
            ("10f", false, "not a Java integer literal"),
        ] {
            let err = value(lit, neg).expect_err(lit);
            assert!(err.contains(why), "{lit}: {err}");
        }
    }
}
