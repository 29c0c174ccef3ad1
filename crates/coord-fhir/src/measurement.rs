//! Observation (the score) and, when the item answers are recorded, QuestionnaireResponse (the
//! answers) per measurement. The citizen's own report is told apart from a professional's
//! assessment by the performer (the Patient) and a coord `source` coding.

use crate::ids::{full_url, reference, uuid};
use crate::parties::{actor_ref, patient_ref};
use crate::vocab::{self, wire};
use crate::FhirWarning;
use coord_core::case_file::CaseFile;
use coord_core::instruments::InstrumentDefinition;
use coord_core::plan::{Measurement, MeasurementSource};
use serde_json::{json, Value};

/// The resources of one measurement.
pub fn measurement(
    case: &CaseFile,
    m: &Measurement,
    index: usize,
    defs: &[InstrumentDefinition],
    warnings: &mut Vec<FhirWarning>,
) -> Vec<(String, Value)> {
    let id = m.id.as_str();
    let def = coord_core::instruments::find(defs, &m.indicator);
    let code = match vocab::instrument_code(m.indicator.as_str()) {
        Some((system, code, display)) => {
            json!({ "coding": [{ "system": system, "code": code, "display": display }], "text": m.indicator.as_str() })
        }
        None => {
            warnings.push(FhirWarning::new(
                "fhir.no_code",
                format!("/measurements/{index}/indicator"),
                "ingen verificeret LOINC- eller SNOMED CT-kode for dette redskab: kodet i coords egen kodeliste for redskaber",
                "no verified LOINC or SNOMED CT code for this instrument: coded in coord's own instrument code system",
            ));
            json!({ "coding": [{ "system": vocab::INSTRUMENT_SYSTEM, "code": m.indicator.as_str() }], "text": m.indicator.as_str() })
        }
    };
    let performer = match (m.source, &m.recorded_by) {
        (MeasurementSource::CitizenSelfReport | MeasurementSource::Instrument, _) => {
            patient_ref(case)
        }
        (MeasurementSource::ProfessionalAssessment, Some(by)) => actor_ref(case, by),
        (MeasurementSource::ProfessionalAssessment, None) => patient_ref(case),
    };
    let mut obs = json!({
        "resourceType": "Observation",
        "id": uuid("Observation", id),
        "identifier": [crate::parties::coord_identifier(vocab::ID_SYSTEM, id)],
        "status": "final",
        "category": [
            { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "survey" }] },
            { "coding": [{ "system": vocab::SOURCE_SYSTEM, "code": wire(&m.source) }] },
        ],
        "code": code,
        "subject": patient_ref(case),
        "effectiveDateTime": m.date.to_string(),
        "performer": [performer],
    });
    let score = def.and_then(|d| coord_core::plan::progression::measurement_score(d, m));
    match score {
        Some(s) => {
            obs["valueQuantity"] = json!({ "value": s, "system": "http://unitsofmeasure.org", "code": "{score}", "unit": "{score}" })
        }
        None => {
            obs["dataAbsentReason"] = json!({ "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/data-absent-reason", "code": "unknown" }] })
        }
    }
    let mut out = Vec::new();
    if let Some(answers) = &m.answers {
        let items: Vec<Value> = answers
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let mut item = json!({ "linkId": (i + 1).to_string() });
                if let Some(v) = a {
                    item["answer"] = json!([{ "valueInteger": v }]);
                }
                item
            })
            .collect();
        let mut qr = json!({
            "resourceType": "QuestionnaireResponse",
            "id": uuid("QuestionnaireResponse", id),
            "status": "completed",
            "subject": patient_ref(case),
            "authored": m.date.to_string(),
            "source": patient_ref(case),
        });
        if let Some(by) = &m.recorded_by {
            qr["author"] = actor_ref(case, by);
        }
        if !items.is_empty() {
            qr["item"] = Value::Array(items);
        }
        obs["derivedFrom"] = json!([reference("QuestionnaireResponse", id)]);
        out.push((full_url("QuestionnaireResponse", id), qr));
    }
    out.insert(0, (full_url("Observation", id), obs));
    out
}
