//! The document model every renderer builds — headings, paragraphs, lists, tables, alerts, charts,
//! sources — and its three renderings: plain text for the terminal (tables wrapped to a width),
//! Markdown, and a self-contained, printable, accessible HTML page. Rendering only: the content
//! comes from the core.

use comfy_table::{ColumnConstraint, ContentArrangement, Table, Width};

/// Text tables: no borders, one rule under the header (comfy-table preset characters, see
/// `comfy_table::presets`: position 6 is the header line).
const TABLE_STYLE: &str = "     -             ";

/// How to print a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text; tables wrapped to `width` columns (the terminal's width).
    Text {
        /// The width in columns.
        width: u16,
    },
    /// Markdown.
    Markdown,
    /// A self-contained HTML page.
    Html,
}

/// The width text output wraps to when the terminal's width is unknown.
pub const DEFAULT_WIDTH: u16 = 100;

/// One block of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading of level 1–3.
    Heading(u8, String),
    /// A paragraph.
    Para(String),
    /// A labelled line ("As of: 14. marts 2025"): the label is marked up as a term.
    Labelled(String, String),
    /// Something that must be done first (a safety item): shown before everything else around it,
    /// marked as an alert.
    Alert(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A table: caption (what it shows, for screen readers and the print), header and rows.
    Table {
        /// What the table shows.
        caption: String,
        /// The column headings.
        head: Vec<String>,
        /// The rows.
        rows: Vec<Vec<String>>,
    },
    /// Raw SVG markup (shown in HTML only; it carries its own `<title>` and `<desc>`).
    Svg(String),
    /// A titled list of secondary items: a paragraph and a list in text and Markdown, a folded
    /// part (`<details>`, closed, so it is left out of the printed page) in HTML.
    Folded(String, Vec<String>),
    /// Where the items come from (rule ids, places in the case file): for the record, never in
    /// text or Markdown; a collapsed part at the end of the HTML page.
    Sources(String, Vec<String>),
}

/// A document: a list of blocks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    /// The blocks, in order.
    pub blocks: Vec<Block>,
}

/// What the HTML page says about itself: title, language and the running head of printed pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The page title.
    pub title: String,
    /// The language code (`da`, `en`).
    pub lang: String,
    /// Left of the printed header (the citizen's name).
    pub head_left: String,
    /// Right of the printed header (the date).
    pub head_right: String,
    /// The word before the page number ("Side", "Page").
    pub page_word: String,
}

