fn main() {
    threadline::start();
}
