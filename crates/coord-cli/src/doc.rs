//! A small document model — headings, paragraphs, lists, tables — rendered as plain text for the
//! terminal, Markdown, or a self-contained HTML page. Rendering only: the content comes from the
//! core.

/// One block of a document.
#[derive(Debug, Clone)]
pub enum Block {
    /// A heading of level 1–3.
    Heading(u8, String),
    /// A paragraph.
    Para(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A table: header and rows.
    Table(Vec<String>, Vec<Vec<String>>),
    /// Raw SVG markup (shown in HTML only).
    Svg(String),
}

/// A document: a list of blocks.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// The blocks, in order.
    pub blocks: Vec<Block>,
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

    /// Add a list (nothing when empty).
    pub fn list(&mut self, items: Vec<String>) {
        if !items.is_empty() {
            self.blocks.push(Block::List(items));
        }
    }

    /// Add a table (nothing when it has no rows).
    pub fn table(&mut self, head: &[&str], rows: Vec<Vec<String>>) {
        if !rows.is_empty() {
            self.blocks.push(Block::Table(
                head.iter().map(|s| (*s).to_owned()).collect(),
                rows,
            ));
        }
    }

    /// Plain text for the terminal.
    pub fn text(&self) -> String {
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
                Block::List(items) => {
                    for i in items {
                        s.push_str(&format!("  • {i}\n"));
                    }
                }
                Block::Table(head, rows) => s.push_str(&text_table(head, rows)),
                Block::Svg(_) => {}
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
                Block::Para(t) => s.push_str(&format!("{t}\n\n")),
                Block::List(items) => {
                    for i in items {
                        s.push_str(&format!("- {}\n", i.replace('\n', " ")));
                    }
                    s.push('\n');
                }
                Block::Table(head, rows) => {
                    let cell = |c: &String| c.replace('|', "\\|").replace('\n', " ");
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
                Block::Svg(_) => {}
            }
        }
        s.trim_start().to_owned()
    }

    /// A self-contained HTML page (inline style, inline SVG; no external resources).
    pub fn html(&self, title: &str, lang: &str) -> String {
        let mut s = format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
            escape(title)
        );
        for b in &self.blocks {
            match b {
                Block::Heading(n, t) => s.push_str(&format!("<h{n}>{}</h{n}>\n", escape(t))),
                Block::Para(t) => s.push_str(&format!("<p>{}</p>\n", escape(t))),
                Block::List(items) => {
                    s.push_str("<ul>\n");
                    for i in items {
                        s.push_str(&format!("<li>{}</li>\n", escape(i)));
                    }
                    s.push_str("</ul>\n");
                }
                Block::Table(head, rows) => {
                    s.push_str("<table>\n<thead><tr>");
                    for h in head {
                        s.push_str(&format!("<th>{}</th>", escape(h)));
                    }
                    s.push_str("</tr></thead>\n<tbody>\n");
                    for r in rows {
                        s.push_str("<tr>");
                        for c in r {
                            s.push_str(&format!("<td>{}</td>", escape(c)));
                        }
                        s.push_str("</tr>\n");
                    }
                    s.push_str("</tbody>\n</table>\n");
                }
                Block::Svg(svg) => s.push_str(&format!(
                    "<figure>{}</figure>\n",
                    strip_xml_declaration(svg)
                )),
            }
        }
        s.push_str("</body>\n</html>\n");
        s
    }
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}\
h1{font-size:1.6rem;border-bottom:2px solid #2b5d8a;padding-bottom:.3rem}h2{font-size:1.2rem;color:#2b5d8a;margin-top:1.8rem}\
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #ccd;padding:.3rem .5rem;text-align:left;vertical-align:top}\
th{background:#eef3f8}li{margin:.2rem 0}figure{margin:1rem 0}figure svg{max-width:100%;height:auto}";

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn strip_xml_declaration(svg: &str) -> &str {
    match svg.find("<svg") {
        Some(i) => &svg[i..],
        None => svg,
    }
}

fn text_table(head: &[String], rows: &[Vec<String>]) -> String {
    let n = head.len();
    let mut width: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(n) {
            if let Some(w) = width.get_mut(i) {
                *w = (*w).max(c.chars().count());
            }
        }
    }
    let line = |cells: &[String]| {
        let mut s = String::from(" ");
        for (i, c) in cells.iter().enumerate() {
            let w = width.get(i).copied().unwrap_or(0);
            let pad = " ".repeat(w.saturating_sub(c.chars().count()));
            s.push_str(&format!(" {c}{pad} "));
        }
        format!("{}\n", s.trim_end())
    };
    let mut s = line(head);
    s.push_str(&format!(
        "  {}\n",
        width
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .join("  ")
    ));
    for r in rows {
        s.push_str(&line(r));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_and_markdown_escapes_pipes() {
        let mut d = Doc::default();
        d.h(1, "A <b> & c");
        d.table(&["x"], vec![vec!["a|b".into()]]);
        assert!(d.html("t", "en").contains("A &lt;b&gt; &amp; c"));
        assert!(d.markdown().contains("a\\|b"));
        assert!(d.text().contains("a|b"));
    }
}