impl Doc {
    /// Add a heading.
    pub fn h(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading(level, text.into()));
    }

    /// Add a paragraph.
    pub fn p(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Para(text.into()));
    }

    /// Add a labelled line.
    pub fn labelled(&mut self, label: impl Into<String>, text: impl Into<String>) {
        self.blocks.push(Block::Labelled(label.into(), text.into()));
    }

    /// Add an alert.
    pub fn alert(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Alert(text.into()));
    }

    /// Add a list (nothing when empty).
    pub fn list(&mut self, items: Vec<String>) {
        if !items.is_empty() {
            self.blocks.push(Block::List(items));
        }
    }

    /// Add a table (nothing when it has no rows).
    pub fn table(&mut self, caption: impl Into<String>, head: &[&str], rows: Vec<Vec<String>>) {
        if !rows.is_empty() {
            self.blocks.push(Block::Table {
                caption: caption.into(),
                head: head.iter().map(|s| (*s).to_owned()).collect(),
                rows,
            });
        }
    }

    /// Add a folded list (nothing when empty): see [`Block::Folded`].
    pub fn folded(&mut self, summary: impl Into<String>, items: Vec<String>) {
        if !items.is_empty() {
            self.blocks.push(Block::Folded(summary.into(), items));
        }
    }

    /// Add the sources part (nothing when empty).
    pub fn sources(&mut self, heading: impl Into<String>, items: Vec<String>) {
        if !items.is_empty() {
            self.blocks.push(Block::Sources(heading.into(), items));
        }
    }

    /// A document from lines a terminal renderer wrote: an unindented line is a paragraph, an
    /// indented one an item of the list it continues (blank lines separate nothing).
    pub fn from_lines(text: &str) -> Doc {
        let mut d = Doc::default();
        let mut items: Vec<String> = Vec::new();
        for line in text.lines() {
            if line.trim().is_empty() {
                continue;
            }
            if line.starts_with(' ') {
                items.push(line.trim().to_owned());
            } else {
                if !items.is_empty() {
                    d.list(std::mem::take(&mut items));
                }
                d.p(line.to_owned());
            }
        }
        d.list(items);
        d
    }

    /// Append another document's blocks.
    pub fn extend(&mut self, other: Doc) {
        self.blocks.extend(other.blocks);
    }

    /// Render in `format`; `page` is used by HTML.
    pub fn render(&self, format: Format, page: &Page) -> String {
        match format {
            Format::Text { width } => self.text(width),
            Format::Markdown => self.markdown(),
            Format::Html => self.html(page),
        }
    }

    /// Plain text for the terminal, tables wrapped to `width` columns.
    pub fn text(&self, width: u16) -> String {
        let mut s = String::new();
        for b in &self.blocks {
            match b {
                Block::Heading(1, t) => {
                    s.push_str(&format!("{t}\n{}\n", "=".repeat(t.chars().count())))
                }
                Block::Heading(_, t) => {
                    s.push_str(&format!("\n{t}\n{}\n", "-".repeat(t.chars().count())))
                }
                Block::Para(t) => s.push_str(&format!("{t}\n")),
                Block::Labelled(l, t) => s.push_str(&format!("{l}: {t}\n")),
                Block::Alert(t) => s.push_str(&format!("  ! {t}\n")),
                Block::List(items) => {
                    for i in items {
                        s.push_str(&format!("  • {i}\n"));
                    }
                }
                Block::Folded(summary, items) => {
                    s.push_str(&format!("{summary}\n"));
                    for i in items {
                        s.push_str(&format!("  • {i}\n"));
                    }
                }
                Block::Table { head, rows, .. } => s.push_str(&text_table(head, rows, width)),
                Block::Svg(_) | Block::Sources(..) => {}
            }
        }
        s
    }

    /// Markdown.
    pub fn markdown(&self) -> String {
        let mut s = String::new();
        for b in &self.blocks {
            match b {
                Block::Heading(n, t) => {
                    s.push_str(&format!("\n{} {t}\n\n", "#".repeat(usize::from(*n))))
                }
                Block::Para(t) => s.push_str(&format!("{}\n\n", md(t))),
                Block::Labelled(l, t) => s.push_str(&format!("**{}:** {}\n\n", md(l), md(t))),
                Block::Alert(t) => s.push_str(&format!("> **⚠ {}**\n\n", md(t))),
                Block::List(items) => {
                    for i in items {
                        s.push_str(&format!("- {}\n", md(&i.replace('\n', " "))));
                    }
                    s.push('\n');
                }
                Block::Folded(summary, items) => {
                    s.push_str(&format!("{}\n\n", md(summary)));
                    for i in items {
                        s.push_str(&format!("- {}\n", md(&i.replace('\n', " "))));
                    }
                    s.push('\n');
                }
                Block::Table { head, rows, .. } => {
                    let cell = |c: &String| md(&c.replace('|', "\\|").replace('\n', " "));
                    s.push_str(&format!(
                        "| {} |\n",
                        head.iter().map(cell).collect::<Vec<_>>().join(" | ")
                    ));
                    s.push_str(&format!("|{}\n", "---|".repeat(head.len())));
                    for r in rows {
                        s.push_str(&format!(
                            "| {} |\n",
                            r.iter().map(cell).collect::<Vec<_>>().join(" | ")
                        ));
                    }
                    s.push('\n');
                }
                Block::Svg(_) | Block::Sources(..) => {}
            }
        }
        s.trim_start().to_owned()
    }

    /// A self-contained HTML page: inline style (screen and A4 print), inline SVG, no external
    /// resources; tables with caption and column scope, a labelled "as of" line, sources folded
    /// away at the end.
    pub fn html(&self, page: &Page) -> String {
        let style = STYLE.replace(
            "@page{",
            &format!(
                "@page{{@top-left{{content:\"{}\"}}@top-right{{content:\"{}\"}}@bottom-right{{content:\"{} \" counter(page) \" / \" counter(pages)}}",
                css_string(&page.head_left),
                css_string(&page.head_right),
                css_string(&page.page_word)
            ),
        );
        let mut s = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{style}</style>\n</head>\n<body>\n<main>\n",
            escape(&page.lang),
            escape(&page.title)
        );
        for b in &self.blocks {
            match b {
                Block::Heading(n, t) => s.push_str(&format!("<h{n}>{}</h{n}>\n", escape(t))),
                Block::Para(t) => s.push_str(&format!("<p>{}</p>\n", escape(t))),
                Block::Labelled(l, t) => s.push_str(&format!(
                    "<p class=\"meta\"><span class=\"label\">{}:</span> {}</p>\n",
                    escape(l),
                    escape(t)
                )),
                Block::Alert(t) => s.push_str(&format!(
                    "<p class=\"alert\" role=\"alert\"><strong>{}</strong></p>\n",
                    escape(t)
                )),
                Block::List(items) => {
                    s.push_str("<ul>\n");
                    for i in items {
                        s.push_str(&format!("<li>{}</li>\n", escape(i)));
                    }
                    s.push_str("</ul>\n");
                }
                Block::Table {
                    caption,
                    head,
                    rows,
                } => {
                    s.push_str(&format!(
                        "<table>\n<caption>{}</caption>\n<thead><tr>",
                        escape(caption)
                    ));
                    for h in head {
                        s.push_str(&format!("<th scope=\"col\">{}</th>", escape(h)));
                    }
                    s.push_str("</tr></thead>\n<tbody>\n");
                    for r in rows {
                        s.push_str("<tr>");
                        for (i, c) in r.iter().enumerate() {
                            if i == 0 {
                                s.push_str(&format!("<th scope=\"row\">{}</th>", escape(c)));
                            } else {
                                s.push_str(&format!("<td>{}</td>", escape(c)));
                            }
                        }
                        s.push_str("</tr>\n");
                    }
                    s.push_str("</tbody>\n</table>\n");
                }
                Block::Svg(svg) => s.push_str(&format!(
                    "<figure>{}</figure>\n",
                    strip_xml_declaration(svg)
                )),
                Block::Folded(summary, items) => {
                    s.push_str(&format!(
                        "<details class=\"folded\">\n<summary>{}</summary>\n<ul>\n",
                        escape(summary)
                    ));
                    for i in items {
                        s.push_str(&format!("<li>{}</li>\n", escape(i)));
                    }
                    s.push_str("</ul>\n</details>\n");
                }
                Block::Sources(heading, items) => {
                    s.push_str(&format!(
                        "<details class=\"sources\">\n<summary>{}</summary>\n<ul>\n",
                        escape(heading)
                    ));
                    for i in items {
                        s.push_str(&format!("<li><code>{}</code></li>\n", escape(i)));
                    }
                    s.push_str("</ul>\n</details>\n");
                }
            }
        }
        s.push_str("</main>\n</body>\n</html>\n");
        s
    }
}

