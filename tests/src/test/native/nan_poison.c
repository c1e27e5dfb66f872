/*
 * NaN-poisoning allocator for the determinism harness (LD_PRELOAD). Every byte of every block malloc hands
 * out, and of every block given back to free, is set to 0xFF: read as float32 or float64 that is NaN. A kernel
 * that reads memory it has not written (an uninitialised tensor, a padded tail, memory after free) then turns
 * the result into NaN every time, instead of now and then as stale heap garbage does. glibc's MALLOC_PERTURB_
 * cannot do this: it fills fresh blocks with the complement of its byte, never 0xFF.
 * Build: cc -O2 -shared -fPIC -o libnan_poison.so nan_poison.c
 */
#include <malloc.h>
#include <stddef.h>
#include <string.h>
#include <errno.h>

extern void *__libc_malloc(size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
extern void __libc_free(void *);

static void *poisoned(void *p) {
    if (p != NULL) {
        memset(p, 0xFF, malloc_usable_size(p));
    }
    return p;
}

void *malloc(size_t n) { return poisoned(__libc_malloc(n)); }

void free(void *p) {
    if (p != NULL) {
        memset(p, 0xFF, malloc_usable_size(p));
        __libc_free(p);
    }
}

void *realloc(void *p, size_t n) {
    size_t old = p == NULL ? 0 : malloc_usable_size(p);
    void *q = __libc_realloc(p, n);
    if (q != NULL) {
        size_t now = malloc_usable_size(q);
        if (now > old) {
            memset((char *) q + old, 0xFF, now - old);
        }
    }
    return q;
}

void *memalign(size_t alignment, size_t n) { return poisoned(__libc_memalign(alignment, n)); }

void *aligned_alloc(size_t alignment, size_t n) { return poisoned(__libc_memalign(alignment, n)); }

int posix_memalign(void **out, size_t alignment, size_t n) {
    if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0) {
        return EINVAL;
    }
    void *p = poisoned(__libc_memalign(alignment, n));
    if (p == NULL && n != 0) {
        return ENOMEM;
    }
    *out = p;
    return 0;
}

void *valloc(size_t n) { return poisoned(__libc_memalign(4096, n)); }
