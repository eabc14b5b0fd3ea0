"""Flow-matching Euler sampler with sway-warped time grid and CFG-Zero* guidance.

t = 1 is noise, t = 0 is data; x <- x - dt * v.  Works on a batch of independent rows:
each row's guidance scale is computed from that row alone, so a batched solve equals
the per-row solves.
"""
from __future__ import annotations

import math

import torch


def time_grid(n: int, device, dtype, sway: float = 1.0) -> torch.Tensor:
    u = torch.linspace(1, 0, n + 1, device=device, dtype=dtype)
    return u + sway * (torch.cos(math.pi / 2 * u) - 1 + u)


def solve(estimator, noise, mu, cond, n_steps: int, cfg_value: float, mean_mode: bool = False):
    """noise [B,D,P] (already drawn), mu [B,Hd], cond [B,D,P'] -> patch [B,D,P]."""
    B = noise.shape[0]
    t_span = time_grid(n_steps, noise.device, noise.dtype)
    x, t, dt = noise, t_span[0], t_span[0] - t_span[1]
    zero_steps = max(1, int((n_steps + 1) * 0.04))   # CFG-Zero* "zero init": no move at first
    mu_in = torch.cat([mu, torch.zeros_like(mu)])    # conditional rows, then unconditional
    cond_in = torch.cat([cond, cond])                # the unconditional row keeps the condition
    for k in range(1, n_steps + 1):
        if k > zero_steps:
            t_in = t.expand(2 * B)
            dt_in = dt.expand(2 * B) if mean_mode else torch.zeros_like(t_in)
            v = estimator(torch.cat([x, x]), mu_in, t_in, cond_in, dt_in)
            v_c, v_u = v[:B], v[B:]
            s = (v_c * v_u).flatten(1).sum(1) / ((v_u * v_u).flatten(1).sum(1) + 1e-8)
            s = s.view(B, 1, 1)
            x = x - dt * (s * v_u + cfg_value * (v_c - s * v_u))
        t = t - dt
        if k < n_steps:
            dt = t - t_span[k + 1]
    return x