/// Screen and print style. Colours meet WCAG AA: ink #1a1a1a and headings #1f4e79 on white,
/// alert text #7a1010 on #fdecea, table head #1a1a1a on #e8eef5.
const STYLE: &str = "body{font-family:system-ui,'DejaVu Sans',sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff;line-height:1.45}\
h1{font-size:1.6rem;border-bottom:2px solid #1f4e79;padding-bottom:.3rem;color:#1a1a1a}h2{font-size:1.2rem;color:#1f4e79;margin-top:1.6rem}\
.meta .label{font-weight:600}\
.alert{background:#fdecea;color:#7a1010;border-left:6px solid #b00020;padding:.5rem .8rem;margin:.5rem 0}\
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}caption{text-align:left;font-size:.85rem;color:#444;padding:.2rem 0}\
th,td{border:1px solid #99a;padding:.3rem .5rem;text-align:left;vertical-align:top}thead th{background:#e8eef5}tbody th{font-weight:normal}\
li{margin:.2rem 0}figure{margin:1rem 0}figure svg{max-width:100%;height:auto}\
details.sources{margin-top:2rem;font-size:.85rem;color:#333}details.sources code{font-size:.8rem}\
@page{size:A4;margin:16mm 13mm 15mm 13mm}\
@media print{body{max-width:none;margin:0;padding:0;font-size:9.5pt;line-height:1.3}h1{font-size:15pt;margin:0 0 .3rem}h2{font-size:11.5pt;margin:.8rem 0 .25rem;break-after:avoid}\
table{font-size:8.5pt;margin:.2rem 0 .5rem}th,td{padding:.12rem .3rem}tr,li,.alert{break-inside:avoid}ul{margin:.2rem 0;padding-left:1.2rem}li{margin:0}p{margin:.25rem 0}\
figure{break-inside:avoid;margin:.3rem 0}figure svg{max-height:78mm;width:auto;max-width:100%}details.sources{display:none}}";

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A value for a CSS string in double quotes.
fn css_string(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace(['\n', '<'], " ")
}

