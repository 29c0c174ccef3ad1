//! The progression chart as SVG, drawn with plotters' SVG backend (no font loading: text is
//! written as SVG `<text>` and laid out by the viewer). Presentation only: every number comes from
//! the core's [`ProgressReport`].
//!
//! One panel per indicator (bands shaded from worse to better, the measurements as a line,
//! targets marked at their due date), then a star chart of baseline versus latest with every axis
//! turned so that outwards is better.

use crate::exit::Outcome;
use crate::io::Failure;
use chrono::{Days, NaiveDate};
use coord_core::category::Language;
use coord_core::plan::{IndicatorProgress, ProgressReport};
use coord_json::envelope::Problem;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const WIDTH: u32 = 960;
const TITLE_HEIGHT: u32 = 56;
const PANEL_HEIGHT: u32 = 270;
const RADAR_HEIGHT: u32 = 520;
const FONT: &str = "sans-serif";
/// Room to the right of each panel for the band labels.
const BAND_LABEL_WIDTH: u32 = 130;

const INK: RGBColor = RGBColor(33, 37, 41);
const MUTED: RGBColor = RGBColor(96, 103, 112);
const LINE: RGBColor = RGBColor(31, 95, 170);
const BASELINE: RGBColor = RGBColor(140, 140, 140);
const TARGET: RGBColor = RGBColor(176, 58, 46);
const WORST: (f64, f64, f64) = (242.0, 196.0, 190.0);
const MIDDLE: (f64, f64, f64) = (253.0, 236.0, 190.0);
const BEST: (f64, f64, f64) = (198.0, 231.0, 200.0);

fn failure(e: impl std::fmt::Display) -> Failure {
    Failure {
        outcome: Outcome::Io,
        problems: vec![Problem::new(
            "svg",
            format!("could not draw the chart: {e}"),
            None,
        )],
        file: None,
        files: Vec::new(),
    }
}

