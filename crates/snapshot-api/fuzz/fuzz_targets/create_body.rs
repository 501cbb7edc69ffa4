//! The field-by-field create check the simulator answers with, on any JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use snapshot_api::endpoints::SnapshotCreateBody;

fuzz_target!(|data: &[u8]| {
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) {
        match SnapshotCreateBody::from_value(&value) {
            Ok(body) => {
                // What passes must serialise and read back the same.
                let json = serde_json::to_vec(&body).unwrap();
                let again: SnapshotCreateBody = serde_json::from_slice(&json).unwrap();
                assert_eq!(again, body);
            }
            Err(errors) => assert!(!errors.is_empty()),
        }
    }
});
