fn main() {
    threadline_pyworker::start();
}