/// Markdown text: characters that would start markup are escaped.
fn md(s: &str) -> String {
    s.replace('*', "\\*")
        .replace('_', "\\_")
        .replace('`', "\\`")
}

fn strip_xml_declaration(svg: &str) -> &str {
    match svg.find("<svg") {
        Some(i) => &svg[i..],
        None => svg,
    }
}

/// A text table wrapped to `width`, words kept whole. comfy-table's own arrangement is used when
/// it splits no word; otherwise each column is held at least as wide as its longest word; when the
/// columns cannot all fit so (a narrow terminal, a wide table), the rows are printed as records
/// instead — the first cell as a heading, then one `heading: value` line per other non-empty
/// cell — so no word is ever split across lines. Decided for issue 9: a caseworker reads a record
/// list more easily than hyphenated or broken words, and no column is dropped.
fn text_table(head: &[String], rows: &[Vec<String>], width: u16) -> String {
    let inner = width.saturating_sub(2);
    let mut t = Table::new();
    t.load_preset(TABLE_STYLE)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(inner)
        .set_header(head);
    for r in rows {
        t.add_row(r);
    }
    let fits = |lines: &[String]| {
        lines
            .iter()
            .all(|l| l.chars().count() <= usize::from(inner))
    };
    let mut lines: Vec<String> = t.lines().map(|l| l.trim_end().to_owned()).collect();
    if !words_kept(&lines, head, rows) {
        let longest_word = |col: usize| {
            std::iter::once(head.get(col).map_or("", String::as_str))
                .chain(rows.iter().map(|r| r.get(col).map_or("", String::as_str)))
                .flat_map(str::split_whitespace)
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0)
        };
        for (i, column) in t.column_iter_mut().enumerate() {
            // The boundary counts the column's padding (one space each side).
            let w = u16::try_from(longest_word(i) + 2).unwrap_or(u16::MAX);
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(w)));
        }
        lines = t.lines().map(|l| l.trim_end().to_owned()).collect();
    }
    if !fits(&lines) || !words_kept(&lines, head, rows) {
        return text_records(head, rows, inner);
    }
    let mut s = String::new();
    for line in lines {
        s.push_str("  ");
        s.push_str(&line);
        s.push('\n');
    }
    s
}

