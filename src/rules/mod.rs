//! The registry: every rule, one file each, in one sorted list. Rule logic lives in the rule
//! files; the engine never imports this module.

pub mod dockerfile;
pub mod general;
pub mod kubernetes;
pub mod prelude;
pub mod secrets;

use crate::engine::Rule;

/// Every rule, sorted by id (a test keeps it sorted).
pub static REGISTRY: &[&Rule] = &[
    &dockerfile::add_instead_of_copy::RULE,
    &dockerfile::add_remote_url::RULE,
    &kubernetes::api_version_deprecated::RULE,
    &kubernetes::api_version_removed::RULE,
    &dockerfile::apk_missing_no_cache::RULE,
    &dockerfile::apk_unpinned::RULE,
    &kubernetes::apparmor_unconfined::RULE,
    &dockerfile::apt_get_install_recommends::RULE,
    &dockerfile::apt_get_missing_yes::RULE,
    &dockerfile::apt_get_unpinned::RULE,
    &dockerfile::apt_get_upgrade::RULE,
    &dockerfile::apt_instead_of_apt_get::RULE,
    &dockerfile::apt_lists_not_cleaned::RULE,
    &dockerfile::base_image_latest::RULE,
    &dockerfile::base_image_untagged::RULE,
    &dockerfile::base_image_untrusted::RULE,
    &kubernetes::capabilities_added::RULE,
    &kubernetes::capabilities_not_dropped::RULE,
    &dockerfile::cd_instead_of_workdir::RULE,
    &kubernetes::cluster_admin_binding::RULE,
    &dockerfile::cmd_shell_form::RULE,
    &dockerfile::command_pointless_in_build::RULE,
    &kubernetes::container_image_latest::RULE,
    &kubernetes::container_image_untagged::RULE,
    &dockerfile::copy_dest_not_directory::RULE,
    &dockerfile::copy_from_current_stage::RULE,
    &dockerfile::copy_from_unknown_stage::RULE,
    &kubernetes::cpu_limits_missing::RULE,
    &kubernetes::cpu_requests_missing::RULE,
    &dockerfile::curl_pipe_shell::RULE,
    &dockerfile::dangling_line_continuation::RULE,
    &kubernetes::default_namespace::RULE,
    &kubernetes::default_service_account::RULE,
    &kubernetes::deprecated_service_account_field::RULE,
    &kubernetes::docker_socket_mount::RULE,
    &kubernetes::duplicate_container_name::RULE,
    &kubernetes::duplicate_env_var::RULE,
    &kubernetes::duplicate_key::RULE,
    &dockerfile::duplicate_stage_name::RULE,
    &dockerfile::empty_continuation_line::RULE,
    &dockerfile::exec_form_invalid_json::RULE,
    &dockerfile::expose_invalid_port::RULE,
    &dockerfile::expose_ssh_port::RULE,
    &dockerfile::gem_unpinned::RULE,
    &dockerfile::go_install_unpinned::RULE,
    &kubernetes::host_namespaces::RULE,
    &kubernetes::host_path_volume::RULE,
    &kubernetes::host_port::RULE,
    &kubernetes::hpa_target_not_found::RULE,
    &kubernetes::image_pull_policy_not_always::RULE,
    &dockerfile::image_runs_as_root::RULE,
    &kubernetes::ingress_service_not_found::RULE,
    &kubernetes::ingress_tls_missing::RULE,
    &dockerfile::instruction_before_from::RULE,
    &general::internal_error::RULE,
    &general::invalid_suppression::RULE,
    &kubernetes::job_ttl_missing::RULE,
    &kubernetes::liveness_probe_missing::RULE,
    &kubernetes::liveness_probe_port_not_exposed::RULE,
    &dockerfile::maintainer_instruction::RULE,
    &kubernetes::memory_limits_missing::RULE,
    &kubernetes::memory_requests_missing::RULE,
    &dockerfile::missing_healthcheck::RULE,
    &dockerfile::multiple_cmd::RULE,
    &dockerfile::multiple_entrypoint::RULE,
    &dockerfile::multiple_healthcheck::RULE,
    &kubernetes::net_raw_not_dropped::RULE,
    &kubernetes::network_policy_missing::RULE,
    &kubernetes::network_policy_selects_no_pods::RULE,
    &dockerfile::npm_unpinned::RULE,
    &dockerfile::package_cache_not_cleaned::RULE,
    &general::parse_error::RULE,
    &kubernetes::pdb_selects_no_pods::RULE,
    &kubernetes::pdb_zero_disruptions::RULE,
    &dockerfile::pip_missing_no_cache_dir::RULE,
    &dockerfile::pip_unpinned::RULE,
    &dockerfile::pipe_without_pipefail::RULE,
    &kubernetes::privilege_escalation_allowed::RULE,
    &kubernetes::privileged_container::RULE,
    &kubernetes::probe_host_set::RULE,
    &kubernetes::probes_identical::RULE,
    &kubernetes::proc_mount_restricted::RULE,
    &kubernetes::proc_mount_unmasked::RULE,
    &kubernetes::rbac_pod_create::RULE,
    &kubernetes::rbac_pod_exec::RULE,
    &kubernetes::rbac_secrets_access::RULE,
    &kubernetes::rbac_wildcard::RULE,
    &kubernetes::readiness_probe_missing::RULE,
    &kubernetes::reference_not_found::RULE,
    &kubernetes::restricted_volume_type::RULE,
    &kubernetes::root_filesystem_writable::RULE,
    &dockerfile::rpm_install_missing_yes::RULE,
    &kubernetes::run_as_non_root_missing::RULE,
    &kubernetes::run_as_root_user::RULE,
    &kubernetes::seccomp_profile_missing::RULE,
    &kubernetes::seccomp_unconfined::RULE,
    &dockerfile::secret_in_env_or_arg::RULE,
    &kubernetes::secret_in_env_var::RULE,
    &kubernetes::selector_mismatch::RULE,
    &kubernetes::selinux_custom_options::RULE,
    &kubernetes::sensitive_host_path::RULE,
    &kubernetes::service_account_token_automounted::RULE,
    &kubernetes::service_selects_no_pods::RULE,
    &kubernetes::service_target_port_not_found::RULE,
    &kubernetes::service_type_load_balancer::RULE,
    &kubernetes::service_type_node_port::RULE,
    &dockerfile::sudo_in_run::RULE,
    &kubernetes::sys_admin_capability::RULE,
    &dockerfile::tls_verification_disabled::RULE,
    &kubernetes::unsafe_sysctl::RULE,
    &dockerfile::unsigned_packages_allowed::RULE,
    &dockerfile::update_without_install::RULE,
    &dockerfile::useradd_large_uid::RULE,
    &dockerfile::wget_and_curl::RULE,
    &kubernetes::windows_host_process::RULE,
    &dockerfile::workdir_relative::RULE,
    &dockerfile::world_writable_chmod::RULE,
];

