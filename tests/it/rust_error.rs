//! The generated Rust crate's `Error`, used as a user would: a program built with cargo
//! against a generated crate reports codes with formatted and localized messages, through
//! `?` (into one namespace's `Error` or any namespace's), `Box<dyn Error>` and a cause.

use std::process::Command;

use crate::support::{errcat, project, repo};

const CATALOG: &str = "catalog: app\nformat: 1\nroot: ..\nlocales: [en, zh-CN]\n\
    default_locale: en\nnamespaces: [app.yaml]\n\
    targets:\n  - { id: rust, templates: rust, out: generated/rust }\n";

const NAMESPACE: &str = "namespace: app\ntitle: { en: App }\nlocales: [en, zh-CN]\nentries:\n\
    \x20 - { code: 1, name: ROOM_FULL, message: { en: The room is full, zh-CN: 房间已满 } }\n\
    \x20 - { code: 2, name: SEAT_TAKEN, params: [n], \
    message: { en: \"Seat {n} is taken\", zh-CN: \"座位 {n} 已占用\" } }\n";

/// The user's program: each line it prints is checked below.
const MAIN: &str = r#"
use std::error::Error as _;

use codes::{AppError, Error, Locale};

fn seat(n: &str) -> Result<(), Error<AppError>> {
    let message = AppError::format_seat_taken(Locale::ZhCn, n);
    Err(Error::with_message(AppError::SeatTaken, message))
}

fn full() -> Result<(), Error<AppError>> {
    Err(AppError::RoomFull)?
}

fn boxed() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    seat("7").map_err(|e| e.with_source(std::io::Error::other("disk full")))?;
    Ok(())
}

// A handler of several namespaces: `?` turns a code, or an `Error` of one namespace,
// into an `Error` of any.
fn any_full() -> Result<(), Error> {
    Err(AppError::RoomFull)?
}

fn any_seat() -> Result<(), Error> {
    seat("8").map_err(|e| e.with_source(std::io::Error::other("no seat")))?;
    Ok(())
}

fn shared<T: Send + Sync + 'static>(_: &T) {}

fn main() {
    let e = seat("7").unwrap_err();
    shared(&e);
    println!("{e} | {} | {:?} | {}", e.message(), e.code(), e.source().is_none());
    let e = full().unwrap_err();
    println!("{e} | {:?}", e.code());
    println!("{}", Error::in_locale(AppError::RoomFull, Locale::ZhCn));
    let b = boxed().unwrap_err();
    let e = b.downcast_ref::<Error<AppError>>().unwrap();
    println!("{b} | {:?} | {}", e.code(), b.source().unwrap());
    let any: Error = Error::new(codes::lookup("app", 2).unwrap());
    shared(&any);
    println!("{any} | {}", any.code().code());
    println!("{:?}", Error::new(AppError::RoomFull));
    let e = any_full().unwrap_err();
    println!("{e} | {}", e.code().name());
    let e = any_seat().unwrap_err();
    println!("{e} | {} | {}", e.code().code(), e.source().unwrap());
}
"#;

#[test]
fn a_program_reports_codes_with_their_formatted_messages() {
    let tmp = project(&[
        ("schema/catalog.yaml", CATALOG),
        ("schema/app.yaml", NAMESPACE),
        ("user/src/main.rs", MAIN),
    ]);
    let root = tmp.path();
    let out = errcat(root, &["gen"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let krate = root.join("generated/rust");
    let manifest = format!(
        "[package]\nname = \"user\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\ncodes = {{ package = \"errcat-codes\", path = {krate:?} }}\n\n[workspace]\n"
    );
    std::fs::write(root.join("user/Cargo.toml"), manifest).unwrap();
    let out = Command::new(env!("CARGO"))
        .args(["run", "--offline", "--quiet", "--manifest-path"])
        .arg(root.join("user/Cargo.toml"))
        .env("CARGO_TARGET_DIR", repo().join("target/it-rust-error"))
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = "\
SEAT_TAKEN (app/2): 座位 7 已占用 | 座位 7 已占用 | SeatTaken | true
ROOM_FULL (app/1): The room is full | RoomFull
ROOM_FULL (app/1): 房间已满
SEAT_TAKEN (app/2): 座位 7 已占用 | SeatTaken | disk full
SEAT_TAKEN (app/2): Seat {n} is taken | 2
Error { code: RoomFull, message: \"The room is full\", source: None }
ROOM_FULL (app/1): The room is full | ROOM_FULL
SEAT_TAKEN (app/2): 座位 8 已占用 | 2 | no seat
";
    assert_eq!(stdout, expected);
}

/// Deprecation notes either side of the width at which rustfmt breaks the attribute
/// over three lines (ASCII and wide CJK characters): the generated crate is as rustfmt
/// writes it, so that `cargo fmt --check` in the user's workspace stays clean.
#[test]
fn deprecation_attributes_are_laid_out_as_rustfmt_does() {
    let reasons: Vec<String> = [71, 72, 73, 74]
        .into_iter()
        .flat_map(|n: usize| ["x".repeat(n), "名".repeat(n / 2) + &"x".repeat(n % 2)])
        .collect();
    let mut ns =
        String::from("namespace: app\nentries:\n  - { code: 1, name: NEW, message: New }\n");
    for (i, reason) in reasons.iter().enumerate() {
        ns.push_str(&format!(
            "  - {{ code: {}, name: OLD_{i}, message: Old, deprecated: {{ reason: \"{reason}\" }} }}\n",
            i + 2
        ));
    }
    let catalog = "catalog: app\nformat: 1\nroot: ..\nlocales: [en]\ndefault_locale: en\n\
        namespaces: [app.yaml]\ntargets:\n  - { id: rust, templates: rust, out: generated/rust }\n";
    let tmp = project(&[("schema/catalog.yaml", catalog), ("schema/app.yaml", &ns)]);
    let out = errcat(tmp.path(), &["gen"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = tmp.path().join("generated/rust/src/app.rs");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("#[deprecated(note = ") && text.contains("#[deprecated(\n        note = "),
        "both layouts are exercised:\n{text}"
    );
    let check = Command::new("rustfmt")
        .args(["--check", "--edition", "2021"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}
