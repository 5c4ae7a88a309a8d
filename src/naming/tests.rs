use super::*;

fn p(name: &str) -> Profile {
    builtin(name).expect("a built-in profile")
}

#[test]
fn identifiers_per_profile() {
    let cases: &[(&Profile, &str, &str, &str, &str)] = &[
        // profile, namespace, type name, module name, variant of ROOM_NOT_EXIST
        (
            &p("rust"),
            "edu.rest",
            "EduRestError",
            "edu_rest",
            "RoomNotExist",
        ),
        (
            &p("java"),
            "edu.rest",
            "EduRestError",
            "EduRest",
            "ROOM_NOT_EXIST",
        ),
        (
            &p("typescript"),
            "edu.rest",
            "EduRestError",
            "edu-rest",
            "ROOM_NOT_EXIST",
        ),
        (
            &p("rust"),
            "av.push",
            "AvPushError",
            "av_push",
            "RoomNotExist",
        ),
    ];
    for (p, ns, ty, module, variant) in cases {
        assert_eq!(p.type_name(ns), *ty, "{} type", p.name);
        assert_eq!(p.module_name(ns), *module, "{} module", p.name);
        assert_eq!(
            p.variant_name("ROOM_NOT_EXIST"),
            *variant,
            "{} variant",
            p.name
        );
    }
}

#[test]
fn keywords_are_escaped() {
    let cases: &[(&Profile, &str, &str)] = &[
        (&p("rust"), "type", "r#type"),
        (&p("rust"), "self", "self_"),
        (&p("rust"), "crate", "crate_"),
        (&p("rust"), "room_id", "room_id"),
        (&p("java"), "class", "class_"),
        (&p("java"), "default", "default_"),
        (&p("java"), "room_id", "roomId"),
        (&p("typescript"), "delete", "delete_"),
        (&p("typescript"), "function", "function_"),
        (&p("typescript"), "room_id", "roomId"),
    ];
    for (p, input, want) in cases {
        assert_eq!(p.member_name(input), *want, "{} {input}", p.name);
    }
    assert_eq!(p("rust").variant_name("SELF"), "Self_");
    assert_eq!(p("rust").module_name("self"), "self_");
    // `r#std` would still be `std`, shadowing the crate: reserved names take the suffix.
    assert_eq!(p("rust").module_name("std"), "std_");
    // cargo would build `src/main.rs` as a binary of the crate.
    assert_eq!(p("rust").module_name("main"), "main_");
    assert_eq!(p("java").module_name("std"), "Std");
    assert_eq!(p("rust").sanitize("2fa".into()), "_2fa");
    assert_eq!(p("rust").locale_name("zh-CN"), "ZhCn");
    assert_eq!(p("java").locale_name("zh-CN"), "ZH_CN");
}

