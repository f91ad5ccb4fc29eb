//! The command line: every subcommand, flag and help text, and nothing else.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};

use crate::exit::EXIT_CODES_HELP;
use crate::when::{Span, When};

/// The one-line about: "Meetings and recordings from Zoom, …, as one stream.", the providers'
/// display names from the registry.
fn about() -> String {
    let names: Vec<&str> = meetkit::registry::ALL
        .iter()
        .map(|i| i.display_name)
        .collect();
    format!(
        "Meetings and recordings from {}, as one stream.",
        meetkit::registry::join_list(&names, " and ")
    )
}

fn long_about() -> String {
    format!(
        "{}\n\nStart with `meetkit demo`: it needs no account and no network.",
        about()
    )
}

/// The widest line of help text written here (clap leaves `after_help` as it is).
const HELP_WIDTH: usize = 100;

/// `items` joined by `, `, as lines no wider than [`HELP_WIDTH`]: the first starts with
/// `first`, the others with `indent`.
fn wrap_list(first: &str, indent: &str, items: &[String]) -> String {
    let mut out = first.to_owned();
    let mut line_len = first.len();
    for (n, item) in items.iter().enumerate() {
        let piece = if n + 1 < items.len() {
            format!("{item},")
        } else {
            item.clone()
        };
        if n > 0 && line_len + 1 + piece.len() > HELP_WIDTH {
            out.push('\n');
            out.push_str(indent);
            line_len = indent.len();
        } else if n > 0 {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(&piece);
        line_len += piece.len();
    }
    out
}

/// Each provider's credential variables as the help lists them: a set's variables joined by
/// ` + `, later sets in parentheses after `or`.
fn credential_vars() -> Vec<String> {
    let mut vars: Vec<String> = meetkit::registry::ALL
        .iter()
        .map(|info| {
            let sets: Vec<String> = info
                .credentials
                .iter()
                .map(|set| set.iter().map(|c| c.env).collect::<Vec<_>>().join(" + "))
                .collect();
            match sets.split_first() {
                Some((first, [])) => first.clone(),
                Some((first, rest)) => format!("{first} (or {})", rest.join(" or ")),
                None => String::new(),
            }
        })
        .collect();
    vars.push("<PROVIDER>_BASE_URL".to_owned());
    vars
}

fn after_help() -> String {
    format!(
        "\
Configuration, highest precedence first:
  1. flags (--allow-insecure, --concurrency, --max-attempts)
{}
  3. the TOML file (--config; default <config dir>/meetkit/config.toml), its [profiles.NAME]
     table chosen with --profile, over its top-level keys

Times (<WHEN>): 2026-09-01 (midnight UTC), 2026-09-01T09:30:00Z, 7d / 24h / 2w (ago),
+2d (ahead), today, yesterday, tomorrow, now. Windows are half-open: [--from, --to).

{EXIT_CODES_HELP}",
        wrap_list("  2. environment: ", "     ", &credential_vars())
    )
}

/// `meetkit`: the whole command line.
#[derive(Debug, Parser)]
#[command(
    name = "meetkit",
    version,
    about = about(),
    long_about = long_about(),
    after_help = after_help(),
    max_term_width = 100,
    propagate_version = true
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Options every command takes.
    #[command(flatten)]
    pub global: GlobalArgs,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// More logs on stderr: -v a summary per provider, -vv a line per request, -vvv retry
    /// decisions, rate-limit waits and splits (secrets are never logged).
    #[arg(short, long, action = ArgAction::Count, global = true)]
    pub verbose: u8,
    /// How log lines look: text for people, json (one object per line) for log shippers.
    #[arg(long, value_enum, global = true, default_value = "text")]
    pub log_format: LogFormat,
    /// Nothing on stderr but errors: no progress, no summary, no warnings.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// The TOML configuration file [default: <config dir>/meetkit/config.toml].
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        env = "MEETKIT_CONFIG",
        hide_env_values = true
    )]
    pub config: Option<PathBuf>,
    /// The profile of the configuration file to use ([profiles.NAME]).
    #[arg(
        long,
        global = true,
        value_name = "NAME",
        env = "MEETKIT_PROFILE",
        hide_env_values = true
    )]
    pub profile: Option<String>,
    /// An accounts file (JSON Lines, one provider account per line; see the README): named
    /// accounts besides the environment's `default` one.
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        env = "MEETKIT_ACCOUNTS_FILE",
        hide_env_values = true
    )]
    pub accounts_file: Option<PathBuf>,
}

