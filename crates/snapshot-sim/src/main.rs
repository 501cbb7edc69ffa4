use std::process::ExitCode;

use clap::Parser;
use snapshot_sim::Config;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("snapshot_sim=info,tower_http=info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let config = Config::parse();
    // Bound first: the test-control routes check requests against the port actually got.
    let listener = match tokio::net::TcpListener::bind(config.addr).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("snapshot-sim: cannot listen on {}: {e}", config.addr);
            return ExitCode::FAILURE;
        }
    };
    let bound = listener.local_addr().unwrap_or(config.addr);
    let sim = match snapshot_sim::build(&config, bound) {
        Ok(sim) => sim,
        Err(e) => {
            eprintln!("snapshot-sim: {e}");
            return ExitCode::FAILURE;
        }
    };
    let origin = format!("http://{bound}");
    // Scripts read these lines; keep their shape.
    println!("snapshot-sim listening on {origin}");
    println!("API:      {origin}/api/v1");
    match &config.console_dir {
        Some(dir) => println!("Console:  {origin}/  (from {})", dir.display()),
        None => println!("Console:  not served (no --console-dir); the API alone is up"),
    }
    match &sim.demo_token {
        Some(token) => println!("Token:    {token}"),
        None => println!(
            "Tokens:   {} configured (--token, --token-file, {})",
            sim.configured_tokens,
            snapshot_sim::TOKENS_VAR
        ),
    }
    match (&sim.db_path, sim.seeded) {
        (Some(path), true) => println!(
            "Database: {} (new, seeded: {:?})",
            path.display(),
            config.seed
        ),
        (Some(path), false) => println!("Database: {} (existing data kept)", path.display()),
        (None, _) => println!("Database: in memory (seeded: {:?})", config.seed),
    }
    let served = axum::serve(listener, sim.router).with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    });
    if let Err(e) = served.await {
        eprintln!("snapshot-sim: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
