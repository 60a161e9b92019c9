// DuckDB's allocator budget: see duckbudget_linux.go for why.
//
// DuckDB's own allocations (its buffer manager's blocks and the strings a
// vector builds alike) go through the jemalloc bundled into its library
// (symbols prefixed duckdb_je_). jemalloc maps and unmaps its memory in
// extents through hooks an arena may replace (jemalloc 5, "extent_hooks"
// in its manual); these count the bytes DuckDB's arenas hold mapped and
// refuse a new mapping that would take them past the budget. jemalloc then
// returns NULL, and DuckDB throws its "Out of Memory ... (bad allocation?)"
// error, which fails the statement: the same error the process's cap gave,
// but below it, so that the Go runtime never meets the cap.
//
// The symbols are weak: a DuckDB library without jemalloc (another
// platform's, a shared library) links, and gk_budget_install says so.

#include <errno.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

typedef struct extent_hooks_s extent_hooks_t;
typedef void *(extent_alloc_t)(extent_hooks_t *, void *, size_t, size_t, bool *, bool *, unsigned);
typedef bool(extent_dalloc_t)(extent_hooks_t *, void *, size_t, bool, unsigned);
typedef void(extent_destroy_t)(extent_hooks_t *, void *, size_t, bool, unsigned);
typedef bool(extent_commit_t)(extent_hooks_t *, void *, size_t, size_t, size_t, unsigned);
typedef bool(extent_decommit_t)(extent_hooks_t *, void *, size_t, size_t, size_t, unsigned);
typedef bool(extent_purge_t)(extent_hooks_t *, void *, size_t, size_t, size_t, unsigned);
typedef bool(extent_split_t)(extent_hooks_t *, void *, size_t, size_t, size_t, bool, unsigned);
typedef bool(extent_merge_t)(extent_hooks_t *, void *, size_t, void *, size_t, bool, unsigned);

// As jemalloc 5.3 lays it out (include/jemalloc/jemalloc_typedefs.h).
struct extent_hooks_s {
	extent_alloc_t *alloc;
	extent_dalloc_t *dalloc;
	extent_destroy_t *destroy;
	extent_commit_t *commit;
	extent_decommit_t *decommit;
	extent_purge_t *purge_lazy;
	extent_purge_t *purge_forced;
	extent_split_t *split;
	extent_merge_t *merge;
};

extern int duckdb_je_mallctl(const char *, void *, size_t *, void *, size_t) __attribute__((weak));
extern void *duckdb_je_malloc(size_t) __attribute__((weak));
extern void duckdb_je_free(void *) __attribute__((weak));

// The hooks jemalloc had (its defaults), called for the work itself.
static extent_hooks_t *gk_next;
// Bytes mapped through the hooks, the budget (0: none) and the refusals.
static _Atomic long long gk_mapped;
static _Atomic long long gk_budget;
static _Atomic long long gk_refused;
static _Atomic long long gk_peak;

// gk_map maps size bytes aligned to align (at addr when not NULL, or
// nothing), as jemalloc's pages_map does: fresh anonymous memory, zeroed
// and committed. The hooks do not call jemalloc's default alloc (nor its
// default merge), which fetch the thread's jemalloc state and, on a thread
// whose state is not yet complete (a Go thread freeing a DuckDB result),
// complete it by allocating: inside a hook, with the arena's extent cache
// locked, that waited for itself (measured: TestScalePages with the hooks
// stood for minutes in extent_recycle under ehooks_default_merge).
static void *gk_map(void *addr, size_t size, size_t align) {
	const int prot = PROT_READ | PROT_WRITE, flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	if (align < page) {
		align = page;
	}
	void *p = mmap(addr, size, prot, flags, -1, 0);
	if (p == MAP_FAILED) {
		return NULL;
	}
	if (addr != NULL && p != addr) {
		munmap(p, size);
		return NULL;
	}
	if (((uintptr_t)p & (align - 1)) == 0) {
		return p;
	}
	munmap(p, size);
	size_t over = size + align - page;
	if (over < size) {
		return NULL;
	}
	p = mmap(NULL, over, prot, flags, -1, 0);
	if (p == MAP_FAILED) {
		return NULL;
	}
	uintptr_t a = ((uintptr_t)p + align - 1) & ~(uintptr_t)(align - 1);
	size_t lead = a - (uintptr_t)p, trail = over - lead - size;
	if (lead > 0) {
		munmap(p, lead);
	}
	if (trail > 0) {
		munmap((void *)(a + size), trail);
	}
	return (void *)a;
}

static void *gk_alloc(extent_hooks_t *h, void *addr, size_t size, size_t align, bool *zero, bool *commit, unsigned ind) {
	long long now = atomic_fetch_add(&gk_mapped, (long long)size) + (long long)size;
	long long budget = atomic_load(&gk_budget);
	if (budget > 0 && now > budget) {
		atomic_fetch_sub(&gk_mapped, (long long)size);
		atomic_fetch_add(&gk_refused, 1);
		return NULL;
	}
	void *p = gk_map(addr, size, align);
	if (p == NULL) {
		atomic_fetch_sub(&gk_mapped, (long long)size);
		return NULL;
	}
	*zero = true;
	*commit = true;
	long long peak = atomic_load(&gk_peak);
	while (now > peak && !atomic_compare_exchange_weak(&gk_peak, &peak, now)) {
	}
	return p;
}

