fn main() {
    snapshot_console::start();
}
