//! Fusing frequent instruction sequences into superinstructions, after code
//! generation and before jump targets are resolved: one dispatch instead of
//! two to four, and fast locals read in place instead of pushed and popped.
//!
//! A sequence is fused only when no jump lands inside it. The fused
//! instruction keeps the position of the sequence's last instruction (the
//! one that can raise), so tracebacks do not change.

use super::{Op, Position};
use std::collections::HashSet;

fn small(i: u32) -> Option<u16> {
    u16::try_from(i).ok()
}

/// Tries to fuse the sequence starting at `ops[0]`: the fused instruction,
/// how many instructions it replaces, and which of them can raise (its
/// position is the fused instruction's).
fn fuse(ops: &[Op]) -> Option<(Op, usize, usize)> {
    use Op::*;
    match ops {
        [LoadFast(a), LoadConst(c), InplaceOp(k), StoreFast(b), ..] if a == b => {
            Some((InplaceFastConst(small(*a)?, small(*c)?, *k), 4, 2))
        }
        [LoadFast(a), LoadFast(b), BinaryOp(k), ..] => {
            Some((BinaryOpFastFast(small(*a)?, small(*b)?, *k), 3, 2))
        }
        [LoadFast(a), LoadConst(c), BinaryOp(k), ..] => {
            Some((BinaryOpFastConst(small(*a)?, small(*c)?, *k), 3, 2))
        }
        [LoadFast(a), LoadConst(c), BinarySubscr, ..] => {
            Some((SubscrFastConst(small(*a)?, small(*c)?), 3, 2))
        }
        [LoadFast(a), LoadFast(b), ..] => Some((LoadFastFast(small(*a)?, small(*b)?), 2, 0)),
        [LoadFast(a), LoadConst(c), ..] => Some((LoadFastConst(small(*a)?, small(*c)?), 2, 0)),
        _ => None,
    }
}

/// Fuses `ops` in place of the originals; `labels` (instruction indices)
/// are moved to the new indices.
pub(crate) fn optimize(
    ops: &mut Vec<Op>,
    positions: &mut Vec<Position>,
    labels: &mut [Option<u32>],
) {
    let targets: HashSet<usize> = labels.iter().flatten().map(|&t| t as usize).collect();
    let mut new_ops = Vec::with_capacity(ops.len());
    let mut new_positions = Vec::with_capacity(positions.len());
    let mut remap = vec![0u32; ops.len() + 1];
    let mut i = 0;
    while i < ops.len() {
        let fused =
            fuse(&ops[i..]).filter(|(_, len, _)| (i + 1..i + len).all(|j| !targets.contains(&j)));
        let (op, len, raising) = fused.unwrap_or((ops[i], 1, 0));
        for slot in remap.iter_mut().skip(i).take(len) {
            *slot = new_ops.len() as u32;
        }
        new_ops.push(op);
        new_positions.push(positions[i + raising]);
        i += len;
    }
    remap[ops.len()] = new_ops.len() as u32;
    for label in labels.iter_mut().flatten() {
        *label = remap[*label as usize];
    }
    *ops = new_ops;
    *positions = new_positions;
}