// dalloc returns false when it unmapped the extent; true leaves it mapped
// (retained by jemalloc, and still counted).
static bool gk_dalloc(extent_hooks_t *h, void *addr, size_t size, bool committed, unsigned ind) {
	bool kept = gk_next->dalloc(gk_next, addr, size, committed, ind);
	if (!kept) {
		atomic_fetch_sub(&gk_mapped, (long long)size);
	}
	return kept;
}

static void gk_destroy(extent_hooks_t *h, void *addr, size_t size, bool committed, unsigned ind) {
	gk_next->destroy(gk_next, addr, size, committed, ind);
	atomic_fetch_sub(&gk_mapped, (long long)size);
}

static bool gk_commit(extent_hooks_t *h, void *addr, size_t size, size_t off, size_t len, unsigned ind) {
	return gk_next->commit(gk_next, addr, size, off, len, ind);
}

static bool gk_decommit(extent_hooks_t *h, void *addr, size_t size, size_t off, size_t len, unsigned ind) {
	return gk_next->decommit(gk_next, addr, size, off, len, ind);
}

static bool gk_purge_lazy(extent_hooks_t *h, void *addr, size_t size, size_t off, size_t len, unsigned ind) {
	return gk_next->purge_lazy == NULL || gk_next->purge_lazy(gk_next, addr, size, off, len, ind);
}

static bool gk_purge_forced(extent_hooks_t *h, void *addr, size_t size, size_t off, size_t len, unsigned ind) {
	return gk_next->purge_forced == NULL || gk_next->purge_forced(gk_next, addr, size, off, len, ind);
}

static bool gk_split(extent_hooks_t *h, void *addr, size_t size, size_t a, size_t b, bool committed, unsigned ind) {
	return false;
}

// Extents the hooks map are mmap's, which Linux lets jemalloc split and
// merge as it likes (its default's answer there, less the thread state it
// fetches: see gk_map).
static bool gk_merge(extent_hooks_t *h, void *a, size_t asize, void *b, size_t bsize, bool committed, unsigned ind) {
	return false;
}

static extent_hooks_t gk_hooks = {gk_alloc, gk_dalloc, gk_destroy, gk_commit, gk_decommit,
	gk_purge_lazy, gk_purge_forced, gk_split, gk_merge};

// gk_budget_install puts the hooks on every arena DuckDB's allocations can
// use: the automatic arenas (those not yet made are made with them) and the
// arena of large allocations, which jemalloc makes on first use with its
// default hooks, so one such allocation is made and freed first. It
// returns 0, or a negative step number and errno-like code in *code for
// the log. Call it once, before DuckDB allocates much: extents mapped
// before are not counted (their unmapping later is, so the count errs
// low by them, never high).
int gk_budget_install(long long budget, int *code) {
	// Once a process: a second time (a test's second server) the hooks
	// are there, and are only given the new budget.
	static int installed;
	if (installed) {
		atomic_store(&gk_budget, budget);
		return 0;
	}
	if (duckdb_je_mallctl == NULL || duckdb_je_malloc == NULL || duckdb_je_free == NULL) {
		*code = ENOSYS;
		return -1;
	}
	// The hooks map with mmap alone (gk_map): jemalloc set to take sbrk's
	// memory first keeps its own.
	const char *dss = NULL;
	size_t len = sizeof dss;
	if ((*code = duckdb_je_mallctl("opt.dss", &dss, &len, NULL, 0)) != 0) {
		return -9;
	}
	if (dss != NULL && dss[0] == 'p') {
		*code = ENOTSUP;
		return -10;
	}
	unsigned autos = 0, total = 0;
	len = sizeof autos;
	if ((*code = duckdb_je_mallctl("opt.narenas", &autos, &len, NULL, 0)) != 0) {
		return -2;
	}
	len = sizeof total;
	if ((*code = duckdb_je_mallctl("arenas.narenas", &total, &len, NULL, 0)) != 0) {
		return -3;
	}
	if (total > autos) {
		// The arena of large allocations (opt.oversize_threshold).
		size_t threshold = 0;
		len = sizeof threshold;
		if ((*code = duckdb_je_mallctl("opt.oversize_threshold", &threshold, &len, NULL, 0)) != 0) {
			return -4;
		}
		void *p = duckdb_je_malloc(threshold);
		if (p == NULL) {
			*code = ENOMEM;
			return -5;
		}
		duckdb_je_free(p);
	}
	// Every arena has jemalloc's default hooks (read without making the
	// arena), which the hooks call; they are known before any is put on.
	char name[64];
	for (unsigned i = 0; i < total; i++) {
		extent_hooks_t *old = NULL;
		len = sizeof old;
		snprintf(name, sizeof name, "arena.%u.extent_hooks", i);
		if ((*code = duckdb_je_mallctl(name, &old, &len, NULL, 0)) != 0) {
			return -6;
		}
		if (i > 0 && old != gk_next) {
			*code = EEXIST;
			return -7;
		}
		gk_next = old;
	}
	atomic_store(&gk_budget, budget);
	for (unsigned i = 0; i < total; i++) {
		extent_hooks_t *new = &gk_hooks;
		snprintf(name, sizeof name, "arena.%u.extent_hooks", i);
		if ((*code = duckdb_je_mallctl(name, NULL, NULL, &new, sizeof new)) != 0) {
			return -8;
		}
	}
	installed = 1;
	return 0;
}

void gk_budget_set(long long budget) { atomic_store(&gk_budget, budget); }
long long gk_budget_mapped(void) { return atomic_load(&gk_mapped); }
long long gk_budget_peak(void) { return atomic_exchange(&gk_peak, atomic_load(&gk_mapped)); }
long long gk_budget_refused(void) { return atomic_load(&gk_refused); }
