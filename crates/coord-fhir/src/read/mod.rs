//! The import from standard resources: a bundle without coord's case file entry (one made by
//! another system, or a coord export whose `Binary` was left out) read into a case file by the
//! mapping table of `docs/fhir.md` read backwards. Data transformation only: every value comes
//! from a resource field; what the resources cannot give is a warning, and a value the case file
//! needs that no resource gives is an error naming the entry's field. The case file is built as
//! JSON for the caller's strict parser and case-file check; `places` maps each part of it back to
//! the entry it came from, so their problems name the bundle.
//!
//! References are read in the forms a bundle uses: a `fullUrl` (`urn:uuid:…`), a relative
//! `Type/id`, or an absolute URL ending in `Type/id`. A record's coord id is its identifier in
//! coord's own system (`urn:coord:id`, `urn:coord:actor`, `urn:coord:citizen`) when the bundle is
//! coord's, else the resource's `id`.

mod care;
mod consent;
mod measurement;
mod parties;
mod referral;

use crate::import::ImportError;
use crate::vocab::CASE_SYSTEM;
use crate::FhirWarning;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};

/// One entry of the bundle.
pub(crate) struct Entry<'a> {
    /// Its index in `Bundle.entry`.
    pub index: usize,
    /// `resourceType`.
    pub kind: &'a str,
    /// The resource.
    pub resource: &'a Value,
}

impl Entry<'_> {
    /// Its pointer (`/entry/N/resource`).
    pub fn at(&self) -> String {
        format!("/entry/{}/resource", self.index)
    }
}

/// The reader's state: the entries, the index of references, and what it has found so far.
pub(crate) struct Reader<'a> {
    entries: Vec<Entry<'a>>,
    by_reference: HashMap<String, usize>,
    read: Vec<bool>,
    /// (case-file pointer, bundle pointer): where each part of the case file came from.
    pub places: Vec<(String, String)>,
    /// What the resources could not give.
    pub warnings: Vec<FhirWarning>,
    /// The entry of the Patient.
    patient: usize,
    /// The citizen's actor id, when the Patient is one (coord's identifier, else the citizen id).
    citizen_actor: String,
    /// Whether the Patient stands as an actor somewhere (or coord named it one).
    citizen_actor_used: bool,
}

/// An error at a place, expecting `what`.
pub(crate) fn unreadable(at: impl Into<String>, expected: &'static str) -> ImportError {
    ImportError::Unreadable {
        at: at.into(),
        expected,
    }
}

/// The code of the first coding in `system` of a CodeableConcept.
pub(crate) fn code_in<'v>(concept: &'v Value, system: &str) -> Option<&'v str> {
    concept["coding"]
        .as_array()?
        .iter()
        .find(|c| c["system"] == system)
        .and_then(|c| c["code"].as_str())
}

/// The codes in `system` of a list of CodeableConcepts (each concept's first such coding).
pub(crate) fn codes_in(concepts: &Value, system: &str) -> Vec<Value> {
    concepts
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|c| code_in(c, system))
                .map(|c| json!(c))
                .collect()
        })
        .unwrap_or_default()
}

/// The value of a resource's identifier in `system` (`identifier` an array or one object).
pub(crate) fn identifier_in<'v>(resource: &'v Value, system: &str) -> Option<&'v str> {
    let ids = &resource["identifier"];
    let one = |i: &'v Value| {
        (i["system"] == system)
            .then(|| i["value"].as_str())
            .flatten()
    };
    match ids {
        Value::Array(list) => list.iter().find_map(one),
        Value::Object(_) => one(ids),
        _ => None,
    }
}

/// The day of a FHIR `date` or `dateTime` (the part before `T`), as given.
pub(crate) fn day(value: &Value) -> Option<&str> {
    value.as_str().map(|s| s.split('T').next().unwrap_or(s))
}

/// A required string field of a resource.
pub(crate) fn required<'v>(
    resource: &'v Value,
    at: &str,
    field: &str,
    expected: &'static str,
) -> Result<&'v str, ImportError> {
    resource[field]
        .as_str()
        .ok_or_else(|| unreadable(format!("{at}/{field}"), expected))
}

