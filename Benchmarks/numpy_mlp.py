#!/usr/bin/env python3
"""The numpy reference for `chainrule-bench runtime`: a 784-128-64-10 sigmoid MLP with MSE loss
(½ Σ (ŷ − y)², averaged over the batch) at batch 64, forward `A @ W.T + b` and the matching
backward, timed best of REPEATS. Prints one line: `numpy forward+backward SECONDS forward SECONDS`.

Run as `python3 Benchmarks/numpy_mlp.py [BATCH] [REPEATS]` (numpy with whatever BLAS it links,
OpenBLAS for the PyPI wheels)."""
import sys
import time

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def forward(params, x):
    activations = [x]
    for W, b in params:
        activations.append(sigmoid(activations[-1] @ W.T + b))
    return activations


def backward(params, activations, y):
    m = y.shape[0]
    out = activations[-1]
    delta = (out - y) * out * (1.0 - out) / m
    grads = []
    for layer in range(len(params) - 1, -1, -1):
        W, _ = params[layer]
        a_prev = activations[layer]
        grads.append((delta.T @ a_prev, delta.sum(axis=0)))
        if layer > 0:
            delta = (delta @ W) * a_prev * (1.0 - a_prev)
    return grads[::-1]


def best(repeats, body):
    fastest = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        body()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def main():
    batch = int(sys.argv[1]) if len(sys.argv) > 1 else 64
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    rng = np.random.default_rng(1)
    sizes = [784, 128, 64, 10]
    params = [(rng.uniform(-1, 1, (n, k)), rng.uniform(-1, 1, n)) for k, n in zip(sizes, sizes[1:])]
    x = rng.uniform(0, 1, (batch, 784))
    y = np.eye(10)[rng.integers(0, 10, batch)]
    both = best(repeats, lambda: backward(params, forward(params, x), y))
    only_forward = best(repeats, lambda: forward(params, x))
    print(f"numpy forward+backward {both:.6f} forward {only_forward:.6f}")


if __name__ == "__main__":
    main()
