//! The simulator binary as a child process on a free loopback port.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

/// The simulator binary built in this workspace's `target/<profile>/`.
pub fn default_binary(profile: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../target")
        .join(profile)
        .join("snapshot-sim")
}

/// A running simulator; killed (SIGKILL) when dropped.
pub struct SimProcess {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub origin: String,
    /// What it printed at start.
    pub banner: String,
    stderr: Arc<Mutex<String>>,
}

impl SimProcess {
    /// Starts `binary` with `args` on a free port (unless `args` names an `--addr`).
    pub fn start(binary: &Path, args: &[&str]) -> Self {
        let mut command = Command::new(binary);
        if !args.contains(&"--addr") {
            command.args(["--addr", "127.0.0.1:0"]);
        }
        let mut child = command
            .args(args)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut err_pipe = child.stderr.take().expect("piped stderr");
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = err_pipe.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut s) = sink.lock() {
                    s.push_str(&String::from_utf8_lossy(&buf[..n]));
                }
            }
        });
        let mut lines = BufReader::new(child.stdout.take().expect("piped stdout")).lines();
        let (mut banner, mut origin) = (String::new(), None);
        for line in lines.by_ref() {
            let Ok(line) = line else { break };
            banner.push_str(&line);
            banner.push('\n');
            if let Some(rest) = line.strip_prefix("snapshot-sim listening on ") {
                origin = Some(rest.to_owned());
            }
            if line.starts_with("Database:") {
                break;
            }
        }
        std::thread::spawn(move || lines.for_each(drop));
        let origin = origin.unwrap_or_else(|| panic!("no address in the banner: {banner}"));
        Self {
            child,
            origin,
            banner,
            stderr,
        }
    }

    /// SIGKILL: no shutdown code runs, as in a crash or power cut of the process.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// What it has logged so far.
    pub fn logs(&self) -> String {
        self.stderr.lock().map(|s| s.clone()).unwrap_or_default()
    }

    /// `origin` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }
}

impl Drop for SimProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