/// Which provider accounts to use.
#[derive(Debug, Args, Default, Clone)]
pub struct AccountArgs {
    /// Only the account named NAME (repeatable; `default` is the environment's) [default: every configured account].
    #[arg(
        long = "account",
        value_name = "NAME",
        value_delimiter = ',',
        help_heading = "Accounts"
    )]
    pub names: Vec<String>,
}

/// How log lines are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// The subcommands.
// Parsed once per process; boxing the large variants would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List meetings in a time window, from one or more providers.
    #[command(after_help = list_after_help())]
    List(ListArgs),
    /// Show how a listing would run: its partitions, windows and fewest requests. Fetches nothing.
    #[command(after_help = plan_after_help())]
    Plan(PlanArgs),
    /// Keep meetings in SQLite, PostgreSQL or an NDJSON file: new and changed ones, resuming
    /// from checkpoints.
    #[command(after_help = SYNC_AFTER_HELP)]
    Sync(SyncArgs),
    /// Serve the local sandbox (all five providers' APIs) and print the environment for it.
    Sandbox(SandboxArgs),
    /// Try meetkit: lists the last 30 days from an in-process sandbox. No account, no network.
    Demo(DemoArgs),
    /// Show each provider: configured or not, where its credentials come from, its limits.
    Providers(ProvidersArgs),
    /// Check each configured provider: reachable, credentials, clock, and responses against our spec.
    #[command(after_help = DOCTOR_AFTER_HELP)]
    Doctor(DoctorArgs),
    /// Print the JSON Schema of one meeting (the shape of json/ndjson output).
    Schema,
    /// Print a shell completion script.
    Completions(CompletionsArgs),
}

/// Two providers for examples: the registry's first two.
fn example_pair() -> String {
    let names: Vec<&str> = meetkit::Provider::ALL
        .iter()
        .take(2)
        .map(|p| p.as_str())
        .collect();
    names.join(",")
}

fn list_after_help() -> String {
    let room = meetkit::registry::supporting(meetkit::FilterName::Room)
        .last()
        .map_or("all", |p| p.as_str());
    format!(
        "\
Output: every meeting fetched is printed; then failures are reported on stderr and the exit code
says whether the listing is complete (0), partial (5) or failed (3, 4). Meetings are streamed as
they arrive (not sorted); memory stays flat however many there are.

Exit codes: 0 ok, 1 other, 2 usage, 3 configuration/credentials, 4 every provider failed,
5 partial (some provider or window failed, others succeeded). See `meetkit --help`.

Examples:
  meetkit list --from 7d
  meetkit list --provider {} --from 2026-09-01 --to 2026-10-01 --format csv -o sept.csv
  meetkit list --provider {room} --room 0ccc7b54 --min-duration 5m --format json",
        example_pair()
    )
}

fn plan_after_help() -> String {
    format!(
        "\
A plan is made of partitions, one per provider account (per user of a Zoom account listed
account-wide, with Server-to-Server OAuth and no --host: planning lists its users): its windows,
filters and request parameters, never a secret. `--format json` writes the plan that
`Client::run` (Rust) or `Client.run_partition` (Python) runs anywhere; run a Zoom account's
partitions together (`Client::run_partitions`, a JSON array in Python), since two users' reports
can hold the same meeting. A warning says when Zoom's report requests exceed the daily budget.

Examples:
  meetkit plan --from 2025-01-01
  meetkit plan --provider {} --from 90d --format json > plan.json",
        example_pair()
    )
}

const SYNC_AFTER_HELP: &str = "\
Destinations (--to):
  meetings.db, sqlite:PATH   a SQLite file (created; the default kind)
  postgres://USER@HOST/DB    PostgreSQL (libpq-style URL; PGHOST, PGPORT, PGUSER, PGPASSWORD,
                             PGDATABASE fill what it leaves out)
  ndjson:PATH --state FILE   appended JSON lines (as --out PATH --state FILE)

