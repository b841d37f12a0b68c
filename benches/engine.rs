//! The rule engine: `engine::run::lint_file` with every rule on, beside the parse alone
//! (`dockerfile::parse`, `Stream::parse`) of the same file; the engine does not take a parsed
//! file, so the rules' cost is `lint_file` minus `parse`: `cargo bench --bench engine`.

mod support;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use plimsoll::config::{default_settings, Overrides};
use plimsoll::engine::run::lint_file;
use plimsoll::kubernetes::Stream;
use plimsoll::{FileKind, Settings, SourceFile};
use std::hint::black_box;

fn all_rules() -> Settings {
    let overrides = Overrides {
        select: Some(vec!["all".to_string()]),
        ..Overrides::default()
    };
    default_settings(&overrides).expect("the default settings with every rule resolve")
}

fn bench_kind(c: &mut Criterion, kind: FileKind, inputs: Vec<support::Input>) {
    let settings = all_rules();
    let mut group = c.benchmark_group(match kind {
        FileKind::Dockerfile => "engine-dockerfile",
        FileKind::Kubernetes => "engine-kubernetes",
    });
    for input in inputs {
        let file = SourceFile::new(format!("bench/{}", input.name), input.text);
        group.throughput(Throughput::Bytes(file.text.len() as u64));
        group.bench_function(format!("parse/{}", input.name), |b| {
            b.iter(|| match kind {
                FileKind::Dockerfile => {
                    black_box(plimsoll::dockerfile::parse(black_box(&file.text)));
                }
                FileKind::Kubernetes => {
                    black_box(Stream::parse(black_box(&file.text)));
                }
            })
        });
        group.bench_function(format!("lint_file/{}", input.name), |b| {
            b.iter(|| lint_file(black_box(&file), kind, &settings))
        });
    }
    group.finish();
}

fn dockerfiles(c: &mut Criterion) {
    bench_kind(c, FileKind::Dockerfile, support::dockerfiles());
}

fn manifests(c: &mut Criterion) {
    bench_kind(c, FileKind::Kubernetes, support::manifests());
}

criterion_group!(benches, dockerfiles, manifests);
criterion_main!(benches);
