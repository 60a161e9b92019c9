//go:build !linux

package main

import "context"

// capMemory does nothing outside Linux, where the cap is RLIMIT_DATA: it
// returns 0 (no cap) and no error.
func capMemory(uint64) (uint64, error) { return 0, nil }

// machineMemory is 0 (not known) outside Linux, so that no cap is set.
func machineMemory() uint64 { return 0 }

// keepCapUsable and startServeAgain do nothing where no cap is set.
func keepCapUsable()           {}
func startServeAgain([]string) {}

// budgetDuckDB does nothing where no cap is set.
func budgetDuckDB(context.Context, uint64) (uint64, error) { return 0, nil }
func duckBudgetReserve(uint64) uint64                      { return 0 }
func duckMapped() int64                                    { return 0 }
func duckPeak() int64                                      { return 0 }
func duckRefused() int64                                   { return 0 }
