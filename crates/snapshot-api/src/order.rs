use std::cmp::Ordering;

/// The positions `0..len` in the stable order `by` gives (equal items keep their order).
///
/// Every sort of positions, in the core and in the console, goes through this one function
/// with a `dyn` comparator: each `sort_by` closure type would be another copy of the standard
/// library's sort in the console's wasm (about 3 KB each).
///
/// ```
/// let names = ["b", "a", "b"];
/// assert_eq!(snapshot_api::positions_by(3, &|x, y| names[x].cmp(names[y])), [1, 0, 2]);
/// ```
pub fn positions_by(len: usize, by: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|&a, &b| by(a, b));
    positions
}
