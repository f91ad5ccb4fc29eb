//! Word lists for realistic names, emails, topics and rooms.

use super::hash::Draw;

/// Given names.
pub const FIRST_NAMES: &[&str] = &[
    "Ada",
    "Grace",
    "Alan",
    "Linus",
    "Margaret",
    "Ken",
    "Barbara",
    "Dennis",
    "Frances",
    "Edsger",
    "Radia",
    "Tim",
    "Sophie",
    "Niklaus",
    "Hedy",
    "John",
    "Katherine",
    "Donald",
    "Shafi",
    "Leslie",
    "Anita",
    "Guido",
    "Yukihiro",
    "Fernando",
    "Amara",
    "Chen",
    "Priya",
    "Mateo",
    "Olu",
    "Ingrid",
    "Jürgen",
    "Zoë",
    "Aoife",
    "Siddharth",
    "Léa",
    "Kwame",
    "Mei",
    "Rafael",
    "Nadia",
    "Tomás",
];

/// Family names.
pub const LAST_NAMES: &[&str] = &[
    "Lovelace",
    "Hopper",
    "Turing",
    "Torvalds",
    "Hamilton",
    "Thompson",
    "Liskov",
    "Ritchie",
    "Allen",
    "Dijkstra",
    "Perlman",
    "Berners-Lee",
    "Wilson",
    "Wirth",
    "Lamarr",
    "McCarthy",
    "Johnson",
    "Knuth",
    "Goldwasser",
    "Lamport",
    "Borg",
    "van Rossum",
    "Matsumoto",
    "Corbató",
    "Okafor",
    "Wei",
    "Raman",
    "García",
    "Adeyemi",
    "Lindqvist",
    "O'Brien",
    "Nakamura",
    "Müller",
    "Kowalski",
    "Mensah",
    "Dubois",
    "Haddad",
    "Silva",
    "Novak",
    "Fitzgerald",
];

/// Company-like organisation names.
pub const COMPANIES: &[&str] = &[
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Stark Industries",
    "Wayne Enterprises",
    "Tyrell",
    "Cyberdyne",
    "Soylent",
    "Wonka",
    "Vandelay Industries",
    "Pied Piper",
    "Massive Dynamic",
];

const TOPIC_KINDS: &[&str] = &[
    "Weekly sync",
    "Standup",
    "Sprint planning",
    "Retro",
    "Design review",
    "Quarterly planning",
    "Customer call",
    "Onboarding",
    "Interview",
    "All hands",
    "Budget review",
    "Incident postmortem",
    "Roadmap review",
    "1:1",
    "Demo",
    "Architecture deep dive",
    "Sales pipeline",
    "Office hours",
    "Board prep",
    "Hiring debrief",
];

const TOPIC_SUBJECTS: &[&str] = &[
    "Platform",
    "Mobile",
    "Payments",
    "Search",
    "Growth",
    "Infra",
    "Billing",
    "Data",
    "Security",
    "Marketing",
    "Support",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "API",
    "Onboarding flow",
    "EMEA",
    "APAC",
];

/// Room-name words.
pub const ROOM_WORDS: &[&str] = &[
    "standup", "planning", "design", "sales", "support", "hiring", "eng", "allhands", "demo",
    "research", "ops", "product", "team", "partners", "board", "lobby",
];

/// A full person name.
pub fn person(draw: &mut Draw) -> (String, String) {
    let first = *draw.pick(FIRST_NAMES);
    let last = *draw.pick(LAST_NAMES);
    (first.to_string(), last.to_string())
}

/// "First Last".
pub fn full_name(draw: &mut Draw) -> String {
    let (first, last) = person(draw);
    format!("{first} {last}")
}

/// An email for a person at a domain, ASCII only.
pub fn email(first: &str, last: &str, domain: &str) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .filter_map(|c| match c {
                'a'..='z' | 'A'..='Z' => Some(c.to_ascii_lowercase()),
                'ü' => Some('u'),
                'é' | 'ë' => Some('e'),
                'á' => Some('a'),
                'ó' => Some('o'),
                _ => None,
            })
            .collect()
    };
    format!("{}.{}@{domain}", clean(first), clean(last))
}

/// A meeting topic such as "Design review: Payments" or "Customer call — Acme".
pub fn topic(draw: &mut Draw) -> String {
    let kind = *draw.pick(TOPIC_KINDS);
    match draw.below(3) {
        0 => kind.to_string(),
        1 => format!("{kind}: {}", draw.pick(TOPIC_SUBJECTS)),
        _ => format!("{kind} — {}", draw.pick(COMPANIES)),
    }
}
