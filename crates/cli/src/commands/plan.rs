//! `meetkit plan`: a listing's partitions, windows and fewest requests, fetching nothing but
//! the users of a Zoom account listed account-wide (a partition each).

use meetkit::{Client, Plan, Query, Window};

use super::now;
use crate::args::{GlobalArgs, PlanArgs, PlanFormat, ProviderArg};
use crate::config_file;
use crate::exit::{CliError, Exit};

/// Prints the plan of one listing; see `meetkit plan --help`.
pub async fn run(args: PlanArgs, global: &GlobalArgs) -> Result<Exit, CliError> {
    let now = now()?;
    let window = Window::new(args.from.resolve(now), args.to.resolve(now))?;
    let loaded = config_file::load(global, &args.runtime)?;
    let client = Client::new(loaded.config)?;
    let query = Query::new(window)
        .accounts(args.accounts.names.clone())
        .providers(ProviderArg::resolve(&args.providers))
        .filters(args.filters.to_filters())
        .include_raw(args.raw)
        .lenient(args.lenient);
    let plan = client.plan(&query).await?;
    match args.format {
        PlanFormat::Json => super::print(plan.to_json() + "\n")?,
        PlanFormat::Table => super::print(table(&plan))?,
    }
    Ok(if plan.errors.is_empty() {
        Exit::Ok
    } else {
        Exit::Partial
    })
}

/// The plan as text: a line per partition, then what cannot be listed.
fn table(plan: &Plan) -> String {
    let mut out = format!(
        "Plan for {}: {} partition{}, at least {} request{}.\n\n",
        plan.window,
        plan.partitions.len(),
        plural(plan.partitions.len() as u64),
        plan.min_requests(),
        plural(plan.min_requests()),
    );
    out.push_str(&format!(
        "{:<10} {:<10} {:>7} {:>9} {:>9}  {}\n",
        "PROVIDER", "ACCOUNT", "WINDOWS", "WINDOW", "REQUESTS", "SPAN"
    ));
    for p in &plan.partitions {
        let each = p
            .windows
            .first()
            .map(|w| format!("{}d", (w.to() - w.from()).num_days()))
            .unwrap_or_else(|| "-".to_owned());
        let span = p
            .span()
            .map_or_else(|| "nothing to list".to_owned(), |s| s.to_string());
        let user = p
            .user
            .as_ref()
            .map_or_else(String::new, |u| format!("  user {u}"));
        out.push_str(&format!(
            "{:<10} {:<10} {:>7} {:>9} {:>8}+  {}{}\n",
            p.provider.as_str(),
            p.account,
            p.windows.len(),
            each,
            p.min_requests(),
            span,
            user
        ));
    }
    for warning in &plan.warnings {
        out.push_str(&format!("\nwarning: {warning}"));
    }
    for error in &plan.errors {
        out.push_str(&format!("\nerror: {error}"));
    }
    if !plan.warnings.is_empty() || !plan.errors.is_empty() {
        out.push('\n');
    }
    out
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}