#[cfg(test)]
mod tests {
    //! Meta-tests that keep the catalog whole: ids, pages, fixtures, aliases.

    use super::REGISTRY;
    use crate::config::selector::group_names;
    use crate::engine::{FileKind, Target};
    use std::collections::BTreeSet;
    use std::path::Path;

    /// Peer tools whose ids may appear in aliases.
    const ALIAS_TOOLS: &[&str] = &[
        "hadolint",
        "checkov",
        "trivy",
        "cis-docker",
        "buildkit",
        "pss",
        "kube-linter",
        "kube-score",
        "polaris",
        "kubesec",
        "cis-kubernetes",
    ];
    const SECTIONS: &[&str] = &[
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Use instead",
        "## References",
    ];

    #[test]
    fn registry_is_sorted_and_ids_are_unique_kebab_case() {
        let ids: Vec<&str> = REGISTRY.iter().map(|r| r.id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            ids, sorted,
            "REGISTRY must be sorted by id, without duplicates"
        );
        let kebab = regex::Regex::new("^[a-z][a-z0-9]*(-[a-z0-9]+)*$").unwrap();
        for id in ids {
            assert!(
                kebab.is_match(id) && id.len() <= 63,
                "`{id}` is not a kebab-case id of at most 63 characters"
            );
            assert!(
                !group_names().contains(&id),
                "`{id}` collides with a group name"
            );
        }
    }

    #[test]
    fn aliases_name_a_known_tool() {
        for rule in REGISTRY {
            for alias in rule.aliases {
                let (tool, code) = alias
                    .split_once(':')
                    .unwrap_or_else(|| panic!("{}: alias `{alias}` is not `tool:ID`", rule.id));
                assert!(
                    ALIAS_TOOLS.contains(&tool) && !code.is_empty(),
                    "{}: unknown tool in `{alias}`",
                    rule.id
                );
            }
        }
    }