Guarantee: meetings are stored in batches, each in one transaction; the checkpoints are stored
in the same transaction as the last batch. A run killed at any moment and run again leaves every
meeting stored exactly once and current: a database replaces a changed meeting in place and
writes nothing for an unchanged one; the NDJSON file appends a changed meeting again (its last
line is current). One sync at a time per destination: a second exits with an error.

Windows: the first run backfills from --since; later runs fetch from each provider's checkpoint
minus --lookback, so late-arriving meetings are picked up. A provider that fails keeps its
checkpoint and is fetched again next time.

Exit codes: as `meetkit list` (0 ok, 2 usage, 3 configuration/credentials or a database that
refused them, 4 every provider failed, 5 partial: what was fetched is stored, failed providers
keep their checkpoint); 1 when the destination cannot be opened or written (unreachable, read-only,
written by a newer meetkit, another sync running).

Examples:
  meetkit sync --since 2026-01-01 --to meetings.db
  meetkit sync --since 90d --to postgres://meetkit@db.internal/meetings
  meetkit sync --since 2026-01-01 --out meetings.ndjson --state sync.json";

const DOCTOR_AFTER_HELP: &str = "\
One small request per provider (the smallest page of the last week). Every difference between the
response and our spec is printed with the spec file and the JSON pointer to edit.

Exit codes: 0 everything matches (clock skew is only a warning), 3 configuration or credentials,
4 a provider is unreachable or answers an unexpected status, 6 a response differs from its spec.";

/// `meetkit doctor`.
#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Providers to check, repeated or comma-separated [default: every configured one].
    #[arg(
        short,
        long = "provider",
        value_name = "PROVIDER",
        value_parser = ProviderArg::parser(),
        value_delimiter = ','
    )]
    pub providers: Vec<ProviderArg>,
    /// Connection settings.
    #[command(flatten)]
    pub runtime: RuntimeArgs,
}

/// Which providers to ask: `all` (every configured one) or one provider of the registry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProviderArg {
    /// Every configured provider.
    All,
    /// One provider.
    One(meetkit::Provider),
}

impl ProviderArg {
    /// The parser of `--provider`: `all` or a provider's name, each listed in the help with
    /// what meetkit lists of it.
    pub fn parser() -> impl clap::builder::TypedValueParser<Value = ProviderArg> {
        let values = std::iter::once(PossibleValue::new("all").help("Every configured provider"))
            .chain(meetkit::registry::ALL.iter().map(|info| {
                PossibleValue::new(info.provider.as_str())
                    .help(format!("{} ({})", info.display_name, info.listing))
            }));
        PossibleValuesParser::new(values).map(|name: String| {
            name.parse::<meetkit::Provider>()
                .map_or(ProviderArg::All, ProviderArg::One)
        })
    }

    /// The named providers; empty when `all` is among them (every configured one).
    pub fn resolve(args: &[ProviderArg]) -> Vec<meetkit::Provider> {
        if args.is_empty() || args.contains(&ProviderArg::All) {
            return Vec::new();
        }
        let mut out = Vec::new();
        for arg in args {
            if let ProviderArg::One(provider) = *arg
                && !out.contains(&provider)
            {
                out.push(provider);
            }
        }
        out
    }
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for people (the default on a terminal).
    Table,
    /// One JSON array, written element by element.
    Json,
    /// One JSON object per line (the default when piped).
    Ndjson,
    /// Comma-separated, one row per meeting; nested fields flattened, `extension` as JSON.
    Csv,
    /// Apache Parquet (needs --output): the Python package's Arrow table, in row groups.
    Parquet,
}

/// Normalized statuses, as `--status` takes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum StatusArg {
    /// Not started yet.
    Scheduled,
    /// Going on now.
    InProgress,
    /// Over, recording still processing.
    Processing,
    /// Over.
    Ended,
    /// Cancelled before it happened.
    Cancelled,
    /// Something went wrong.
    Failed,
    /// No normalized meaning; see status_raw.
    Unknown,
}

