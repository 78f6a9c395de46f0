//! `nanum`: the store till and its admin commands.

fn main() -> std::process::ExitCode {
    nanum::cli::main()
}
