//! HTTP statuses by their standard constant names.

/// HTTP statuses by their constant names (Apache `HttpStatus.SC_*`, Spring
/// `HttpStatus.*`, `HttpServletResponse.SC_*`), prefixes removed.
const STATUS: &[(&str, i64)] = &[
    ("CONTINUE", 100),
    ("SWITCHING_PROTOCOLS", 101),
    ("PROCESSING", 102),
    ("EARLY_HINTS", 103),
    ("OK", 200),
    ("CREATED", 201),
    ("ACCEPTED", 202),
    ("NON_AUTHORITATIVE_INFORMATION", 203),
    ("NO_CONTENT", 204),
    ("RESET_CONTENT", 205),
    ("PARTIAL_CONTENT", 206),
    ("MULTI_STATUS", 207),
    ("ALREADY_REPORTED", 208),
    ("IM_USED", 226),
    ("MULTIPLE_CHOICES", 300),
    ("MOVED_PERMANENTLY", 301),
    ("MOVED_TEMPORARILY", 302),
    ("FOUND", 302),
    ("SEE_OTHER", 303),
    ("NOT_MODIFIED", 304),
    ("USE_PROXY", 305),
    ("TEMPORARY_REDIRECT", 307),
    ("PERMANENT_REDIRECT", 308),
    ("BAD_REQUEST", 400),
    ("UNAUTHORIZED", 401),
    ("PAYMENT_REQUIRED", 402),
    ("FORBIDDEN", 403),
    ("NOT_FOUND", 404),
    ("METHOD_NOT_ALLOWED", 405),
    ("NOT_ACCEPTABLE", 406),
    ("PROXY_AUTHENTICATION_REQUIRED", 407),
    ("REQUEST_TIMEOUT", 408),
    ("CONFLICT", 409),
    ("GONE", 410),
    ("LENGTH_REQUIRED", 411),
    ("PRECONDITION_FAILED", 412),
    ("REQUEST_TOO_LONG", 413),
    ("PAYLOAD_TOO_LARGE", 413),
    ("REQUEST_ENTITY_TOO_LARGE", 413),
    ("REQUEST_URI_TOO_LONG", 414),
    ("URI_TOO_LONG", 414),
    ("UNSUPPORTED_MEDIA_TYPE", 415),
    ("REQUESTED_RANGE_NOT_SATISFIABLE", 416),
    ("EXPECTATION_FAILED", 417),
    ("I_AM_A_TEAPOT", 418),
    ("INSUFFICIENT_SPACE_ON_RESOURCE", 419),
    ("METHOD_FAILURE", 420),
    ("MISDIRECTED_REQUEST", 421),
    ("UNPROCESSABLE_ENTITY", 422),
    ("UNPROCESSABLE_CONTENT", 422),
    ("LOCKED", 423),
    ("FAILED_DEPENDENCY", 424),
    ("TOO_EARLY", 425),
    ("UPGRADE_REQUIRED", 426),
    ("PRECONDITION_REQUIRED", 428),
    ("TOO_MANY_REQUESTS", 429),
    ("REQUEST_HEADER_FIELDS_TOO_LARGE", 431),
    ("UNAVAILABLE_FOR_LEGAL_REASONS", 451),
    ("INTERNAL_SERVER_ERROR", 500),
    ("NOT_IMPLEMENTED", 501),
    ("BAD_GATEWAY", 502),
    ("SERVICE_UNAVAILABLE", 503),
    ("GATEWAY_TIMEOUT", 504),
    ("HTTP_VERSION_NOT_SUPPORTED", 505),
    ("VARIANT_ALSO_NEGOTIATES", 506),
    ("INSUFFICIENT_STORAGE", 507),
    ("LOOP_DETECTED", 508),
    ("NOT_EXTENDED", 510),
    ("NETWORK_AUTHENTICATION_REQUIRED", 511),
];

pub fn by_name(name: &str) -> Option<i64> {
    STATUS.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// A table's HTTP cell as a status: `404`, `404 Not Found` (a number and its reason
/// phrase), or a constant as the enum import reads one (`SC_NOT_FOUND`,
/// `HttpStatus.NOT_FOUND`). `Err` says what is wrong with it.
pub fn cell(text: &str) -> Result<i64, String> {
    let text = text
        .strip_prefix('`')
        .and_then(|t| t.strip_suffix('`'))
        .unwrap_or(text)
        .trim();
    let (number, phrase) = text
        .split_once(char::is_whitespace)
        .map_or((text, ""), |(n, p)| (n, p.trim()));
    if let Ok(n) = number.parse::<i64>() {
        if !(100..=599).contains(&n) {
            return Err(format!("`{text}` is not an HTTP status"));
        }
        // A reason phrase that names another status is a contradiction, not a label.
        let named = heck::ToShoutySnakeCase::to_shouty_snake_case(phrase);
        return match by_name(&named) {
            Some(m) if m != n && !phrase.is_empty() => Err(format!(
                "`{text}` is not an HTTP status: {n} is not {phrase}, which is {m}"
            )),
            _ => Ok(n),
        };
    }
    let last = text.rsplit('.').next().unwrap_or(text);
    by_name(last.strip_prefix("SC_").unwrap_or(last))
        .filter(|_| !text.contains(char::is_whitespace))
        .ok_or_else(|| format!("`{text}` is not an HTTP status"))
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_hold_a_number_a_reason_phrase_or_a_constant() {
        let ok = [
            ("404", 404),
            ("`404`", 404),
            ("404 Not Found", 404),
            ("413 Payload Too Large", 413),
            ("SC_BAD_REQUEST", 400),
            ("HttpStatus.NOT_FOUND", 404),
            ("NOT_FOUND", 404),
        ];
        for (text, want) in ok {
            assert_eq!(cell(text), Ok(want), "{text}");
        }
        assert!(
            cell("404 Conflict")
                .unwrap_err()
                .contains("404 is not Conflict, which is 409")
        );
        for bad in ["4O4", "99", "600 Nope", "SC_NOPE", "Not Found"] {
            assert!(cell(bad).is_err(), "{bad}");
        }
    }
}