impl From<StatusArg> for meetkit::MeetingStatus {
    fn from(status: StatusArg) -> Self {
        use meetkit::MeetingStatus as S;
        match status {
            StatusArg::Scheduled => S::Scheduled,
            StatusArg::InProgress => S::InProgress,
            StatusArg::Processing => S::Processing,
            StatusArg::Ended => S::Ended,
            StatusArg::Cancelled => S::Cancelled,
            StatusArg::Failed => S::Failed,
            StatusArg::Unknown => S::Unknown,
        }
    }
}

/// Settings that override the environment and the config file.
#[derive(Debug, Args, Default, Clone)]
pub struct RuntimeArgs {
    /// Accept plain-http base URLs on hosts other than loopback.
    #[arg(long, help_heading = "Connection")]
    pub allow_insecure: bool,
    /// Requests in flight across all providers [default: 32].
    #[arg(long, value_name = "N", help_heading = "Connection")]
    pub concurrency: Option<usize>,
    /// Attempts per request, the first included, before a window fails [default: 6].
    #[arg(long, value_name = "N", help_heading = "Connection")]
    pub max_attempts: Option<u32>,
}

/// `meetkit list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Providers to ask, repeated or comma-separated.
    #[arg(
        short,
        long = "provider",
        value_name = "PROVIDER",
        value_parser = ProviderArg::parser(),
        value_delimiter = ',',
        default_value = "all"
    )]
    pub providers: Vec<ProviderArg>,
    /// Start of the window (inclusive).
    #[arg(
        long,
        value_name = "WHEN",
        default_value = "30d",
        allow_hyphen_values = true
    )]
    pub from: When,
    /// End of the window (exclusive).
    #[arg(
        long,
        value_name = "WHEN",
        default_value = "now",
        allow_hyphen_values = true
    )]
    pub to: When,
    /// Output format [default: table on a terminal, ndjson otherwise].
    #[arg(short, long, value_enum, help_heading = "Output")]
    pub format: Option<Format>,
    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,
    /// Stop after N meetings in all.
    #[arg(long, value_name = "N", help_heading = "Output")]
    pub limit: Option<usize>,
    /// Include each provider's record, verbatim, as `raw`.
    #[arg(long, help_heading = "Output")]
    pub raw: bool,
    /// Skip, with a warning, the parts of the window a provider cannot serve (Zoom: older
    /// than six months) instead of failing.
    #[arg(long)]
    pub lenient: bool,
    /// Filters.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Accounts.
    #[command(flatten)]
    pub accounts: AccountArgs,
    /// Connection settings.
    #[command(flatten)]
    pub runtime: RuntimeArgs,
}

/// Filters, named after `meetkit::Filters`. Provider-specific ones leave out providers that
/// cannot apply them when `--provider all`, and are an error for a provider named explicitly.
#[derive(Debug, Args, Default)]
#[command(next_help_heading = "Filters")]
pub struct FilterArgs {
    /// Host or user: Zoom user id/email (`me`), Attention user uuid. Repeatable.
    #[arg(long, value_name = "USER", value_delimiter = ',')]
    pub host: Vec<String>,
    /// Room: Daily room name, Telnyx room id.
    #[arg(long, value_name = "ROOM")]
    pub room: Option<String>,
    /// Normalized status, any provider. Repeatable.
    #[arg(long, value_name = "STATUS", value_enum, value_delimiter = ',')]
    pub status: Vec<StatusArg>,
    /// Provider-native state: Telnyx status, Attendee state, Attention status. Repeatable.
    #[arg(long, value_name = "STATE", value_delimiter = ',')]
    pub state: Vec<String>,
    /// Meeting URL (Attendee).
    #[arg(long, value_name = "URL")]
    pub meeting_url: Option<String>,
    /// Meeting type: Zoom past/pastOne/pastJoined, Attention internal/external.
    #[arg(long, value_name = "TYPE")]
    pub meeting_type: Option<String>,
    /// At least this long (90, 5m, 1h30m).
    #[arg(long, value_name = "DURATION")]
    pub min_duration: Option<Span>,
    /// At most this long (90, 5m, 1h30m).
    #[arg(long, value_name = "DURATION")]
    pub max_duration: Option<Span>,
    /// Only Daily sessions with people still in the room.
    #[arg(long, overrides_with = "no_ongoing")]
    pub ongoing: bool,
    /// Only Daily sessions with nobody left in the room.
    #[arg(long)]
    pub no_ongoing: bool,
    /// Only meetings that start after now.
    #[arg(long, conflicts_with = "past")]
    pub upcoming: bool,
    /// Only meetings that started at or before now.
    #[arg(long)]
    pub past: bool,
    /// Attendee deduplication key.
    #[arg(long, value_name = "KEY")]
    pub deduplication_key: Option<String>,
    /// Telnyx recording type (audio, video).
    #[arg(long, value_name = "TYPE")]
    pub recording_type: Option<String>,
    /// Telnyx room session id.
    #[arg(long, value_name = "ID")]
    pub session_id: Option<String>,
    /// Telnyx participant id.
    #[arg(long, value_name = "ID")]
    pub participant_id: Option<String>,
}

