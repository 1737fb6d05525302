//! The committed TypeScript bindings match the Rust types.

use std::path::PathBuf;

#[test]
fn typescript_bindings_are_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/lib/bindings.ts");
    let fresh = waymark_app::bindings::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/lib/bindings.ts is stale; run `make bindings` (UPDATE_BINDINGS=1 cargo test -p waymark-app --test it bindings)"
    );
}
