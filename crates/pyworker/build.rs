//! The interpreter nests Rust calls when a builtin calls back into Python
//! (`sorted(key=...)`, `__repr__` from `print`): give the worker's
//! WebAssembly a stack of 8 MB instead of the default 1 MB.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=-zstack-size=8388608");
    }
}
