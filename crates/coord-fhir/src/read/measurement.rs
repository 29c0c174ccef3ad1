//! Measurements from Observations, with the item answers of the QuestionnaireResponse each is
//! derived from. The source is coord's source coding, else the performer (the Patient: the
//! citizen's own report; a practitioner: a professional assessment).

use super::care::instrument;
use super::{at, day, identifier_in, unreadable, Reader};
use crate::import::ImportError;
use crate::vocab::{ID_SYSTEM, SOURCE_SYSTEM};
use serde_json::{json, Value};

/// Every Observation, in bundle order.
pub fn measurements(reader: &mut Reader<'_>) -> Result<Vec<Value>, ImportError> {
    let mut out = Vec::new();
    reader.of_kind("QuestionnaireResponse");
    for (i, o) in reader.of_kind("Observation") {
        let here = at(i);
        let id = identifier_in(o, ID_SYSTEM)
            .or_else(|| o["id"].as_str())
            .ok_or_else(|| {
                unreadable(
                    format!("{here}/id"),
                    "the measurement's id: an identifier in urn:coord:id, or the resource id",
                )
            })?;
        let indicator = instrument(&o["code"], &format!("{here}/code"))?;
        let date = day(&o["effectiveDateTime"]).ok_or_else(|| {
            unreadable(
                format!("{here}/effectiveDateTime"),
                "the measurement's day (effectiveDateTime)",
            )
        })?;
        let coded = o["category"]
            .as_array()
            .and_then(|l| l.iter().find_map(|c| super::code_in(c, SOURCE_SYSTEM)));
        let performer = o["performer"].as_array().and_then(|p| p.first());
        let mut m = json!({ "id": id, "indicator": indicator, "date": date });
        let by_patient = match performer {
            Some(p) => {
                let k = reader.resolve(p, &format!("{here}/performer/0"))?;
                reader.entry(k).kind == "Patient"
            }
            None => true,
        };
        let source = match (coded, performer, by_patient) {
            (Some(s), _, _) => s,
            (None, Some(_), true) => "citizen_self_report",
            (None, Some(_), false) => "professional_assessment",
            (None, None, _) => {
                return Err(unreadable(
                    format!("{here}/performer"),
                    "who measured: a performer (the Patient or a practitioner) or a source in urn:coord:codesystem:measurement-source",
                ))
            }
        };
        m["source"] = json!(source);
        if let (Some(p), false) = (performer, by_patient) {
            m["recorded_by"] = json!(reader.actor(p, &format!("{here}/performer/0"))?);
        }
        let derived = o["derivedFrom"].as_array().and_then(|d| d.first());
        if let Some(d) = derived {
            let k = reader.resolve(d, &format!("{here}/derivedFrom/0"))?;
            let qr = reader.entry(k).resource;
            let answers: Vec<Value> = qr["item"]
                .as_array()
                .map(|items| {
                    items
                        .iter()
                        .map(|item| json!(item["answer"][0]["valueInteger"].as_i64()))
                        .collect()
                })
                .unwrap_or_default();
            m["answers"] = Value::Array(answers);
            if qr.get("author").is_some() && m.get("recorded_by").is_none() {
                m["recorded_by"] =
                    json!(reader.actor(&qr["author"], &format!("{}/author", at(k)))?);
            }
        } else if let Some(v) = o["valueQuantity"]["value"].as_f64() {
            m["value"] = json!(v);
        }
        reader.place(format!("/measurements/{}", out.len()), here);
        out.push(m);
    }
    Ok(out)
}
