//! Fuzz target: every coord-json call (`run_named`). The first byte chooses the call, the rest is
//! the call document. A crash is a panic, or a failure answer longer than the bound on messages.

use coord_json::calls::{run_named, CALL_NAMES};

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let Some((&first, rest)) = data.split_first() else {
            return;
        };
        let name = CALL_NAMES[usize::from(first) % CALL_NAMES.len()];
        let Ok(text) = std::str::from_utf8(rest) else {
            // Bytes that are not UTF-8 go through the byte reader (what the CLI does first).
            let _ = coord_json::parse::parse_bytes::<serde_json::Value>(rest);
            return;
        };
        let Some((answer, ok)) = run_named(name, text) else {
            panic!("a name from CALL_NAMES is unknown to run_named");
        };
        if !ok {
            if let Some(errors) = answer["errors"].as_array() {
                for e in errors {
                    let len = e["message"].as_str().map_or(0, |m| m.chars().count());
                    assert!(len <= 410, "unbounded error message ({len} characters)");
                }
            }
        }
    });
}
