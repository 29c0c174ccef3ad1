//! Disclosure control for a table of counts of citizens with its margins: primary suppression of
//! small cells, complementary suppression until no suppressed cell can be recovered by linear
//! arithmetic over what is published, and the dominance check for quartiles.
//!
//! A table with `shape` `[]` is one cell (the total); `[n]` is `n` cells and their total; `[r, c]`
//! is `r × c` cells, `r` row totals, `c` column totals and the grand total. Cells are numbered
//! row by row with the margin last in each row and the margin row last ([`index`]). The published
//! equations are the margins' sums ([`equations`]).
//!
//! The method, step by step (see `docs/stats.md` for the sources):
//! 1. **Primary**: a cell counting 1 to `k − 1` citizens is suppressed (shown as "<k"); a zero is
//!    shown (an empty cell tells nobody's data). The caller may mark more cells primary (a
//!    numerator whose denominator is suppressed, or a share too close to 0 or 1).
//! 2. **Complementary, line by line**: while some published equation (a row or column with its
//!    total) has exactly one suppressed cell — which the equation would give away — the smallest
//!    nonzero published cell of that equation is suppressed too (the margin only when nothing
//!    else is left).
//! 3. **Complementary, exactly**: the suppressed cells are the unknowns of the published
//!    equations; a cell is recoverable exactly when its unit vector lies in the row space of the
//!    equations restricted to the unknowns (reduced row echelon form, exact integer arithmetic).
//!    While any suppressed cell is recoverable, the smallest published cell of an equation it is
//!    in is suppressed as well, and step 2 runs again. Every round suppresses one more cell, so
//!    this ends; in the worst case everything is suppressed.
//!
//! What this does not do: protect the bounds a reader can derive (a suppressed cell is known to
//! be at least 0, and "<k" to be 1 to `k − 1`); interval ("audit") protection is not attempted.

/// The number of cells of a table of `shape` (margins included).
pub fn cells(shape: &[usize]) -> usize {
    shape.iter().map(|n| n + 1).product()
}

/// The position of a cell: one coordinate per dimension, `None` for the margin (total).
pub fn index(shape: &[usize], at: &[Option<usize>]) -> usize {
    let mut i = 0;
    for (n, a) in shape.iter().zip(at) {
        i = i * (n + 1) + a.unwrap_or(*n);
    }
    i
}

/// The published equations: each a list of cells whose sum is the last cell's value (the margin).
pub fn equations(shape: &[usize]) -> Vec<Vec<usize>> {
    match shape {
        [n] => vec![(0..=*n).collect()],
        [r, c] => {
            let mut eqs = Vec::new();
            for row in 0..=*r {
                let row_at = (row < *r).then_some(row);
                eqs.push(
                    (0..=*c)
                        .map(|col| index(shape, &[row_at, (col < *c).then_some(col)]))
                        .collect(),
                );
            }
            for col in 0..=*c {
                let col_at = (col < *c).then_some(col);
                eqs.push(
                    (0..=*r)
                        .map(|row| index(shape, &[(row < *r).then_some(row), col_at]))
                        .collect(),
                );
            }
            eqs
        }
        _ => Vec::new(),
    }
}

/// Primary suppression: the cells counting 1 to `k − 1`.
pub fn primary(values: &[u64], k: u32) -> Vec<bool> {
    values.iter().map(|v| *v > 0 && *v < u64::from(k)).collect()
}

/// The suppression pattern of a table: `primary` and the complementary cells that keep every
/// suppressed cell from being recovered (see the module documentation).
pub fn protect(shape: &[usize], values: &[u64], primary: &[bool]) -> Vec<bool> {
    protect_knowing(shape, values, primary, &[])
}

/// [`protect`] when the reader knows some cells whatever is shown (`known`: a numerator whose
/// denominator is shown as 0 is 0): those are never hidden, nor chosen to hide another.
pub fn protect_knowing(
    shape: &[usize],
    values: &[u64],
    primary: &[bool],
    known: &[bool],
) -> Vec<bool> {
    let eqs = equations(shape);
    let is_known = |i: usize| known.get(i).copied().unwrap_or(false);
    let mut suppressed: Vec<bool> = (0..values.len())
        .map(|i| primary.get(i).copied().unwrap_or(false) && !is_known(i))
        .collect();
    // A known cell counts as hidden-proof: mark it so no step picks it.
    let blocked: Vec<bool> = (0..values.len()).map(is_known).collect();
    loop {
        lines(&eqs, values, &mut suppressed, &blocked);
        let found = recoverable(&eqs, &suppressed);
        let Some(&cell) = found.first() else {
            return suppressed;
        };
        // Suppress one more cell next to the recoverable one.
        let next = eqs
            .iter()
            .filter(|e| e.contains(&cell))
            .flat_map(|e| e.iter().copied())
            .filter(|i| !suppressed.get(*i).copied().unwrap_or(true))
            .filter(|i| !blocked.get(*i).copied().unwrap_or(true))
            .min_by_key(|i| preference(*i, values, &eqs));
        match next.and_then(|i| suppressed.get_mut(i)) {
            Some(s) => *s = true,
            None => return suppressed,
        }
    }
}

