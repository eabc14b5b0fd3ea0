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


_SCHEDULES: dict = {}


def schedule(n_steps: int, device, dtype) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """(t, dt) of each of the n_steps Euler steps: the time at its start and its size, as
    0-dim tensors.  The same for every patch, so computed once per (n_steps, device, dtype),
    with the arithmetic the step loop used to do (t <- t - dt; dt <- t - t_span[k+1])."""
    key = (n_steps, torch.device(device), dtype)
    if key not in _SCHEDULES:
        with torch.inference_mode(False), torch.no_grad():  # plain tensors: usable under autograd too
            _SCHEDULES[key] = _euler_steps(n_steps, device, dtype)
    return _SCHEDULES[key]


def _euler_steps(n_steps, device, dtype):
    t_span = time_grid(n_steps, device, dtype)
    t, dt = t_span[0], t_span[0] - t_span[1]
    steps = []
    for k in range(1, n_steps + 1):
        steps.append((t, dt))
        t = t - dt
        if k < n_steps:
            dt = t - t_span[k + 1]
    return steps


def solve(estimator, noise, mu, cond, n_steps: int, cfg_value: float, mean_mode: bool = False):
    """noise [B,D,P] (already drawn), mu [B,Hd], cond [B,D,P'] -> patch [B,D,P].

    `estimator(x, mu, t, cond, dt)` gives the velocity; an estimator with a
    `velocity_field` method (LocalDiT) is asked once per solve for a function of x alone,
    so that what does not change between the Euler steps is computed once (inference only:
    it writes into buffers, which autograd does not follow).
    """
    B = noise.shape[0]
    zero_steps = max(1, int((n_steps + 1) * 0.04))   # CFG-Zero* "zero init": no move at first
    moving = schedule(n_steps, noise.device, noise.dtype)[zero_steps:]
    if not moving:  # every step is a zero step: the noise is the answer
        return noise
    mu_in = torch.cat([mu, torch.zeros_like(mu)])    # conditional rows, then unconditional
    cond_in = torch.cat([cond, cond])                # the unconditional row keeps the condition
    times = [(t, dt if mean_mode else torch.zeros_like(dt)) for t, dt in moving]
    if hasattr(estimator, "velocity_field") and not torch.is_grad_enabled():
        key = (n_steps, zero_steps, mean_mode, noise.device, noise.dtype)   # determines `times`
        field = estimator.velocity_field(mu_in, cond_in, times, noise.shape[2], times_key=key)
    else:
        def field(x, i):
            t, dt = times[i]
            return estimator(torch.cat([x, x]), mu_in, t.expand(2 * B), cond_in, dt.expand(2 * B))
    x = noise
    for i, (_, dt) in enumerate(moving):
        v = field(x, i)
        v_c, v_u = v[:B], v[B:]
        s = (v_c * v_u).flatten(1).sum(1) / ((v_u * v_u).flatten(1).sum(1) + 1e-8)
        s = s.view(B, 1, 1)
        x = x - dt * (s * v_u + cfg_value * (v_c - s * v_u))
    return x
