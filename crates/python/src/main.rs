//! `threadline-python FILE.py`: runs a program natively.

fn main() {
    eprintln!("threadline-python: not built yet");
    std::process::exit(2);
}
