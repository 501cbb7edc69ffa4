//! Decisions of the console in plain Rust, with no Leptos types inside, so they are tested
//! natively with `cargo test`. Components read them and only render and dispatch.

pub mod search;
