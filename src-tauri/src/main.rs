// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // The PDF reader runs in a process of its own: this program, so asked.
    if std::env::args_os().nth(1).as_deref()
        == Some(std::ffi::OsStr::new(provaudit::text::pdf::HELPER_ARG))
    {
        std::process::exit(provaudit::text::pdf::helper_main());
    }
    if let Ok(exe) = std::env::current_exe() {
        provaudit::text::pdf::use_helper(exe);
    }
    provaudit_desktop::run();
}
