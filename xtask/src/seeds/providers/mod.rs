//! One file per provider: its seed document and the rule that reads it (`SEED`). The build
//! script declares a module per file of this directory and lists their `SEED`s in `SEEDS`.

use crate::seeds::Seed;

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