impl FilterArgs {
    /// The core's filters.
    pub fn to_filters(&self) -> meetkit::Filters {
        meetkit::Filters {
            host: self.host.clone(),
            room: self.room.clone(),
            status: self.status.iter().map(|s| (*s).into()).collect(),
            provider_status: self.state.clone(),
            meeting_url: self.meeting_url.clone(),
            meeting_type: self.meeting_type.clone(),
            min_duration_seconds: self.min_duration.map(Span::seconds),
            max_duration_seconds: self.max_duration.map(Span::seconds),
            ongoing: match (self.ongoing, self.no_ongoing) {
                (true, _) => Some(true),
                (false, true) => Some(false),
                (false, false) => None,
            },
            upcoming: match (self.upcoming, self.past) {
                (true, _) => Some(true),
                (false, true) => Some(false),
                (false, false) => None,
            },
            deduplication_key: self.deduplication_key.clone(),
            recording_type: self.recording_type.clone(),
            session_id: self.session_id.clone(),
            participant_id: self.participant_id.clone(),
        }
    }
}

/// `meetkit sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// Where the first run starts (later runs resume from the state).
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub since: When,
    /// Where meetings go: a SQLite file (PATH or sqlite:PATH), postgres://USER@HOST/DB, or
    /// ndjson:PATH (with --state).
    #[arg(long, value_name = "DEST", conflicts_with = "out")]
    pub to: Option<String>,
    /// The NDJSON file meetings are appended to (as --to ndjson:FILE).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The state file of an NDJSON destination (JSON; created on the first run).
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Providers to sync, repeated or comma-separated.
    #[arg(
        short,
        long = "provider",
        value_name = "PROVIDER",
        value_parser = ProviderArg::parser(),
        value_delimiter = ',',
        default_value = "all"
    )]
    pub providers: Vec<ProviderArg>,
    /// How far before the last checkpoint each run starts again, for late-arriving meetings.
    #[arg(long, value_name = "DURATION", default_value = "2d")]
    pub lookback: Span,
    /// Skip, with a warning, the parts of the window a provider cannot serve.
    #[arg(long)]
    pub lenient: bool,
    /// Store each provider's record, verbatim, as `raw`.
    #[arg(long)]
    pub raw: bool,
    /// Accounts.
    #[command(flatten)]
    pub accounts: AccountArgs,
    /// Connection settings.
    #[command(flatten)]
    pub runtime: RuntimeArgs,
}