#[test]
fn string_literals() {
    let cases: &[(StringStyle, &str, &str)] = &[
        (StringStyle::Rust, "a\"b\\c\n", r#""a\"b\\c\n""#),
        (
            StringStyle::Rust,
            "房间\u{202E}x\0",
            "\"房间\\u{202e}x\\0\"",
        ),
        (StringStyle::Java, "房\"\\u0022", "\"\\u623f\\\"\\\\u0022\""),
        (StringStyle::Java, "\u{1}1", "\"\\0011\""),
        (StringStyle::Java, "😀", "\"\\ud83d\\ude00\""),
        (
            StringStyle::JavaScript,
            "${x}`\u{2028}",
            "\"${x}`\\u{2028}\"",
        ),
        (StringStyle::Json, "a\"\n", "\"a\\\"\\n\""),
        (
            StringStyle::CFamily,
            "a\"b\\c\n\r\t\0\u{7f}\u{202E}😀\u{E0041}",
            "\"a\\\"b\\\\c\\n\\r\\t\\u0000\\u007f\\u202e😀\\U000e0041\"",
        ),
        // No universal character name below U+00A0 (C forbids them): octal UTF-8 bytes.
        (
            StringStyle::C,
            "a\"\\\n\0\u{1}1\u{7f}\u{85}\u{202E}😀\u{E0041}",
            "\"a\\\"\\\\\\n\\000\\0011\\177\\302\\205\\u202e😀\\U000e0041\"",
        ),
        // No two `?` in a row: C reads `??/` as `\` and `??!` as `|`.
        (
            StringStyle::C,
            "What??! ??/ ???= ? ?",
            "\"What?\\?! ?\\?/ ?\\?\\?= ? ?\"",
        ),
        // Every byte beyond ASCII too: the literal is ASCII, byte-exact in any charset.
        (
            StringStyle::CAscii,
            "a\"\n\0\u{1}1\u{85}é0\u{202E}中😀??/",
            "\"a\\\"\\n\\000\\0011\\302\\205\\303\\2510\\342\\200\\256\\344\\270\\255\\360\\237\\230\\200?\\?/\"",
        ),
        (
            StringStyle::Utf16,
            "a\"\\\n\0\u{202E}😀\u{E0041}$",
            "\"a\\\"\\\\\\n\\u0000\\u202e😀\\udb40\\udc41$\"",
        ),
        (
            StringStyle::Markdown,
            "a|b*c<d>\nx",
            "a&#124;b\\*c&lt;&#x2060;d&gt;<br>x",
        ),
        // A `<` that could open a tag, a comment or an end tag gets a word joiner: mdBook's
        // search results put headings into HTML unescaped. `a < 5` needs none.
        (
            StringStyle::Markdown,
            "<img src=x onerror=alert(1)> </script> <!-- <?x a < 5",
            "&lt;&#x2060;img src=x onerror=alert\\(1\\)&gt; &lt;&#x2060;/script&gt; &lt;&#x2060;\\!-- &lt;&#x2060;?x a &lt; 5",
        ),
        // Every kind of line break is one: a lone `\r` once joined its lines.
        (
            StringStyle::Markdown,
            "a\r\nb\rc\n\rd",
            "a<br>b<br>c<br><br>d",
        ),
        // Unicode's own: a browser shows U+2028 and U+2029 as spaces.
        (
            StringStyle::Markdown,
            "a\u{2028}b\u{2029}c\u{85}d",
            "a<br>b<br>c<br>d",
        ),
        // A number and a dot opening a line would make an ordered list; elsewhere both are text.
        (
            StringStyle::Markdown,
            "2024. Year\n7.5 up\n3.\nin 2024. 1x",
            "2024\\. Year<br>7.5 up<br>3\\.<br>in 2024. 1x",
        ),
        (StringStyle::Sql, "It's \\n\n", "'It''s \\n\n'"),
        (StringStyle::Csv, "a \"b\", c\n", "\"a \"\"b\"\", c\n\""),
        // Only the first space is the value's to escape; `=`, `:` and `#` are text there.
        (
            StringStyle::Properties,
            "  a=b: #\\\n\t\u{c}é😀",
            "\\  a=b: #\\\\\\n\\t\\f\\u00e9\\ud83d\\ude00",
        ),
    ];
    for (style, input, want) in cases {
        assert_eq!(style.literal(input), *want, "{style:?} {input:?}");
    }
}

#[test]
fn long_java_strings_are_joined() {
    let long = "房".repeat(20_000);
    let lit = StringStyle::Java.literal(&long);
    assert!(
        lit.starts_with("String.join(\"\", \"\\u623f"),
        "{}",
        &lit[..40]
    );
    assert_eq!(
        lit.matches(", \"\\u623f").count(),
        3,
        "three literals of at most 8,000 characters"
    );
}

#[test]
fn headers() {
    let lines = vec!["Code generated by errcat. DO NOT EDIT.".to_string()];
    assert_eq!(
        p("rust").header(&lines),
        "// Code generated by errcat. DO NOT EDIT."
    );
    assert_eq!(
        p("markdown").header(&lines),
        "<!-- Code generated by errcat. DO NOT EDIT. -->"
    );
    assert_eq!(
        p("json").header(&lines),
        "\"Code generated by errcat. DO NOT EDIT.\""
    );
}

proptest::proptest! {
    /// The fast path of `Case::apply` (words of one case) is heck, only cheaper: any
    /// name of letters, digits and underscores cases the same either way.
    #[test]
    fn case_styles_agree_with_heck(s in "[A-Z0-9_]{0,14}|[a-z0-9_]{0,14}|[A-Za-z0-9_]{0,14}|[A-Za-z]{1,4}(_[A-Z0-9]{1,4}|_[a-z0-9]{1,4}){0,4}") {
        use heck::{ToKebabCase, ToLowerCamelCase, ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};
        let heck: [(Case, String); 5] = [
            (Case::UpperCamel, s.to_upper_camel_case()),
            (Case::LowerCamel, s.to_lower_camel_case()),
            (Case::Snake, s.to_snake_case()),
            (Case::ScreamingSnake, s.to_shouty_snake_case()),
            (Case::Kebab, s.to_kebab_case()),
        ];
        for (case, want) in heck {
            proptest::prop_assert_eq!(case.apply(&s), want, "{:?} of {:?}", case, s);
        }
    }
}

#[test]
fn interpolation_characters_get_a_backslash() {
    let kotlin = |s: &str| escape_also(StringStyle::Utf16.literal(s), "$");
    assert_eq!(kotlin("${x} costs $5"), r#""\${x} costs \$5""#);
    // A backslash before `$` in the text stays a backslash, then the `$`.
    assert_eq!(kotlin("\\$"), r#""\\\$""#);
    assert_eq!(
        escape_also(StringStyle::Rust.literal("#{a}\u{1}"), "#"),
        r#""\#{a}\u{1}""#
    );
    assert!("$#@%`'".chars().all(interpolation_char_ok));
    assert!(!"{}\"\\a1 ".chars().any(interpolation_char_ok));
}

#[test]
fn parameters_avoid_the_names_their_formatter_reserves() {
    let mut rust = p("rust");
    rust.reserved.params.insert("locale".into());
    assert_eq!(rust.param_name("locale"), "locale_");
    assert_eq!(rust.param_name("locale_id"), "locale_id");
    assert_eq!(rust.param_name("type"), "r#type");
    assert_eq!(rust.member_name("locale"), "locale");
    let mut java = p("java");
    java.reserved.params.insert("localeId".into());
    assert_eq!(java.param_name("locale_id"), "localeId_");
    assert_eq!(p("java").param_name("locale_id"), "localeId");
}

#[test]
fn initialisms_are_capitals_in_camel_case() {
    let mut p = builtin("java").unwrap();
    p.initialisms = ["ID", "URL", "HTTP", "UTF8"].map(String::from).into();
    assert_eq!(p.member_name("room_id"), "roomID");
    // A lower-camel identifier starts lower-case, initialism or not.
    assert_eq!(p.member_name("id_card"), "idCard");
    assert_eq!(p.member_name("url"), "url");
    assert_eq!(p.member_name("callback_url_utf8"), "callbackURLUTF8");
    // Only whole words: `identity` and `http2` are not `ID` and `HTTP`.
    assert_eq!(p.member_name("identity_http2"), "identityHttp2");
    assert_eq!(p.formatter_name("USER_ID_MISSING"), "formatUserIDMissing");
    assert_eq!(p.type_name("api.http"), "ApiHTTPError");
    // Upper-case styles are left alone.
    assert_eq!(p.variant_name("ROOM_ID"), "ROOM_ID");
    p.member_case = Case::UpperCamel;
    assert_eq!(p.member_name("id_card"), "IDCard");
}
