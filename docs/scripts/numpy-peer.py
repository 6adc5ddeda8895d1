#!/usr/bin/env python3
"""The NumPy program a researcher would write instead of mtrl, for `mtrl bench`'s workload.

One run of the multi-task alternating gradient method (docs/math.md) in float64: x ~ N(0, I_d);
task t labels y = sign(<v_t, M^T x>) with M a random d x r orthonormal basis and v_t a random unit
vector; f_t(x) = a_t . relu(W x + b); logistic loss. Each round: the head step (from a_t = 0,
eta_a = 1) on n1 fresh samples per task, then the representation step W <- -eta_w * grad_W with
lambda_w = 1 / eta_w on n2 fresh samples per task. Every sample is held in memory (T x n x d) and
the products go through NumPy's BLAS.

Prints one JSON line with the keys `mtrl bench` prints: generate_s (drawing and labelling samples),
steps_s (the two gradient steps), energy_outside (||W - W M M^T||_F / ||W||_F), max_sine (the largest
principal-angle sine between span(M) and W's top-r right singular subspace), total_s (from the first
draw to the metrics, interpreter start and imports excluded), peak_rss_mib and workload.

Usage: numpy-peer.py [--d 100] [--r 5] [--m 200] [--T 100] [--n1 5000] [--n2 5000] [--rounds 1]
                     [--seed 1] [--f32]
"""
import argparse
import json
import resource
import time

import numpy as np

DEFAULTS = dict(d=100, r=5, m=200, T=100, n1=5000, n2=5000, rounds=1, seed=1)


class Problem:
    """The ground truth and the tasks: M (d x r, orthonormal) and one direction v_t per task."""

    def __init__(self, rng, d, r, tasks, dtype):
        basis, upper = np.linalg.qr(rng.standard_normal((d, r)))
        self.basis = basis * np.sign(np.diag(upper))          # Haar: R with a positive diagonal
        directions = rng.standard_normal((tasks, r))
        directions /= np.linalg.norm(directions, axis=1, keepdims=True)
        self.label_directions = (self.basis @ directions.T).astype(dtype)   # d x T: column t is M v_t
        self.dtype = dtype

    def draw(self, rng, tasks, n):
        """n fresh samples per task, X (tasks x n x d), and their labels Y (tasks x n) in {-1, +1}."""
        x = rng.standard_normal((tasks, n, self.basis.shape[0]), dtype=self.dtype)
        y = np.sign(np.matmul(x, self.label_directions.T[:, :, None])[:, :, 0])
        return x, y


def logistic_slope(y, f):
    """d/df of log(1 + exp(-y f))."""
    return -y / (1 + np.exp(y * f))


def head_step(x, y, w, b, heads):
    """One step of every head from its current value: a_t <- a_t - mean over samples of g * relu(z)."""
    tasks, n, d = x.shape
    hidden = np.maximum(x.reshape(tasks * n, d) @ w.T + b, 0).reshape(tasks, n, -1)
    slope = logistic_slope(y, np.matmul(hidden, heads[:, :, None])[:, :, 0])
    return heads - np.matmul(slope[:, None, :], hidden)[:, 0, :] / n


def representation_step(x, y, w, b, heads):
    """The gradient of the mean loss over all tasks in W; with lambda_w = 1 / eta_w the step is -grad."""
    tasks, n, d = x.shape
    z = (x.reshape(tasks * n, d) @ w.T + b).reshape(tasks, n, -1)
    slope = logistic_slope(y, np.matmul(np.maximum(z, 0), heads[:, :, None])[:, :, 0])
    active = z > 0
    through_relu = np.multiply(slope[:, :, None], heads[:, None, :], out=z)   # tasks x n x m, in z's memory
    through_relu *= active
    del active
    gradient = through_relu.reshape(tasks * n, -1).T @ x.reshape(tasks * n, d) / (tasks * n)
    return -gradient


def subspace_metrics(w, basis):
    """Energy of W outside span(M), and the largest principal-angle sine between span(M) and the top-r
    right singular subspace of W, computed as the largest singular value of (I - M M^T) V_r."""
    w = w.astype(np.float64)
    outside = w - (w @ basis) @ basis.T
    energy = np.linalg.norm(outside) / np.linalg.norm(w)
    r = basis.shape[1]
    top = np.linalg.svd(w, full_matrices=False)[2][:r].T                     # d x r
    sine = np.linalg.norm(top - basis @ (basis.T @ top), ord=2)
    return float(energy), float(min(1.0, sine))


def run(d, r, m, T, n1, n2, rounds, seed, dtype):
    rng = np.random.default_rng(seed)
    problem = Problem(rng, d, r, T, dtype)
    w = (rng.standard_normal((m, d)) / np.sqrt(d)).astype(dtype)
    b = rng.standard_normal(m).astype(dtype)
    heads = np.zeros((T, m), dtype)
    generate = steps = 0.0
    for _ in range(rounds):
        start = time.perf_counter()
        x, y = problem.draw(rng, T, n1)
        drawn = time.perf_counter()
        heads = head_step(x, y, w, b, heads)
        del x, y
        stepped = time.perf_counter()
        x, y = problem.draw(rng, T, n2)
        drawn_again = time.perf_counter()
        w = representation_step(x, y, w, b, heads)
        del x, y
        end = time.perf_counter()
        generate += (drawn - start) + (drawn_again - stepped)
        steps += (stepped - drawn) + (end - drawn_again)
    energy, sine = subspace_metrics(w, problem.basis)
    return dict(generate_s=round(generate, 3), steps_s=round(steps, 3),
                energy_outside=round(energy, 4), max_sine=round(sine, 4))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    for key, default in DEFAULTS.items():
        parser.add_argument('--' + key, type=int, default=default)
    parser.add_argument('--f32', action='store_true', help='float32 samples and weights (metrics in float64)')
    args = parser.parse_args()
    dtype = np.float32 if args.f32 else np.float64
    start = time.perf_counter()
    out = run(args.d, args.r, args.m, args.T, args.n1, args.n2, args.rounds, args.seed, dtype)
    out['total_s'] = round(time.perf_counter() - start, 3)
    out['peak_rss_mib'] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    out['workload'] = dict(d=args.d, r=args.r, m=args.m, T=args.T, n1=args.n1, n2=args.n2,
                           rounds=args.rounds, dtype=np.dtype(dtype).name)
    print(json.dumps(out))


if __name__ == '__main__':
    main()
