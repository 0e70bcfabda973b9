use super::*;
use std::process::Command;

fn params(workload: Workload, tasks: u32, work: u32) -> Params {
    Params {
        workload,
        tasks,
        work,
        workers: Some(2),
        latency_ms: 120,
        ..Params::default()
    }
}

/// Runs `source` under CPython; `None` where there is no `python3`.
fn cpython(source: &str, name: &str) -> Option<String> {
    let dir = std::env::temp_dir().join(format!("threadline-equivalent-{}", std::process::id()));
    std::fs::create_dir_all(&dir).ok()?;
    let path = dir.join(format!("{name}.py"));
    std::fs::write(&path, source).ok()?;
    let out = Command::new("python3").arg(&path).output().ok()?;
    assert!(
        out.status.success(),
        "{name} failed:\n{}\n{source}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// What a program printed, without its time.
fn total(stdout: &str) -> String {
    stdout.split(", in ").next().unwrap_or_default().to_string()
}

#[test]
fn every_mode_computes_the_same_results_under_cpython() {
    for workload in [
        Workload::Primes,
        Workload::Mandelbrot,
        Workload::ImageFilter,
    ] {
        let settings = params(workload, 3, 1);
        let mut totals = Vec::new();
        for mode in Mode::ALL {
            let source = program_for(mode, &settings);
            let Some(stdout) = cpython(&source, &format!("{}_{}", workload.id(), mode.id())) else {
                return;
            };
            assert!(stdout.starts_with("3 tasks, total "), "{stdout}");
            totals.push(total(&stdout));
        }
        totals.dedup();
        assert_eq!(totals.len(), 1, "{workload}: {totals:?}");
    }
}

#[test]
fn network_programs_use_the_labs_resources_and_each_mode_its_own_library() {
    for workload in [Workload::Download, Workload::Pipeline] {
        let settings = params(workload, 5, 2);
        for mode in Mode::ALL {
            let source = program_for(mode, &settings);
            assert!(
                source.contains("f\"io/resource/{i}?latency=120\""),
                "{source}"
            );
            let library = if mode == Mode::Async {
                "import aiohttp"
            } else {
                "import requests"
            };
            assert!(source.contains(library), "{mode}: {source}");
            assert_eq!(
                source.contains("def compute"),
                workload == Workload::Pipeline
            );
        }
    }
}

#[test]
fn processes_keep_the_main_guard_and_workers_default_to_the_cores() {
    let settings = Params {
        workers: None,
        ..params(Workload::Primes, 8, 2)
    };
    let procs = program_for(Mode::Procs, &settings);
    assert!(procs.contains("if __name__ == \"__main__\":\n    main()"));
    assert!(procs.contains("ProcessPoolExecutor(max_workers=os.cpu_count())"));
    assert!(
        procs.contains("first = 20_000_000 + i * 700"),
        "2 units of 350"
    );
    assert!(program_for(Mode::Threads, &settings).contains("ThreadPoolExecutor"));
    assert_eq!(build_for(Mode::Threads), Build::FreeThreaded);
    assert_eq!(build_for(Mode::Procs), Build::Gil);
}
