//! A native client of `snapshot-api` (reqwest carries the requests the core builds), the
//! simulator as a child process, and the statistics the load and crash runs report.

pub mod crash;
pub mod load;
pub mod sim_process;
pub mod stats;
pub mod transport;
