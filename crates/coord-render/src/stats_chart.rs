//! Charts of statistics as SVG, drawn with plotters' SVG backend (text as SVG `<text>`, laid out
//! by the viewer): the benchmark's ratios with their intervals (a forest plot around 1), and the
//! report's durations as quartile bars. Presentation only: every figure, and what is hidden, comes
//! from `coord_core::stats`; a figure not published is not drawn (the chart says how many).

use coord_core::category::Language;
use coord_core::stats::words;
use coord_core::stats::{
    BenchmarkMeasure, Dimension, MeasureBenchmark, Published, Quartiles, StatsReport, Verdict,
};
use coord_core::text::pick;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const WIDTH: u32 = 900;
const TOP: i32 = 64;
const ROW: i32 = 22;
const BOTTOM: i32 = 48;
const LABEL: i32 = 190;
const RIGHT: i32 = 40;
const FONT: &str = "sans-serif";

const INK: RGBColor = RGBColor(33, 37, 41);
const MUTED: RGBColor = RGBColor(96, 103, 112);
const GRID: RGBColor = RGBColor(222, 226, 230);
const BETTER: RGBColor = RGBColor(27, 120, 55);
const WORSE: RGBColor = RGBColor(178, 34, 34);
const NOISE: RGBColor = RGBColor(90, 100, 115);
const BAR: RGBColor = RGBColor(31, 95, 170);

type DrawResult = Result<(), Box<dyn std::error::Error>>;

/// The SVG with `role="img"`, a `<title>` and a `<desc>` (ids from `id`) as its first children.
fn accessible(svg: &str, id: &str, title: &str, desc: &str) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let Some(start) = svg.find("<svg") else {
        return svg.to_owned();
    };
    let Some(end) = svg[start..].find('>').map(|i| start + i) else {
        return svg.to_owned();
    };
    format!(
        "{} role=\"img\" aria-labelledby=\"{id}-title {id}-desc\"><title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>{}",
        &svg[..end],
        esc(title),
        esc(desc),
        &svg[end + 1..]
    )
}

/// A horizontal scale from `lo..hi` onto the plot's pixels.
#[derive(Clone, Copy)]
struct Scale {
    lo: f64,
    hi: f64,
}

impl Scale {
    fn x(self, v: f64) -> i32 {
        let span = (self.hi - self.lo).max(f64::EPSILON);
        let w = f64::from(i32::try_from(WIDTH).unwrap_or(900) - LABEL - RIGHT);
        LABEL + ((v - self.lo) / span * w).round() as i32
    }
}

/// Round ticks from `lo` to `hi`: about five, at 1, 2 or 5 times a power of ten.
fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let raw = ((hi - lo) / 5.0).max(1e-9);
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(mag * 10.0);
    let mut t = (lo / step).ceil() * step;
    let mut out = Vec::new();
    while t <= hi + step * 1e-9 && out.len() < 20 {
        out.push(t);
        t += step;
    }
    out
}

fn axis(
    area: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    scale: Scale,
    rows: i32,
    lang: Language,
    label: &dyn Fn(f64) -> String,
) -> DrawResult {
    let bottom = TOP + rows * ROW;
    let small = (FONT, 12).into_font().color(&MUTED);
    for t in ticks(scale.lo, scale.hi) {
        let x = scale.x(t);
        area.draw(&PathElement::new(vec![(x, TOP - 4), (x, bottom)], GRID))?;
        area.draw_text(
            &label(t),
            &small.pos(Pos::new(HPos::Center, VPos::Top)),
            (x, bottom + 6),
        )?;
    }
    let _ = lang;
    Ok(())
}