/// Smaller is chosen first: nonzero cells before zeros, interior cells before margins, then the
/// smallest value, then the first cell.
fn preference(i: usize, values: &[u64], eqs: &[Vec<usize>]) -> (bool, bool, u64, usize) {
    let v = values.get(i).copied().unwrap_or(0);
    let margin = eqs.iter().any(|e| e.last() == Some(&i));
    (v == 0, margin, v, i)
}

fn lines(eqs: &[Vec<usize>], values: &[u64], suppressed: &mut [bool], blocked: &[bool]) {
    loop {
        let mut changed = false;
        for e in eqs {
            let hidden = e
                .iter()
                .filter(|i| suppressed.get(**i).copied().unwrap_or(false))
                .count();
            if hidden == 1 {
                let next = e
                    .iter()
                    .copied()
                    .filter(|i| !suppressed.get(*i).copied().unwrap_or(true))
                    .filter(|i| !blocked.get(*i).copied().unwrap_or(true))
                    .min_by_key(|i| preference(*i, values, eqs));
                if let Some(s) = next.and_then(|i| suppressed.get_mut(i)) {
                    *s = true;
                    changed = true;
                }
            }
        }
        if !changed {
            return;
        }
    }
}

/// The suppressed cells whose value follows from the published equations (sorted).
pub fn recoverable(eqs: &[Vec<usize>], suppressed: &[bool]) -> Vec<usize> {
    let unknowns: Vec<usize> = (0..suppressed.len())
        .filter(|i| suppressed.get(*i).copied().unwrap_or(false))
        .collect();
    if unknowns.is_empty() {
        return Vec::new();
    }
    let column = |cell: usize| unknowns.binary_search(&cell).ok();
    let width = unknowns.len();
    // Each equation: the parts minus the margin (the last cell) equal zero.
    let mut m: Vec<Vec<i64>> = eqs
        .iter()
        .filter_map(|e| {
            let mut row = vec![0i64; width];
            let last = e.len().saturating_sub(1);
            for (n, cell) in e.iter().enumerate() {
                if let Some(j) = column(*cell) {
                    if let Some(x) = row.get_mut(j) {
                        *x += if n == last { -1 } else { 1 };
                    }
                }
            }
            row.iter().any(|x| *x != 0).then_some(row)
        })
        .collect();
    let mut pivot_row = 0;
    for col in 0..width {
        let Some(p) = (pivot_row..m.len()).find(|r| m[*r].get(col).is_some_and(|x| *x != 0)) else {
            continue;
        };
        m.swap(pivot_row, p);
        let pivot = m[pivot_row].clone();
        let a = pivot.get(col).copied().unwrap_or(1);
        for (r, row) in m.iter_mut().enumerate() {
            let b = row.get(col).copied().unwrap_or(0);
            if r == pivot_row || b == 0 {
                continue;
            }
            for (x, y) in row.iter_mut().zip(&pivot) {
                *x = *x * a - *y * b;
            }
            let g = row.iter().fold(0i64, |g, x| gcd(g, x.abs()));
            if g > 1 {
                row.iter_mut().for_each(|x| *x /= g);
            }
        }
        pivot_row += 1;
        if pivot_row == m.len() {
            break;
        }
    }
    let mut found: Vec<usize> = m
        .iter()
        .filter_map(|row| {
            let mut nonzero = row.iter().enumerate().filter(|(_, x)| **x != 0);
            match (nonzero.next(), nonzero.next()) {
                (Some((j, _)), None) => unknowns.get(j).copied(),
                _ => None,
            }
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_small_cell_in_a_row_takes_a_second_with_it() {
        // 2 × 2 with margins: [[3, 10, 13], [20, 30, 50], [23, 40, 63]].
        let shape = [2, 2];
        let values = [3, 10, 13, 20, 30, 50, 23, 40, 63];
        let p = primary(&values, 5);
        assert_eq!(p.iter().filter(|x| **x).count(), 1);
        let s = protect(&shape, &values, &p);
        assert!(recoverable(&equations(&shape), &s).is_empty());
        // The 3 needs a partner in its row and its column, and those a fourth.
        assert!(s[0] && s[1] && s[3] && s[4], "{s:?}");
    }

    #[test]
    fn a_bridge_between_two_safe_blocks_is_found_though_every_line_hides_two() {
        // Two 2 × 2 blocks of suppressed cells joined by one more: every row and column hides
        // 0, 2 or 3 cells, yet the joining cell is the difference of two row sums.
        let shape = [4, 4];
        let mut s = vec![false; cells(&shape)];
        for (r, c) in [
            (0, 0),
            (0, 1),
            (1, 0),
            (1, 1),
            (2, 2),
            (2, 3),
            (3, 2),
            (3, 3),
            (1, 2),
        ] {
            s[index(&shape, &[Some(r), Some(c)])] = true;
        }
        let bridge = index(&shape, &[Some(1), Some(2)]);
        assert_eq!(recoverable(&equations(&shape), &s), vec![bridge]);
        let values = vec![10; cells(&shape)];
        let protected = protect(&shape, &values, &s);
        assert!(recoverable(&equations(&shape), &protected).is_empty());
    }

    #[test]
    fn a_lone_suppressed_cell_is_recoverable() {
        let shape = [3];
        let mut s = vec![false; 4];
        s[1] = true;
        assert_eq!(recoverable(&equations(&shape), &s), vec![1]);
        s[2] = true;
        assert!(recoverable(&equations(&shape), &s).is_empty());
    }
}