    #[test]
    fn titles_follow_the_message_convention() {
        for rule in REGISTRY {
            assert!(
                !rule.title.ends_with('.'),
                "{}: title ends with a period",
                rule.id
            );
            // Acronyms (`TLS`) may lead; a capitalised word (`The`) may not.
            let mut chars = rule.title.chars();
            let (first, second) = (chars.next().unwrap(), chars.next().unwrap_or(' '));
            assert!(
                !first.is_uppercase() || second.is_uppercase(),
                "{}: title starts upper-case",
                rule.id
            );
        }
    }

    /// The text of section `heading` of a page, up to the next `## `.
    fn section<'a>(page: &'a str, heading: &str) -> Option<&'a str> {
        let start = page.find(&format!("{heading}\n"))? + heading.len() + 1;
        let end = page[start..]
            .find("\n## ")
            .map_or(page.len(), |i| start + i);
        Some(&page[start..end])
    }

    /// The first fenced block of `language` in `text`.
    fn code_block<'a>(text: &'a str, language: &str) -> Option<&'a str> {
        let open = format!("```{language}\n");
        let start = text.find(&open)? + open.len();
        let end = text[start..].find("```")? + start;
        Some(&text[start..end])
    }

    #[test]
    fn every_rule_has_a_complete_page_whose_examples_behave() {
        let mut failures = Vec::new();
        for rule in REGISTRY {
            let page = rule.page;
            if !page.starts_with(&format!("# {}\n", rule.id)) {
                failures.push(format!("{}: page must start with `# {}`", rule.id, rule.id));
            }
            for heading in SECTIONS {
                if section(page, heading).is_none() {
                    failures.push(format!("{}: page lacks `{heading}`", rule.id));
                }
            }
            // No input is meant to crash plimsoll: the CLI tests provoke `internal-error`.
            if rule.id == crate::engine::guard::INTERNAL_ERROR {
                continue;
            }
            let (Some(example), Some(instead)) =
                (section(page, "## Example"), section(page, "## Use instead"))
            else {
                continue;
            };
            let (language, kind) = match rule.target {
                Target::Dockerfile | Target::Any => ("dockerfile", FileKind::Dockerfile),
                Target::Kubernetes => ("yaml", FileKind::Kubernetes),
            };
            // An optional ```toml block in Example configures the rule for both blocks.
            let config_file = code_block(example, "toml").map(|toml| {
                let dir = std::env::temp_dir().join(format!("plimsoll-page-{}", rule.id));
                std::fs::create_dir_all(&dir).unwrap();
                let file = dir.join("plimsoll.toml");
                std::fs::write(&file, toml).unwrap();
                file
            });
            let settings = crate::testing::settings_for(rule, config_file.as_deref());
            for (block_name, block, must_fire) in
                [("Example", example, true), ("Use instead", instead, false)]
            {
                let Some(code) = code_block(block, language) else {
                    failures.push(format!(
                        "{}: `## {block_name}` has no ```{language} block",
                        rule.id
                    ));
                    continue;
                };
                let (_, rendered, rules) = crate::testing::lint_and_render(
                    &format!("{}.md", rule.id),
                    code,
                    kind,
                    &settings,
                );
                let fired = rules.contains(&rule.id);
                if fired != must_fire {
                    failures.push(format!(
                        "{}: the `{block_name}` block {}\n{rendered}",
                        rule.id,
                        if must_fire { "does not fire" } else { "fires" }
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn pages_and_fixture_folders_map_back_to_rules() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let ids: BTreeSet<&str> = REGISTRY.iter().map(|r| r.id).collect();
        for (dir, ext) in [
            ("rules/dockerfile", ".md"),
            ("rules/kubernetes", ".md"),
            ("rules/general", ".md"),
            ("testdata/dockerfile", ""),
            ("testdata/kubernetes", ""),
            ("testdata/general", ""),
        ] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let name = entry.unwrap().file_name().into_string().unwrap();
                let id = name.strip_suffix(ext).unwrap_or(&name);
                if ext.is_empty() || name.ends_with(ext) {
                    assert!(ids.contains(id), "{dir}/{name} belongs to no rule");
                }
            }
        }
    }

    #[test]
    fn readme_rule_table_is_current() {
        let readme =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
                .unwrap();
        let table = crate::cli::rules_markdown_table();
        let start = readme
            .find("<!-- rules:start -->\n")
            .expect("README has <!-- rules:start -->")
            + 21;
        let end = readme
            .find("<!-- rules:end -->")
            .expect("README has <!-- rules:end -->");
        assert!(
            readme[start..end] == table,
            "the README's rule table is stale: run `cargo run -- rules --format markdown` and paste it between the markers"
        );
    }
}