/// `meetkit sandbox`.
#[derive(Debug, Args)]
pub struct SandboxArgs {
    /// Port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 4780)]
    pub port: u16,
    /// Seed of the generated dataset and of the faults.
    #[arg(long, default_value_t = 7)]
    pub seed: u64,
    /// Meetings per provider (spread over the 395 days before --now; Attendee and Attention
    /// also 30 days after).
    #[arg(long, default_value_t = 2000)]
    pub meetings: usize,
    /// The sandbox's fixed "now" [default: the time it starts].
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub now: Option<When>,
    /// Delay added to every response, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 0, help_heading = "Faults")]
    pub latency_ms: u64,
    /// Share of requests answered 429 with Retry-After (0.0 to 1.0).
    #[arg(
        long,
        value_name = "RATE",
        default_value_t = 0.0,
        help_heading = "Faults"
    )]
    pub rate_limit_rate: f64,
    /// Share of requests answered 500/502/503.
    #[arg(
        long,
        value_name = "RATE",
        default_value_t = 0.0,
        help_heading = "Faults"
    )]
    pub error_rate: f64,
    /// Share of requests whose connection is dropped.
    #[arg(
        long,
        value_name = "RATE",
        default_value_t = 0.0,
        help_heading = "Faults"
    )]
    pub reset_rate: f64,
    /// Share of responses cut short.
    #[arg(
        long,
        value_name = "RATE",
        default_value_t = 0.0,
        help_heading = "Faults"
    )]
    pub truncate_rate: f64,
    /// Records inserted into the window being paged after each page.
    #[arg(long, value_name = "N", default_value_t = 0, help_heading = "Faults")]
    pub inserts_per_page: u32,
    /// Every record carries a field and an enum value its spec does not list (API drift).
    #[arg(long, help_heading = "Faults")]
    pub drift: bool,
    /// Enforce each provider's documented rate limit with 429s.
    #[arg(long, help_heading = "Faults")]
    pub rate_limits: bool,
    /// Zoom's daily cap on report (Heavy) requests: after N, each answers 429 with
    /// `X-RateLimit-Type: Daily-limit` until the sandbox restarts.
    #[arg(long, value_name = "N", help_heading = "Faults")]
    pub zoom_daily_cap: Option<u64>,
}

/// `meetkit demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Rows of the table to show.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub rows: usize,
}

/// `meetkit plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// Providers to plan for, repeated or comma-separated.
    #[arg(
        short,
        long = "provider",
        value_name = "PROVIDER",
        value_parser = ProviderArg::parser(),
        value_delimiter = ',',
        default_value = "all"
    )]
    pub providers: Vec<ProviderArg>,
    /// Start of the window (inclusive).
    #[arg(
        long,
        value_name = "WHEN",
        default_value = "30d",
        allow_hyphen_values = true
    )]
    pub from: When,
    /// End of the window (exclusive).
    #[arg(
        long,
        value_name = "WHEN",
        default_value = "now",
        allow_hyphen_values = true
    )]
    pub to: When,
    /// Output format.
    #[arg(short, long, value_enum, default_value = "table")]
    pub format: PlanFormat,
    /// Skip, with a warning, the parts of the window a provider cannot serve instead of
    /// planning them as errors.
    #[arg(long)]
    pub lenient: bool,
    /// Plan partitions that attach each provider record as `raw`.
    #[arg(long)]
    pub raw: bool,
    /// Filters.
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Accounts.
    #[command(flatten)]
    pub accounts: AccountArgs,
    /// Connection settings.
    #[command(flatten)]
    pub runtime: RuntimeArgs,
}

/// How `meetkit plan` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    /// One line per partition.
    Table,
    /// The plan as JSON, readable by `meetkit::Plan::from_json`.
    Json,
}

/// `meetkit providers`.
#[derive(Debug, Args)]
pub struct ProvidersArgs {
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// `meetkit completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doctor_providers(flag: &str) -> Result<Vec<ProviderArg>, clap::Error> {
        let cli = Cli::try_parse_from(["meetkit", "doctor", "--provider", flag])?;
        match cli.command {
            Command::Doctor(args) => Ok(args.providers),
            _ => Ok(Vec::new()),
        }
    }

    #[test]
    fn provider_flags_accept_every_registry_name_and_all() -> Result<(), clap::Error> {
        let names: Vec<&str> = meetkit::Provider::ALL.iter().map(|p| p.as_str()).collect();
        let parsed = doctor_providers(&names.join(","))?;
        assert_eq!(
            ProviderArg::resolve(&parsed),
            meetkit::Provider::ALL.to_vec()
        );
        assert_eq!(doctor_providers("all")?, vec![ProviderArg::All]);
        assert!(ProviderArg::resolve(&doctor_providers("all")?).is_empty());
        assert!(doctor_providers("nope").is_err());
        Ok(())
    }

    #[test]
    fn help_names_every_provider_and_its_credentials() {
        let about = about();
        let help = after_help();
        for info in meetkit::registry::ALL {
            assert!(about.contains(info.display_name), "{about}");
            for var in info.credential_vars() {
                assert!(help.contains(var.env), "{help}");
            }
        }
        assert!(help.lines().all(|l| l.len() <= HELP_WIDTH), "{help}");
    }
}