/// A person's or organisation's name: `text`, else the given names and the family name.
pub(crate) fn human_name(name: &Value) -> Option<String> {
    if let Some(t) = name["text"].as_str() {
        return Some(t.to_owned());
    }
    let mut parts: Vec<&str> = name["given"]
        .as_array()
        .map(|g| g.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    if let Some(f) = name["family"].as_str() {
        parts.push(f);
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

impl<'a> Reader<'a> {
    fn new(entries: Vec<Entry<'a>>, full_urls: Vec<Option<&'a str>>) -> Result<Self, ImportError> {
        let mut by_reference = HashMap::new();
        for (e, url) in entries.iter().zip(&full_urls) {
            if let Some(url) = url {
                by_reference.insert((*url).to_owned(), e.index);
            }
            if let Some(id) = e.resource["id"].as_str() {
                by_reference.insert(format!("{}/{id}", e.kind), e.index);
            }
        }
        let patients: Vec<usize> = entries
            .iter()
            .filter(|e| e.kind == "Patient")
            .map(|e| e.index)
            .collect();
        let patient = match patients.as_slice() {
            [one] => *one,
            [] => return Err(unreadable("/entry", "one Patient entry (the citizen)")),
            [_, second, ..] => {
                return Err(unreadable(
                    format!("/entry/{second}/resource"),
                    "one Patient entry only (the citizen)",
                ))
            }
        };
        let read = vec![false; entries.len()];
        Ok(Self {
            entries,
            by_reference,
            read,
            places: Vec::new(),
            warnings: Vec::new(),
            patient,
            citizen_actor: String::new(),
            citizen_actor_used: false,
        })
    }

    /// The entries of one resource type, in bundle order, as (index, resource); they count as
    /// read.
    pub fn of_kind(&mut self, kind: &str) -> Vec<(usize, &'a Value)> {
        let found: Vec<(usize, &'a Value)> = self
            .entries
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| (e.index, e.resource))
            .collect();
        for (i, _) in &found {
            self.read[*i] = true;
        }
        found
    }

    /// The entry at an index.
    pub fn entry(&self, index: usize) -> &Entry<'a> {
        &self.entries[index]
    }

    /// Record that the case file's `case` part came from the bundle's `bundle` place.
    pub fn place(&mut self, case: impl Into<String>, bundle: impl Into<String>) {
        self.places.push((case.into(), bundle.into()));
    }

    /// The entry a `Reference` at `at` points to.
    pub fn resolve(&self, reference: &Value, at: &str) -> Result<usize, ImportError> {
        const EXPECTED: &str = "a reference to an entry of this bundle (its fullUrl or Type/id)";
        let text = reference["reference"]
            .as_str()
            .ok_or_else(|| unreadable(format!("{at}/reference"), EXPECTED))?;
        let found = self.by_reference.get(text).copied().or_else(|| {
            // An absolute URL ending in Type/id.
            let mut tail = text.rsplit('/');
            let (id, kind) = (tail.next()?, tail.next()?);
            self.by_reference.get(&format!("{kind}/{id}")).copied()
        });
        found.ok_or_else(|| unreadable(format!("{at}/reference"), EXPECTED))
    }

    /// The coord actor id a `Reference` at `at` stands for: the Patient is the citizen's actor,
    /// an Organization or a Practitioner (or a PractitionerRole's practitioner) an actor.
    pub fn actor(&mut self, reference: &Value, at: &str) -> Result<String, ImportError> {
        let i = self.resolve(reference, at)?;
        let e = &self.entries[i];
        match e.kind {
            "Patient" => {
                self.citizen_actor_used = true;
                Ok(self.citizen_actor.clone())
            }
            "Organization" | "Practitioner" => parties::actor_id(e.resource, &e.at()),
            "PractitionerRole" => {
                let (r, at) = (e.resource, e.at());
                self.actor(&r["practitioner"], &format!("{at}/practitioner"))
            }
            _ => Err(unreadable(
                format!("{at}/reference"),
                "a reference to a Patient, Organization, Practitioner or PractitionerRole",
            )),
        }
    }

    /// One warning for each resource type no part of the mapping read, at its first entry.
    fn unread_types(&mut self) {
        let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for (e, read) in self.entries.iter().zip(&self.read) {
            if !read {
                let slot = by_kind.entry(e.kind).or_insert((e.index, 0));
                slot.1 += 1;
            }
        }
        let mut firsts: Vec<(usize, usize)> = by_kind.into_values().collect();
        firsts.sort_unstable();
        for (first, n) in firsts {
            self.warnings.push(FhirWarning::new(
                "fhir.not_read",
                format!("/entry/{first}/resource/resourceType"),
                format!("{} af denne type læser coord ikke: udeladt", count_da(n)),
                format!("{} of this type coord does not read: left out", count_en(n)),
            ));
        }
    }
}

fn count_en(n: usize) -> String {
    if n == 1 {
        "1 resource".to_owned()
    } else {
        format!("{n} resources")
    }
}

/// "1 ressource", "2 ressourcer".
pub(crate) fn count_da(n: usize) -> String {
    if n == 1 {
        "1 ressource".to_owned()
    } else {
        format!("{n} ressourcer")
    }
}

/// What the import from standard resources gives: the case file's JSON, where each part came
/// from, and the warnings.
pub(crate) struct ReadCase {
    pub case: Value,
    pub places: Vec<(String, String)>,
    pub warnings: Vec<FhirWarning>,
}

/// The case id: `Bundle.identifier` in coord's case system, else `Bundle.id`.
fn case_id(bundle: &Value) -> Result<&str, ImportError> {
    let own = match &bundle["identifier"] {
        Value::Object(_) => (bundle["identifier"]["system"] == CASE_SYSTEM)
            .then(|| bundle["identifier"]["value"].as_str())
            .flatten(),
        _ => None,
    };
    own.or_else(|| bundle["id"].as_str()).ok_or_else(|| {
        unreadable(
            "/id",
            "the case id: Bundle.identifier in urn:coord:case, or Bundle.id",
        )
    })
}

/// Read the case file from the standard resources of `bundle` (whose entries are `entries`).
pub(crate) fn read_case(bundle: &Value, entries: &[Value]) -> Result<ReadCase, ImportError> {
    let list: Vec<Entry<'_>> = entries
        .iter()
        .enumerate()
        .map(|(index, e)| Entry {
            index,
            kind: e["resource"]["resourceType"].as_str().unwrap_or_default(),
            resource: &e["resource"],
        })
        .collect();
    let urls = entries.iter().map(|e| e["fullUrl"].as_str()).collect();
    let mut reader = Reader::new(list, urls)?;
    let mut case = Map::new();
    case.insert("id".to_owned(), json!(case_id(bundle)?));
    reader.place("", "");
    let citizen = parties::citizen(&mut reader)?;
    let mut actors = parties::actors(&mut reader)?;
    let team = care::team(&mut reader)?;
    let (title, plan) = care::plan(&mut reader)?;
    let consents = consent::consents(&mut reader, citizen["id"].as_str().unwrap_or_default())?;
    let referrals = referral::referrals(&mut reader)?;
    let measurements = measurement::measurements(&mut reader)?;
    let mut citizen = citizen;
    if reader.citizen_actor_used {
        // The citizen's actor goes last: the other actors keep the places recorded for them.
        citizen["actor"] = json!(reader.citizen_actor);
        reader.place(
            format!("/actors/{}", actors.len()),
            format!("/entry/{}/resource", reader.patient),
        );
        actors.push(parties::citizen_actor(&citizen));
    }
    case.insert("title".to_owned(), json!(title));
    case.insert("citizen".to_owned(), citizen);
    case.insert("actors".to_owned(), Value::Array(actors));
    case.insert("consents".to_owned(), Value::Array(consents));
    if let Some(team) = team {
        case.insert("team".to_owned(), team);
    }
    case.insert("referrals".to_owned(), Value::Array(referrals));
    if let Some(plan) = plan {
        case.insert("plan".to_owned(), plan);
    }
    case.insert("measurements".to_owned(), Value::Array(measurements));
    reader.unread_types();
    reader.warnings.push(FhirWarning::new(
        "fhir.not_in_resources",
        "/entry",
        "standardressourcerne bærer ingen forløbsfakta, hændelser, ønsker eller demografi: sagsfilen har ingen",
        "the standard resources carry no course facts, events, wishes or demographics: the case file has none",
    ));
    Ok(ReadCase {
        case: Value::Object(case),
        places: reader.places,
        warnings: reader.warnings,
    })
}

/// The pointer of entry `index`'s resource (`/entry/N/resource`).
pub(crate) fn at(index: usize) -> String {
    format!("/entry/{index}/resource")
}
