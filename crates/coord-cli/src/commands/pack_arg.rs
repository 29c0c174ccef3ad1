//! The `--pack` argument of `evaluate`, `report`, `summarise` and `rules diff`: a pack file, or the
//! id of a pack in the reference data. Which pack an id names is coord-json's to decide.

use crate::io::{read_json, Failure};
use coord_json::calls::pack_ref::PackRef;
use std::path::Path;

/// A `--pack` argument: the pack in the file when one exists at the path, else the id of a pack
/// in the reference data (coord-json looks it up and refuses an unknown one).
pub fn pack_arg(path: &Path) -> Result<PackRef, Failure> {
    if path.exists() {
        Ok(PackRef::Pack(Box::new(read_json(path)?)))
    } else {
        Ok(PackRef::Id(path.display().to_string()))
    }
}

/// An optional `--pack` argument (see [`pack_arg`]) with the file its problems are placed in:
/// none for a pack named by id (its problems keep their pointer; the id is not repeated).
pub fn optional_pack(path: Option<&Path>) -> Result<(Option<PackRef>, Option<&Path>), Failure> {
    match path {
        None => Ok((None, None)),
        Some(p) => {
            let r = pack_arg(p)?;
            let file = matches!(r, PackRef::Pack(_)).then_some(p);
            Ok((Some(r), file))
        }
    }
}
