//! Kubernetes rules, one file per rule (file name = rule id in snake_case).

pub mod duplicate_key;
pub mod privileged_container;
