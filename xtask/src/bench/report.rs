//! The report: one row per measure with its target, this run's figure, what it is compared
//! against and the ratio, written as docs/BENCHMARKS.md (the table) and JSON (every figure).

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::cmd::Result;

/// One line of the table.
#[derive(Serialize)]
pub struct Row {
    pub measure: String,
    pub target: String,
    /// The console's (or the simulator's, or the core's) figure, as read.
    pub figure: String,
    /// What it is compared with: the vanilla floor, Prism, bare serde_json, or nothing.
    pub against: String,
    pub ratio: Option<f64>,
    /// Whether the target is met; `None` where the measure has no target.
    pub met: Option<bool>,
    pub command: String,
}

impl Row {
    pub fn new(measure: &str, target: &str, command: &str) -> Self {
        Self {
            measure: measure.to_owned(),
            target: target.to_owned(),
            figure: String::new(),
            against: String::new(),
            ratio: None,
            met: None,
            command: command.to_owned(),
        }
    }

    pub fn figure(mut self, figure: String) -> Self {
        self.figure = figure;
        self
    }

    pub fn against(mut self, against: String) -> Self {
        self.against = against;
        self
    }

    pub fn ratio(mut self, ratio: f64) -> Self {
        self.ratio = Some(ratio);
        self
    }

    pub fn met(mut self, met: bool) -> Self {
        self.met = Some(met);
        self
    }
}

/// Everything one run measured.
#[derive(Serialize)]
pub struct Report {
    pub machine: String,
    pub rows: Vec<Row>,
    /// The raw figures of each part, as its harness wrote them.
    pub raw: serde_json::Map<String, serde_json::Value>,
}

impl Report {
    /// Fails if a figure came out empty or not a number: the harness broke, whatever the
    /// timings (which are never judged here).
    pub fn check_complete(&self) -> Result {
        for row in &self.rows {
            let broken = row.figure.is_empty() || row.figure.contains("NaN");
            let bad_ratio = row.ratio.is_some_and(|r| !r.is_finite());
            if broken || bad_ratio {
                return Err(format!(
                    "benchmark harness: no usable figure for {:?} ({:?}, ratio {:?})",
                    row.measure, row.figure, row.ratio
                ));
            }
        }
        Ok(())
    }

    /// Writes the table, then `after` (more markdown), and every figure as JSON.
    pub fn write(&self, markdown: &Path, json: &Path, preamble: &str, after: &str) -> Result {
        let mut md = String::from(preamble);
        let _ = writeln!(md, "\nMachine: {}\n", self.machine);
        md.push_str("| measure | target | this run | against | ratio | met | command |\n");
        md.push_str("|---|---|---|---|---|---|---|\n");
        for r in &self.rows {
            let ratio = r.ratio.map(|x| format!("{x:.2}")).unwrap_or_default();
            let met = match r.met {
                Some(true) => "yes",
                Some(false) => "**no**",
                None => "",
            };
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {ratio} | {met} | `{}` |",
                r.measure, r.target, r.figure, r.against, r.command
            );
        }
        md.push_str(after);
        let text = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        for (path, contents) in [(markdown, md), (json, text)] {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
            }
            std::fs::write(path, contents)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        Ok(())
    }
}

/// `bytes` as "244.2 KB".
pub fn kb(bytes: f64) -> String {
    format!("{:.1} KB", bytes / 1024.0)
}

/// `bytes` as "9.4 MB".
pub fn mb(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1_048_576.0)
}

/// `ms` as "438 ms" (or "12.5 ms" below 100).
pub fn ms(ms: f64) -> String {
    if ms < 100.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

/// `5000.0` as "5,000".
pub fn count(n: f64) -> String {
    let digits = format!("{n:.0}");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The JSON file a harness wrote.
pub fn read_json(path: &Path) -> Result<serde_json::Value> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}
