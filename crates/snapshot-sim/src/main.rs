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
    let sim = match snapshot_sim::build(&config) {
        Ok(sim) => sim,
        Err(e) => {
            eprintln!("snapshot-sim: cannot open the database: {e}");
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(config.addr).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("snapshot-sim: cannot listen on {}: {e}", config.addr);
            return ExitCode::FAILURE;
        }
    };
    let origin = match listener.local_addr() {
        Ok(addr) => format!("http://{addr}"),
        Err(_) => format!("http://{}", config.addr),
    };
    // Scripts read these lines; keep their shape.
    println!("snapshot-sim listening on {origin}");
    println!("API:      {origin}/api/v1");
    match &config.console_dir {
        Some(dir) => println!("Console:  {origin}/  (from {})", dir.display()),
        None => println!("Console:  not served (no --console-dir); the API alone is up"),
    }
    match &sim.demo_token {
        Some(token) => println!("Token:    {token}"),
        None => println!("Tokens:   {} configured with --token", config.tokens.len()),
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