/// Whether every word of the header and the cells is in the rendered lines whole (as many times
/// as it is in the cells): a word comfy-table split across lines is missing.
fn words_kept(lines: &[String], head: &[String], rows: &[Vec<String>]) -> bool {
    let mut have: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for w in lines.iter().flat_map(|l| l.split_whitespace()) {
        *have.entry(w).or_default() += 1;
    }
    head.iter()
        .chain(rows.iter().flatten())
        .flat_map(|c| c.split_whitespace())
        .all(|w| match have.get_mut(w) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
}

/// The rows of a table too wide for the terminal, as records: the first cell, then
/// `heading: value` per other non-empty cell, values wrapped at whole words to `width`.
fn text_records(head: &[String], rows: &[Vec<String>], width: u16) -> String {
    let mut s = String::new();
    for (n, r) in rows.iter().enumerate() {
        if n > 0 {
            s.push('\n');
        }
        let mut cells = r
            .iter()
            .zip(head.iter().map(String::as_str).chain(std::iter::repeat("")));
        if let Some((first, _)) = cells.next() {
            wrap_into(&mut s, "  ", first, width);
        }
        for (value, heading) in cells.filter(|(v, _)| !v.trim().is_empty()) {
            wrap_into(&mut s, "    ", &format!("{heading}: {value}"), width);
        }
    }
    s
}

/// `text` after `indent`, wrapped at whole words to `width` columns (a word longer than the line
/// stands alone on its line); continuation lines are indented two more.
fn wrap_into(s: &mut String, indent: &str, text: &str, width: u16) {
    let width = usize::from(width);
    let mut line = String::from(indent);
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > width {
            s.push_str(&line);
            s.push('\n');
            line = format!("{indent}  ");
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    s.push_str(&line);
    s.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> Page {
        Page {
            title: "t".into(),
            lang: "en".into(),
            head_left: "A \"B\"".into(),
            head_right: "1 May 2025".into(),
            page_word: "Page".into(),
        }
    }

    #[test]
    fn html_escapes_and_markdown_escapes_pipes() {
        let mut d = Doc::default();
        d.h(1, "A <b> & c");
        d.table("x", &["x"], vec![vec!["a|b".into()]]);
        let html = d.html(&page());
        assert!(html.contains("A &lt;b&gt; &amp; c"));
        assert!(html.contains("<caption>x</caption>"));
        assert!(html.contains("scope=\"col\""));
        assert!(html.contains("@top-left{content:\"A \\\"B\\\"\"}"));
        assert!(d.markdown().contains("a\\|b"));
        assert!(d.text(80).contains("a|b"));
    }

    #[test]
    fn text_tables_wrap_to_the_width() {
        let mut d = Doc::default();
        let long = "word ".repeat(40);
        d.table("x", &["a", "b"], vec![vec!["x".into(), long]]);
        let text = d.text(60);
        assert!(text.lines().all(|l| l.chars().count() <= 60), "{text}");
        assert!(text.lines().count() > 4);
    }

    #[test]
    fn a_table_too_wide_for_whole_words_becomes_records_and_no_word_is_split() {
        let mut d = Doc::default();
        let head = ["Tilbud", "Udbyder", "Grundlag", "Status"];
        let row = vec![
            "Lær at tackle kronisk sygdom".to_owned(),
            "Sundhedscentret".to_owned(),
            "sundhedslovens forebyggelsesbestemmelser".to_owned(),
            String::new(),
        ];
        d.table("x", &head, vec![row.clone()]);
        let wide = d.text(120);
        assert!(wide.contains("Udbyder"), "{wide}");
        assert!(wide.contains("forebyggelsesbestemmelser"), "{wide}");
        let narrow = d.text(40);
        assert!(narrow.lines().all(|l| l.chars().count() <= 40), "{narrow}");
        for cell in &row {
            for word in cell.split_whitespace() {
                assert!(
                    narrow
                        .split_whitespace()
                        .any(|w| w.trim_end_matches(':') == word || w == word),
                    "{word} split in:\n{narrow}"
                );
            }
        }
        assert!(narrow.contains("    Udbyder: Sundhedscentret"), "{narrow}");
        assert!(
            !narrow.contains("Status:"),
            "empty cells are left out:\n{narrow}"
        );
    }

    #[test]
    fn sources_are_only_in_html() {
        let mut d = Doc::default();
        d.sources("Sources", vec!["rule-x".into()]);
        assert!(!d.text(80).contains("rule-x"));
        assert!(!d.markdown().contains("rule-x"));
        assert!(d.html(&page()).contains("<details class=\"sources\">"));
    }
}
