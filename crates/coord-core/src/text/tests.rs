use super::*;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap_or_default()
}

#[test]
fn plurals_follow_the_number() {
    assert_eq!(count(Language::Da, 1, Unit::WorkingDay), "1 hverdag");
    assert_eq!(count(Language::Da, 2, Unit::WorkingDay), "2 hverdage");
    assert_eq!(count(Language::Da, 1, Unit::Week), "1 uge");
    assert_eq!(count(Language::Da, 2, Unit::Week), "2 uger");
    assert_eq!(count(Language::En, 1, Unit::Week), "1 week");
    assert_eq!(count(Language::En, 0, Unit::Week), "0 weeks");
}

#[test]
fn every_unit_has_both_languages_and_they_differ_where_danish_differs() {
    for u in Unit::ALL {
        for lang in [Language::Da, Language::En] {
            let (one, many) = u.forms(lang);
            assert!(!one.is_empty() && !many.is_empty(), "{u:?} {lang:?}");
        }
        assert_ne!(u.forms(Language::Da), u.forms(Language::En), "{u:?}");
    }
}

#[test]
fn dates_read_as_people_write_them() {
    assert_eq!(date_long(Language::Da, day("2025-03-14")), "14. marts 2025");
    assert_eq!(date_long(Language::En, day("2025-03-14")), "14 March 2025");
    assert_eq!(date_short(Language::Da, day("2025-03-04")), "04.03.2025");
}

#[test]
fn danish_numbers_have_a_decimal_comma() {
    assert_eq!(decimal(Language::Da, 2.46), "2,5");
    assert_eq!(decimal(Language::En, 2.46), "2.5");
    assert_eq!(decimal(Language::Da, 3.0), "3");
    assert_eq!(signed(Language::Da, -1.25), "−1,3");
    assert_eq!(signed(Language::En, 4.0), "+4");
    assert_eq!(signed(Language::En, -0.01), "0");
}

#[test]
fn weekdays_are_in_the_language() {
    assert_eq!(weekday(Language::Da, day("2025-03-14")), "fredag");
    assert_eq!(weekday(Language::En, day("2025-03-14")), "Friday");
}
