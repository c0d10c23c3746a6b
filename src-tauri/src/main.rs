// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // The PDF reader runs in a process of its own: this program, so asked.
    if let Some(code) = provaudit::text::pdf::serve_or_register() {
        std::process::exit(code);
    }
    provaudit_desktop::run();
}