/// A colour from worst (t = 0) to best (t = 1).
fn shade(t: f64) -> RGBColor {
    let (a, b, u) = if t < 0.5 {
        (WORST, MIDDLE, t * 2.0)
    } else {
        (MIDDLE, BEST, (t - 0.5) * 2.0)
    };
    let mix = |x: f64, y: f64| (x + (y - x) * u).round().clamp(0.0, 255.0) as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

fn name(p: &IndicatorProgress, lang: Language) -> &str {
    match lang {
        Language::Da => &p.name_da,
        Language::En => &p.name_en,
    }
}

fn day(origin: NaiveDate, x: i32) -> String {
    let d = if x >= 0 {
        origin.checked_add_days(Days::new(x.unsigned_abs().into()))
    } else {
        origin.checked_sub_days(Days::new(x.unsigned_abs().into()))
    };
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn offset(origin: NaiveDate, d: NaiveDate) -> i32 {
    i32::try_from((d - origin).num_days()).unwrap_or(i32::MAX)
}

/// The whole chart as SVG text.
pub fn progress_svg(
    report: &ProgressReport,
    citizen: &str,
    lang: Language,
) -> Result<String, Failure> {
    let n = report.indicators.len();
    // The star chart needs three axes; without them only a line says so.
    let radar_height = if n >= 3 { RADAR_HEIGHT } else { 90 };
    let height = TITLE_HEIGHT + PANEL_HEIGHT * u32::try_from(n.max(1)).unwrap_or(1) + radar_height;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(failure)?;
        let title = match lang {
            Language::En => format!("Progression for {citizen} as of {}", report.as_of),
            Language::Da => format!("Progression for {citizen} pr. {}", report.as_of),
        };
        let root = root
            .titled(&title, (FONT, 24).into_font().color(&INK))
            .map_err(failure)?;
        let panels_height = PANEL_HEIGHT * u32::try_from(n.max(1)).unwrap_or(1);
        let (panels, radar) = root.split_vertically(panels_height);
        // One time axis for every panel, so they line up.
        let dates = report.indicators.iter().flat_map(|p| {
            p.points
                .iter()
                .map(|pt| pt.date)
                .chain(p.targets.iter().map(|t| t.due))
        });
        let first = dates.clone().min().unwrap_or(report.as_of);
        let last = dates.max().unwrap_or(report.as_of).max(report.as_of);
        let origin = first;
        let x0 = -7;
        let x1 = offset(origin, last) + 7;
        if n == 0 {
            let msg = match lang {
                Language::En => "No measurements yet.",
                Language::Da => "Ingen målinger endnu.",
            };
            panels
                .draw_text(msg, &(FONT, 16).into_font().color(&MUTED), (40, 40))
                .map_err(failure)?;
        }
        for (area, p) in panels
            .split_evenly((n.max(1), 1))
            .iter()
            .zip(&report.indicators)
        {
            panel(area, p, origin, (x0, x1), report.as_of, lang).map_err(failure)?;
        }
        star(&radar, report, lang).map_err(failure)?;
        root.present().map_err(failure)?;
    }
    Ok(svg)
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;
type DrawResult = Result<(), Box<dyn std::error::Error>>;

fn panel(
    area: &Area<'_>,
    p: &IndicatorProgress,
    origin: NaiveDate,
    (x0, x1): (i32, i32),
    as_of: NaiveDate,
    lang: Language,
) -> DrawResult {
    let span = p.range.max - p.range.min;
    let n_bands = p.bands.len();
    // Leave room above a top band that starts at the maximum (FSIII level 4).
    let top_pad = match p.bands.last() {
        Some(b) if b.from >= p.range.max && n_bands > 0 => span / n_bands as f64 / 2.0,
        _ => span * 0.04,
    };
    let (y0, y1) = (p.range.min - span * 0.04, p.range.max + top_pad);
    let direction = match (p.higher_is_better, lang) {
        (true, Language::En) => "higher is better",
        (false, Language::En) => "lower is better",
        (true, Language::Da) => "højere er bedre",
        (false, Language::Da) => "lavere er bedre",
    };
    let caption = format!(
        "{} — {} ({direction})",
        name(p, lang),
        p.speaks_of.label(lang)
    );
    let mut chart = ChartBuilder::on(area)
        .caption(caption, (FONT, 17).into_font().color(&INK))
        .margin_top(6)
        .margin_bottom(4)
        .margin_left(12)
        .margin_right(BAND_LABEL_WIDTH)
        .x_label_area_size(30)
        .y_label_area_size(44)
        .build_cartesian_2d(x0..x1, y0..y1)?;
    // Bands first, so the mesh and the line sit on top.
    for (i, b) in p.bands.iter().enumerate() {
        let lower = if i == 0 { y0 } else { b.from };
        let upper = p.bands.get(i + 1).map_or(y1, |next| next.from);
        let rank = if n_bands > 1 {
            i as f64 / (n_bands - 1) as f64
        } else {
            0.5
        };
        let goodness = if p.higher_is_better { rank } else { 1.0 - rank };
        chart.draw_series(std::iter::once(Rectangle::new(
            [(x0, lower), (x1, upper)],
            shade(goodness).filled(),
        )))?;
    }
    chart
        .configure_mesh()
        .x_labels(8)
        .y_labels(6)
        .x_label_formatter(&|x| day(origin, *x))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .label_style((FONT, 12).into_font().color(&MUTED))
        .axis_style(MUTED)
        .light_line_style(TRANSPARENT)
        .bold_line_style(WHITE.mix(0.6))
        .draw()?;
    // Band labels in the right margin, beside their band, where there is room.
    let base = area.get_base_pixel();
    for (i, b) in p.bands.iter().enumerate() {
        let lower = if i == 0 { y0 } else { b.from };
        let upper = p.bands.get(i + 1).map_or(y1, |next| next.from);
        let (px, top) = chart.backend_coord(&(x1, upper));
        let (_, bottom) = chart.backend_coord(&(x1, lower));
        if bottom - top < 13 {
            continue;
        }
        let style = (FONT, 12)
            .into_font()
            .color(&MUTED)
            .pos(Pos::new(HPos::Left, VPos::Center));
        area.draw(&Text::new(
            b.label(lang).to_owned(),
            (px - base.0 + 6, (top + bottom) / 2 - base.1),
            style,
        ))?;
    }
    // Targets: a dashed line at the threshold up to the due date, and a marker on the due date.
    for t in &p.targets {
        let due = offset(origin, t.due);
        chart.draw_series(DashedLineSeries::new(
            vec![(x0, t.threshold), (due, t.threshold)],
            6,
            4,
            TARGET.stroke_width(2),
        ))?;
        chart.draw_series(std::iter::once(TriangleMarker::new(
            (due, t.threshold),
            7,
            TARGET.filled(),
        )))?;
        let label = match lang {
            Language::En => format!("target {} by {}", t.threshold, t.due),
            Language::Da => format!("mål {} senest {}", t.threshold, t.due),
        };
        // Left of the marker, just above the line, so neither hides the other.
        let style = (FONT, 12)
            .into_font()
            .color(&TARGET)
            .pos(Pos::new(HPos::Right, VPos::Bottom));
        chart.draw_series(std::iter::once(
            EmptyElement::at((due, t.threshold)) + Text::new(label, (-10, -5), style),
        ))?;
    }
    // The as-of day, so a reader sees what is past and what is still to come.
    let today = offset(origin, as_of);
    chart.draw_series(DashedLineSeries::new(
        vec![(today, y0), (today, y1)],
        2,
        3,
        MUTED.stroke_width(1),
    ))?;
    let points: Vec<(i32, f64)> = p
        .points
        .iter()
        .map(|pt| (offset(origin, pt.date), pt.score))
        .collect();
    chart.draw_series(LineSeries::new(points.clone(), LINE.stroke_width(3)))?;
    chart.draw_series(
        points
            .iter()
            .map(|&(x, y)| Circle::new((x, y), 4, LINE.filled())),
    )?;
    Ok(())
}

fn star(area: &Area<'_>, report: &ProgressReport, lang: Language) -> DrawResult {
    let (w, h) = area.dim_in_pixel();
    let title = match lang {
        Language::En => "Baseline and latest (outwards is better)",
        Language::Da => "Start og seneste (udad er bedre)",
    };
    area.draw_text(title, &(FONT, 18).into_font().color(&INK), (24, 12))?;
    let axes = &report.indicators;
    if axes.len() < 3 {
        let msg = match lang {
            Language::En => "A star chart needs at least three indicators.",
            Language::Da => "Et stjernediagram kræver mindst tre indikatorer.",
        };
        area.draw_text(msg, &(FONT, 14).into_font().color(&MUTED), (24, 44))?;
        return Ok(());
    }
    let cx = f64::from(w) / 2.0;
    let cy = f64::from(h) / 2.0 + 20.0;
    // Room at the sides for labels of up to about 40 characters.
    let radius = (f64::from(h) / 2.0 - 90.0).min(f64::from(w) / 2.0 - 300.0);
    let k = axes.len() as f64;
    let angle = |i: usize| -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / k;
    let at = |i: usize, r: f64| {
        let a = angle(i);
        (
            (cx + r * a.cos()).round() as i32,
            (cy + r * a.sin()).round() as i32,
        )
    };
    // Rings at a quarter, half, three quarters and the whole range.
    for ring in [0.25, 0.5, 0.75, 1.0] {
        let mut pts: Vec<(i32, i32)> = (0..axes.len()).map(|i| at(i, radius * ring)).collect();
        if let Some(&first) = pts.first() {
            pts.push(first);
        }
        area.draw(&PathElement::new(
            pts,
            RGBColor(210, 214, 220).stroke_width(1),
        ))?;
    }
    for (i, p) in axes.iter().enumerate() {
        area.draw(&PathElement::new(
            vec![at(i, 0.0), at(i, radius)],
            RGBColor(190, 195, 202).stroke_width(1),
        ))?;
        let a = angle(i);
        let (hpos, vpos) = (
            if a.cos() > 0.3 {
                HPos::Left
            } else if a.cos() < -0.3 {
                HPos::Right
            } else {
                HPos::Center
            },
            if a.sin() > 0.3 {
                VPos::Top
            } else if a.sin() < -0.3 {
                VPos::Bottom
            } else {
                VPos::Center
            },
        );
        let (lx, ly) = at(i, radius + 14.0);
        let style = (FONT, 14).into_font().color(&INK).pos(Pos::new(hpos, vpos));
        area.draw(&Text::new(name(p, lang).to_owned(), (lx, ly), style))?;
        let sub = format!("{} → {}", fmt(p.baseline.score), fmt(p.latest.score));
        let sub_y = if matches!(vpos, VPos::Bottom) {
            ly - 18
        } else {
            ly + 18
        };
        let style = (FONT, 12)
            .into_font()
            .color(&MUTED)
            .pos(Pos::new(hpos, vpos));
        area.draw(&Text::new(sub, (lx, sub_y), style))?;
    }
    let polygon = |pick: fn(&IndicatorProgress) -> f64| -> Vec<(i32, i32)> {
        axes.iter()
            .enumerate()
            .map(|(i, p)| {
                let span = p.range.max - p.range.min;
                let t = if span > 0.0 {
                    ((pick(p) - p.range.min) / span).clamp(0.0, 1.0)
                } else {
                    0.0
                };
                let t = if p.higher_is_better { t } else { 1.0 - t };
                at(i, radius * t)
            })
            .collect()
    };
    for (pts, color, width) in [
        (polygon(|p| p.baseline.score), BASELINE, 2),
        (polygon(|p| p.latest.score), LINE, 3),
    ] {
        area.draw(&Polygon::new(pts.clone(), color.mix(0.18).filled()))?;
        let mut closed = pts.clone();
        if let Some(&first) = pts.first() {
            closed.push(first);
        }
        area.draw(&PathElement::new(closed, color.stroke_width(width)))?;
        for pt in pts {
            area.draw(&Circle::new(pt, 4, color.filled()))?;
        }
    }
    // Legend, top right.
    let lx = i32::try_from(w).unwrap_or(0) - 230;
    for (row, (label, color)) in [
        (
            match lang {
                Language::En => format!("baseline ({})", first_date(report)),
                Language::Da => format!("start ({})", first_date(report)),
            },
            BASELINE,
        ),
        (
            match lang {
                Language::En => format!("latest (as of {})", report.as_of),
                Language::Da => format!("seneste (pr. {})", report.as_of),
            },
            LINE,
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let y = 60 + 24 * i32::try_from(row).unwrap_or(0);
        area.draw(&PathElement::new(
            vec![(lx, y), (lx + 28, y)],
            color.stroke_width(3),
        ))?;
        area.draw(&Text::new(
            label,
            (lx + 36, y),
            (FONT, 13)
                .into_font()
                .color(&INK)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
    }
    Ok(())
}

fn first_date(report: &ProgressReport) -> String {
    report
        .indicators
        .iter()
        .map(|p| p.baseline.date)
        .min()
        .map(|d| d.to_string())
        .unwrap_or_default()
}

fn fmt(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}
