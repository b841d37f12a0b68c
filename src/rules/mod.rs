//! The registry: every rule, one file each, in one sorted list. Rule logic lives in the rule
//! files; the engine never imports this module.

pub mod dockerfile;
pub mod general;
pub mod prelude;

use crate::engine::Rule;

/// Every rule, sorted by id (a test keeps it sorted).
pub static REGISTRY: &[&Rule] = &[
    &dockerfile::base_image_latest::RULE,
    &general::invalid_suppression::RULE,
    &general::parse_error::RULE,
];