/// The benchmark of one measure as a forest plot: per municipality with a published ratio, the
/// 95 % interval as a line and the ratio as a dot, coloured by the verdict, around the line at 1.
pub fn benchmark_svg(m: &MeasureBenchmark, lang: Language) -> Result<String, String> {
    let shown: Vec<_> = m
        .rows
        .iter()
        .filter_map(|r| r.ratio.value().map(|v| (r, *v)))
        .collect();
    let rows = i32::try_from(shown.len().max(1)).unwrap_or(1);
    let height = u32::try_from(TOP + rows * ROW + BOTTOM).unwrap_or(200);
    let lo = shown.iter().map(|(_, v)| v.low).fold(1.0f64, f64::min);
    let hi = shown.iter().map(|(_, v)| v.high).fold(1.0f64, f64::max);
    let pad = ((hi - lo) * 0.05).max(0.02);
    let scale = Scale {
        lo: (lo - pad).max(0.0),
        hi: hi + pad,
    };
    let title = format!(
        "{}: {}",
        m.measure.label(lang),
        pick(
            lang,
            "forhold til forventet med 95 %-interval",
            "ratio to expected with 95 % interval"
        )
    );
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        let draw = || -> DrawResult {
            area.fill(&WHITE)?;
            area.draw_text(&title, &(FONT, 18).into_font().color(&INK), (16, 14))?;
            area.draw_text(
                &words::benchmark_chart_hint(lang, m.measure),
                &(FONT, 12).into_font().color(&MUTED),
                (16, 38),
            )?;
            axis(&area, scale, rows, lang, &|t| {
                coord_core::text::fixed(lang, t, 1)
            })?;
            let one = scale.x(1.0);
            area.draw(&PathElement::new(
                vec![(one, TOP - 8), (one, TOP + rows * ROW)],
                INK.stroke_width(1),
            ))?;
            for (i, (r, v)) in shown.iter().enumerate() {
                let y = TOP + i32::try_from(i).unwrap_or(0) * ROW + ROW / 2;
                let colour = match r.verdict {
                    Some(Verdict::Better) => BETTER,
                    Some(Verdict::Worse) => WORSE,
                    _ => NOISE,
                };
                let name = format!(
                    "{}. {}",
                    r.rank.unwrap_or(0),
                    Dimension::Municipality.value_label(r.municipality.as_deref(), lang)
                );
                area.draw_text(
                    &name,
                    &(FONT, 12)
                        .into_font()
                        .color(&INK)
                        .pos(Pos::new(HPos::Right, VPos::Center)),
                    (LABEL - 10, y),
                )?;
                area.draw(&PathElement::new(
                    vec![(scale.x(v.low), y), (scale.x(v.high), y)],
                    colour.stroke_width(2),
                ))?;
                area.draw(&Circle::new((scale.x(v.ratio), y), 4, colour.filled()))?;
            }
            area.present()?;
            Ok(())
        };
        draw().map_err(|e| e.to_string())?;
    }
    let hidden = m.rows.len() - shown.len();
    Ok(accessible(
        &svg,
        &format!("benchmark-{}", measure_id(m.measure)),
        &title,
        &words::benchmark_chart_desc(lang, m, hidden),
    ))
}

fn measure_id(m: BenchmarkMeasure) -> &'static str {
    match m {
        BenchmarkMeasure::ReturnToWork => "return",
        BenchmarkMeasure::WeeksOnBenefit => "weeks",
    }
}

/// One duration of the report as quartile bars: per value of the first dimension (totals over the
/// second) and the total, a bar from the first to the third quartile with the median marked.
pub fn quartiles_svg(
    r: &StatsReport,
    label: &str,
    id: &str,
    get: &dyn Fn(&coord_core::stats::ReportCell) -> Published<Quartiles>,
    lang: Language,
) -> Result<Option<String>, String> {
    // The cells that are margins over every dimension but the first.
    let cells: Vec<_> = r
        .cells
        .iter()
        .filter(|c| c.total.iter().skip(1).all(|t| *t))
        .collect();
    let dim = r.dimensions.first().copied();
    let shown: Vec<(String, Quartiles)> = cells
        .iter()
        .filter_map(|c| {
            let q = *get(c).value()?;
            let name = match (dim, c.total.first()) {
                (Some(d), Some(false)) => {
                    d.value_label(c.key.first().and_then(|v| v.as_deref()), lang)
                }
                _ => words::total(lang).to_owned(),
            };
            Some((name, q))
        })
        .collect();
    if shown.is_empty() {
        return Ok(None);
    }
    let rows = i32::try_from(shown.len()).unwrap_or(1);
    let height = u32::try_from(TOP + rows * ROW + BOTTOM).unwrap_or(200);
    let hi = shown
        .iter()
        .map(|(_, q)| f64::from(q.q3))
        .fold(1.0f64, f64::max);
    let scale = Scale {
        lo: 0.0,
        hi: hi * 1.05,
    };
    let title = format!(
        "{}: {}",
        label,
        pick(
            lang,
            "median og 1.–3. kvartil",
            "median and 1st–3rd quartile"
        )
    );
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        let draw = || -> DrawResult {
            area.fill(&WHITE)?;
            area.draw_text(&title, &(FONT, 18).into_font().color(&INK), (16, 14))?;
            axis(&area, scale, rows, lang, &|t| format!("{t:.0}"))?;
            for (i, (name, q)) in shown.iter().enumerate() {
                let y = TOP + i32::try_from(i).unwrap_or(0) * ROW + ROW / 2;
                area.draw_text(
                    name,
                    &(FONT, 12)
                        .into_font()
                        .color(&INK)
                        .pos(Pos::new(HPos::Right, VPos::Center)),
                    (LABEL - 10, y),
                )?;
                let (x1, x3) = (scale.x(f64::from(q.q1)), scale.x(f64::from(q.q3)));
                area.draw(&Rectangle::new(
                    [(x1, y - 6), (x3.max(x1 + 2), y + 6)],
                    BAR.mix(0.35).filled(),
                ))?;
                let xm = scale.x(f64::from(q.median));
                area.draw(&PathElement::new(
                    vec![(xm, y - 8), (xm, y + 8)],
                    BAR.stroke_width(3),
                ))?;
            }
            area.present()?;
            Ok(())
        };
        draw().map_err(|e| e.to_string())?;
    }
    let hidden = cells.len() - shown.len();
    let desc = words::quartile_chart_desc(
        lang,
        label,
        &shown
            .iter()
            .map(|(n, q)| (n.as_str(), *q))
            .collect::<Vec<_>>(),
        hidden,
    );
    Ok(Some(accessible(&svg, id, &title, &desc)))
}
