"""Synthetic corpus generator and benchmarks (issue #6): ``bench.generate``, ``bench.accuracy``, ``bench.run``."""
